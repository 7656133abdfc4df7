/* The report's words in four languages; dates, numbers and country names. */
#include "i18n.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../store/incident.h"
#include "../util/country.h"
#include "../util/banned.h"

#define NBSP "\xc2\xa0"		/* U+00A0: keeps "31 %" and "12 400" on one line */
#define NDASH "\xe2\x80\x93"	/* U+2013: ranges */

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
	[MSG_HOURS] = { "{1} h", "{1} h", "{1} u", "{1} Std." },
	[MSG_DAYS] = { "{1} days", "{1} jours", "{1} dagen", "{1} Tagen" },
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
	[MSG_NO_ROWS] = { "No incidents in this period.", "Aucun incident sur la période.",
			  "Geen incidenten in deze periode.", "Keine Vorfälle in diesem Zeitraum." },
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
};

const char *i18n_msg(enum lang lang, enum i18n_msg msg)
{
	return messages[msg][lang];
}

void i18n_fill(struct buf *out, const char *pattern, const char *const *args, size_t nr)
{
	const char *p = pattern;

	while (*p) {
		if (p[0] == '{' && p[1] >= '1' && p[1] <= '9' && p[2] == '}' &&
		    (size_t)(p[1] - '1') < nr) {
			buf_adds(out, args[p[1] - '1']);
			p += 3;
		} else {
			buf_addch(out, *p++);
		}
	}
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

/* Splits "YYYY[-MM[-DD]]"; returns the number of parts read (0 when malformed). */
static int split_date(const char *s, int *y, int *m, int *d)
{
	size_t len = strlen(s);
	long v;
	char part[5];

	*y = *m = *d = 0;
	if (len != 4 && len != 7 && len != 10)
		return 0;
	memcpy(part, s, 4);
	part[4] = '\0';
	if (parse_long(part, 1000, 9999, &v) < 0)
		return 0;
	*y = (int)v;
	if (len == 4)
		return 1;
	memcpy(part, s + 5, 2);
	part[2] = '\0';
	if (s[4] != '-' || parse_long(part, 1, 12, &v) < 0)
		return 0;
	*m = (int)v;
	if (len == 7)
		return 2;
	memcpy(part, s + 8, 2);
	if (s[7] != '-' || parse_long(part, 1, 31, &v) < 0)
		return 0;
	*d = (int)v;
	return 3;
}

void i18n_date(struct buf *out, enum lang lang, const char *date)
{
	int y, m, d;

	switch (split_date(date, &y, &m, &d)) {
	case 1:
		buf_addf(out, "%d", y);
		break;
	case 2:
		buf_addf(out, "%s %d", months[lang][m - 1], y);
		break;
	case 3:
		buf_addf(out, lang == LANG_DE ? "%d. %s %d" : "%d %s %d", d, months[lang][m - 1], y);
		break;
	default:
		buf_adds(out, date);
	}
}

/* "Q2 2024", "T2 2024" (trimestre), "K2 2024" (kwartaal); without the year: "Q2". */
static void quarter_label(struct buf *out, enum lang lang, const struct query_period *p, int year)
{
	static const char letter[LANG_NR] = { 'Q', 'T', 'K', 'Q' };
	int month = (p->from[5] - '0') * 10 + (p->from[6] - '0');

	buf_addf(out, "%c%d", letter[lang], (month - 1) / 3 + 1);
	if (year)
		buf_addf(out, " %.4s", p->from);
}

/* A range from the first of a month to the last day of a month: "May 2023 – April 2024". */
static int whole_months(const struct query_period *p)
{
	int y1, m1, d1, y2, m2, d2;

	return split_date(p->from, &y1, &m1, &d1) == 3 && split_date(p->to, &y2, &m2, &d2) == 3 &&
	       d1 == 1 && d2 == days_in_month(y2, m2);
}

void i18n_period(struct buf *out, enum lang lang, const struct query_period *p)
{
	static const char *const all[LANG_NR] = { "all dates", "toutes dates", "alle data", "alle Daten" };
	static const char *const from[LANG_NR] = { "from ", "depuis le ", "vanaf ", "ab " };
	static const char *const until[LANG_NR] = { "until ", "jusqu’au ", "tot en met ", "bis " };
	char month[8];

	switch (p->kind) {
	case QUERY_PERIOD_MONTH:
		memcpy(month, p->from, 7);
		month[7] = '\0';
		i18n_date(out, lang, month);
		return;
	case QUERY_PERIOD_QUARTER:
		quarter_label(out, lang, p, 1);
		return;
	case QUERY_PERIOD_YEAR:
		buf_add(out, p->from, 4);
		return;
	case QUERY_PERIOD_RANGE:
		if (!strcmp(p->from, QUERY_DATE_MIN)) {
			buf_adds(out, until[lang]);
			i18n_date(out, lang, p->to);
		} else if (!strcmp(p->to, QUERY_DATE_MAX)) {
			buf_adds(out, from[lang]);
			i18n_date(out, lang, p->from);
		} else if (whole_months(p)) {
			memcpy(month, p->from, 7);
			month[7] = '\0';
			i18n_date(out, lang, month);
			buf_adds(out, " " NDASH " ");
			memcpy(month, p->to, 7);
			i18n_date(out, lang, month);
		} else {
			i18n_date(out, lang, p->from);
			buf_adds(out, " " NDASH " ");
			i18n_date(out, lang, p->to);
		}
		return;
	case QUERY_PERIOD_ALL:
	case QUERY_PERIOD_NONE:
		buf_adds(out, all[lang]);
		return;
	}
}

void i18n_in_period(struct buf *out, enum lang lang, const struct query_period *p, int short_month)
{
	/* Prepositions by kind: month, quarter, year, range, since, until, all. */
	static const char *const in[LANG_NR][7] = {
		{ "in ", "in ", "in ", "from ", "since ", "up to ", "over all dates" },
		{ "en ", "au ", "en ", "du ", "depuis le ", "jusqu’au ", "sur toute la période" },
		{ "in ", "in ", "in ", "van ", "sinds ", "tot en met ", "over alle data" },
		{ "im ", "im ", "im Jahr ", "vom ", "seit dem ", "bis zum ", "insgesamt" },
	};
	static const char *const to[LANG_NR] = { " to ", " au ", " tot en met ", " bis zum " };
	char month[8];

	switch (p->kind) {
	case QUERY_PERIOD_MONTH:
		buf_adds(out, in[lang][0]);
		if (short_month) {
			buf_adds(out, i18n_month(lang, (p->from[5] - '0') * 10 + (p->from[6] - '0')));
		} else {
			memcpy(month, p->from, 7);
			month[7] = '\0';
			i18n_date(out, lang, month);
		}
		return;
	case QUERY_PERIOD_QUARTER:
		buf_adds(out, in[lang][1]);
		quarter_label(out, lang, p, !short_month);
		return;
	case QUERY_PERIOD_YEAR:
		buf_adds(out, in[lang][2]);
		buf_add(out, p->from, 4);
		return;
	case QUERY_PERIOD_RANGE:
		if (!strcmp(p->from, QUERY_DATE_MIN)) {
			buf_adds(out, in[lang][5]);
			i18n_date(out, lang, p->to);
		} else if (!strcmp(p->to, QUERY_DATE_MAX)) {
			buf_adds(out, in[lang][4]);
			i18n_date(out, lang, p->from);
		} else {
			buf_adds(out, in[lang][3]);
			i18n_date(out, lang, p->from);
			buf_adds(out, to[lang]);
			i18n_date(out, lang, p->to);
		}
		return;
	case QUERY_PERIOD_ALL:
	case QUERY_PERIOD_NONE:
		buf_adds(out, in[lang][6]);
		return;
	}
}

static const char *const thousands[LANG_NR] = { ",", NBSP, ".", "." };
static const char *const decimal_mark[LANG_NR] = { ".", ",", ",", "," };

/* Appends a string of digits with the thousands separator of `lang`. */
static void add_grouped(struct buf *out, enum lang lang, const char *digits)
{
	size_t n = strlen(digits);

	for (size_t i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			buf_adds(out, thousands[lang]);
		buf_addch(out, digits[i]);
	}
}

void i18n_int(struct buf *out, enum lang lang, long long v)
{
	char digits[32];

	snprintf(digits, sizeof(digits), "%llu",
		 v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v);
	if (v < 0)
		buf_addch(out, '-');
	add_grouped(out, lang, digits);
}

void i18n_real(struct buf *out, enum lang lang, double v, int decimals)
{
	char text[352];
	char *dot;

	if (!isfinite(v)) {
		buf_adds(out, "?");
		return;
	}
	snprintf(text, sizeof(text), "%.*f", decimals, fabs(v));
	if (v < 0 && strspn(text, "0.") != strlen(text))
		buf_addch(out, '-');	/* never "-0" */
	dot = strchr(text, '.');
	if (dot)
		*dot = '\0';
	add_grouped(out, lang, text);
	if (dot) {
		buf_adds(out, decimal_mark[lang]);
		buf_adds(out, dot + 1);
	}
}

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

void i18n_percent(struct buf *out, enum lang lang, double share)
{
	if (share > 0 && share < 0.005) {	/* 1 of 381 is not "0%" */
		buf_adds(out, "<1");
		buf_adds(out, percent_sign[lang]);
		return;
	}
	i18n_real(out, lang, floor(share * 100 + 0.5), 0);
	buf_adds(out, percent_sign[lang]);
}

void i18n_percent_range(struct buf *out, enum lang lang, double low, double high)
{
	i18n_real(out, lang, floor(low * 100 + 0.5), 0);
	buf_adds(out, NDASH);
	i18n_percent(out, lang, high);
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

/* ---- gettext catalogues ------------------------------------------------ */

#define MO_MAGIC 0x950412deu
#define MO_MAX_SIZE (16u << 20)

struct mo {
	unsigned char *data;
	size_t size;
	int swap;		/* the file's byte order is not ours */
	unsigned n, originals, translations;
};

static unsigned mo_u32(const struct mo *mo, size_t off)
{
	const unsigned char *p = mo->data + off;

	if (mo->swap)
		return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3];
	return (unsigned)p[3] << 24 | (unsigned)p[2] << 16 | (unsigned)p[1] << 8 | p[0];
}

static void mo_release(struct mo *mo)
{
	free(mo->data);
	memset(mo, 0, sizeof(*mo));
}

/* Reads and checks the header and both tables fit. 0, or -1 (no message). */
static int mo_load(struct mo *mo, const char *path)
{
	FILE *f = fopen(path, "rb");
	struct buf b = BUF_INIT;
	char chunk[8192];
	size_t got;

	memset(mo, 0, sizeof(*mo));
	if (!f)
		return -1;
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0 && b.len < MO_MAX_SIZE)
		buf_add(&b, chunk, got);
	fclose(f);
	mo->data = (unsigned char *)buf_detach(&b, &mo->size);
	if (mo->size < 20 || mo->size >= MO_MAX_SIZE)
		goto bad;
	mo->swap = mo_u32(mo, 0) != MO_MAGIC;
	if (mo_u32(mo, 0) != MO_MAGIC)
		goto bad;
	mo->n = mo_u32(mo, 8);
	mo->originals = mo_u32(mo, 12);
	mo->translations = mo_u32(mo, 16);
	if (mo->n > mo->size / 16 || mo->originals > mo->size - 8ull * mo->n ||
	    mo->translations > mo->size - 8ull * mo->n)
		goto bad;
	return 0;
bad:
	mo_release(mo);
	return -1;
}

