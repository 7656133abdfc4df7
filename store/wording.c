#include "wording.h"

#include <stdlib.h>
#include <string.h>

#include "words.h"
#include "../util/util.h"
#include "../util/banned.h"

/*
 * Text is split once into words (store/words.h); every rule below is a
 * table of phrases matched against those words. A phrase table entry may
 * hold alternatives separated by '|'.
 */

/* Words before a number that say it is an estimate. */
static const char approx_words[] =
	"about|around|approximately|roughly|some|nearly|almost|over|more than|up to|"
	"at least|an estimated|estimated|close to|fewer than|less than|just over|"
	"just under|under|circa|ca|barely";

/* --- the month and the day --- */

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december",
};

int wording_month(const char *s, size_t len)
{
	char *norm = words_normalize(s, len);
	size_t n = strlen(norm);
	int month = 0;

	if (n && norm[n - 1] == '.')
		norm[--n] = '\0';
	for (int i = 0; i < 12 && !month; i++) {
		if (!strcmp(norm, months[i]) || (n == 3 && !strncmp(norm, months[i], 3)))
			month = i + 1;
	}
	if (!strcmp(norm, "sept"))
		month = 9;
	free(norm);
	return month;
}

static int word_month(const struct words *t, size_t i)
{
	return i < t->n ? wording_month(t->text + t->v[i].start, t->v[i].end - t->v[i].start) : 0;
}

/* A day of the month: "3", "03", "3rd", "21st". */
static int word_day(const struct words *t, size_t i)
{
	const char *w;
	char *end;
	long d;

	if (i >= t->n)
		return 0;
	w = t->v[i].norm;
	if (*w < '0' || *w > '9')
		return 0;
	d = strtol(w, &end, 10);
	if (*end && strcmp(end, "st") && strcmp(end, "nd") && strcmp(end, "rd") && strcmp(end, "th"))
		return 0;
	return d >= 1 && d <= 31 && end - w <= 2 ? (int)d : 0;
}

/* The gap before word i holds only spaces, commas and dots (dates allow them). */
static int date_gap(const struct words *t, size_t i)
{
	for (size_t p = t->v[i].gap_start; p < t->v[i].start; p++)
		if (!strchr(" ,.\t\n", t->text[p]) && (unsigned char)t->text[p] < 0x80)
			return 0;
	return t->v[i].gap != GAP_NONE;
}

static int word_year(const struct words *t, size_t i)
{
	return i < t->n && date_gap(t, i) && words_all_digits(t->v[i].norm, 4) &&
	       strlen(t->v[i].norm) == 4 ? (int)strtol(t->v[i].norm, NULL, 10) : 0;
}

int wording_day(const struct words *t, int year, int month, char **phrase)
{
	int day = 0;

	*phrase = NULL;
	if (!t)
		return 0;
	for (size_t i = 0; i < t->n && !day; i++) {
		size_t first = i, last = 0;
		int d = 0;
		struct hit on;

		if (word_month(t, i) == month && word_day(t, i + 1) && date_gap(t, i + 1) &&
		    word_year(t, i + 2) == year) {
			d = word_day(t, i + 1);	/* March 3, 2025 */
			last = i + 2;
		} else if (word_day(t, i) && i + 1 < t->n) {
			size_t m = words_is(t, i + 1, "of") ? i + 2 : i + 1;

			if (m < t->n && date_gap(t, m) && word_month(t, m) == month &&
			    word_year(t, m + 1) == year) {
				d = word_day(t, i);	/* 3 March 2025, the 3rd of March 2025 */
				last = m + 1;
			}
		}
		if (!d)
			continue;
		if (first >= 1 && words_is(t, first - 1, "the"))
			first--;
		on = first ? words_find_ending(t, "on or around|on or about|on|around|"
					       "on the night of", first - 1, 0) :
		     (struct hit){ 0, 0 };
		if (on.n)
			first = on.at;
		day = d;
		*phrase = words_span(t, first, last);
	}
	return day;
}

/* --- the victim --- */

/* Verbs that follow the victim's name in a summary's first sentence. */
static const char victim_verbs[] =
	"was hit by|were hit by|has been hit by|had been hit by|was hit with|was struck by|"
	"experienced|has experienced|suffered|has suffered|fell victim to|has fallen victim to|"
	"was targeted|were targeted|has been targeted|was the victim of|was the target of|"
	"became the victim of|became the target of|reported|has reported|disclosed|announced|"
	"confirmed|was attacked|has been attacked|was affected by|is recovering from|detected|"
	"discovered|was compromised|was breached|faced|is investigating|was forced|was hacked";

