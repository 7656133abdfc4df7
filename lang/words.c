/*
 * The words of ibrief in English, French, Dutch and German, as tables a
 * translator can review: one row per message, one column per language
 * (lang.h). Formatting is in format.c, chart words in chart_words.c.
 */
#include "lang.h"

#include <stdio.h>
#include <string.h>

#include "../util/naics.h"
#include "../util/util.h"
#include "../util/banned.h"

#define NBSP "\xc2\xa0"		/* U+00A0: keeps "31 %" and "12 400" on one line */

static const char *const lang_codes[LANG_NR] = { "en", "fr", "nl", "de" };

int i18n_lang_parse(const char *s)
{
	for (size_t i = 0; i < LANG_NR; i++)
		if (!ascii_casecmp(s, lang_codes[i]))
			return (int)i;
	return -1;
}

const char *i18n_lang_code(enum lang lang)
{
	return lang_codes[lang];
}

/* English, French, Dutch, German, in that order. */
static const char *const messages[MSG_NR][LANG_NR] = {
	[MSG_PAGE_OF] = { "Page {1} of {2}", "Page {1} sur {2}", "Pagina {1} van {2}", "Seite {1} von {2}" },
	[MSG_PERIOD] = { "Period", "Période", "Periode", "Zeitraum" },
	[MSG_FILTERS] = { "Filters", "Filtres", "Filters", "Filter" },
	[MSG_NO_FILTERS] = { "none: every incident in the store", "aucun : tous les incidents de la base",
			     "geen: alle incidenten in de databank", "keine: alle Vorfälle im Bestand" },
	[MSG_ISSUED_BY] = { "Issued by", "Émis par", "Uitgegeven door", "Herausgegeben von" },
	[MSG_ISSUED] = { "Date of issue", "Date d’émission", "Uitgiftedatum", "Ausgabedatum" },
	[MSG_DATA_AS_OF] = { "Data as of", "Données au", "Gegevens van", "Datenstand" },
	[MSG_TITLE_EUROPE] = { "{1} in Europe", "{1} en Europe", "{1} in Europa", "{1} in Europa" },
	[MSG_TITLE_AND] = { " and ", " et ", " en ", " und " },
	[MSG_TITLE_PUBLIC] = { "public bodies", "organismes publics", "overheidsinstanties",
			       "öffentliche Stellen" },
	[MSG_NEWEST_INCIDENT] = { "Newest incident", "Incident le plus récent", "Meest recente incident",
				  "Neuester Vorfall" },
	[MSG_MARKING] = { "Sharing", "Diffusion", "Verspreiding", "Weitergabe" },
	[MSG_TLP_DEFAULT] = { "the default level of this template", "niveau par défaut de ce modèle",
			      "standaardniveau van dit sjabloon", "Standardstufe dieser Vorlage" },
	[MSG_TLP_CHOSEN] = { "chosen for this issue", "choisi pour ce numéro", "gekozen voor deze uitgave",
			     "für diese Ausgabe gewählt" },
	[MSG_TLP_CONFIG] = { "the default level of your configuration",
			     "niveau par défaut de votre configuration",
			     "standaardniveau van uw configuratie", "Standardstufe Ihrer Konfiguration" },
	[MSG_COUNTRY] = { "Country", "Pays", "Land", "Land" },
	[MSG_COUNTRIES] = { "Countries", "Pays", "Landen", "Länder" },
	[MSG_SECTOR] = { "Sector", "Secteur", "Sector", "Sektor" },
	[MSG_TYPE] = { "Type", "Type", "Type", "Art" },
	[MSG_PUBLIC_ONLY] = { "public bodies only", "organismes publics uniquement",
			      "alleen overheidsinstellingen", "nur öffentliche Stellen" },
	[MSG_WHY] = { "Why chosen", "Pourquoi retenu", "Waarom gekozen", "Warum ausgewählt" },
	[MSG_WHAT] = { "What happened", "Les faits", "Wat er gebeurde", "Was geschah" },
	[MSG_IMPACT] = { "Impact", "Impact", "Impact", "Auswirkung" },
	[MSG_SOURCES] = { "Sources", "Sources", "Bronnen", "Quellen" },
	[MSG_SOURCES_HIDDEN] = { "{1} sources (members only)", "{1} sources (réservées aux membres)",
				 "{1} bronnen (alleen voor leden)", "{1} Quellen (nur für Mitglieder)" },
	[MSG_SOURCE_HIDDEN] = { "1 source (members only)", "1 source (réservée aux membres)",
				"1 bron (alleen voor leden)", "1 Quelle (nur für Mitglieder)" },
	[MSG_MORE_SOURCES] = { "and {1} more", "et {1} autres", "en nog {1}", "und {1} weitere" },
	[MSG_AFFECTED] = { "{1} people or records affected", "{1} personnes ou enregistrements touchés",
			   "{1} personen of records getroffen", "{1} Personen oder Datensätze betroffen" },
	[MSG_CONTAINED] = { "contained after {1}", "maîtrisé après {1}", "ingedamd na {1}",
			    "eingedämmt nach {1}" },
	[MSG_ABOUT] = { "about {1}", "environ {1}", "ongeveer {1}", "etwa {1}" },
	/* Durations (i18n_duration()): German abbreviates, as "nach" and "Median" need different cases. */
	[MSG_MINUTES] = { "{1} min", "{1} min", "{1} min", "{1} Min." },
	[MSG_HOURS] = { "{1} h", "{1} h", "{1} u", "{1} Std." },
	[MSG_DAY] = { "1 day", "1 jour", "1 dag", "1 Tg." },
	[MSG_DAYS] = { "{1} days", "{1} jours", "{1} dagen", "{1} Tg." },
	[MSG_WEEK] = { "1 week", "1 semaine", "1 week", "1 Wo." },
	[MSG_WEEKS] = { "{1} weeks", "{1} semaines", "{1} weken", "{1} Wo." },
	[MSG_MONTH] = { "1 month", "1 mois", "1 maand", "1 Mon." },
	[MSG_MONTHS] = { "{1} months", "{1} mois", "{1} maanden", "{1} Mon." },
	[MSG_SEMICOLON] = { "; ", NBSP "; ", "; ", "; " },
	[MSG_COLON] = { ": ", NBSP ": ", ": ", ": " },
	[MSG_AND] = { "{1} and {2}", "{1} et {2}", "{1} en {2}", "{1} und {2}" },
	[MSG_TIMES_SPREAD] = { "half were contained within {1}, nine in ten within {2}",
			       "la moitié ont été maîtrisés en {1} au plus, neuf sur dix en {2}",
			       "de helft was binnen {1} ingedamd, negen op de tien binnen {2}",
			       "die Hälfte war binnen {1} eingedämmt, neun von zehn binnen {2}" },
	[MSG_TIMES_FEW] = { "they were contained after {1}", "ils ont été maîtrisés après {1}",
			    "ze werden ingedamd na {1}", "sie wurden eingedämmt nach {1}" },
	[MSG_TIMES_NONE] = { "no summary can be given", "aucune synthèse n’est possible",
			     "een samenvatting is niet mogelijk", "eine Zusammenfassung ist nicht möglich" },
	[MSG_NOT_KNOWN] = { "not known", "inconnu", "onbekend", "unbekannt" },
	[MSG_NO_INCIDENTS] = { "No incidents were recorded {1}.", "Aucun incident n’a été enregistré {1}.",
			       "Er werden geen incidenten geregistreerd {1}.",
			       "{1} wurden keine Vorfälle erfasst." },
	[MSG_NO_INCIDENTS_MORE] = {
		"This briefing therefore holds no charts or tables. Public incidents surface late: "
		"a later issue for the same period may list some.",
		"Ce bulletin ne contient donc ni graphique ni tableau. Les incidents sont souvent "
		"rendus publics avec retard : un numéro ultérieur pour la même période pourra en recenser.",
		"Deze briefing bevat daarom geen grafieken of tabellen. Incidenten worden vaak laat "
		"bekend: een latere uitgave over dezelfde periode kan er alsnog vermelden.",
		"Dieses Briefing enthält daher keine Grafiken oder Tabellen. Vorfälle werden oft erst "
		"spät bekannt: eine spätere Ausgabe für denselben Zeitraum kann welche aufführen." },
	[MSG_MORE_ROWS] = { "{1} more rows in the attached file {2}.",
			    "{1} lignes de plus dans le fichier joint {2}.",
			    "{1} rijen meer in het bijgevoegde bestand {2}.",
			    "{1} weitere Zeilen in der angehängten Datei {2}." },
	[MSG_UNRELIABLE] = { "* share of fewer than 30 incidents: read with care",
			     "* part calculée sur moins de 30 incidents : à lire avec prudence",
			     "* aandeel van minder dan 30 incidenten: met voorzichtigheid lezen",
			     "* Anteil aus weniger als 30 Vorfällen: mit Vorsicht lesen" },
	[MSG_SUPPRESSED] = { "– fewer than 5 incidents: no share given",
			     "– moins de 5 incidents : pas de part indiquée",
			     "– minder dan 5 incidenten: geen aandeel vermeld",
			     "– weniger als 5 Vorfälle: kein Anteil angegeben" },
	[MSG_DATA_FILE] = { "Data: {1} (attached)", "Données : {1} (en pièce jointe)",
			    "Gegevens: {1} (bijgevoegd)", "Daten: {1} (angehängt)" },
	[MSG_PROVISIONAL] = { "{1} is provisional: incidents surface late.",
			      "{1} est provisoire : les incidents sont connus avec retard.",
			      "{1} is voorlopig: incidenten worden laat bekend.",
			      "{1} ist vorläufig: Vorfälle werden spät bekannt." },
	[MSG_MADE_BY] = {
		"Made with ibrief {1} from the template {2}. The data behind every chart and table "
		"is attached to this file.",
		"Produit avec ibrief {1} à partir du modèle {2}. Les données de chaque graphique et "
		"tableau sont jointes à ce fichier.",
		"Gemaakt met ibrief {1} op basis van het sjabloon {2}. De gegevens achter elke grafiek "
		"en tabel zijn bij dit bestand gevoegd.",
		"Erstellt mit ibrief {1} aus der Vorlage {2}. Die Daten jeder Grafik und Tabelle sind "
		"dieser Datei angehängt." },
	[MSG_YES] = { "yes", "oui", "ja", "ja" },
	[MSG_NO] = { "no", "non", "nee", "nein" },
	[MSG_UNKNOWN] = { "unknown", "inconnu", "onbekend", "unbekannt" },
	[MSG_NO_NOTABLE] = { "No incident in this period met the criteria of a notable incident.",
			     "Aucun incident de la période ne répond aux critères d’un incident marquant.",
			     "Geen enkel incident in deze periode voldoet aan de criteria voor een opvallend incident.",
			     "Kein Vorfall dieses Zeitraums erfüllt die Kriterien eines bemerkenswerten Vorfalls." },
	[MSG_TLP_CLEAR] = { "no limit on disclosure", "diffusion sans restriction",
			    "geen beperking op verspreiding", "keine Einschränkung der Weitergabe" },
	[MSG_TLP_GREEN] = { "for the recipient’s community", "pour la communauté du destinataire",
			    "voor de gemeenschap van de ontvanger", "für die Community des Empfängers" },
	[MSG_TLP_AMBER] = { "for the recipient’s organisation and its clients, need to know",
			    "pour l’organisation du destinataire et ses clients, selon le besoin d’en connaître",
			    "voor de organisatie van de ontvanger en haar klanten, need-to-know",
			    "für die Organisation des Empfängers und ihre Kunden, Kenntnis nur wenn nötig" },
	[MSG_TLP_AMBER_STRICT] = { "for the recipient’s organisation only",
				   "pour l’organisation du destinataire uniquement",
				   "alleen voor de organisatie van de ontvanger",
				   "nur für die Organisation des Empfängers" },
	[MSG_TLP_RED] = { "for the named recipients only", "pour les seuls destinataires nommés",
			  "alleen voor de genoemde ontvangers", "nur für die genannten Empfänger" },
	/* The cover's narrative (report/narrative.c): parts of its sentences. */
	[MSG_NARR_ONE] = { "1 incident {2}", "1 incident {2}", "1 incident {2}", "1 Vorfall {2}" },
	[MSG_NARR_MANY] = { "{1} incidents {2}", "{1} incidents {2}", "{1} incidenten {2}", "{1} Vorfälle {2}" },
	[MSG_NARR_MORE] = { "{1} more than {2}", "{1} de plus {2}", "{1} meer dan {2}", "{1} mehr als {2}" },
	[MSG_NARR_FEWER] = { "{1} fewer than {2}", "{1} de moins {2}", "{1} minder dan {2}",
		      "{1} weniger als {2}" },
	[MSG_NARR_SAME] = { "as many as {2}", "autant {2}", "evenveel als {2}", "so viele wie {2}" },
	[MSG_NARR_SIGNIFICANT] = { "a significant change", "une évolution significative",
			    "een significante verandering", "eine signifikante Veränderung" },
	[MSG_NARR_NOT_SIGNIFICANT] = { "not a significant change", "une évolution non significative",
				"geen significante verandering", "keine signifikante Veränderung" },
	[MSG_NARR_PUBLIC] = { "{1} hit public bodies (n = {2}, 95% CI {3})",
		       "{1} visaient des organismes publics (n = {2}, IC à 95\xc2\xa0% {3})",
		       "{1} trof overheidsinstellingen (n = {2}, 95%-BI {3})",
		       "{1} betrafen öffentliche Stellen (n = {2}, 95-%-KI {3})" },
	[MSG_NARR_PUBLIC_CARE] = {
		"{1} hit public bodies (n = {2}, 95% CI {3}; fewer than 30 incidents: read with care)",
		"{1} visaient des organismes publics (n = {2}, IC à 95\xc2\xa0% {3} ; moins de 30 "
		"incidents : à lire avec prudence)",
		"{1} trof overheidsinstellingen (n = {2}, 95%-BI {3}; minder dan 30 incidenten: "
		"met voorzichtigheid lezen)",
		"{1} betrafen öffentliche Stellen (n = {2}, 95-%-KI {3}; weniger als 30 Vorfälle: "
		"mit Vorsicht lesen)" },
	[MSG_NARR_PUBLIC_FEW] = { "{1} of {2} hit public bodies (too few for a share)",
			   "{1} sur {2} visaient des organismes publics (trop peu pour une part)",
			   "{1} van de {2} troffen overheidsinstellingen (te weinig voor een aandeel)",
			   "{1} von {2} betrafen öffentliche Stellen (zu wenige für einen Anteil)" },
	[MSG_NARR_LEFT_OUT_ONE] = {
		"One more incident is dated too coarsely for this period and is not counted.",
		"Un autre incident, daté trop vaguement pour cette période, n’est pas compté.",
		"Nog één incident is te grof gedateerd voor deze periode en telt niet mee.",
		"Ein weiterer Vorfall ist für diesen Zeitraum zu ungenau datiert und nicht gezählt." },
	[MSG_NARR_LEFT_OUT] = {
		"{1} more incidents are dated too coarsely for this period and are not counted.",
		"{1} autres incidents, datés trop vaguement pour cette période, ne sont pas comptés.",
		"Nog {1} incidenten zijn te grof gedateerd voor deze periode en tellen niet mee.",
		"{1} weitere Vorfälle sind für diesen Zeitraum zu ungenau datiert und nicht gezählt." },
	/* Table cells (report/cells.c): list rows that are no value, notable reasons. */
	[MSG_LIST_HIDDEN] = { "not shown (members only)", "non affichées (réservé aux membres)",
			      "niet getoond (alleen voor leden)", "nicht angezeigt (nur für Mitglieder)" },
	[MSG_LIST_NONE] = { "none stated", "aucune indiquée", "geen vermeld", "keine angegeben" },
	[MSG_LIST_UNKNOWN] = { "not stated", "non précisées", "niet vermeld", "nicht angegeben" },
	[MSG_REASON_PINNED] = { "pinned by an analyst", "retenu par un analyste",
				"vastgepind door een analist", "von einem Analysten markiert" },
	[MSG_REASON_FIRST] = { "first in {1} for 12 months", "le premier en {1} depuis 12 mois",
			       "het eerste in {1} in 12 maanden", "der erste in {1} seit 12 Monaten" },
	[MSG_SINCE_TITLE] = { "Since the last briefing", "Depuis la dernière note",
			      "Sinds de vorige briefing", "Seit dem letzten Lagebericht" },
	[MSG_SINCE_ISSUED] = {
		"The last briefing of this kind was issued on {1} for {2}.",
		"La dernière note de ce type a été émise le {1} pour {2}.",
		"De vorige briefing van deze soort werd op {1} uitgegeven voor {2}.",
		"Der letzte Lagebericht dieser Art wurde am {1} für {2} ausgegeben." },
	[MSG_SINCE_LATE] = {
		"Since then, {1} incidents dated in or before {2} have been added.",
		"Depuis, {1} incidents portant sur {2} ou avant ont été ajoutés.",
		"Sindsdien zijn {1} incidenten toegevoegd die in of vóór {2} vallen.",
		"Seitdem sind {1} Vorfälle hinzugekommen, die in {2} oder früher liegen." },
	[MSG_SINCE_LATE_ONE] = {
		"Since then, {1} incident dated in or before {2} has been added.",
		"Depuis, {1} incident portant sur {2} ou avant a été ajouté.",
		"Sindsdien is {1} incident toegevoegd dat in of vóór {2} valt.",
		"Seitdem ist {1} Vorfall hinzugekommen, der in {2} oder früher liegt." },
	[MSG_SINCE_FIGURE] = { "{1}: {2} then, {3} now", "{1} : {2} alors, {3} aujourd’hui",
			       "{1}: toen {2}, nu {3}", "{1}: damals {2}, heute {3}" },
	[MSG_SINCE_PUBLIC] = { "{1}, share of public bodies", "{1}, part des organismes publics",
			       "{1}, aandeel overheidsinstanties", "{1}, Anteil öffentlicher Stellen" },
	[MSG_SINCE_COUNTRY] = { "{1}, {2}", "{1}, {2}", "{1}, {2}", "{1}, {2}" },
	[MSG_NARR_TODAY] = {
		"The comparison uses today’s count for {1}, {2} incidents; the briefing issued for "
		"{1} said {3}.",
		"La comparaison retient le compte actuel pour {1}, {2} incidents ; la note émise pour "
		"{1} en indiquait {3}.",
		"De vergelijking gebruikt de telling van vandaag voor {1}, {2} incidenten; de briefing "
		"voor {1} noemde er {3}.",
		"Der Vergleich nutzt die heutige Zahl für {1}, {2} Vorfälle; der Lagebericht für {1} "
		"nannte {3}." },
};

