// Spanish word tables, one per topic, smaller than the English ones. As in English, each
// topic's words appear in no other topic's table.
#include "corpus/sample_vocabulary.h"

namespace archive::corpus {
namespace {

constexpr TopicText kTopics[] = {
    {kLabor, nullptr, "huelga huelguistas sindicato sindical piquete contrato patronal",
     "la huelga|el piquete|+un contrato justo|+la negociación colectiva|+el derecho a huelga|+la "
     "campaña sindical|-los despidos|-las horas extra obligatorias",
     "los huelguistas|los trabajadores del almacén|los afiliados al sindicato|los delegados "
     "sindicales",
     "delegada sindical|trabajador del almacén|miembro del comité de huelga",
     "Trabajadores en huelga exigen {D}|El piquete resiste: la lucha por {D}|{A} votan a favor de "
     "la huelga",
     "{A} instalaron el piquete antes del amanecer.|La patronal rechazó todas las propuestas del "
     "sindicato.|La huelga comenzó en el turno de noche y se extendió en pocas horas.|{A} dicen "
     "que la lucha por {D} apenas comienza.|Sin la amenaza de una huelga, la patronal nunca habría "
     "firmado un contrato.",
     "No volveremos al trabajo sin un contrato digno|La empresa ganó millones y ahora dice que no "
     "hay dinero para nosotros"},
    {kElections, nullptr, "elecciones electoral votantes candidata urnas boletas",
     "las elecciones municipales|la segunda vuelta|la boleta|la participación electoral",
     "los votantes|los voluntarios de la campaña electoral|los nuevos votantes",
     "voluntaria electoral|votante por primera vez",
     "La candidata socialista avanza antes de {N}|Las lecciones de {N}|{A} salen a tocar puertas",
     "{A} tocaron miles de puertas antes de las elecciones.|La participación electoral en los "
     "barrios obreros fue la más alta en dos décadas.|Nuestra candidata rechazó el dinero de las "
     "grandes empresas.|Las urnas confirmaron que un programa obrero puede ganar.|Las boletas "
     "tardías dieron la victoria a la candidata.",
     "Cada puerta fue una conversación sobre el futuro que queremos|La gente quiere una candidata "
     "que no se venda"},
    {kHousing, nullptr,
     "alquiler alquileres inquilinos inquilinas desalojo desalojos caseros vivienda",
     "+el control de alquileres|+la vivienda pública|+la congelación de alquileres|-los "
     "desalojos|-los aumentos del alquiler",
     "los inquilinos|las familias amenazadas de desalojo|las inquilinas del edificio",
     "organizadora de inquilinos|inquilina con dos hijos|miembro de la asociación de inquilinos",
     "Inquilinos exigen {D}|Alto a los desalojos|Los caseros contra {D}",
     "Los alquileres han subido un {#} por ciento en cinco años.|{A} llenaron la sala del concejo "
     "para exigir {D}.|Los grandes caseros gastaron millones contra {D}.|Muchas familias gastan "
     "más de la mitad de su ingreso en el alquiler.|La vivienda es un derecho, no una mercancía "
     "para los caseros.",
     "Me subieron el alquiler trescientos dólares y no tengo adónde ir|Los caseros ya no nos "
     "asustan"},
    {kAntiWar, nullptr, "guerra guerras militar militares pentágono tropas bombardeos invasión",
     "-la guerra|-el presupuesto del Pentágono|-los bombardeos|-la invasión|-el gasto militar",
     "los veteranos|los activistas contra la guerra|las familias de militares",
     "veterano de la guerra|activista contra la guerra",
     "No a {N}|El costo real de {N}|{A} marchan contra la guerra",
     "El presupuesto del Pentágono supera el gasto militar de diez países juntos.|{A} marcharon "
     "con una pancarta que decía “Libros, no bombas”.|Los bombardeos han matado a miles de "
     "civiles.|Las tropas fueron enviadas a una guerra que nadie apoyaba.|Cada dólar para {N} es "
     "un dólar robado a los trabajadores.",
     "Fui a la guerra creyendo las mentiras|Siempre hay dinero para la guerra y nunca para "
     "nosotros"},
    {kClimate, nullptr, "clima climática climático emisiones oleoducto carbono incendios sequía",
     "+la transición justa|-la crisis climática|-el oleoducto|-las emisiones de carbono|-los "
     "incendios forestales",
     "los activistas por el clima|los defensores del agua|las comunidades afectadas por la sequía",
     "organizadora por el clima|defensor del agua",
     "Detengan {T}|Cambiemos el sistema, no el clima|{A} contra {T}",
     "Las emisiones de carbono alcanzaron un nuevo récord este año.|{A} bloquearon la construcción "
     "del oleoducto.|La sequía y los incendios ya desplazan a millones de personas.|Las petroleras "
     "sabían de la crisis climática desde hace décadas.|{A} dicen que {N} no puede dejarse en "
     "manos del mercado.",
     "No hay empleos en un planeta muerto|Las petroleras mintieron sobre el clima durante "
     "cincuenta años"},
    {kFightingRacism, nullptr,
     "racismo racista racistas policía policial brutalidad supremacistas encarcelamiento",
     "-la brutalidad policial|-el racismo|-el encarcelamiento masivo|-el presupuesto de la policía",
     "los manifestantes antirracistas|las familias de víctimas de la policía|los vecinos",
     "activista antirracista|hermana de una víctima de la policía",
     "Justicia ya: {A} exigen el fin de {T}|Contra {T}|El racismo divide, la lucha une",
     "{A} llenaron las calles por quinta noche consecutiva.|La ciudad gasta más en la policía que "
     "en programas para jóvenes.|El encarcelamiento masivo ha destrozado comunidades enteras.|Los "
     "supremacistas fueron superados diez a uno.|El racismo divide a la clase trabajadora.",
     "Hemos enterrado a demasiados hijos|Sin justicia no hay paz"},
    {kWomensLiberation, nullptr,
     "mujeres aborto machismo acoso feminista feministas feminismo reproductivos",
     "+el derecho al aborto|+el cuidado infantil|+los derechos reproductivos|-el acoso sexual|-la "
     "brecha salarial de género",
     "las mujeres|las feministas|las madres trabajadoras", "madre trabajadora|activista feminista",
     "Defendamos el derecho al aborto|Las mujeres contra {T}|{A} marchan por {D}",
     "{A} marcharon hasta el capitolio para exigir {D}.|El acoso sexual está presente en cada "
     "lugar de trabajo.|Las prohibiciones del aborto golpean sobre todo a las mujeres "
     "trabajadoras.|El machismo está en las instituciones de una sociedad de clases.|Un feminismo "
     "obrero puede ganar lo que el cabildeo nunca ganará.",
     "Mi cuerpo no es propiedad del estado|#MeToo fue solo el principio"},
    {kFightFor15, nullptr, "salario salarios mínimo propinas restaurantes",
     "+un salario mínimo de $15|+un aumento salarial|-el robo de salarios|-el salario mínimo con "
     "propinas",
     "los trabajadores de comida rápida|los trabajadores de restaurantes|los trabajadores con "
     "salarios bajos",
     "cocinera de restaurante|trabajador de comida rápida",
     "$15 ya: {A} exigen un aumento|La lucha por $15 gana {D}|{A} contra el robo de salarios",
     "Con el salario mínimo nadie puede vivir en esta ciudad.|Los dueños de restaurantes dijeron "
     "que {D} destruiría empleos.|El robo de salarios cuesta miles de millones a los "
     "trabajadores.|{A} salieron a la hora del almuerzo y marcharon.|El aumento salarial es el más "
     "grande en la historia de la ciudad.",
     "Nadie que trabaje tiempo completo debería vivir en la pobreza|Trabajo en dos restaurantes y "
     "no me alcanza el salario"},
    {kHealthCare, nullptr,
     "hospital hospitales pacientes enfermeras seguro médica médicas medicamentos",
     "+Medicare para todos|-la deuda médica|-el cierre del hospital|-el precio de los medicamentos",
     "las enfermeras|los pacientes|los trabajadores del hospital",
     "enfermera de cuidados intensivos|paciente sin seguro",
     "Enfermeras denuncian {T}|Por qué necesitamos {D}|{A} defienden el hospital",
     "Las enfermeras dicen que la falta de personal pone en riesgo a los pacientes.|El seguro "
     "médico sube cada año mientras la cobertura baja.|El hospital anunció despidos el mismo mes "
     "de sus ganancias récord.|La deuda médica es la principal causa de bancarrota.|{A} exigen {D} "
     "ya.",
     "Nadie debería elegir entre medicamentos y comida|Cada enfermera de mi piso hace el trabajo "
     "de dos"},
    {kInternational, nullptr, "parlamento austeridad ministro referéndum europa europeos gobierno",
     "el referéndum|-el paquete de austeridad|-la reforma de pensiones|-la represión del gobierno",
     "nuestra organización hermana|los trabajadores de Europa|los manifestantes en la capital",
     "miembro de nuestra organización hermana|diputada socialista en el parlamento",
     "{A} se levantan contra {T}|Informe desde el extranjero: {T}|Solidaridad internacional contra "
     "{T}",
     "El gobierno aprobó el paquete de austeridad en el parlamento de madrugada.|Nuestra "
     "organización hermana informa que cientos de miles marcharon en la capital.|El ministro "
     "renunció tras el referéndum.|Los gobiernos europeos siguen el mismo guion de austeridad.|{A} "
     "han construido un movimiento que derrotó {T}.",
     "La austeridad fracasó y todo el mundo lo sabe aquí|Nuestra lucha es la lucha de ustedes"},
    {kLgbtqRights, nullptr, "lgbtq trans transgénero queer orgullo homofobia",
     "el mes del Orgullo|+la atención de afirmación de género|-las leyes contra las personas "
     "trans|-la homofobia",
     "las personas LGBTQ|los activistas trans|la juventud queer",
     "organizadora trans|activista queer",
     "Los derechos trans son derechos humanos|{A} contra {T}|El Orgullo es protesta",
     "Este año se presentaron más de {#} proyectos de ley contra las personas trans.|{A} llenaron "
     "la audiencia para rechazar {T}.|La homofobia se usa para dividir a los trabajadores.|La "
     "marcha del Orgullo volvió a ser una protesta.|Las personas LGBTQ ganaron sus derechos "
     "luchando.",
     "No vamos a volver al clóset|Los jóvenes trans merecen crecer"},
    {kYouthAndStudents, nullptr,
     "estudiantes estudiantil escuela escuelas universidad matrícula préstamos",
     "+la universidad gratuita|-la deuda estudiantil|-el aumento de la matrícula|-los recortes a "
     "las escuelas",
     "los estudiantes|los jóvenes|los maestros y los padres",
     "estudiante de secundaria|organizadora estudiantil",
     "Estudiantes contra {T}|Cancelen la deuda: {A} alzan la voz|La juventud lucha por {D}",
     "Cientos de estudiantes salieron de clase y marcharon a la junta escolar.|La matrícula de la "
     "universidad estatal se duplicó en una década.|{A} organizaron asambleas en la escuela cada "
     "semana.|La deuda de préstamos estudiantiles supera un billón de dólares.|Los maestros se "
     "unieron a los estudiantes en la protesta.",
     "Nos dicen que estudiemos y luego nos dan una vida de deudas|Nuestras escuelas se caen a "
     "pedazos"},
    {kSocialistTheory, nullptr,
     "marx marxismo marxista capitalismo burguesía proletariado explotación revolución",
     "la teoría de la plusvalía|el Manifiesto Comunista|el materialismo histórico|la Comuna de "
     "París",
     "los marxistas|los revolucionarios|los lectores de Marx",
     "marxista de toda la vida|educadora socialista",
     "¿Qué es {N}?|El marxismo y {N}|El capitalismo en crisis",
     "Marx explicó que la ganancia sale del trabajo no pagado, es decir, de la explotación.|El "
     "capitalismo crea riqueza en un polo y miseria en el otro.|La burguesía gobierna también con "
     "ideas.|El proletariado es la clase capaz de transformar la sociedad.|Una revolución es la "
     "acción consciente de millones.",
     "El marxismo no es un dogma sino una guía para la acción|El capitalismo no tiene solución "
     "para sus crisis"},
    {kPalestine, nullptr,
     "palestina palestino palestinos palestinas gaza ocupación campamento israelí",
     "el campamento universitario|+el alto el fuego|-el asedio de Gaza|-la ocupación",
     "los estudiantes palestinos|los activistas por Palestina|las familias palestinas",
     "organizadora palestina|estudiante palestino",
     "Alto el fuego ya|Palestina libre: {A} exigen {D}|Fin al asedio de Gaza",
     "{A} levantaron un campamento exigiendo la desinversión.|El asedio de Gaza dejó a las "
     "familias sin comida ni agua.|Decenas de miles marcharon por un alto el fuego en Gaza.|La "
     "ocupación israelí dura ya generaciones.|Los palestinos resisten la ocupación.",
     "Nuestras familias en Gaza ya no tienen nada|No callaremos mientras nuestros impuestos "
     "financian esto"},
    {kIndependentPolitics, nullptr,
     "demócratas demócrata republicanos bipartidista corporativos donantes independiente",
     "+un nuevo partido de los trabajadores|-el sistema bipartidista|-los donantes "
     "corporativos|-la dirección demócrata",
     "los demócratas desilusionados|los socialistas independientes",
     "exmiembro del Partido Demócrata|socialista independiente",
     "Por qué necesitamos {D}|Los demócratas traicionan otra vez|Rompamos con {T}",
     "Los donantes corporativos financian a los demócratas y a los republicanos.|El sistema "
     "bipartidista ofrece dos alas del mismo poder.|{A} están abiertos a {D}.|Los candidatos "
     "independientes que rechazan dinero corporativo muestran lo que es posible.|Romper con los "
     "demócratas significa construir {D}.",
     "Los demócratas dan por hecho nuestro voto|Necesitamos un partido independiente de los "
     "trabajadores"},
    {kImmigration, nullptr,
     "inmigrantes inmigrante deportación deportaciones indocumentados asilo detención santuario "
     "frontera",
     "el derecho de asilo|-las redadas de deportación|-el centro de detención|-la separación de "
     "familias en la frontera",
     "los inmigrantes|los trabajadores indocumentados|los solicitantes de asilo",
     "organizadora de inmigrantes|estudiante indocumentado",
     "Alto a {T}|Los inmigrantes son bienvenidos aquí|{A} resisten {T}",
     "Las redadas de deportación han sembrado miedo en los barrios inmigrantes.|{A} protestaron "
     "frente al centro de detención.|La separación de familias en la frontera indignó a "
     "millones.|Los trabajadores indocumentados hacen los trabajos más duros.|Un camino a la "
     "ciudadanía para todos los inmigrantes fortalecería a toda la clase trabajadora.",
     "Llevo veinte años aquí y este es mi hogar|Ningún ser humano es ilegal"},
};

}  // namespace

std::span<const TopicText> SpanishTopicTexts() { return kTopics; }

}  // namespace archive::corpus