/* Subjects that are not a name: "A Dutch municipality", "Attackers", "It". */
static const char not_names[] =
	"a|an|it|this|they|attackers|hackers|criminals|cybercriminals|unknown|someone";

/* Cuts an appositive or possessive off a name: ", a Dutch municipality". */
static void cut_appositive(char *s)
{
	static const char *const cuts[] = {
		",", " (", "(", " \xE2\x80\x94", "\xE2\x80\x94", " \xE2\x80\x93", " - ",
		"\xE2\x80\x99s ", "'s ", ";",
	};
	size_t n = strlen(s);

	for (size_t i = 0; i < ARRAY_SIZE(cuts); i++) {
		char *p = strstr(s, cuts[i]);

		if (p && (size_t)(p - s) < n)
			n = (size_t)(p - s);
	}
	s[n] = '\0';
	trim(s);
}

/*
 * Removes quotes around a name: “Stad Gent”, "Stad Gent", « Ville ». In one
 * pass over the name: a name may be most of a long sentence.
 */
static void strip_quotes(char *s)
{
	static const char *const quotes[] = {
		"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E", "\xE2\x80\x98",
		"\xE2\x80\x99", "\xC2\xAB", "\xC2\xBB",
	};
	size_t start = 0, end = strlen(s);
	int again = 1;

	while (again) {
		again = 0;
		while (start < end && strchr(" \t\n\r\f\v", s[start]))
			start++;
		while (end > start && strchr(" \t\n\r\f\v", s[end - 1]))
			end--;
		for (size_t i = 0; i < ARRAY_SIZE(quotes); i++) {
			size_t q = strlen(quotes[i]);

			if (end - start >= q && !memcmp(s + start, quotes[i], q)) {
				start += q;
				again = 1;
			} else if (end - start >= q && !memcmp(s + end - q, quotes[i], q)) {
				end -= q;
				again = 1;
			}
		}
	}
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
}

char *wording_victim(const struct words *t, char **phrase)
{
	struct hit verb, lead;
	size_t first = 0, end;
	char *name = NULL;

	*phrase = NULL;
	if (!t)
		return NULL;
	end = words_sentence_end(t, 0);
	verb = words_find(t, victim_verbs, 1, end, NULL);
	if (!verb.n)
		goto out;

	/* "On March 3, 2025, Gemeente X suffered": skip the time phrase. */
	lead = words_find(t, "on|in|during|earlier|last|between|at|over|since|early|late",
			  0, 1, NULL);
	if (lead.n) {
		for (size_t i = 1; i < verb.at && !first; i++)
			if (t->text[t->v[i].gap_start] == ',' && !words_all_digits(t->v[i].norm, 4))
				first = i;
		if (!first)
			goto out;	/* no comma closes the time phrase: no clear name */
	}
	if (words_is(t, first, "the") && first + 1 < verb.at)
		first++;
	if (first >= verb.at || words_is(t, first, not_names))
		goto out;
	name = xstrndup(t->text + t->v[first].start, t->v[verb.at].gap_start - t->v[first].start);
	cut_appositive(name);
	strip_quotes(name);
	if (!*name || strlen(name) > 150) {
		free(name);
		name = NULL;
		goto out;
	}
	*phrase = words_span(t, 0, verb.at + verb.n - 1);
out:
	return name;
}

/* --- public or private --- */

enum verdict {
	MASK = -2,	/* the words say nothing about the victim: skip them */
	PRIVATE = 0,
	PUBLIC = 1,
};

/*
 * Clues to whether the victim is a public body. The order is the priority
 * within a victim's name: masks first (they only hide words), then phrases
 * that override a later public word ("private hospital"), public companies
 * that override a legal form ("Stadtwerke X GmbH" is owned by the town: a
 * public body), legal forms, public institutions before the places they
 * belong to ("CPAS de la Ville de Liège" is social welfare,
 * "Universitair Ziekenhuis" a hospital), and last the words for a business.
 *
 * Decisions: hospitals, schools and universities count as public unless
 * the wording says private; "business school", "driving school" and the
 * like are private; "clinic" and bare "college" decide nothing (the Dutch
 * "college van B&W" is a municipal executive). Plural forms are mostly
 * left out: "a supplier to several municipalities" is about someone else.
 */
