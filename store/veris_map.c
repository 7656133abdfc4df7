#include "veris_map.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/country.h"
#include "../util/util.h"
#include "../util/banned.h"

void veris_err_init(struct veris_err *e)
{
	buf_init(&e->field);
	buf_init(&e->msg);
	buf_init(&e->scratch);
	e->at = VERIS_AT_RECORD;
}

void veris_err_release(struct veris_err *e)
{
	buf_release(&e->field);
	buf_release(&e->msg);
	buf_release(&e->scratch);
}

/* The name of a JSON type in messages; VERIS has one kind of number. */
static const char *type_name(enum jdom_type type)
{
	switch (type) {
	case JDOM_OBJECT:
		return "an object";
	case JDOM_ARRAY:
		return "a list";
	case JDOM_STRING:
		return "a string";
	case JDOM_INTEGER:
	case JDOM_REAL:
		return "a number";
	case JDOM_TRUE:
		return "true";
	case JDOM_FALSE:
		return "false";
	case JDOM_NULL:
		break;
	}
	return "null";
}

/* Whether `x` has `type`; JDOM_REAL stands for a number of either kind. */
static int has_type(const struct jdom *x, enum jdom_type type)
{
	return type == JDOM_REAL ? jdom_is_number(x) : x->type == type;
}

/*
 * A number as a message quotes it. The tree keeps the value, not the text:
 * integers print as such, other numbers in the fewest digits that read back
 * the same, with ".0" when that looks whole ("1.5", "-3.0").
 */
static const char *number_text(const struct jdom *x, char *out, size_t size)
{
	double d = x->number;

	if (jdom_is(x, JDOM_INTEGER)) {
		snprintf(out, size, "%lld", x->integer);
		return out;
	}
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(out, size, "%.*g", prec, d);
		if (strtod(out, NULL) == d)
			break;
	}
	if (!strpbrk(out, ".eEn"))
		snprintf(out + strlen(out), size - strlen(out), ".0");
	return out;
}

/*
 * Records why the record is bad, for field `prefix.key` (either part may
 * be empty), at `at` (see struct veris_err). Returns -1.
 */
static int bad(struct veris_err *e, long at, const char *prefix, const char *key,
	       const char *fmt, ...) ATTR_PRINTF(5, 6);
static int bad(struct veris_err *e, long at, const char *prefix, const char *key,
	       const char *fmt, ...)
{
	va_list ap;

	buf_reset(&e->field);
	buf_adds(&e->field, prefix);
	if (*prefix && *key)
		buf_addch(&e->field, '.');
	buf_adds(&e->field, key);
	buf_reset(&e->msg);
	va_start(ap, fmt);
	buf_vaddf(&e->msg, fmt, ap);
	va_end(ap);
	e->at = at;
	return -1;
}

/*
 * Looks up `key` in object `obj` (NULL: an absent parent), found at path
 * `prefix`, and checks its type. Returns 1 with *out set, 0 with *out NULL
 * when it is absent or null, -1 (after bad()) when it has another type.
 */
static int get(struct veris_err *e, const struct jdom *obj, const char *prefix, const char *key,
	       enum jdom_type type, const struct jdom **out)
{
	const struct jdom *t = jdom_get(obj, key);

	*out = NULL;
	if (!t || jdom_is(t, JDOM_NULL))
		return 0;
	if (!has_type(t, type))
		return bad(e, VERIS_AT_VALUE, prefix, key, "expected %s, got %s", type_name(type),
			   type_name(t->type));
	*out = t;
	return 1;
}

/* A string member trimmed into a new string; NULL if empty. */
static int get_str(struct veris_err *e, const struct jdom *obj, const char *prefix,
		   const char *key, char **out)
{
	const struct jdom *t;
	int r = get(e, obj, prefix, key, JDOM_STRING, &t);

	*out = NULL;
	if (r <= 0)
		return r;
	buf_reset(&e->scratch);
	buf_add(&e->scratch, jdom_str(t), t->len);
	trim(e->scratch.buf);
	if (*e->scratch.buf)
		*out = xstrdup(e->scratch.buf);
	return 1;
}

