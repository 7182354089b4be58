// English word tables for the topics about movements, rights and the world. Each topic's words
// are kept out of every other topic's tables, so a topic stays recoverable from an article.
#include "corpus/sample_vocabulary.h"

namespace archive::corpus {
namespace {

constexpr TopicText kTopics[] = {
    {kAntiWar, "Anti-War",
     "war wars military pentagon troops bombing bombs invasion veterans airstrikes nato "
     "imperialism antiwar",
     "+the withdrawal of the troops|+cuts to the Pentagon budget|+an end to arms sales|-the war in "
     "Afghanistan|-the Pentagon budget|-military spending|-the invasion of Iraq|-the drone "
     "program|-NATO expansion|-arms sales|-the endless wars launched after 9/11|-the new military "
     "buildup|-the draft",
     "veterans|antiwar activists|military families|peace activists|soldiers who refused to deploy",
     "a veteran of the Iraq war|an antiwar organizer|the mother of a soldier|a member of a "
     "veterans’ antiwar group",
     "No to {T}!|Money for jobs, not for {T}|The real cost of {T}|{A} march against the war|Twenty "
     "years after 9/11: the wars that never ended|Imperialism and {T}",
     "The Pentagon budget is larger than the next ten countries’ military spending combined.|Since "
     "9/11, the wars have killed hundreds of thousands of civilians.|{A} marched behind a banner "
     "reading “Books not bombs.”|Drone airstrikes have hit wedding parties and funerals in the "
     "name of counterterrorism.|Every dollar spent on {T} is a dollar taken from the needs of "
     "working people.|Veterans returning from the invasion were met with waiting lists and broken "
     "promises.|NATO expansion has been sold as defense but serves the interests of arms "
     "manufacturers.|{A} say {T} has made the world less safe, not more.|Imperialism is the "
     "foreign policy of the billionaire class.|The troops were sent into a war that the public "
     "never supported.",
     "I went to war believing the lies, and I came home knowing better|The bombs fall on working "
     "people on both sides of every front line|There is always money for war and never for us"},
    {kClimate, "Climate",
     "climate emissions fossil pipeline pipelines carbon wildfire wildfires renewable drought "
     "flooding refinery",
     "the wildfire season|+the Green New Deal|+a just transition|+public renewable energy|-the "
     "pipeline expansion|-carbon emissions|-the fossil fuel industry|-the oil refinery|-the coal "
     "plant|-the climate crisis",
     "climate campaigners|water protectors|residents near the refinery|environmental "
     "activists|frontline communities",
     "a climate organizer|a water protector|a resident living next to the refinery|an "
     "environmental scientist",
     "Stop {T}!|Climate crisis: system change, not climate change|{A} take on {T}|Wildfire smoke "
     "and the cost of inaction|Fossil fuel giants profit as the planet burns|A socialist answer to "
     "{T}",
     "Carbon emissions hit a new record this year despite every pledge made at the summits.|The "
     "pipeline would carry {#} thousand barrels of tar sands oil a day across rivers and tribal "
     "land.|{A} chained themselves to equipment at the pipeline construction site.|Wildfire smoke "
     "turned the sky orange for a week.|The fossil fuel industry knew about climate change for "
     "decades and funded denial.|A just transition means guaranteed jobs for every worker in the "
     "fossil fuel industry.|Drought and flooding are already displacing millions around the "
     "world.|{A} say {N} cannot be left to the market.|Public ownership of the energy companies "
     "would allow a rapid switch to renewable power.|The climate crisis hits working-class "
     "neighborhoods first and hardest.",
     "There are no jobs on a dead planet|The oil companies have known for fifty years and they "
     "lied|We can’t wait for politicians to save the climate"},
    {kFightingRacism, "Fighting Racism",
     "racism racist racists antiracist police policing brutality supremacy supremacists "
     "incarceration segregation redlining",
     "+a civilian review board|+justice for victims of police violence|+cuts to the police "
     "budget|-police brutality|-the killing by police|-mass incarceration|-white supremacy|-racist "
     "policing|-the far-right rally|-the legacy of redlining",
     "Black Lives Matter activists|antiracist protesters|families of people killed by "
     "police|community members|counterprotesters",
     "whose brother was killed by police|an antiracist organizer|a community activist|a civil "
     "rights attorney",
     "Justice now: {A} demand accountability|Defund the police, fund communities|Mass protests "
     "after the police killing|Racism is built into the system: here’s how we fight "
     "it|Counterprotesters outnumber white supremacists|The fight against {T}",
     "{A} filled the streets for a fifth straight night after the police killing.|The city spends "
     "more on police than on all its youth programs combined.|Mass incarceration has torn apart "
     "working-class Black communities.|Racist policing is not a few bad apples but a feature of "
     "the system.|Counterprotesters outnumbered the white supremacists ten to one.|Decades of "
     "redlining and segregation shaped which neighborhoods get investment.|{A} are demanding an "
     "end to {T}.|The officers involved have not been charged, despite video of the "
     "brutality.|Black Lives Matter turned a local tragedy into a national movement.|Racism "
     "divides working people and weakens every struggle.",
     "We’ve buried too many of our sons|No justice, no peace — and we mean it|Racism is used to "
     "divide us, and we won’t let it"},
    {kWomensLiberation, "Women's Liberation",
     "women abortion sexism sexist harassment childcare feminist feminists feminism misogyny "
     "reproductive metoo",
     "the #MeToo movement|+abortion rights|+the right to choose|+affordable "
     "childcare|+reproductive justice|+paid family leave|-sexual harassment|-the gender pay "
     "gap|-the abortion ban|-domestic violence",
     "women|abortion rights supporters|feminist activists|working mothers|survivors of harassment",
     "a working mother of two|an abortion rights organizer|a feminist activist|a survivor who "
     "spoke out",
     "Defend abortion rights!|#MeToo and the fight against {T}|{A} march against {T}|Sexism on the "
     "job: women fight back|Why socialist feminists demand {D}|After the abortion ban: what now?",
     "The #MeToo movement showed that sexual harassment is everywhere women work.|{A} marched on "
     "the state capitol to demand {D}.|Abortion bans hit working-class women hardest, since the "
     "wealthy can always travel.|Affordable childcare would transform the lives of millions of "
     "working mothers.|Women still earn less than men for the same work, and far less for work "
     "dismissed as “women’s work.”|Reproductive justice means the right to have children as well "
     "as the right not to.|Misogyny and sexism are woven into the institutions of a class "
     "society.|{A} say {N} is a question of basic democracy.|A feminist movement rooted in "
     "working-class women can win what lobbying never will.|Domestic violence shelters are turning "
     "women away for lack of funding.",
     "My body is not the property of the state|We said #MeToo, and now we say enough|Childcare "
     "costs more than I earn in a month"},
    {kInternational, "International",
     "parliament austerity minister referendum european europe regime eurozone troika abroad",
     "the referendum|the protests in the capital|the European Central Bank|-the austerity "
     "package|-the pension reform|-the IMF loan conditions|-the regime’s crackdown|-the water "
     "charges|-the cost-of-living crisis across Europe|-the prime minister’s budget",
     "our sister organization|workers across Europe|protesters in the capital|young people "
     "abroad|socialists around the world",
     "a member of our sister organization|a socialist member of parliament|a rank-and-file "
     "activist abroad|a correspondent for our sister organization",
     "{A} rise up against {T}|Report from abroad: {T} sparks mass protests|Austerity and "
     "resistance: a report from our sister organization|Prime minister resigns over "
     "{T}|International solidarity against {T}",
     "The prime minister pushed the austerity package through parliament in the middle of the "
     "night.|Our sister organization reports that hundreds of thousands joined the protests in the "
     "capital.|The finance minister resigned after the referendum result.|European governments "
     "have followed the same script: bail out the banks, cut public services.|{A} have built a "
     "movement that brought down {T}.|The regime responded with curfews and mass arrests, but the "
     "protests continued.|The IMF made its loan conditional on privatization and pension "
     "cuts.|Socialists abroad are following events here closely, and we theirs.|Opposition parties "
     "in parliament offered no alternative to austerity.|{A} say {T} is part of a crisis that "
     "crosses every frontier in Europe.",
     "The rich caused this crisis and the troika wants the poor to pay for it|Austerity has "
     "failed, and everyone here knows it|Our struggle is your struggle, wherever you live"},
    {kLgbtqRights, "LGBTQ Rights",
     "lgbtq transgender trans queer pride homophobia transphobia drag gay lesbian gender-affirming "
     "stonewall",
     "Pride month|the Stonewall legacy|+gender-affirming care|+marriage equality|+LGBTQ workplace "
     "protections|+trans rights|-the anti-trans bills|-the drag ban|-the bathroom bill|-the rise "
     "in homophobic violence",
     "trans activists|LGBTQ people|queer youth|Pride marchers|parents of trans kids",
     "a trans organizer|a queer activist|the parent of a trans teenager|a drag performer",
     "Trans rights are human rights|{A} fight {T}|Pride is a protest: defend {D}|Stop {T} now|From "
     "Stonewall to today: the fight for {D}",
     "State legislators introduced more than {#} anti-trans bills this year alone.|{A} packed the "
     "statehouse hearing to oppose {T}.|Pride began as a rebellion, not a marketing "
     "opportunity.|Gender-affirming care saves lives, and the bans put trans youth in "
     "danger.|Homophobia and transphobia are being whipped up to divide working people.|Drag "
     "performers have become a target of the right.|{A} say {N} is about who gets to live openly "
     "and safely.|Gay, lesbian and trans workers still face discrimination on the job in much of "
     "the country.|The Pride march this year had the feel of a protest again.|LGBTQ people won "
     "marriage equality through struggle, and the same is needed now.",
     "We are not going back into the closet|Trans kids deserve to grow up|Pride started as a fight "
     "and it still is one"},
    {kPalestine, "Palestine",
     "palestine palestinian palestinians gaza ceasefire israeli apartheid encampment settlers "
     "occupation bds",
     "the encampment on the quad|the BDS movement|+a ceasefire|+divestment from Israeli "
     "apartheid|+Palestinian liberation|+an end to the siege|-the siege of Gaza|-the "
     "occupation|-the assault on Gaza|-settler violence in the West Bank|-the blockade",
     "Palestinian youth|Palestine solidarity activists|protesters calling for a "
     "ceasefire|encampment organizers|Palestinian families",
     "a Palestinian-American organizer|an encampment organizer|a Jewish activist for Palestinian "
     "rights|a Palestinian poet",
     "Ceasefire now!|Free Palestine: {A} demand {D}|The encampment and the fight for {D}|End the "
     "siege of Gaza|Palestinians and the fight against {T}",
     "{A} set up an encampment on the quad demanding divestment.|The siege of Gaza has left "
     "families without food, water or medicine.|Tens of thousands marched for a ceasefire in the "
     "largest Palestine solidarity protest in the city’s history.|Human rights groups have "
     "described the occupation as apartheid.|Settlers backed by the Israeli army have driven "
     "families from their villages in the West Bank.|{A} say {N} is the moral question of our "
     "time.|Calling for a ceasefire is not antisemitism; it is a demand to stop the killing.|The "
     "BDS movement asks people to boycott, divest and sanction until Palestinians have equal "
     "rights.|Administrators threatened to clear the encampment, but it held.|Palestinians have "
     "resisted occupation for generations.",
     "Our families in Gaza have nothing left|We will not be silent while our tax dollars fund "
     "this|Every ceasefire resolution shows that the movement is working"},
    {kImmigration, "Immigration",
     "immigrants immigrant deportation deportations undocumented asylum detention sanctuary "
     "refugees border daca",
     "the immigration courts|+sanctuary city protections|+asylum seekers’ rights|+a path to "
     "citizenship|+DACA|-the deportation raids|-the detention center|-the border wall|-family "
     "separation|-the travel ban",
     "immigrants|undocumented workers|asylum seekers|refugees|immigrant rights activists|DACA "
     "recipients",
     "an undocumented mother of three|an immigrant rights organizer|a DACA recipient|a refugee who "
     "arrived last year",
     "Stop {T}!|{A} are welcome here|No human is illegal: {A} resist {T}|Inside {T}|Sanctuary for "
     "all: fight {T}",
     "Deportation raids have spread fear through immigrant neighborhoods.|{A} rallied outside the "
     "detention center, where hundreds are held without trial.|Family separation at the border "
     "shocked millions.|Undocumented workers do some of the hardest and lowest-paid jobs in the "
     "economy.|The city declared itself a sanctuary, but cooperation with federal agents "
     "continues.|Asylum seekers wait months in camps for a hearing.|{A} say {T} is part of a "
     "strategy to divide working people.|A path to citizenship for all undocumented immigrants "
     "would strengthen every worker.|The detention industry profits from every bed "
     "filled.|Refugees fleeing violence and poverty are met with cages.",
     "I have lived here twenty years, and this is my home|Nobody is illegal|They come for us at "
     "dawn, but we are organized now"},
};

}  // namespace

std::span<const TopicText> MovementTopicTexts() { return kTopics; }

}  // namespace archive::corpus