const char *i18n_msg(enum lang lang, enum i18n_msg msg)
{
	return messages[msg][lang];
}

static const char *const months[LANG_NR][12] = {
	{ "January", "February", "March", "April", "May", "June", "July", "August",
	  "September", "October", "November", "December" },
	{ "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	  "septembre", "octobre", "novembre", "décembre" },
	{ "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
	  "september", "oktober", "november", "december" },
	{ "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
	  "September", "Oktober", "November", "Dezember" },
};

const char *i18n_month(enum lang lang, int month)
{
	return month >= 1 && month <= 12 ? months[lang][month - 1] : "?";
}

static const char *const thousands[LANG_NR] = { ",", NBSP, ".", "." };
static const char *const decimal_mark[LANG_NR] = { ".", ",", ",", "," };

static const char *const percent_sign[LANG_NR] = { "%", NBSP "%", "%", NBSP "%" };

const char *i18n_decimal_mark(enum lang lang)
{
	return decimal_mark[lang];
}

const char *i18n_thousands(enum lang lang)
{
	return thousands[lang];
}

const char *i18n_percent_sign(enum lang lang)
{
	return percent_sign[lang];
}
/* The stored vocabulary (store/incident.h), bucket labels and the adapter's labels. */
static const char *const vocab[][LANG_NR] = {
	{ "ransomware", "rançongiciel", "ransomware", "Ransomware" },
	{ "account compromise", "compromission de compte", "accountovername", "Kontoübernahme" },
	{ "phishing", "hameçonnage", "phishing", "Phishing" },
	{ "denial of service", "déni de service", "denial-of-service", "Denial of Service" },
	{ "data breach", "fuite de données", "datalek", "Datenleck" },
	{ "intrusion", "intrusion", "inbraak", "Einbruch" },
	{ "malware", "logiciel malveillant", "malware", "Schadsoftware" },
	{ "insider misuse", "abus interne", "misbruik door insider", "Missbrauch durch Insider" },
	{ "error", "erreur", "fout", "Fehler" },
	{ "theft or loss", "vol ou perte", "diefstal of verlies", "Diebstahl oder Verlust" },
	{ "environmental", "environnement", "omgevingsfactor", "Umwelteinfluss" },
	{ "other", "autre", "overig", "Sonstiges" },
	{ "municipality", "commune", "gemeente", "Gemeinde" },
	{ "region", "région", "regio", "Region" },
	{ "government agency", "administration", "overheidsdienst", "Behörde" },
	{ "social welfare", "aide sociale", "sociale dienst", "Sozialwesen" },
	{ "hospital", "hôpital", "ziekenhuis", "Krankenhaus" },
	{ "school", "école", "school", "Schule" },
	{ "university", "université", "universiteit", "Universität" },
	{ "police", "police", "politie", "Polizei" },
	{ "court", "tribunal", "rechtbank", "Gericht" },
	{ "defence", "défense", "defensie", "Verteidigung" },
	{ "fire service", "pompiers", "brandweer", "Feuerwehr" },
	{ "public body", "organisme public", "overheidsinstelling", "öffentliche Stelle" },
	{ "up to 1 h", "jusqu’à 1 h", "tot 1 u", "bis 1 Std." },
	{ "1-24 h", "1-24 h", "1-24 u", "1-24 Std." },
	{ "1-7 d", "1-7 j", "1-7 d", "1-7 T." },
	{ "7-30 d", "7-30 j", "7-30 d", "7-30 T." },
	{ "over 30 d", "plus de 30 j", "meer dan 30 d", "über 30 T." },
	{ "unknown", "inconnu", "onbekend", "unbekannt" },
	{ "public", "public", "publiek", "öffentlich" },
	{ "Public bodies", "Organismes publics", "Overheidsinstellingen", "Öffentliche Stellen" },
	{ "Other victims", "Autres victimes", "Andere slachtoffers", "Andere Opfer" },
	{ "Incidents", "Incidents", "Incidenten", "Vorfälle" },
	{ "incidents", "incidents", "incidenten", "Vorfälle" },
	{ "Countries", "Pays", "Landen", "Länder" },
	{ "Public victims", "Victimes publiques", "Publieke slachtoffers", "Öffentliche Opfer" },
	{ "Public share", "Part publique", "Aandeel publiek", "Anteil öffentlich" },
	{ "Median time to contain", "Délai médian de maîtrise", "Mediane indammingstijd",
	  "Mediane Eindämmungszeit" },
	{ "median", "médiane", "mediaan", "Median" },
	{ "hidden", "masqué", "verborgen", "verborgen" },
	{ "a year earlier", "un an plus tôt", "een jaar eerder", "ein Jahr zuvor" },
	{ "none", "aucun", "geen", "keine" },
};

const char *i18n_vocab(enum lang lang, const char *word)
{
	if (!word)
		return NULL;
	for (size_t i = 0; i < ARRAY_SIZE(vocab); i++)
		if (!strcmp(vocab[i][0], word))
			return vocab[i][lang];
	return NULL;
}

static const char *const columns[][LANG_NR + 1] = {
	{ "incidents", "Incidents", "Incidents", "Incidenten", "Vorfälle" },
	{ "share", "Share", "Part", "Aandeel", "Anteil" },
	{ "country", "Country", "Pays", "Land", "Land" },
	{ "name", "Name", "Nom", "Naam", "Name" },
	{ "sector", "Sector", "Secteur", "Sector", "Sektor" },
	{ "public", "Public", "Public", "Publiek", "Öffentlich" },
	{ "type", "Type", "Type", "Type", "Art" },
	{ "kind", "Kind of body", "Type d’organisme", "Soort instelling", "Art der Stelle" },
	{ "month", "Month", "Mois", "Maand", "Monat" },
	{ "year_before", "A year earlier", "Un an plus tôt", "Een jaar eerder", "Ein Jahr zuvor" },
	{ "bucket", "Time to contain", "Délai de maîtrise", "Tijd tot indamming", "Zeit bis zur Eindämmung" },
	{ "value", "Value", "Valeur", "Waarde", "Wert" },
	{ "victim", "Victim", "Victime", "Slachtoffer", "Opfer" },
	{ "date", "Date", "Date", "Datum", "Datum" },
	{ "rank", "#", "#", "#", "#" },
	{ "reasons", "Why chosen", "Pourquoi retenu", "Waarom gekozen", "Warum ausgewählt" },
	{ "summary", "Summary", "Résumé", "Samenvatting", "Zusammenfassung" },
	{ "group", "Group", "Groupe", "Groep", "Gruppe" },
	{ "ci_low", "95% CI from", "IC 95 % de", "95%-BI van", "95-%-KI von" },
	{ "ci_high", "95% CI to", "IC 95 % à", "95%-BI tot", "95-%-KI bis" },
	{ "n", "n", "n", "n", "n" },
	{ "previous", "Previous", "Précédent", "Vorige", "Vorher" },
	{ "change", "Change", "Évolution", "Verandering", "Veränderung" },
};

const char *i18n_column(enum lang lang, const char *column)
{
	for (size_t i = 0; i < ARRAY_SIZE(columns); i++)
		if (!strcmp(columns[i][0], column))
			return columns[i][lang + 1];
	return column;
}

/*
 * The names of the NAICS 2022 sectors (util/naics.h, which holds their
 * codes and English names) in French, Dutch and German, by code.
 */
static const char *const sectors[][LANG_NR] = {
	{ "11", "Agriculture, foresterie, pêche et chasse",
	  "Landbouw, bosbouw, visserij en jacht",
	  "Land- und Forstwirtschaft, Fischerei und Jagd" },
	{ "21", "Extraction minière, exploitation en carrière, et extraction de pétrole et de gaz",
	  "Mijnbouw, groeven en olie- en gaswinning",
	  "Bergbau, Steinbrüche sowie Öl- und Gasförderung" },
	{ "22", "Services publics (énergie et eau)", "Nutsbedrijven", "Versorgungsunternehmen" },
	{ "23", "Construction", "Bouw", "Baugewerbe" },
	{ "31-33", "Fabrication", "Industrie", "Verarbeitendes Gewerbe" },
	{ "42", "Commerce de gros", "Groothandel", "Großhandel" },
	{ "44-45", "Commerce de détail", "Detailhandel", "Einzelhandel" },
	{ "48-49", "Transport et entreposage", "Vervoer en opslag", "Verkehr und Lagerei" },
	{ "51", "Industrie de l’information",
	  "Informatie en communicatie",
	  "Information und Kommunikation" },
	{ "52", "Finance et assurances",
	  "Financiële diensten en verzekeringen",
	  "Finanz- und Versicherungswesen" },
	{ "53", "Services immobiliers et services de location",
	  "Onroerend goed, verhuur en leasing",
	  "Grundstücks- und Wohnungswesen, Vermietung und Leasing" },
	{ "54", "Services professionnels, scientifiques et techniques",
	  "Vrije beroepen, wetenschappelijke en technische diensten",
	  "Freiberufliche, wissenschaftliche und technische Dienstleistungen" },
	{ "55", "Gestion de sociétés et d’entreprises",
	  "Beheer van ondernemingen",
	  "Management von Unternehmen" },
	{ "56", "Services administratifs, services de soutien, gestion des déchets et assainissement",
	  "Administratieve en ondersteunende diensten, afvalbeheer en sanering",
	  "Verwaltungs- und Unterstützungsdienste, Abfallwirtschaft und Sanierung" },
	{ "61", "Services d’enseignement", "Onderwijs", "Erziehung und Unterricht" },
	{ "62", "Soins de santé et assistance sociale",
	  "Gezondheidszorg en maatschappelijke dienstverlening",
	  "Gesundheits- und Sozialwesen" },
	{ "71", "Arts, spectacles et loisirs",
	  "Kunst, amusement en recreatie",
	  "Kunst, Unterhaltung und Erholung" },
	{ "72", "Hébergement et services de restauration",
	  "Accommodatie en eet- en drinkgelegenheden",
	  "Gastgewerbe" },
	{ "81", "Autres services (sauf les administrations publiques)",
	  "Overige diensten (behalve openbaar bestuur)",
	  "Sonstige Dienstleistungen (ohne öffentliche Verwaltung)" },
	{ "92", "Administrations publiques", "Openbaar bestuur", "Öffentliche Verwaltung" },
};

const char *i18n_sector(enum lang lang, const char *code)
{
	const struct naics_sector *sector = naics_sector(code);

	if (!sector || lang == LANG_EN)
		return sector ? sector->name : NULL;
	for (size_t i = 0; i < ARRAY_SIZE(sectors); i++)
		if (!strcmp(sectors[i][0], code))
			return sectors[i][lang];
	return NULL;
}

void i18n_label(struct buf *out, enum lang lang, const char *s)
{
	const char *t = i18n_vocab(lang, s);

	/* by-sector lists public bodies as "public: KIND". */
	if (!t && s && !strncmp(s, "public: ", 8) && i18n_vocab(lang, s + 8)) {
		buf_adds(out, i18n_vocab(lang, "public"));
		buf_adds(out, i18n_msg(lang, MSG_COLON));
		buf_adds(out, i18n_vocab(lang, s + 8));
		return;
	}
	buf_adds(out, t ? t : s ? s : "");
}

/* The placeholders "{1}".."{9}" a pattern takes, as a bit set. */
static unsigned placeholders(const char *s)
{
	unsigned set = 0;

	for (; s && *s; s++)
		if (s[0] == '{' && s[1] >= '1' && s[1] <= '9' && s[2] == '}')
			set |= 1u << (s[1] - '0');
	return set;
}

/* One entry of a table: there, not empty, with the English entry's placeholders. */
static void check_entry(struct buf *problems, const char *table, const char *key, size_t lang,
			const char *s, const char *en)
{
	if (!s || !*s)
		buf_addf(problems, "%s '%s': no %s\n", table, key, lang_codes[lang]);
	else if (placeholders(s) != placeholders(en))
		buf_addf(problems, "%s '%s': %s has other placeholders than en\n", table, key,
			 lang_codes[lang]);
}

size_t i18n_check(struct buf *problems)
{
	const struct naics_sector *naics;
	size_t naics_nr = naics_sectors(&naics);
	size_t before = problems->len, n = 0;
	char key[16];

	for (size_t l = 0; l < LANG_NR; l++) {
		for (size_t m = 0; m < MSG_NR; m++) {
			snprintf(key, sizeof(key), "%zu", m);
			check_entry(problems, "message", key, l, messages[m][l], messages[m][0]);
		}
		for (size_t m = 0; m < 12; m++)
			check_entry(problems, "month", months[0][m], l, months[l][m], months[0][m]);
		for (size_t i = 0; i < ARRAY_SIZE(vocab); i++)
			check_entry(problems, "vocabulary", vocab[i][0], l, vocab[i][l], vocab[i][0]);
		for (size_t i = 0; i < ARRAY_SIZE(columns); i++)
			check_entry(problems, "column", columns[i][0], l, columns[i][l + 1],
				    columns[i][1]);
		for (size_t i = 0; i < naics_nr; i++)
			check_entry(problems, "sector", naics[i].code, l,
				    i18n_sector((enum lang)l, naics[i].code), naics[i].name);
	}
	for (size_t i = before; i < problems->len; i++)
		n += problems->buf[i] == '\n';
	return n;
}