static const struct {
	const char *words;
	enum verdict verdict;
	const char *kind;
} public_terms[] = {
	{ "to the police|with the police|informed the police|notified the police|"
	  "alerted the police|contacted the police|police investigation|police are investigating|"
	  "police is investigating|police complaint|bij de politie|auprès de la police|"
	  "bei der polizei|to court|in court|court order|to the ministry|notified the ministry|"
	  "informed the ministry|in the city|in the town", MASK, NULL },
	{ "private hospital|private clinic|privatklinik|clinique privée|private school|"
	  "private university|business school|driving school|language school|public company|"
	  "publicly listed|listed company|defence contractor|defense contractor|news agency|"
	  "travel agency|advertising agency|recruitment agency|marketing agency|staffing agency|"
	  "government contractor", PRIVATE, NULL },
	{ "stadtwerke|intercommunale|intercommunal|municipal company|municipal utility|"
	  "state owned|publicly owned|régie communale|zweckverband|eigenbetrieb|waterschap|"
	  "water board|public body|public institution|public administration|public sector",
	  PUBLIC, "public body" },
	{ "gmbh|ag|ltd|plc|inc|llc|s.a.|sa|s.p.a.|srl|s.r.l.|s.l.|n.v.|nv|b.v.|bv|"
	  "bvba|sprl|sas|sarl|kg|oy|ab|a/s|sp. z o.o.|spółka|s.r.o.", PRIVATE, NULL },
	{ "police|politie|politiezone|zone de police|polizei|polizia|policía|policja|"
	  "gendarmerie|carabinieri|guardia civil|constabulary", PUBLIC, "police" },
	{ "court|tribunal|rechtbank|gericht|amtsgericht|landgericht|tribunale|sąd|juzgado",
	  PUBLIC, "court" },
	{ "fire service|fire brigade|fire department|fire and rescue|brandweer|pompiers|"
	  "sapeurs pompiers|sdis|feuerwehr|vigili del fuoco|bomberos|straż pożarna|"
	  "hulpverleningszone", PUBLIC, "fire service" },
	{ "ministry of defence|ministry of defense|defence ministry|defense ministry|"
	  "armed forces|army|navy|air force|bundeswehr|defensie|ministère des armées|military",
	  PUBLIC, "defence" },
	{ "hospital|hospitals|hôpital|centre hospitalier|chu|chr|ziekenhuis|az|krankenhaus|"
	  "klinikum|universitätsklinikum|uniklinik|ospedale|azienda ospedaliera|"
	  "azienda sanitaria|asl|szpital|nhs trust|health trust", PUBLIC, "hospital" },
	{ "ocmw|cpas|ccas|social welfare|welfare centre|welfare center|action sociale|"
	  "maatschappelijk welzijn|sozialamt|servizi sociali|servicios sociales|social services|"
	  "sociale dienst|ośrodek pomocy społecznej|mops|gops", PUBLIC, "social welfare" },
	{ "university|université|universiteit|universität|hochschule|fachhochschule|"
	  "università|universidad|uniwersytet|politechnika|polytechnic|hogeschool|haute école",
	  PUBLIC, "university" },
	{ "school|schools|école|schule|grundschule|gesamtschule|gymnasium|scuola|escuela|"
	  "colegio|szkoła|lycée|athénée|basisschool", PUBLIC, "school" },
	{ "ministry|ministère|ministerie|ministerium|ministero|ministerio|ministerstwo|"
	  "federal public service|service public fédéral|spf|fod|agency|agence|agentschap|"
	  "agentur|bundesamt|landesamt|agenzia|agencia|government|gouvernement|regering|"
	  "regierung|tax office|tax authority|finanzamt|belastingdienst|public authority|"
	  "government department|federal office|jobcenter|arbeitsagentur", PUBLIC,
	  "government agency" },
	{ "province|provincie|provinz|provincia|département|conseil départemental|"
	  "conseil régional|conseil général|region|région|regione|regional council|"
	  "regional government|landkreis|kreisverwaltung|landratsamt|kreis|county council|"
	  "county|województwo|voivodeship|powiat|starostwo|urząd marszałkowski|diputación|"
	  "generalitat|comunidad autónoma|landsting|fylkeskommune", PUBLIC, "region" },
	{ "municipality|municipal council|municipal administration|municipal government|"
	  "municipal services|city council|town council|borough council|district council|"
	  "parish council|local authority|local council|local government|city hall|town hall|"
	  "city|town|village|borough|gemeente|gemeentebestuur|gemeentehuis|stad|stadsbestuur|"
	  "stadsdiensten|stadhuis|commune|administration communale|ville|mairie|hôtel de ville|"
	  "municipalité|gemeinde|gemeindeverwaltung|stadt|stadtverwaltung|rathaus|"
	  "marktgemeinde|samtgemeinde|verbandsgemeinde|magistrat|bezirksamt|comune|municipio|"
	  "ayuntamiento|ajuntament|concello|câmara municipal|município|gmina|urząd miasta|"
	  "urząd gminy|miasto|obec|město|magistrát|kommun|kommune|kunta|kaupunki",
	  PUBLIC, "municipality" },
	{ "council", PUBLIC, "public body" },
	{ "company|companies|firm|corporation|manufacturer|retailer|supplier|vendor|startup|"
	  "start up|bank|insurer|law firm|software provider|it provider|service provider|"
	  "privately owned|privately held|family business|entreprise|société|bedrijf|"
	  "onderneming|unternehmen|firma|azienda|empresa|hotel chain|retail chain",
	  PRIVATE, NULL },
};