/* A whole-number member in [min, max]; "3.0" counts as whole. */
static int get_int(struct veris_err *e, const struct jdom *obj, const char *prefix,
		   const char *key, double min, double max, long long *out)
{
	const struct jdom *t;
	int r = get(e, obj, prefix, key, JDOM_REAL, &t);
	char num[40];
	double x;

	if (r <= 0)
		return r;
	x = t->number;
	if (x != floor(x) || x < min || x > max)
		return bad(e, VERIS_AT_VALUE, prefix, key, "value '%s' is %s",
			   number_text(t, num, sizeof(num)),
			   x != floor(x) ? "not a whole number" : x < 0 ? "negative" : "too large");
	*out = (long long)x;
	return 1;
}

/*
 * Checks that member `key` is a list of strings (with `lone`, a single
 * string will do too) and sets *out to it, NULL when absent or null. Step
 * through it with string_at().
 */
static int get_strings(struct veris_err *e, const struct jdom *obj, const char *prefix,
		       const char *key, int lone, const struct jdom **out)
{
	const struct jdom *t = jdom_get(obj, key), *x;
	size_t i;

	*out = NULL;
	if (!t || jdom_is(t, JDOM_NULL))
		return 0;
	if (lone && jdom_is(t, JDOM_STRING)) {
		*out = t;
		return 0;
	}
	if (!jdom_is(t, JDOM_ARRAY))
		return bad(e, VERIS_AT_VALUE, prefix, key, "expected a list of strings, got %s",
			   type_name(t->type));
	for (i = 0; (x = jdom_at(t, i)); i++) {
		if (!jdom_is(x, JDOM_STRING))
			return bad(e, (long)i + 1, prefix, key,
				   "expected a list of strings, but item %zu is %s", i + 1,
				   type_name(x->type));
	}
	*out = t;
	return 0;
}

/* Item i of what get_strings() set (a lone string is a list of one), or NULL. */
static const struct jdom *string_at(const struct jdom *list, size_t i)
{
	if (jdom_is(list, JDOM_STRING))
		return i ? NULL : list;
	return jdom_at(list, i);
}

static int map_key(struct veris_err *e, const struct jdom *rec, struct incident *inc)
{
	const struct jdom *plus;
	char *id = NULL;
	struct buf key = BUF_INIT;

	if (get(e, rec, "", "plus", JDOM_OBJECT, &plus) < 0 ||
	    get_str(e, plus, "plus", "master_id", &id) < 0)
		return -1;
	if (!id && get_str(e, rec, "", "incident_id", &id) < 0)
		return -1;
	if (!id)
		return bad(e, VERIS_AT_RECORD, "plus", "master_id", "missing, and so is incident_id");
	buf_adds(&key, "veris:");
	buf_adds(&key, id);
	free(id);
	inc->key = buf_detach(&key, NULL);
	return get_str(e, rec, "", "campaign_id", &inc->campaign) < 0 ? -1 : 0;
}

static int map_date(struct veris_err *e, const struct jdom *rec, struct incident *inc)
{
	const char *path = "timeline.incident";
	const struct jdom *tl, *ti;
	long long y = 0, m = 0, d = 0;
	struct buf note = BUF_INIT;
	int r;

	if (get(e, rec, "", "timeline", JDOM_OBJECT, &tl) < 0 ||
	    get(e, tl, "timeline", "incident", JDOM_OBJECT, &ti) < 0 ||
	    (r = get_int(e, ti, path, "year", -1e9, 1e9, &y)) < 0 ||
	    get_int(e, ti, path, "month", -1e9, 1e9, &m) < 0 ||
	    get_int(e, ti, path, "day", -1e9, 1e9, &d) < 0)
		return -1;
	if (!r)
		return bad(e, VERIS_AT_RECORD, path, "year", "missing");
	if (incident_set_date(inc, (int)y, 0, 0) < 0)
		return bad(e, VERIS_AT_VALUE, path, "year",
			   "value '%lld' is not a year from %d to %d", y, DATE_YEAR_MIN, DATE_YEAR_MAX);
	if (!incident_set_date(inc, (int)y, (int)m, (int)d))
		return 0;
	/* Not in the calendar: keep the year, and the month if it is one. */
	if (m < 1 || m > 12 || incident_set_date(inc, (int)y, (int)m, 0) < 0)
		incident_set_date(inc, (int)y, 0, 0);
	if (!m)
		buf_addf(&note, "%s has day %lld but no month", path, d);
	else if (!d)
		buf_addf(&note, "%s %lld-%02lld is not a calendar date", path, y, m);
	else
		buf_addf(&note, "%s %lld-%02lld-%02lld is not a calendar date", path, y, m, d);
	buf_addf(&note, "; kept %d", inc->year);
	if (inc->month)
		buf_addf(&note, "-%02d", inc->month);
	incident_derive(inc, "date", note.buf);
	buf_release(&note);
	return 0;
}

