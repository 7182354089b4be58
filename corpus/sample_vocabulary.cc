#include "corpus/sample_vocabulary.h"

#include <algorithm>
#include <array>
#include <cassert>

namespace archive::corpus {
namespace {

// City names never appear in any other table (no author is called "Madison" or "Jackson"),
// so a city query finds exactly the articles that report from it.
constexpr City kCities[] = {
    {"Seattle", "SEATTLE", false},
    {"Minneapolis", "MINNEAPOLIS", false},
    {"Boston", "BOSTON", false},
    {"Pittsburgh", "PITTSBURGH", false},
    {"Oakland", "OAKLAND", false},
    {"Chicago", "CHICAGO", false},
    {"New York City", "NEW YORK CITY", false},
    {"Philadelphia", "PHILADELPHIA", false},
    {"Houston", "HOUSTON", false},
    {"Portland", "PORTLAND", false},
    {"Madison", "MADISON", false},
    {"Grand Rapids", "GRAND RAPIDS", false},
    {"Cincinnati", "CINCINNATI", false},
    {"Columbus", "COLUMBUS", false},
    {"Mobile", "MOBILE", false},
    {"Jackson", "JACKSON", false},
    {"Los Angeles", "LOS ANGELES", false},
    {"San Francisco", "SAN FRANCISCO", false},
    {"Baltimore", "BALTIMORE", false},
    {"Detroit", "DETROIT", false},
    {"Atlanta", "ATLANTA", false},
    {"Denver", "DENVER", false},
    {"Milwaukee", "MILWAUKEE", false},
    {"Cleveland", "CLEVELAND", false},
    {"St. Louis", "ST. LOUIS", false},
    {"Kansas City", "KANSAS CITY", false},
    {"New Orleans", "NEW ORLEANS", false},
    {"Dallas", "DALLAS", false},
    {"San Antonio", "SAN ANTONIO", false},
    {"Tucson", "TUCSON", false},
    {"Albuquerque", "ALBUQUERQUE", false},
    {"Sacramento", "SACRAMENTO", false},
    {"San Diego", "SAN DIEGO", false},
    {"Tacoma", "TACOMA", false},
    {"Spokane", "SPOKANE", false},
    {"Salt Lake City", "SALT LAKE CITY", false},
    {"Omaha", "OMAHA", false},
    {"Nashville", "NASHVILLE", false},
    {"Memphis", "MEMPHIS", false},
    {"Louisville", "LOUISVILLE", false},
    {"Durham", "DURHAM", false},
    {"Miami", "MIAMI", false},
    {"Providence", "PROVIDENCE", false},
    {"Newark", "NEWARK", false},
    {"Ann Arbor", "ANN ARBOR", false},
    {"Dublin", "DUBLIN", true},
    {"Belfast", "BELFAST", true},
    {"London", "LONDON", true},
    {"Berlin", "BERLIN", true},
    {"Mexico City", "MEXICO CITY", true},
    {"São Paulo", "SÃO PAULO", true},
    {"Montréal", "MONTRÉAL", true},
    {"Kraków", "KRAKÓW", true},
    {"Johannesburg", "JOHANNESBURG", true},
    {"Athens", "ATHENS", true},
    {"Barcelona", "BARCELONA", true},
    {"Toronto", "TORONTO", true},
    {"Stockholm", "STOCKHOLM", true},
};

constexpr std::string_view kFirstNames[] = {
    "Maya",  "Tomás",  "Leila", "Darnell", "Priya",   "Jonah",   "Rosa",   "Keisha",
    "Mateo", "Hannah", "Omar",  "Siobhán", "Dmitri",  "Aaliyah", "Wen",    "Ingrid",
    "Kwame", "Lucía",  "Noor",  "Eli",     "Marisol", "Theo",    "Chiara", "Desmond",
    "Yusuf", "Renée",  "Caleb", "Amara",   "Bogdan",  "Farah",   "Jae",    "Esperanza",
    "Ruth",  "Kofi",   "Zoë",   "Idris",   "Paloma",  "Nils",    "Tamsin", "Rafael",
};
constexpr std::string_view kLastNames[] = {
    "Okafor",    "Brennan",     "Delgado",    "Nakamura", "Kowalczyk",    "Haddad",    "Lindqvist",
    "Rāmaswamy", "Ortega",      "Fitzgerald", "Novak",    "Achterberg",   "Moreau",    "Sandoval",
    "Whitfield", "Petrović",    "Adeyemi",    "Carvalho", "Gutiérrez",    "O’Donnell", "Zielińska",
    "Mensah",    "Vásquez",     "Holloway",   "Iyer",     "Kaminski",     "Dufresne",  "Takahashi",
    "Abernathy", "Çelik",       "Nguyen",     "Baptiste", "Østergaard",   "Quintero",  "Mahlangu",
    "Sörensen",  "Castellanos", "Deshmūkh",   "Wójcik",   "Venkatāraman",
};

constexpr int kAuthorCount = 80;

constexpr uint32_t kTopicWeights[kTopicCount] = {
    14,  // Labor
    8,   // Elections
    9,   // Housing
    5,   // Anti-War
    6,   // Climate
    7,   // Fighting Racism
    6,   // Women's Liberation
    6,   // Fight for $15
    6,   // Health Care
    8,   // International
    4,   // LGBTQ Rights
    5,   // Youth and Students
    4,   // Socialist Theory
    4,   // Palestine
    6,   // Independent Politics
    5,   // Immigration
};

constexpr Storyline kStorylines[] = {
    {kElections, kIndependentPolitics, "Seattle", 2013, 9999,
     "Sāhni holds her seat against a flood of corporate money|Councilmember Sāhni: “We need a "
     "movement, not just a vote”|A decade of a socialist on the city council",
     "Councilmember Kavita Sāhni, first elected to the Seattle City Council as an open socialist "
     "in 2013, takes home only the average worker’s salary.|Sāhni’s office has become an "
     "organizing center for {A}.|Big business poured money into defeating Kavita Sāhni, and lost "
     "again.|Councilmember Sāhni told the crowd in Seattle that every gain for working people will "
     "be won by mass movements, not backroom deals.|Kavita Sāhni has never taken a corporate "
     "donation, her campaign reminded voters."},
    {kHousing, kHousing, "Minneapolis", 2016, 2024,
     "Rent Control Now collects its ten-thousandth signature|Renters close in on rent control",
     "The Rent Control Now coalition in Minneapolis has knocked on doors in every ward of the "
     "city.|Rent Control Now spokesperson Tamsin Achterberg said landlords have never faced "
     "tenants this organized.|In Minneapolis, the Rent Control Now campaign has turned {D} into "
     "the central question of city politics."},
    {kLabor, kLabor, "Detroit", 2019, 2026,
     "Redwater warehouse workers file for a union election|Redwater Logistics: inside the union "
     "drive",
     "Workers at the Redwater Logistics warehouse outside Detroit began organizing after a heat "
     "wave sent three pickers to the emergency room.|Marcus Tillery, a picker who helped start the "
     "union drive at Redwater, said the company’s anti-union meetings only made workers "
     "angrier.|Redwater Logistics has spent heavily on union-busting consultants in Detroit."},
    {kLabor, kYouthAndStudents, "Boston", 2021, 2025,
     "Bluebird Coffee baristas win their union vote|Bluebird Coffee workers walk out",
     "Baristas at Bluebird Coffee in Boston, most of them students, voted to join the union.|The "
     "Bluebird Coffee union drive in Boston has spread to a dozen stores.|Bluebird Coffee "
     "management refused to bargain, so the baristas set up a picket line."},
    {kHealthCare, kLabor, "Philadelphia", 2017, 2022,
     "St. Anselm nurses strike for safe staffing|St. Anselm nurses win their contract",
     "Nurses at St. Anselm Medical Center in Philadelphia struck for safe staffing ratios.|The St. "
     "Anselm strike in Philadelphia drew support from patients and their families.|Nurses at St. "
     "Anselm said the hospital’s profits could pay for every nurse they asked for."},
    {kFightFor15, kFightFor15, "Seattle", 2013, 2017,
     "$15 Today campaign turns up the heat|The $15 Today campaign wins",
     "The $15 Today campaign in Seattle put a $15 minimum wage at the center of city "
     "politics.|Fast-food workers at the $15 Today rally in Seattle chanted for a raise.|$15 Today "
     "organizers in Seattle said the minimum wage victory would spread nationally."},
    {kClimate, kClimate, "Minneapolis", 2016, 2021,
     "Stop the Northern Crest pipeline|Northern Crest pipeline faces growing resistance",
     "The Northern Crest pipeline would cut across wetlands north of Minneapolis.|Water protectors "
     "set up camp along the Northern Crest pipeline route.|Opposition to the Northern Crest "
     "pipeline has grown in Minneapolis."},
    {kFightingRacism, kFightingRacism, "Oakland", 2015, 2021,
     "Campaign for an elected police review board grows|Review board campaign wins",
     "The campaign for an elected civilian police review board in Oakland has gathered support "
     "from dozens of community groups.|In Oakland, families of people killed by police lead the "
     "review board campaign.|The review board campaign in Oakland says police brutality will not "
     "end without real accountability."},
    {kPalestine, kYouthAndStudents, "Chicago", 2023, 2026,
     "Lakeshore University encampment enters its third week|Lakeshore students win divestment "
     "talks",
     "Students at Lakeshore University in Chicago set up an encampment demanding divestment.|The "
     "Lakeshore University encampment in Chicago has held despite threats from "
     "administrators.|Palestinian students at Lakeshore University lead the encampment."},
    {kIndependentPolitics, kElections, "Pittsburgh", 2018, 2024,
     "Jess Okonkwo-Reyes launches independent campaign|Okonkwo-Reyes: no more corporate Democrats",
     "Jess Okonkwo-Reyes, an independent socialist running for the state house in Pittsburgh, "
     "refuses corporate donations.|Okonkwo-Reyes told supporters in Pittsburgh that the Democrats "
     "have taken working people for granted.|The Okonkwo-Reyes campaign in Pittsburgh is a test of "
     "independent politics."},
    {kImmigration, kImmigration, "Houston", 2017, 2020,
     "Fight against the detention expansion grows|Sanctuary coalition grows",
     "The Sanctuary Houston coalition is fighting the expansion of the detention center.|In "
     "Houston, immigrant families organized rapid-response networks against deportation "
     "raids.|Sanctuary Houston says the city must end all cooperation with deportations."},
};

constexpr const char* kGenericEnglishSentences =
    "Organizers say the next step is to bring even more people into the movement.|The size of the "
    "crowd surprised even the organizers.|Working people are told to wait, to be patient, to trust "
    "the people at the top.|The billionaires who run this country will not give anything up "
    "without a fight.|A public meeting is planned for next month to discuss next steps.|Socialists "
    "have been part of this fight from the beginning, and we will stay in it to the end.|The "
    "victory shows what is possible when ordinary people get organized.|Solidarity messages poured "
    "in from across the country.|Speakers connected the struggle to the broader crisis facing "
    "working people.|None of this happened by accident; it took months of patient organizing.|City "
    "officials promised to study the issue — a familiar way of doing nothing.|The local media "
    "largely ignored the story until the protests grew too big to ignore.|More than {#} hundred "
    "people signed the petition in the first week.|The demand is simple, and it is popular.|What "
    "happens next depends on whether the movement keeps up the pressure.|Those in power are "
    "counting on people getting tired and going home.|The lesson is clear: we win when we fight "
    "together.|It was the biggest protest in {C} in years.|Activists in {C} have met every week "
    "since the spring.|{P} has been involved since the first meeting.";
constexpr const char* kEnglishCitySentences =
    "It was the biggest protest in {C} in years.|Supporters in {C} held a solidarity event the "
    "same week.|Organizers in {C} say they are watching closely.|In {C}, too, working people are "
    "asking the same questions.|A delegation from {C} joined the effort.|Activists in {C} have met "
    "every week since the spring.";
constexpr const char* kEnglishQuoteFrames =
    "“{Q},” said {P}, {R}.|“{Q},” {P}, {R}, told us.|{P}, {R}, put it simply: “{Q}.”|As {P}, {R}, "
    "said at the meeting: “{Q}.”";
constexpr const char* kEnglishClosers =
    "Get involved: join us at our next meeting.|This article was first published online and "
    "updated for the print edition.|Contact us to help build the movement in your area.|Follow our "
    "coverage as this struggle develops.|Questions & comments are welcome: write to the "
    "editors.|Donate to support independent, working-class journalism.";

constexpr const char* kGenericSpanishSentences =
    "Los organizadores dicen que el próximo paso es sumar a más gente.|La multitud sorprendió "
    "incluso a los organizadores.|A la gente trabajadora le piden paciencia una y otra vez.|Los "
    "multimillonarios no van a ceder nada sin lucha.|El mes próximo habrá una asamblea pública "
    "para decidir los próximos pasos.|La victoria muestra lo que es posible cuando la gente se "
    "organiza.|Llegaron mensajes de solidaridad de todo el país.|Nada de esto pasó por casualidad: "
    "fueron meses de organización paciente.|Las asambleas de barrio se llenaron toda la semana.|"
    "Cada vez más gente pregunta cómo sumarse.|Los medios locales ignoraron la historia hasta que "
    "ya no pudieron.|Los de arriba cuentan con que nos cansemos, pero no nos vamos a ir.|"
    "{P} participa desde la primera reunión.|Lo que pase ahora depende de que el movimiento "
    "mantenga la presión.|La lección es clara: ganamos cuando luchamos juntos.|Fue la protesta más "
    "grande de {C} en años.";
constexpr const char* kSpanishCitySentences =
    "Fue la protesta más grande de {C} en años.|En {C} también hubo un acto de solidaridad.|Los "
    "activistas de {C} se reúnen cada semana desde la primavera.|Una delegación de {C} se sumó al "
    "esfuerzo.";
constexpr const char* kSpanishQuoteFrames =
    "“{Q}”, dijo {P}, {R}.|“{Q}”, nos contó {P}, {R}.|{P}, {R}, lo dijo claramente: “{Q}”.";
constexpr const char* kSpanishClosers =
    "Únete a nuestra próxima reunión.|Contáctanos para construir el movimiento en tu ciudad.|Sigue "
    "nuestra cobertura de esta lucha.";

// Kickers sometimes open a headline ("Interview: ...").
constexpr const char* kEnglishKickers =
    "Editorial|Interview|Eyewitness|Analysis|Opinion|Update|Report|Q&A|Letter from a reader";
constexpr const char* kSpanishKickers = "Editorial|Entrevista|Análisis|Opinión|Crónica";

struct GenericText {
  const char* sentences;
  const char* city_sentences;
  const char* quote_frames;
  const char* closers;
  const char* kickers;
  std::string_view by;
  std::string_view and_word;
};

TopicWords ParseTopic(const TopicText& text, std::string_view name) {
  TopicWords words;
  words.id = text.id;
  words.name = name;
  words.markers = SampleVocabulary::SplitList(text.markers, ' ');
  for (std::string_view noun : SampleVocabulary::SplitList(text.nouns)) {
    if (noun.front() == '+' || noun.front() == '-') {
      (noun.front() == '+' ? words.demands : words.threats).push_back(noun.substr(1));
      noun.remove_prefix(1);
    }
    words.nouns.push_back(noun);
  }
  // A topic without demands or threats (Socialist Theory) uses all its nouns for both.
  if (words.demands.empty()) words.demands = words.nouns;
  if (words.threats.empty()) words.threats = words.nouns;
  words.actors = SampleVocabulary::SplitList(text.actors);
  words.roles = SampleVocabulary::SplitList(text.roles);
  words.headlines = SampleVocabulary::SplitList(text.headlines);
  words.sentences = SampleVocabulary::SplitList(text.sentences);
  words.quotes = SampleVocabulary::SplitList(text.quotes);
  return words;
}

GenericWords ParseGeneric(const GenericText& text) {
  GenericWords words;
  words.sentences = SampleVocabulary::SplitList(text.sentences);
  words.city_sentences = SampleVocabulary::SplitList(text.city_sentences);
  words.quote_frames = SampleVocabulary::SplitList(text.quote_frames);
  words.closers = SampleVocabulary::SplitList(text.closers);
  words.kickers = SampleVocabulary::SplitList(text.kickers);
  words.by = text.by;
  words.and_word = text.and_word;
  return words;
}

}  // namespace

std::vector<std::string_view> SampleVocabulary::SplitList(std::string_view list, char separator) {
  std::vector<std::string_view> items;
  while (!list.empty()) {
    size_t end = list.find(separator);
    if (end == std::string_view::npos) end = list.size();
    if (end > 0) items.push_back(list.substr(0, end));
    list.remove_prefix(end == list.size() ? end : end + 1);
  }
  return items;
}

SampleVocabulary::SampleVocabulary() {
  english_.resize(kTopicCount);
  spanish_.resize(kTopicCount);
  for (std::span<const TopicText> table : {WorkplaceTopicTexts(), MovementTopicTexts()}) {
    for (const TopicText& text : table) english_[text.id] = ParseTopic(text, text.name);
  }
  for (const TopicText& text : SpanishTopicTexts()) {
    spanish_[text.id] = ParseTopic(text, english_[text.id].name);
  }
  const auto complete = [](const TopicWords& words) { return !words.sentences.empty(); };
  assert(std::all_of(english_.begin(), english_.end(), complete));
  assert(std::all_of(spanish_.begin(), spanish_.end(), complete));
  (void)complete;

  generic_english_ =
      ParseGeneric({kGenericEnglishSentences, kEnglishCitySentences, kEnglishQuoteFrames,
                    kEnglishClosers, kEnglishKickers, "By", "and"});
  generic_spanish_ =
      ParseGeneric({kGenericSpanishSentences, kSpanishCitySentences, kSpanishQuoteFrames,
                    kSpanishClosers, kSpanishKickers, "Por", "y"});

  // Authors are fixed pairs of the name tables; the last twelve write from abroad.
  constexpr int kNames = static_cast<int>(std::size(kFirstNames));
  static_assert(std::size(kLastNames) == std::size(kFirstNames));
  std::vector<int> us_cities, world_cities;
  for (int i = 0; i < static_cast<int>(std::size(kCities)); ++i) {
    (kCities[i].international ? world_cities : us_cities).push_back(i);
  }
  const int us_authors = kAuthorCount - static_cast<int>(world_cities.size());
  for (int i = 0; i < kAuthorCount; ++i) {
    const int last = (i * 13 + (i / kNames) * 7) % kNames;
    Author author;
    author.name = std::string(kFirstNames[i % kNames]) + " " + std::string(kLastNames[last]);
    author.home_city =
        i < us_authors ? us_cities[(i * 7) % us_cities.size()] : world_cities[i - us_authors];
    authors_.push_back(std::move(author));
  }
}

std::span<const City> SampleVocabulary::cities() const { return kCities; }
std::span<const Storyline> SampleVocabulary::storylines() const { return kStorylines; }
std::span<const std::string_view> SampleVocabulary::first_names() const { return kFirstNames; }
std::span<const std::string_view> SampleVocabulary::last_names() const { return kLastNames; }
std::span<const uint32_t> SampleVocabulary::topic_weights() const { return kTopicWeights; }

}  // namespace archive::corpus