int wording_public(const struct words *t, int is_name, const char **kind, char **phrase)
{
	unsigned char *mask = NULL;
	struct hit best = { 0, 0 };
	size_t best_term = 0;
	int verdict = -1;

	*kind = NULL;
	*phrase = NULL;
	if (!t)
		return -1;
	mask = xcalloc(t->n + 1, 1);
	for (size_t i = 0; i < ARRAY_SIZE(public_terms); i++) {
		struct hit h;

		if (public_terms[i].verdict != MASK)
			continue;
		for (size_t from = 0; (h = words_find(t, public_terms[i].words, from,
						      WORDS_NO_LIMIT, NULL)).n;
		     from = h.at + 1)
			memset(mask + h.at, 1, h.n);
	}
	for (size_t i = 0; i < ARRAY_SIZE(public_terms); i++) {
		struct hit h;

		if (public_terms[i].verdict == MASK)
			continue;
		h = words_find(t, public_terms[i].words, 0, WORDS_NO_LIMIT, mask);
		if (!h.n || (best.n && (is_name || h.at > best.at ||
					(h.at == best.at && h.n <= best.n))))
			continue;
		best = h;
		best_term = i;
	}
	if (best.n) {
		verdict = public_terms[best_term].verdict;
		*kind = public_terms[best_term].kind;
		*phrase = words_span(t, best.at, best.at + best.n - 1);
	}
	free(mask);
	return verdict;
}

/* --- the kind of incident --- */

/*
 * Wording for each type, most specific first: the first row that matches
 * decides ("ransomware deployed through a phishing email" is ransomware;
 * a mailbox taken over to send phishing is account compromise). A row with
 * `near` needs those words within 8 words after `words` in the same
 * sentence. A hit right after "no", "not", "without"... does not count
 * ("there is no indication that data was stolen"). A bare "cyberattack"
 * says nothing about the type and leaves it unknown.
 */
static const struct {
	const char *type;
	const char *words;
	const char *near;
} type_terms[] = {
	{ "ransomware", "ransomware|ransom", NULL },
	{ "denial of service", "denial of service|ddos|dos attack|dos attacks|overload attack", NULL },
	{ "account compromise", "account compromise|account takeover|business email compromise|"
	  "compromised account|compromised mailbox|compromised email account|hijacked account|"
	  "hijacked mailbox", NULL },
	{ "account compromise", "mailbox|mailboxes|email account|email accounts|e-mail account|"
	  "mail account", "taken over|took over|compromised|hijacked|hacked|broken into" },
	{ "account compromise", "took over|taken over|hijacked|compromised|hacked into|"
	  "gained access to|accessed", "mailbox|mailboxes|email account|e-mail account|"
	  "email accounts|mail account" },
	{ "insider misuse", "insider|former employee|disgruntled employee|employee misused|"
	  "abused his access|abused her access|abused their access", NULL },
	{ "theft or loss", "stolen laptop|stolen laptops|lost laptop|theft of a laptop|"
	  "lost usb|stolen phone|stolen car", NULL },
	{ "theft or loss", "laptop|laptops|usb stick|hard drive", "was stolen|were stolen|was lost" },
	{ "error", "misconfiguration|misconfigured|sent to the wrong|by mistake|human error|"
	  "accidentally|in error", NULL },
	{ "data breach", "data breach|data leak|leaked data|data theft|stolen data|stole data|"
	  "exposed data|data exposure|exfiltrated|exfiltration", NULL },
	{ "data breach", "data|records|files|documents|information", "stolen|leaked|exposed|"
	  "published|copied|exfiltrated|accessed|downloaded" },
	{ "data breach", "stole|copied|leaked|published|exfiltrated|downloaded", "data|records|files|"
	  "documents" },
	{ "phishing", "phishing|spear phishing|spearphishing|smishing|vishing|fraudulent emails|"
	  "fraudulent e-mails|fake emails|scam emails|malicious emails", NULL },
	{ "malware", "malware|trojan|infostealer|info stealer|spyware|wiper|keylogger|"
	  "malicious software|emotet|qakbot|backdoor", NULL },
	{ "intrusion", "intrusion|unauthorised access|unauthorized access|service disruption|"
	  "broke into|hacked|hack|network compromise|breached|hackers gained access|intruder|"
	  "intruders", NULL },
};