/*
 * NAICS 92 (public administration) onto the public_kind words: the first
 * prefix that matches wins. Every 3-digit subsector is an agency of some
 * government; a bare "92" says public without saying what.
 */
static const struct {
	const char *naics;
	const char *kind;
} public_kinds[] = {
	{ .naics = "92211", .kind = "court" },		/* 922110 courts */
	{ .naics = "92212", .kind = "police" },		/* 922120 police protection */
	{ .naics = "92216", .kind = "fire service" },	/* 922160 fire protection */
	{ .naics = "92313", .kind = "social welfare" },	/* 923130 human resource programmes */
	{ .naics = "92811", .kind = "defence" },	/* 928110 national security */
	{ .naics = "921", .kind = "government agency" },	/* executive, legislative, finance */
	{ .naics = "922", .kind = "government agency" },	/* prosecution, prisons, parole */
	{ .naics = "923", .kind = "government agency" },	/* education, health, veterans */
	{ .naics = "924", .kind = "government agency" },	/* environment */
	{ .naics = "925", .kind = "government agency" },	/* housing, urban development */
	{ .naics = "926", .kind = "government agency" },	/* economic programmes */
	{ .naics = "927", .kind = "government agency" },	/* space research */
	{ .naics = "928", .kind = "government agency" },	/* international affairs */
	{ .naics = "92", .kind = "public body" },
};