/* String i of the table at `table`; NULL when it does not fit in the file. */
static const char *mo_string(const struct mo *mo, unsigned table, unsigned i)
{
	unsigned len = mo_u32(mo, table + 8ull * i), off = mo_u32(mo, table + 8ull * i + 4);

	if (off >= mo->size || len >= mo->size - off || mo->data[off + len] != '\0')
		return NULL;
	return (const char *)mo->data + off;
}

/* Binary search: originals are sorted by strcmp (gettext's msgfmt does so). */
static const char *mo_find(const struct mo *mo, const char *msgid)
{
	unsigned lo = 0, hi = mo->n;

	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		const char *s = mo_string(mo, mo->originals, mid);
		int c;

		if (!s)
			return NULL;
		c = strcmp(msgid, s);
		if (!c) {
			s = mo_string(mo, mo->translations, mid);
			return s && *s ? s : NULL;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

char *i18n_mo_lookup(const char *path, const char *msgid)
{
	struct mo mo;
	char *ret;

	if (mo_load(&mo, path) < 0)
		return NULL;
	ret = xstrdup_or_null(mo_find(&mo, msgid));
	mo_release(&mo);
	return ret;
}

static struct mo catalogues[LANG_NR];
static int catalogue_tried[LANG_NR];

const char *i18n_country(enum lang lang, const char *code)
{
	const char *name = code ? country_name(code) : NULL;
	const char *t;
	char path[128];

	if (!name)
		return code ? code : "?";
	if (lang == LANG_EN)
		return name;
	if (!catalogue_tried[lang]) {
		catalogue_tried[lang] = 1;
		snprintf(path, sizeof(path), "/usr/share/locale/%s/LC_MESSAGES/iso_3166-1.mo",
			 lang_codes[lang]);
		mo_load(&catalogues[lang], path);
	}
	t = catalogues[lang].data ? mo_find(&catalogues[lang], name) : NULL;
	return t ? t : name;
}

void i18n_free(void)
{
	for (size_t i = 0; i < LANG_NR; i++) {
		mo_release(&catalogues[i]);
		catalogue_tried[i] = 0;
	}
}