static const char negations[] = "no|not|nor|never|without|neither|none";

static int negated(const struct words *t, size_t from, size_t to)
{
	for (size_t i = from; i < to && i < t->n; i++)
		if (words_is(t, i, negations))
			return 1;
	return 0;
}

const char *wording_type(const struct words *t, char **phrase)
{
	const char *type = NULL;

	*phrase = NULL;
	if (!t)
		return NULL;
	for (size_t i = 0; i < ARRAY_SIZE(type_terms) && !type; i++) {
		struct hit h, n = { 0, 0 };

		for (size_t from = 0; !type && (h = words_find(t, type_terms[i].words, from,
							       WORDS_NO_LIMIT, NULL)).n;
		     from = h.at + 1) {
			size_t stop = words_sentence_end(t, h.at), last = h.at + h.n - 1;
			size_t before = words_sentence_start(t, h.at);

			if (type_terms[i].near) {
				n = words_find(t, type_terms[i].near, h.at + h.n, h.at + h.n + 8,
					       NULL);
				if (!n.n || n.at >= stop)
					continue;
				last = n.at + n.n - 1;
			}
			if (negated(t, h.at >= before + 3 ? h.at - 3 : before, last + 1))
				continue;
			type = type_terms[i].type;
			*phrase = words_span(t, h.at, last);
		}
	}
	return type;
}

/* --- how many were affected --- */

/* Nouns for people and records. Appointments, devices and files are not. */
static const char affected_nouns[] =
	"residents|resident|inhabitants|citizens|citizen|people|persons|person|individuals|"
	"individual|patients|patient|customers|customer|clients|client|users|user|employees|"
	"employee|staff|workers|students|student|pupils|recipients|recipient|beneficiaries|"
	"beneficiary|records|record|accounts|account|members|member|households|household|"
	"families|taxpayers|voters|applicants|subscribers|contacts|victims|children|parents|"
	"teachers|data subjects|email addresses|mailboxes|officers|civil servants|tenants";

/* Words allowed between the number and its noun: "300 current and former employees". */
static const char affected_fillers[] =
	"of|its|the|their|current|former|and|or|registered|local|affected|elderly|vulnerable|"
	"other|municipal|city|town|benefit|welfare|social|email|e|mail|online|hospital|"
	"university|school|council|young|adult|private|personal|additional|further";

/* A population is not a count of people affected: "a town of 24,000 inhabitants". */
static const char population_words[] =
	"town of|city of|municipality of|village of|commune of|district of|population of|"
	"home to|population";

/* Words before a four-digit number that make it a year: "in 2024", "March 3, 2024". */
static const char year_words[] =
	"in|since|during|until|from|of|by|early|late|mid|year|spring|summer|autumn|fall|winter|end";

long long wording_affected(const struct words *t, char **phrase)
{
	long long found = -1;

	*phrase = NULL;
	if (!t)
		return -1;
	for (size_t i = 0; i < t->n && found < 0; i++) {
		double v;
		int in_words, year_like;
		size_t n = words_number(t, i, &v, &in_words), j, first = i;
		struct hit noun = { 0, 0 }, pre;

		if (!n || v < 1 || v > 1e10)
			continue;
		year_like = n == 1 && strlen(t->v[i].norm) == 4 && v >= 1900 && v <= 2100 &&
			    (words_is(t, i - 1, year_words) || word_month(t, i - 1) ||
			     word_day(t, i - 1));
		if (year_like || (i && t->text[t->v[i].gap_start] == ':') ||
		    (i && words_find_ending(t, population_words, i - 1, 0).n))
			continue;
		for (j = i + n; j < t->n && j <= i + n + 3 && t->v[j].gap == GAP_SPACE; j++) {
			noun = words_find(t, affected_nouns, j, j + 1, NULL);
			if (noun.n || !words_is(t, j, affected_fillers))
				break;
			if (in_words && v == 1)
				break;	/* "one of the employees" is not a count */
		}
		if (!noun.n || t->v[noun.at].gap != GAP_SPACE)
			continue;
		pre = words_find(t, approx_words, i >= 2 ? i - 2 : 0, i, NULL);
		if (pre.n && pre.at + pre.n == i)
			first = pre.at;
		found = (long long)(v + 0.5);
		*phrase = words_span(t, first, noun.at + noun.n - 1);
		i = j;
	}
	return found;
}