static int is_letter(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int map_victim(struct veris_err *e, const struct jdom *rec, struct incident *inc)
{
	const struct jdom *victim, *list, *s;
	char *industry = NULL;

	if (get(e, rec, "", "victim", JDOM_OBJECT, &victim) < 0 ||
	    get_str(e, victim, "victim", "victim_id", &inc->victim) < 0 ||
	    get_strings(e, victim, "victim", "country", 1, &list) < 0)
		return -1;
	for (size_t i = 0; (s = string_at(list, i)); i++) {
		char *c;
		const char *code;

		buf_reset(&e->scratch);
		buf_add(&e->scratch, jdom_str(s), s->len);
		c = trim(e->scratch.buf);
		if (!*c || !ascii_casecmp(c, "Unknown"))
			continue;
		if (is_letter(c[0]) && is_letter(c[1]) && !c[2]) {
			c[0] &= ~0x20;
			c[1] &= ~0x20;
			strlist_add_unique(&inc->countries, c);
		} else if ((code = country_code(c))) {
			strlist_add_unique(&inc->countries, code);
		} else {
			return bad(e, s == list ? VERIS_AT_VALUE : (long)i + 1, "victim", "country",
				   "value '%s' is not a country", c);
		}
	}
	if (get_str(e, victim, "victim", "industry", &industry) < 0)
		return -1;
	if (!industry || !strcmp(industry, "000")) {
		free(industry);
		return 0;
	}
	inc->public_sector = starts_with(industry, "92");
	for (size_t i = 0; inc->public_sector && i < ARRAY_SIZE(public_kinds); i++) {
		if (starts_with(industry, public_kinds[i].naics)) {
			inc->public_kind = xstrdup(public_kinds[i].kind);
			break;
		}
	}
	strlist_add_owned(&inc->sectors, industry);
	return 0;
}

enum category { C_HACKING, C_MALWARE, C_SOCIAL, C_MISUSE, C_PHYSICAL, C_ERROR,
		C_ENVIRONMENTAL, C_UNKNOWN, C_NR };

static const struct {
	const char *key, *path, *label;
} categories[C_NR] = {
	[C_HACKING] = { .key = "hacking", .path = "action.hacking", .label = "Hacking" },
	[C_MALWARE] = { .key = "malware", .path = "action.malware", .label = "Malware" },
	[C_SOCIAL] = { .key = "social", .path = "action.social", .label = "Social" },
	[C_MISUSE] = { .key = "misuse", .path = "action.misuse", .label = "Misuse" },
	[C_PHYSICAL] = { .key = "physical", .path = "action.physical", .label = "Physical" },
	[C_ERROR] = { .key = "error", .path = "action.error", .label = "Error" },
	[C_ENVIRONMENTAL] = { .key = "environmental", .path = "action.environmental",
			      .label = "Environmental" },
	[C_UNKNOWN] = { .key = "unknown", .path = "action.unknown" },	/* no label: no technique */
};

/*
 * The incident type: the first rule whose action category is present,
 * with the variety if one is named, on the asset if one is named. Only
 * action.unknown, or no action, leaves the type unknown.
 */
static const struct {
	enum category category;
	const char *variety;
	const char *asset;
	const char *type;
} type_rules[] = {
	{ .category = C_MALWARE, .variety = "Ransomware", .type = "ransomware" },
	{ .category = C_HACKING, .variety = "DoS", .type = "denial of service" },
	{ .category = C_MALWARE, .variety = "DoS", .type = "denial of service" },
	/* Someone else logging in to a mailbox; often after phishing for it. */
	{ .category = C_HACKING, .variety = "Use of stolen creds", .asset = "S - Mail",
	  .type = "account compromise" },
	{ .category = C_SOCIAL, .variety = "Phishing", .type = "phishing" },
	{ .category = C_HACKING, .type = "intrusion" },
	{ .category = C_MALWARE, .type = "malware" },
	{ .category = C_MISUSE, .type = "insider misuse" },
	{ .category = C_PHYSICAL, .variety = "Theft", .type = "theft or loss" },
	{ .category = C_ERROR, .variety = "Loss", .type = "theft or loss" },
	{ .category = C_ERROR, .type = "error" },
	{ .category = C_ENVIRONMENTAL, .type = "environmental" },
	/* Skimmers, tampering, bribery, extortion, pretexting. */
	{ .category = C_PHYSICAL, .type = "other" },
	{ .category = C_SOCIAL, .type = "other" },
};

static int has_string(const struct jdom *list, const char *want)
{
	const struct jdom *s;

	for (size_t i = 0; (s = string_at(list, i)); i++)
		if (!strcmp(jdom_str(s), want))
			return 1;
	return 0;
}

/* Whether asset.assets lists `variety`. Read leniently: asset is not mapped. */
static int has_asset(const struct jdom *rec, const char *variety)
{
	const struct jdom *list = jdom_get(jdom_get(rec, "asset"), "assets"), *a;
	size_t i;

	for (i = 0; (a = jdom_at(list, i)); i++) {
		const struct jdom *t = jdom_get(a, "variety");

		if (jdom_is(t, JDOM_STRING) && !strcmp(jdom_str(t), variety))
			return 1;
	}
	return 0;
}

/* Appends "label: value" for each string of `list` but "Unknown". */
static void add_labelled(struct veris_err *e, struct strlist *out, const char *label,
			 const struct jdom *list)
{
	const struct jdom *s;

	for (size_t i = 0; (s = string_at(list, i)); i++) {
		if (!strcmp(jdom_str(s), "Unknown"))
			continue;
		buf_reset(&e->scratch);
		buf_addf(&e->scratch, "%s: ", label);
		buf_add(&e->scratch, jdom_str(s), s->len);
		strlist_add_unique(out, e->scratch.buf);
	}
}

static int map_actions(struct veris_err *e, const struct jdom *rec, struct incident *inc)
{
	const struct jdom *action, *cat[C_NR], *variety[C_NR];

	if (get(e, rec, "", "action", JDOM_OBJECT, &action) < 0)
		return -1;
	inc->technique_taxonomy = TAXONOMY_VERIS;
	for (int c = 0; c < C_NR; c++) {
		if (get(e, action, "action", categories[c].key, JDOM_OBJECT, &cat[c]) < 0 ||
		    get_strings(e, cat[c], categories[c].path, "variety", 0, &variety[c]) < 0)
			return -1;
		if (categories[c].label)
			add_labelled(e, &inc->techniques, categories[c].label, variety[c]);
	}
	inc->technique_count = inc->techniques.n ? (long)inc->techniques.n : INCIDENT_UNKNOWN;
	for (size_t r = 0; r < ARRAY_SIZE(type_rules); r++) {
		enum category c = type_rules[r].category;

		if (!cat[c] ||
		    (type_rules[r].variety && !has_string(variety[c], type_rules[r].variety)) ||
		    (type_rules[r].asset && !has_asset(rec, type_rules[r].asset)))
			continue;
		inc->type = xstrdup(type_rules[r].type);
		break;
	}
	return 0;
}

static const struct {
	const char *key, *path, *label;
} actor_kinds[] = {
	{ .key = "external", .path = "actor.external", .label = "External" },
	{ .key = "internal", .path = "actor.internal", .label = "Internal" },
	{ .key = "partner", .path = "actor.partner", .label = "Partner" },
	{ .key = "unknown", .path = "actor.unknown" },	/* motives only */
};

static int map_actors(struct veris_err *e, const struct jdom *rec, struct incident *inc)
{
	const struct jdom *actor, *kind, *list, *s;
	long kinds = 0;
	int no_motive = 0;

	if (get(e, rec, "", "actor", JDOM_OBJECT, &actor) < 0)
		return -1;
	for (size_t k = 0; k < ARRAY_SIZE(actor_kinds); k++) {
		const char *label = actor_kinds[k].label;
		size_t had = inc->actors.n;

		if (get(e, actor, "actor", actor_kinds[k].key, JDOM_OBJECT, &kind) < 0)
			return -1;
		if (!kind)
			continue;
		if (get_strings(e, kind, actor_kinds[k].path, "variety", 0, &list) < 0)
			return -1;
		if (label)
			add_labelled(e, &inc->actors, label, list);
		if (label && inc->actors.n == had)
			strlist_add(&inc->actors, label);
		kinds += label != NULL;
		if (get_strings(e, kind, actor_kinds[k].path, "motive", 0, &list) < 0)
			return -1;
		for (size_t i = 0; (s = string_at(list, i)); i++) {
			if (!strcmp(jdom_str(s), "NA"))
				no_motive = 1;
			else if (strcmp(jdom_str(s), "Unknown"))
				strlist_add_unique(&inc->motives, jdom_str(s));
		}
	}
	inc->actor_count = kinds ? kinds : INCIDENT_UNKNOWN;
	inc->motive_count = inc->motives.n ? (long)inc->motives.n :
			    no_motive ? 0 : INCIDENT_UNKNOWN;
	return 0;
}

/*
 * VERIS time units in hours. A month is 30.44 days, a year 365.25; both are
 * coarse. NA, Unknown and Never carry no usable value even when one is set.
 */
static const struct {
	const char *name;
	double hours;		/* < 0: no duration */
	int coarse;
} units[] = {
	{ .name = "Seconds", .hours = 1.0 / 3600 },
	{ .name = "Minutes", .hours = 1.0 / 60 },
	{ .name = "Hours", .hours = 1 },
	{ .name = "Days", .hours = 24 },
	{ .name = "Weeks", .hours = 24 * 7 },
	{ .name = "Months", .hours = 24 * 30.44, .coarse = 1 },
	{ .name = "Years", .hours = 24 * 365.25, .coarse = 1 },
	{ .name = "NA", .hours = -1 },
	{ .name = "Unknown", .hours = -1 },
	{ .name = "Never", .hours = -1 },
};

/*
 * The {unit, value} member `key` of `obj` (at `prefix`, `path` = prefix.key)
 * in hours: *hours < 0 when unknown, *coarse for months and years.
 */
static int get_span(struct veris_err *e, const struct jdom *obj, const char *prefix,
		    const char *key, const char *path, double *hours, int *coarse)
{
	const struct jdom *span, *unit, *value;
	char num[40];
	size_t u;
	double x;

	*hours = -1;
	*coarse = 0;
	if (get(e, obj, prefix, key, JDOM_OBJECT, &span) < 0 ||
	    get(e, span, path, "unit", JDOM_STRING, &unit) < 0 ||
	    get(e, span, path, "value", JDOM_REAL, &value) < 0)
		return -1;
	if (!unit)
		return 0;
	for (u = 0; u < ARRAY_SIZE(units); u++)
		if (!strcmp(jdom_str(unit), units[u].name))
			break;
	if (u == ARRAY_SIZE(units))
		return bad(e, VERIS_AT_VALUE, path, "unit", "value '%s' is not a VERIS time unit",
			   jdom_str(unit));
	if (!value || units[u].hours < 0)
		return 0;
	x = value->number;
	if (x < 0 || !isfinite(x))
		return bad(e, VERIS_AT_VALUE, path, "value", "value '%s' is %s",
			   number_text(value, num, sizeof(num)), x < 0 ? "negative" : "too large");
	*hours = x * units[u].hours;
	*coarse = units[u].coarse;
	return 0;
}

static int map_spans(struct veris_err *e, const struct jdom *rec, struct incident *inc)
{
	const struct jdom *tl, *attr, *avail, *conf;
	long long total = -1;
	int coarse;

	if (get(e, rec, "", "timeline", JDOM_OBJECT, &tl) < 0 ||
	    get_span(e, tl, "timeline", "discovery", "timeline.discovery",
		     &inc->discovery_hours, &coarse) < 0 ||
	    get_span(e, tl, "timeline", "containment", "timeline.containment",
		     &inc->contain_hours, &inc->contain_approximate) < 0 ||
	    get(e, rec, "", "attribute", JDOM_OBJECT, &attr) < 0 ||
	    get(e, attr, "attribute", "confidentiality", JDOM_OBJECT, &conf) < 0 ||
	    get_int(e, conf, "attribute.confidentiality", "data_total", 0, 1e15, &total) < 0 ||
	    get(e, attr, "attribute", "availability", JDOM_OBJECT, &avail) < 0 ||
	    get_span(e, avail, "attribute.availability", "duration",
		     "attribute.availability.duration", &inc->recover_hours, &coarse) < 0)
		return -1;
	inc->affected = total;
	if (conf)
		strlist_add(&inc->cia, "Confidentiality");
	/* Present is enough, even as null. */
	if (jdom_get(attr, "integrity"))
		strlist_add(&inc->cia, "Integrity");
	if (avail)
		strlist_add(&inc->cia, "Availability");
	return 0;
}

static size_t scheme_len(const char *p)
{
	if (!ascii_ncasecmp(p, "http://", 7))
		return 7;
	if (!ascii_ncasecmp(p, "https://", 8))
		return 8;
	return 0;
}

/*
 * Adds each http(s) URL in `s`. A URL ends at white space or ';', or at a
 * ',' that another URL follows: plain commas occur inside URLs. A trailing
 * ',' or '.' is punctuation of the list, not of the URL.
 */
static void add_urls(struct strlist *l, const char *s, struct buf *url)
{
	const char *p = s;

	while ((p = strpbrk(p, "hH"))) {
		size_t n = scheme_len(p);
		const char *q = p + n, *end;

		if (!n) {
			p++;
			continue;
		}
		for (; *q && *q != ';' && *q != ' ' && *q != '\t' && *q != '\n' && *q != '\r'; q++) {
			const char *r = q + 1;

			while (*q == ',' && *r == ' ')
				r++;
			if (*q == ',' && scheme_len(r))
				break;
		}
		for (end = q; end > p + n && (end[-1] == ',' || end[-1] == '.'); end--)
			;
		if (end > p + n) {
			buf_reset(url);
			buf_add(url, p, (size_t)(end - p));
			strlist_add_unique(l, url->buf);
		}
		p = q;
	}
}

static int map_sources(struct veris_err *e, const struct jdom *rec, struct incident *inc)
{
	const struct jdom *ref;
	int r = get(e, rec, "", "reference", JDOM_STRING, &ref);

	if (r <= 0)
		return r;
	add_urls(&inc->sources, jdom_str(ref), &e->scratch);
	inc->source_count = (long)inc->sources.n;
	return 0;
}

int veris_map(const struct jdom *rec, struct incident *inc, struct veris_err *e)
{
	buf_reset(&e->field);
	buf_reset(&e->msg);
	e->at = VERIS_AT_RECORD;
	if (!jdom_is(rec, JDOM_OBJECT))
		return bad(e, VERIS_AT_RECORD, "", "", "expected a JSON object, got %s",
			   type_name(rec->type));
	if (map_key(e, rec, inc) < 0 || map_date(e, rec, inc) < 0 || map_victim(e, rec, inc) < 0 ||
	    get_str(e, rec, "", "summary", &inc->summary) < 0 ||
	    map_actions(e, rec, inc) < 0 || map_actors(e, rec, inc) < 0 ||
	    map_spans(e, rec, inc) < 0 || map_sources(e, rec, inc) < 0)
		return -1;
	return 0;
}
