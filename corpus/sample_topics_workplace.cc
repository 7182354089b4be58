// English word tables for the topics about work, money and politics. Each topic's words are
// kept out of every other topic's tables, so a topic stays recoverable from an article's text.
#include "corpus/sample_vocabulary.h"

namespace archive::corpus {
namespace {

constexpr TopicText kTopics[] = {
    {kLabor, "Labor",
     "strike strikers picket union unionized bargaining contract steward stewards walkout scabs "
     "grievance warehouse",
     "the strike|the picket line|the bargaining table|a strike vote|the grievance procedure|the "
     "contract campaign|the union election at the warehouse|+a fair contract|+the union drive|+a "
     "first contract|+the right to strike|+union recognition|+the warehouse union "
     "campaign|-mandatory overtime|-the lockout|-union-busting consultants|-the two-tier pay "
     "scale|-the company’s demand for concessions",
     "strikers|union members|warehouse workers|shop stewards|the bargaining "
     "committee|rank-and-file unionists|picketers|nonunion workers",
     "a shop steward|a warehouse worker on the organizing committee|a striker|a member of the "
     "bargaining committee|a union organizer",
     "Workers walk out as talks over {D} collapse|Picket lines hold in the fight for {D}|{A} vote "
     "to authorize a strike|Union drive spreads despite union-busting|What it will take to win "
     "{D}|Strike wave: lessons from the picket line|Bosses push {T} — workers answer with a "
     "walkout",
     "{A} set up picket lines before dawn, and by noon the warehouse had stopped shipping.|The "
     "company hired union-busting consultants and held captive-audience meetings, but support for "
     "the union only grew.|Management’s latest offer on {D} was rejected by {#} percent of union "
     "members.|After months at the bargaining table, {A} voted to authorize a strike.|Shop "
     "stewards kept the picket line supplied with coffee, and drivers refused to cross it.|The "
     "union has filed unfair labor practice charges over the firing of two stewards.|Every "
     "contract the union has won was won by the threat of a strike, not by the goodwill of the "
     "bosses.|{A} say the fight for {D} is only beginning.|Scabs were bused in through a side "
     "gate, and strikers answered by doubling the picket.|A strike fund built up by the members "
     "means {A} can hold out for weeks.|The walkout began on the night shift and spread to the day "
     "shift within hours.|When the grievance procedure failed, the union turned to action on the "
     "shop floor.",
     "We are not going back to work until we have a contract we can live on|The company made "
     "billions, and now they say there’s nothing left for us|Every picket line we hold makes the "
     "next one stronger|They tried to scare us out of the union, and it backfired"},
    {kElections, "Elections",
     "ballot ballots voters precinct precincts canvass canvassing canvassers incumbent turnout "
     "runoff primary election electoral",
     "the primary|the runoff|the ballot measure|the council race|the recall election|the special "
     "election|the ballot initiative|the general election|the school board race",
     "voters|volunteer canvassers|precinct captains|first-time voters|election volunteers",
     "a volunteer canvasser|a precinct captain|a first-time voter|a canvassing team leader",
     "Socialist candidate surges ahead of {N}|{A} knock on forty thousand doors before {N}|Results "
     "are in: what {N} tells us|Ballot measure wins despite big-money opposition|Get out the vote "
     "for {N}|Behind the upset in {N}",
     "{A} knocked on more than {#} thousand doors in the final week before the election.|Turnout "
     "in working-class precincts was the highest in two decades.|The incumbent outspent the "
     "challenger four to one and still lost the runoff.|Early returns showed {N} too close to "
     "call, but late ballots broke decisively our way.|Canvassing teams went out every weekend, "
     "talking to voters about what they actually need.|The ballot initiative qualified with "
     "thousands of signatures to spare.|Our candidate refused big-business donations and ran on a "
     "platform written together with {A}.|Election night drew hundreds to a packed watch "
     "party.|The primary results show that a working-class program can win at the ballot "
     "box.|Precinct by precinct, the map shows where {A} turned out in force.|Even the local paper "
     "admitted that {N} had reshaped the electoral landscape.",
     "Every door we knocked on was a conversation about what kind of future we want|People are "
     "hungry for a candidate who won’t sell them out|The results prove that a bold program turns "
     "out voters"},
    {kHousing, "Housing",
     "rent rents renters tenants tenant landlords landlord eviction evictions lease apartment "
     "apartments condos homeless housing",
     "lease renewals|+rent control|+a rent freeze|+the eviction moratorium|+just-cause eviction "
     "protections|+affordable housing|+a tax on vacant luxury condos|+the tenants’ bill of "
     "rights|+public housing|+social housing|-rent increases|-the sweeps of homeless "
     "encampments|-mass evictions|-the luxury condo tower|-no-cause evictions|-the landlord "
     "lobby’s bill",
     "tenants|renters|tenant organizers|families facing eviction|residents of the apartment "
     "complex|public housing residents",
     "a tenant organizer|a renter facing a steep increase|a member of the tenants’ association|a "
     "public housing resident",
     "Tenants fight back against {T}|Rent control on the ballot: what’s at stake|Landlords push "
     "back as {A} demand {D}|Win for renters: council passes {D}|Stop the evictions!|Why the "
     "market will never deliver {D}",
     "Rents in the city have risen by {#} percent in five years, far faster than incomes.|{A} "
     "packed the council chamber to demand {D}.|Big landlords and developers spent heavily to "
     "defeat {D}.|Eviction notices have doubled since the moratorium expired.|The tenants’ "
     "association organized every floor of a building where the heat had been off for "
     "weeks.|Developers have built luxury condos while families are pushed into homelessness.|A "
     "landlord lobby group warned that {D} would end the rental market; {A} called their "
     "bluff.|Under the proposal, annual rent increases would be capped and just-cause eviction "
     "protections extended to every lease.|Many tenants now spend more than half their income on "
     "rent.|The housing crisis is not a natural disaster but the result of treating housing as a "
     "commodity.|{A} held a rally outside the offices of the property management company.|Public "
     "housing, built and owned by the city, is the only real answer to the shortage of apartments.",
     "My rent went up three hundred dollars in one year and I have nowhere else to go|Landlords "
     "have had their way for decades, and now tenants are organized|Housing is a human right, not "
     "a profit machine for landlords|We won {D} because we refused to go away"},
    {kFightFor15, "Fight for $15",
     "minimum wage wages hourly paycheck paychecks tipped fast-food restaurant restaurants "
     "low-wage",
     "+a $15 minimum wage|+the $15 ordinance|+a living wage|+fast-food scheduling rules|+the wage "
     "increase|+the minimum wage ballot measure|+$15 an hour|+a raise for low-wage workers|-wage "
     "theft|-the tipped minimum wage|-the restaurant lobby’s exemptions|-the training wage "
     "loophole",
     "fast-food workers|low-wage workers|restaurant workers|tipped workers|retail workers|minimum "
     "wage earners",
     "a fast-food worker|a restaurant cook|a tipped server|a retail cashier",
     "$15 now: {A} demand a raise|Fight for $15 wins {D}|Big business tries to roll back {D}|From "
     "$7.25 to $15: how {A} won|{A} rally for $15 and respect",
     "When the $15 demand was first raised, the business lobby called it impossible.|{A} earning "
     "the minimum wage cannot afford to live anywhere in the county.|The ordinance phases in $15 "
     "an hour over three years, with no exemptions for tipped workers.|Restaurant owners claimed "
     "{D} would destroy jobs; employment in fast-food actually rose.|Wage theft costs low-wage "
     "workers billions of dollars a year.|{A} walked off the job at lunch hour and marched to the "
     "franchise owner’s office.|A full-time worker at the federal minimum wage of $7.25 earns "
     "about $15,000 a year.|Every paycheck now carries the raise that {A} fought for.|The hourly "
     "raise is the biggest pay increase in the city’s history for low-wage workers.|The restaurant "
     "lobby spent millions on a campaign to water down {D}.|#FightFor15 trended nationally as {A} "
     "rallied in dozens of cities.",
     "Nobody who works full time should live in poverty|Fifteen dollars was called a fantasy, and "
     "now it’s the law|I worked two jobs and still couldn’t pay the bills on the minimum wage"},
    {kHealthCare, "Health Care",
     "hospital hospitals patients nurses nursing insurance medicare premiums medical "
     "pharmaceutical clinic",
     "the pandemic response|+Medicare for All|+safe staffing ratios|+single-payer health "
     "care|+mental health services|+a public hospital|-the hospital closure|-medical debt|-soaring "
     "insurance premiums|-prescription drug prices|-the emergency room backlog",
     "nurses|patients|hospital workers|caregivers|uninsured families|health care workers",
     "a nurse in the intensive care unit|a hospital custodian|a patient advocate|a respiratory "
     "therapist",
     "Nurses sound the alarm over {T}|Why we need {D}|Hospital profits soar while {A} pay the "
     "price|Medical debt: the crisis nobody voted for|{A} rally to save the neighborhood hospital",
     "Nurses say understaffing has put patients at risk on every shift.|Insurance premiums have "
     "climbed {#} percent while coverage has shrunk.|The hospital chain reported record profits "
     "the same quarter it announced layoffs.|{A} testified that patients wait hours in the "
     "emergency room for a bed.|Medical debt is now the leading cause of personal "
     "bankruptcy.|Pharmaceutical companies raised the price of insulin again this year.|Under "
     "Medicare for All, no one would receive a bill at the hospital.|The clinic serves thousands "
     "of uninsured patients a year and is now slated to close.|{A} are demanding {D}, not another "
     "study.|The pandemic exposed how a profit-driven health system fails patients and nurses "
     "alike.",
     "We went into nursing to care for people, not to ration care for shareholders|Nobody should "
     "have to choose between medicine and food|Every nurse on my floor is doing the work of two"},
    {kYouthAndStudents, "Youth and Students",
     "students student campus tuition classroom classrooms school schools university teachers "
     "loans",
     "the school board vote|the campus sit-in|+free college|+cancellation of student "
     "loans|+smaller class sizes|+more school counselors|-tuition hikes|-student loan debt|-the "
     "school budget cuts|-the university’s investments in arms makers",
     "students|high school students|graduate students|young people|student organizers|teachers and "
     "parents",
     "a high school senior|a graduate student|a student organizer|a sophomore at the state "
     "university|a middle school teacher",
     "Students walk out over {T}|Young people lead the fight against {T}|Cancel the debt: {A} "
     "speak out|Campus activists win {D}|Why {A} are turning to socialism",
     "Hundreds of students walked out of class and rallied in front of the school board.|Tuition "
     "at the state university has doubled in a decade, pushing students deeper into debt.|Student "
     "loan debt now exceeds a trillion and a half dollars nationally.|{A} organized teach-ins on "
     "campus every week of the semester.|Class sizes have grown while the district cut counselors "
     "and librarians.|A generation of students has grown up with crisis after crisis.|The "
     "university administration called campus security on a peaceful sit-in.|{A} say {N} is a "
     "fight about what kind of future they will have.|Teachers joined students at the rally, "
     "holding signs that read “Fund our schools.”|A survey of students found that most support "
     "free college and cancellation of loans.",
     "We’re told to study hard and then handed a lifetime of debt|Our schools are falling apart "
     "while the district pays consultants|Young people are not apathetic — we’re angry"},
    {kSocialistTheory, "Socialist Theory",
     "marx marxism marxist marxists capitalism capitalist bourgeoisie proletariat dialectics "
     "exploitation engels lenin revolution",
     "the theory of surplus value|the Communist Manifesto|the state and revolution|historical "
     "materialism|the transitional program|the Paris Commune|the falling rate of profit|the role "
     "of the revolutionary party|dialectical materialism|the Russian Revolution",
     "Marxists|revolutionaries|study group members|readers of Marx|working-class militants",
     "who leads a Marxist reading group|a longtime revolutionary|a member of the editorial board|a "
     "socialist educator",
     "What is {N}?|Marxism and {N}|Why capitalism cannot be reformed|Lessons of {N} for "
     "today|Capitalism in crisis: a Marxist view|Reading Marx today: {N}",
     "Marx explained that profit comes from the unpaid labor of the working class, a process he "
     "called exploitation.|Capitalism creates enormous wealth at one pole and misery at the "
     "other.|{A} have studied {N} for generations because it still explains the world.|The "
     "bourgeoisie rules not only through force but through ideas that make its rule seem "
     "natural.|Engels described how the state arises as an instrument of class rule.|Dialectics "
     "teaches us to see society as a process of change, not a fixed order.|A revolution is not a "
     "coup by a small group but the conscious action of millions.|Under capitalism, crises of "
     "overproduction recur as surely as the seasons.|The proletariat, who own nothing but their "
     "ability to work, is the class that can transform society.|Lenin argued that {N} must be "
     "understood in the light of concrete struggles.|{A} reject the idea that capitalism is the "
     "end of history.",
     "Marxism is not a dogma but a guide to action|Capitalism has no solutions to the crises it "
     "creates|Studying {N} made sense of everything I was seeing at work"},
    {kIndependentPolitics, "Independent Politics",
     "democrats democratic republicans republican two-party establishment caucus independent "
     "corporate donors",
     "the progressive caucus|+a new party of working people|+independent working-class "
     "candidates|+a break with the Democrats|-the Democratic Party establishment|-corporate "
     "donors|-the two-party system|-the lesser-evil trap|-corporate super PAC money|-the "
     "Democratic leadership",
     "disillusioned Democrats|independent socialists|left-wing activists|former Democratic Party "
     "members|supporters of a new party",
     "a former Democratic Party staffer|an independent socialist|a supporter of the new party "
     "effort|a longtime left-wing activist",
     "Why we need {D}|Democrats betray working people again|Break with corporate politics: build "
     "{D}|The lesser-evil trap and how to escape it|Republicans and Democrats unite against "
     "{A}|After the convention: time for {D}",
     "Corporate donors fund both parties, and both parties deliver for them.|The Democratic Party "
     "establishment closed ranks to block the left challenger.|Republicans attack working people "
     "openly; Democrats too often do it with an apology.|{A} are increasingly open to {D}.|The "
     "progressive caucus folded on every key demand once the leadership applied "
     "pressure.|Independent candidates who refuse corporate money have shown what is possible.|The "
     "two-party system offers a choice between two wings of the same establishment.|Breaking with "
     "the Democrats means building a new party rooted in workplaces and social movements.|Every "
     "four years we are told to hold our noses one more time for the Democrats.|{A} gathered to "
     "discuss {N} at a packed conference.",
     "The Democrats take our votes for granted and give us nothing|We need a party that answers to "
     "working people, not to corporate donors|Republicans and Democrats are owned by the same "
     "billionaires"},
};

}  // namespace

std::span<const TopicText> WorkplaceTopicTexts() { return kTopics; }

}  // namespace archive::corpus