/* --- how long it took --- */

static const char contain_terms[] =
	"contained|contain|containment|disconnected|disconnect|isolated|isolate|blocked|block|"
	"shut down|shut off|switched off|taken offline|offline|cut off|mitigated|mitigate|"
	"filtering|filtered|stopped|halted|locked|reset|revoked|secured|restored access|"
	"regained control|under control|neutralised|neutralized|removed|expelled|evicted|"
	"quarantined";

static const char recover_terms[] =
	"restored|restore|restoration|resumed|resume|recovered|recovery|back online|"
	"operational|running again|reopened|returned to normal|normal operations|rebuilt|"
	"available again|up and running|fully functional|back to normal|came back";

/* "of detection", "of the discovery", "of being detected". */
static const char detection_words[] =
	"detection|discovery|detected|discovered|identification|identified|noticing|noticed|"
	"alert|alarm|report|reported|notification";

/*
 * Finds the first duration that belongs to containment (want_contain) or
 * to recovery. A duration is "within", "after", "in" or "took" followed by
 * a length of time; the nearest containment or recovery verb before it in
 * the same sentence says which it is ("disconnected the network within two
 * hours", "services were restored after nine days"), else the nearest one
 * after it ("Within two hours, staff had isolated ..."), else a following
 * "of detection" makes it containment.
 */
static double scan_durations(const struct words *t, int want_contain, int *approximate,
			     char **phrase)
{
	double found = -1;

	*phrase = NULL;
	if (!t)
		return -1;
	for (size_t i = 0; i < t->n && found < 0; i++) {
		struct hit prep = words_find(t, "within|after|in|took", i, i + 1, NULL);
		struct hit pre, verb = { 0, 0 };
		size_t j = i + 1, n, last;
		size_t start = words_sentence_start(t, i), stop = words_sentence_end(t, i);
		int approx, is_contain = -1;
		double hours;

		if (!prep.n)
			continue;
		approx = words_is(t, i, "within");
		pre = words_find(t, approx_words, j, j + 1, NULL);
		if (pre.n) {
			approx = 1;
			j += pre.n;
		}
		if (!(n = words_duration(t, j, &hours)))
			continue;
		last = j + n - 1;
		for (size_t k = i; k-- > start && k + 15 > i && is_contain < 0;) {
			if ((verb = words_find_ending(t, contain_terms, k, start)).n)
				is_contain = 1;
			else if ((verb = words_find_ending(t, recover_terms, k, start)).n)
				is_contain = 0;
		}
		if (words_is(t, last + 1, "of")) {
			struct hit det = words_find(t, detection_words, last + 2, last + 5, NULL);

			if (det.n && det.at < stop) {
				last = det.at + det.n - 1;
				if (is_contain < 0)
					is_contain = 1;
			}
		}
		if (is_contain < 0) {
			struct hit c = words_find(t, contain_terms, last + 1, last + 11, NULL);
			struct hit r = words_find(t, recover_terms, last + 1, last + 11, NULL);

			if (c.n && c.at < stop && (!r.n || c.at <= r.at)) {
				is_contain = 1;
				last = c.at + c.n - 1;
			} else if (r.n && r.at < stop) {
				is_contain = 0;
				last = r.at + r.n - 1;
			}
		}
		if (is_contain != want_contain)
			continue;
		found = hours;
		if (approximate)
			*approximate = approx;
		*phrase = words_span(t, verb.n ? verb.at : i, last);
	}
	return found;
}

double wording_contain(const struct words *t, int *approximate, char **phrase)
{
	*approximate = 0;
	return scan_durations(t, 1, approximate, phrase);
}

double wording_recover(const struct words *t, char **phrase)
{
	return scan_durations(t, 0, NULL, phrase);
}
