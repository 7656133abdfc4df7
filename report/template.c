/*
 * Briefing templates: YAML read with libyaml's document API (every node
 * keeps its line and column), turned into a struct template and checked
 * against the query catalog. See template.h for the format.
 */
#include "template.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "../charts/chart.h"
#include "../charts/fromquery.h"
#include "../util/buf.h"
#include "../util/banned.h"

#define MAX_WIDTH_MM 170.0
#define MAX_HEIGHT_MM 230.0
#define MIN_SIZE_MM 20.0

struct ctx {
	const char *path;
	yaml_document_t *doc;
	int *weights_line;	/* where a notable block gave weights; 0 before */
	size_t *blocks;		/* blocks read so far, of the cover and every section */
};

static int node_error(const struct ctx *c, const yaml_node_t *node, const char *fmt, ...)
	ATTR_PRINTF(3, 4);
static int node_error(const struct ctx *c, const yaml_node_t *node, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	error_at(c->path, (long)node->start_mark.line + 1, (long)node->start_mark.column + 1,
		 "%s", msg.buf);
	buf_release(&msg);
	return -1;
}

static yaml_node_t *node_at(const struct ctx *c, int index)
{
	return yaml_document_get_node(c->doc, index);
}

static const char *scalar(const yaml_node_t *n)
{
	return n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* A plain empty or "~"/"null" scalar: YAML's null. */
static int is_null(const yaml_node_t *n)
{
	const char *s = scalar(n);

	return s && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	       (!*s || !strcmp(s, "~") || !strcmp(s, "null"));
}

static const char *node_kind(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SCALAR_NODE:
		return "a value";
	case YAML_SEQUENCE_NODE:
		return "a list";
	case YAML_MAPPING_NODE:
		return "a mapping";
	default:
		return "nothing";
	}
}

/*
 * Walks a mapping whose keys must be among `keys` (a NULL-terminated list,
 * also the "expected" of the message), each at most once; calls fn for
 * each pair.
 */
typedef int (*pair_fn)(const struct ctx *c, const char *key, yaml_node_t *value, void *arg);

static int each_pair(const struct ctx *c, yaml_node_t *map, const char *what,
		     const char *const *keys, pair_fn fn, void *arg)
{
	unsigned long long seen = 0;

	if (map->type != YAML_MAPPING_NODE)
		return node_error(c, map, "%s must be a mapping, not %s", what, node_kind(map));
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node_at(c, p->key), *v = node_at(c, p->value);
		const char *key = scalar(k);
		size_t i;

		if (!key)
			return node_error(c, k, "a key in %s must be a word", what);
		for (i = 0; keys[i] && strcmp(keys[i], key); i++)
			;
		if (!keys[i]) {
			struct buf exp = BUF_INIT;

			for (i = 0; keys[i]; i++)
				buf_addf(&exp, "%s%s", i ? ", " : "", keys[i]);
			node_error(c, k, "unknown key '%s' in %s (expected %s)", key, what, exp.buf);
			buf_release(&exp);
			return -1;
		}
		if (seen & (1ull << i))
			return node_error(c, k, "key '%s' given twice in %s", key, what);
		seen |= 1ull << i;
		if (fn(c, key, v, arg) < 0)
			return -1;
	}
	return 0;
}

static int get_string(const struct ctx *c, yaml_node_t *n, const char *what, char **out)
{
	const char *s = scalar(n);

	if (!s || is_null(n))
		return node_error(c, n, "%s must be a text, not %s", what, s ? "empty" : node_kind(n));
	free(*out);
	*out = xstrdup(s);
	return 0;
}

static int get_number(const struct ctx *c, yaml_node_t *n, const char *what, double min,
		      double max, double *out)
{
	const char *s = scalar(n);
	char *end;

	if (s) {
		errno = 0;
		*out = strtod(s, &end);
		if (*s && !*end && !errno && *out >= min && *out <= max)
			return 0;
	}
	return node_error(c, n, "%s must be a number from %g to %g", what, min, max);
}

static int get_long(const struct ctx *c, yaml_node_t *n, const char *what, long min, long max,
		    long *out)
{
	const char *s = scalar(n);

	if (s && !parse_long(s, min, max, out))
		return 0;
	return node_error(c, n, "%s must be a whole number from %ld to %ld", what, min, max);
}

static int get_bool(const struct ctx *c, yaml_node_t *n, const char *what, int *out)
{
	const char *s = scalar(n);

	if (s && (!strcmp(s, "true") || !strcmp(s, "yes")))
		*out = 1;
	else if (s && (!strcmp(s, "false") || !strcmp(s, "no")))
		*out = 0;
	else
		return node_error(c, n, "%s must be true or false", what);
	return 0;
}

/* ---- texts and placeholders ------------------------------------------ */

static void text_release(struct tpl_text *t)
{
	for (size_t i = 0; i < LANG_NR; i++)
		free(t->v[i]);
	memset(t, 0, sizeof(*t));
}

struct check_arg {
	const struct ctx *c;
	yaml_node_t *node;
};

static int check_placeholder(const char *name, size_t offset, void *varg)
{
	struct check_arg *a = varg;
	struct buf why = BUF_INIT;
	int ret = 0;

	(void)offset;
	if (tpl_placeholder_check(name, &why) < 0)
		ret = node_error(a->c, a->node, "placeholder '{%s}': %s", name, why.buf);
	buf_release(&why);
	return ret;
}

static int check_text(const struct ctx *c, yaml_node_t *n, const char *s)
{
	struct check_arg a = { c, n };
	size_t bad = (size_t)-1;
	int ret = tpl_placeholders(s, check_placeholder, &a, &bad);

	if (ret && bad != (size_t)-1)
		return node_error(c, n, "'{' at character %zu is not closed by '}' "
				  "(write '{{' for a literal brace)", bad + 1);
	return ret ? -1 : 0;
}

/* A text: a string, or a mapping from language to string. */
static int parse_text(const struct ctx *c, yaml_node_t *n, const char *what, struct tpl_text *t,
		      int placeholders)
{
	text_release(t);
	t->line = (int)n->start_mark.line + 1;
	t->column = (int)n->start_mark.column + 1;
	if (scalar(n)) {
		if (get_string(c, n, what, &t->v[LANG_EN]) < 0)
			return -1;
		return placeholders ? check_text(c, n, t->v[LANG_EN]) : 0;
	}
	if (n->type != YAML_MAPPING_NODE)
		return node_error(c, n, "%s must be a text or a mapping of languages "
				  "(en, fr, nl, de) to texts, not %s", what, node_kind(n));
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node_at(c, p->key), *v = node_at(c, p->value);
		int lang = scalar(k) ? i18n_lang_parse(scalar(k)) : -1;

		if (lang < 0)
			return node_error(c, k, "unknown language '%s' in %s (expected en, fr, nl, de)",
					  scalar(k) ? scalar(k) : "", what);
		if (t->v[lang])
			return node_error(c, k, "language '%s' given twice in %s", scalar(k), what);
		if (get_string(c, v, what, &t->v[lang]) < 0)
			return -1;
		if (placeholders && check_text(c, v, t->v[lang]) < 0)
			return -1;
	}
	if (!tpl_text_get(t, LANG_EN))
		return node_error(c, n, "%s has no text", what);
	return 0;
}

/* The options of a chart, table or notable block, gathered before they are read. */
struct block_nodes {
	yaml_node_t *query, *kind, *size, *title, *period, *columns, *max_rows, *count, *fields;
	yaml_node_t *weights;
};

static int gather(const struct ctx *c, const char *key, yaml_node_t *v, void *arg)
{
	struct block_nodes *bn = arg;

	(void)c;
	if (!strcmp(key, "query"))
		bn->query = v;
	else if (!strcmp(key, "kind"))
		bn->kind = v;
	else if (!strcmp(key, "size"))
		bn->size = v;
	else if (!strcmp(key, "title"))
		bn->title = v;
	else if (!strcmp(key, "period"))
		bn->period = v;
	else if (!strcmp(key, "columns"))
		bn->columns = v;
	else if (!strcmp(key, "max-rows"))
		bn->max_rows = v;
	else if (!strcmp(key, "count"))
		bn->count = v;
	else if (!strcmp(key, "fields"))
		bn->fields = v;
	else if (!strcmp(key, "weights"))
		bn->weights = v;
	return 0;
}

static int parse_query(const struct ctx *c, yaml_node_t *block, yaml_node_t *n, const char *what,
		       struct tpl_block *b)
{
	const char *name = n ? scalar(n) : NULL;

	if (!n)
		return node_error(c, block, "%s names no query (expected query: NAME)", what);
	b->query = name ? query_find(name) : NULL;
	if (!b->query) {
		struct buf names = BUF_INIT;

		for (size_t i = 0; i < query_catalog_nr; i++)
			buf_addf(&names, "%s%s", i ? ", " : "", query_catalog[i]->name);
		node_error(c, n, "'%s' is not a query (expected one of %s)", name ? name : "",
			   names.buf);
		buf_release(&names);
		return -1;
	}
	return 0;
}

static int parse_scope(const struct ctx *c, yaml_node_t *n, struct tpl_block *b)
{
	const char *s = scalar(n);

	if (s && !strcmp(s, "report"))
		b->scope = TPL_SCOPE_REPORT;
	else if (s && !strcmp(s, "12-months"))
		b->scope = TPL_SCOPE_12_MONTHS;
	else
		return node_error(c, n, "period '%s' is not known (expected report or 12-months)",
				  s ? s : "");
	return 0;
}

static int parse_size(const struct ctx *c, yaml_node_t *n, struct tpl_block *b)
{
	yaml_node_item_t *it;

	if (n->type != YAML_SEQUENCE_NODE || n->data.sequence.items.top - n->data.sequence.items.start != 2)
		return node_error(c, n, "size must be [WIDTH, HEIGHT] in millimetres");
	it = n->data.sequence.items.start;
	if (get_number(c, node_at(c, it[0]), "the width", MIN_SIZE_MM, MAX_WIDTH_MM, &b->width_mm) < 0 ||
	    get_number(c, node_at(c, it[1]), "the height", MIN_SIZE_MM, MAX_HEIGHT_MM, &b->height_mm) < 0)
		return -1;
	return 0;
}

static int column_index(const struct ctx *c, yaml_node_t *n, const struct query *q, size_t *out)
{
	const char *name = scalar(n);
	struct buf cols = BUF_INIT;

	for (size_t i = 0; name && i < q->columns_nr; i++) {
		if (!strcmp(q->columns[i].name, name)) {
			*out = i;
			return 0;
		}
	}
	for (size_t i = 0; i < q->columns_nr; i++)
		buf_addf(&cols, "%s%s", i ? ", " : "", q->columns[i].name);
	node_error(c, n, "query '%s' has no column '%s' (expected %s)", q->name, name ? name : "",
		   cols.buf);
	buf_release(&cols);
	return -1;
}

struct column_nodes {
	yaml_node_t *column, *label;
};

static int column_pair(const struct ctx *c, const char *key, yaml_node_t *v, void *arg)
{
	struct column_nodes *cn = arg;

	(void)c;
	if (!strcmp(key, "column"))
		cn->column = v;
	else
		cn->label = v;
	return 0;
}

/* columns: [name, {column: incidents, label: {en: Count}}] */
static int parse_columns(const struct ctx *c, yaml_node_t *n, struct tpl_block *b)
{
	static const char *const keys[] = { "column", "label", NULL };

	if (n->type != YAML_SEQUENCE_NODE)
		return node_error(c, n, "columns must be a list of column names");
	if (n->data.sequence.items.top - n->data.sequence.items.start > TPL_MAX_COLUMNS)
		return node_error(c, node_at(c, n->data.sequence.items.start[TPL_MAX_COLUMNS]),
				  "a table has more than %d columns", TPL_MAX_COLUMNS);
	for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *item = node_at(c, *it);
		struct column_nodes cn = { NULL, NULL };
		struct tpl_column *col;

		b->columns = xrealloc(b->columns, (b->columns_nr + 1) * sizeof(*b->columns));
		col = &b->columns[b->columns_nr++];
		memset(col, 0, sizeof(*col));
		if (scalar(item))
			cn.column = item;
		else if (each_pair(c, item, "a column", keys, column_pair, &cn) < 0)
			return -1;
		if (!cn.column)
			return node_error(c, item, "a column names no column (expected column: NAME)");
		if (column_index(c, cn.column, b->query, &col->index) < 0)
			return -1;
		if (cn.label && parse_text(c, cn.label, "a column label", &col->label, 0) < 0)
			return -1;
	}
	if (!b->columns_nr)
		return node_error(c, n, "columns is empty (expected at least one column)");
	return 0;
}

static const struct {
	const char *name;
	enum tpl_field field;
} fields[] = {
	{ "victim", TPL_FIELD_VICTIM }, { "date", TPL_FIELD_DATE }, { "country", TPL_FIELD_COUNTRY },
	{ "type", TPL_FIELD_TYPE }, { "reasons", TPL_FIELD_REASONS }, { "summary", TPL_FIELD_SUMMARY },
	{ "impact", TPL_FIELD_IMPACT }, { "sources", TPL_FIELD_SOURCES },
};

static int parse_fields(const struct ctx *c, yaml_node_t *n, struct tpl_block *b)
{
	if (n->type != YAML_SEQUENCE_NODE)
		return node_error(c, n, "fields must be a list");
	b->fields = 0;
	for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *item = node_at(c, *it);
		const char *s = scalar(item);
		size_t i;

		for (i = 0; i < ARRAY_SIZE(fields) && (!s || strcmp(s, fields[i].name)); i++)
			;
		if (i == ARRAY_SIZE(fields))
			return node_error(c, item, "'%s' is not a field of a notable incident (expected "
					  "victim, date, country, type, reasons, summary, impact, sources)",
					  s ? s : "");
		b->fields |= fields[i].field;
	}
	if (!(b->fields & TPL_FIELD_VICTIM))
		return node_error(c, n, "fields must include victim: it heads each incident");
	return 0;
}

static int parse_chart(const struct ctx *c, yaml_node_t *n, struct tpl_block *b)
{
	static const char *const keys[] = { "query", "kind", "size", "title", "period", NULL };
	struct block_nodes bn = { 0 };

	if (each_pair(c, n, "a chart", keys, gather, &bn) < 0 ||
	    parse_query(c, n, bn.query, "the chart", b) < 0)
		return -1;
	b->chart_kind = -1;
	b->kind_line = b->line;
	b->kind_column = b->column;
	if (bn.kind) {
		const char *s = scalar(bn.kind);

		b->chart_kind = s ? chart_kind_parse(s) : -1;
		if (b->chart_kind < 0) {
			struct buf kinds = BUF_INIT;

			for (int k = 0; k < CHART_KIND_NR; k++)
				buf_addf(&kinds, "%s%s", k ? ", " : "", chart_kind_name((enum chart_kind)k));
			node_error(c, bn.kind, "'%s' is not a chart kind (expected %s)", s ? s : "",
				   kinds.buf);
			buf_release(&kinds);
			return -1;
		}
		b->kind_line = (int)bn.kind->start_mark.line + 1;
		b->kind_column = (int)bn.kind->start_mark.column + 1;
	}
	if (!query_chart_can_draw(b->query, b->chart_kind)) {
		struct buf kinds = BUF_INIT;
		int ret;

		for (int k = 0; k < CHART_KIND_NR; k++)
			if (query_chart_can_draw(b->query, k))
				buf_addf(&kinds, "%s%s", kinds.len ? ", " : "", chart_kind_name((enum chart_kind)k));
		if (!kinds.len)
			ret = node_error(c, bn.query, "query '%s' has no chart (expected a table or "
					 "notable block for it)", b->query->name);
		else
			ret = node_error(c, bn.kind, "query '%s' cannot be drawn as %s (expected %s)",
					 b->query->name, scalar(bn.kind), kinds.buf);
		buf_release(&kinds);
		return ret;
	}
	b->width_mm = MAX_WIDTH_MM;
	b->height_mm = 90;
	if ((bn.size && parse_size(c, bn.size, b) < 0) ||
	    (bn.title && parse_text(c, bn.title, "a chart title", &b->text, 0) < 0) ||
	    (bn.period && parse_scope(c, bn.period, b) < 0))
		return -1;
	return 0;
}

static int parse_table(const struct ctx *c, yaml_node_t *n, struct tpl_block *b)
{
	static const char *const keys[] = { "query", "columns", "max-rows", "title", "period", NULL };
	struct block_nodes bn = { 0 };

	if (each_pair(c, n, "a table", keys, gather, &bn) < 0 ||
	    parse_query(c, n, bn.query, "the table", b) < 0)
		return -1;
	if ((bn.columns && parse_columns(c, bn.columns, b) < 0) ||
	    (bn.max_rows && get_long(c, bn.max_rows, "max-rows", 1, 1000, &b->max_rows) < 0) ||
	    (bn.title && parse_text(c, bn.title, "a table title", &b->text, 0) < 0) ||
	    (bn.period && parse_scope(c, bn.period, b) < 0))
		return -1;
	return 0;
}

/* The weights of the notable ranking, in the order of weight_keys[] below. */
static const size_t weight_offsets[] = {
	offsetof(struct notable_weights, public_body), offsetof(struct notable_weights, impact),
	offsetof(struct notable_weights, slow), offsetof(struct notable_weights, severe),
	offsetof(struct notable_weights, new_country),
};
static const char *const weight_keys[] = {
	"public-body", "impact", "contained-late", "ransomware-or-breach", "new-country", NULL,
};

static int weight_pair(const struct ctx *c, const char *key, yaml_node_t *v, void *arg)
{
	size_t i = 0;

	while (strcmp(weight_keys[i], key))	/* each_pair let only these through */
		i++;
	return get_number(c, v, key, 0, NOTABLE_WEIGHT_MAX,
			  (double *)((char *)arg + weight_offsets[i]));
}

/* weights: {public-body: 3, impact: 1, ...}; one notable block per template may give them. */
static int parse_weights(const struct ctx *c, yaml_node_t *n, struct tpl_block *b)
{
	if (*c->weights_line)
		return node_error(c, n, "weights given again (a briefing ranks once, with the weights "
				  "given at line %d)", *c->weights_line);
	*c->weights_line = (int)n->start_mark.line + 1;
	b->has_weights = 1;
	return each_pair(c, n, "weights", weight_keys, weight_pair, &b->weights);
}

static int parse_notable(const struct ctx *c, yaml_node_t *n, struct tpl_block *b)
{
	static const char *const keys[] = { "count", "fields", "weights", NULL };
	struct block_nodes bn = { 0 };

	b->query = &query_notable;
	b->count = 8;
	b->fields = ~0u;
	notable_weights_default(&b->weights);
	if (is_null(n))
		return 0;
	if (each_pair(c, n, "notable", keys, gather, &bn) < 0 ||
	    (bn.count && get_long(c, bn.count, "count", 1, 50, &b->count) < 0) ||
	    (bn.fields && parse_fields(c, bn.fields, b) < 0) ||
	    (bn.weights && parse_weights(c, bn.weights, b) < 0))
		return -1;
	return 0;
}

static const char *const block_kinds = "text, narrative, chart, table, notable";

/* A block: "- narrative", or a mapping with one key, the kind. */
static int parse_block(const struct ctx *c, yaml_node_t *n, struct tpl_block *b)
{
	yaml_node_t *k, *v;
	const char *kind;

	memset(b, 0, sizeof(*b));
	b->line = (int)n->start_mark.line + 1;
	b->column = (int)n->start_mark.column + 1;
	b->chart_kind = -1;
	if (scalar(n)) {
		if (strcmp(scalar(n), "narrative"))
			return node_error(c, n, "unknown block kind '%s' (expected %s)", scalar(n),
					  block_kinds);
		b->kind = TPL_NARRATIVE;
		return 0;
	}
	if (n->type != YAML_MAPPING_NODE || n->data.mapping.pairs.top - n->data.mapping.pairs.start != 1)
		return node_error(c, n, "a block must be a mapping with one key, its kind (expected %s)",
				  block_kinds);
	k = node_at(c, n->data.mapping.pairs.start->key);
	v = node_at(c, n->data.mapping.pairs.start->value);
	kind = scalar(k) ? scalar(k) : "";
	if (!strcmp(kind, "text")) {
		b->kind = TPL_TEXT;
		return parse_text(c, v, "a text block", &b->text, 1);
	}
	if (!strcmp(kind, "narrative")) {
		b->kind = TPL_NARRATIVE;
		if (!is_null(v) && !(v->type == YAML_MAPPING_NODE &&
				     v->data.mapping.pairs.top == v->data.mapping.pairs.start))
			return node_error(c, v, "narrative takes no options");
		return 0;
	}
	if (!strcmp(kind, "chart")) {
		b->kind = TPL_CHART;
		return parse_chart(c, v, b);
	}
	if (!strcmp(kind, "table")) {
		b->kind = TPL_TABLE;
		return parse_table(c, v, b);
	}
	if (!strcmp(kind, "notable")) {
		b->kind = TPL_NOTABLE;
		return parse_notable(c, v, b);
	}
	return node_error(c, k, "unknown block kind '%s' (expected %s)", kind, block_kinds);
}

static int parse_blocks(const struct ctx *c, yaml_node_t *n, const char *what,
			struct tpl_block **out, size_t *nr)
{
	if (n->type != YAML_SEQUENCE_NODE)
		return node_error(c, n, "%s must be a list of blocks (%s), not %s", what, block_kinds,
				  node_kind(n));
	for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		if (++*c->blocks > TPL_MAX_BLOCKS)
			return node_error(c, node_at(c, *it), "the template has more than %d blocks "
					  "(cover and sections together)", TPL_MAX_BLOCKS);
		*out = xrealloc(*out, (*nr + 1) * sizeof(**out));
		(*nr)++;
		if (parse_block(c, node_at(c, *it), &(*out)[*nr - 1]) < 0)
			return -1;
	}
	return 0;
}

struct section_arg {
	struct tpl_section *s;
	int has_title, has_blocks;
};

static int section_pair(const struct ctx *c, const char *key, yaml_node_t *v, void *varg)
{
	struct section_arg *a = varg;

	if (!strcmp(key, "title")) {
		a->has_title = 1;
		return parse_text(c, v, "a section title", &a->s->title, 0);
	}
	if (!strcmp(key, "new-page"))
		return get_bool(c, v, "new-page", &a->s->new_page);
	a->has_blocks = 1;
	return parse_blocks(c, v, "blocks", &a->s->blocks, &a->s->blocks_nr);
}

static int parse_sections(const struct ctx *c, yaml_node_t *n, struct template *t)
{
	static const char *const keys[] = { "title", "new-page", "blocks", NULL };

	if (n->type != YAML_SEQUENCE_NODE || n->data.sequence.items.top == n->data.sequence.items.start)
		return node_error(c, n, "sections must be a list of sections (title, blocks)");
	if (n->data.sequence.items.top - n->data.sequence.items.start > TPL_MAX_SECTIONS)
		return node_error(c, node_at(c, n->data.sequence.items.start[TPL_MAX_SECTIONS]),
				  "the template has more than %d sections", TPL_MAX_SECTIONS);
	for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *item = node_at(c, *it);
		struct section_arg a = { 0 };

		t->sections = xrealloc(t->sections, (t->sections_nr + 1) * sizeof(*t->sections));
		a.s = &t->sections[t->sections_nr++];
		memset(a.s, 0, sizeof(*a.s));
		if (each_pair(c, item, "a section", keys, section_pair, &a) < 0)
			return -1;
		if (!a.has_title)
			return node_error(c, item, "the section has no title (expected title: TEXT)");
		if (!a.has_blocks || !a.s->blocks_nr)
			return node_error(c, item, "the section has no blocks (expected blocks: [...])");
	}
	return 0;
}

struct root_arg {
	struct template *t;
	int has_title, has_sections;
};

static int root_pair(const struct ctx *c, const char *key, yaml_node_t *v, void *varg)
{
	struct root_arg *a = varg;
	struct template *t = a->t;
	const char *s = scalar(v);

	if (!strcmp(key, "title")) {
		a->has_title = 1;
		return parse_text(c, v, "the title", &t->title, 0);
	}
	/* The issuer is the user's, never a template's placeholder. */
	if (!strcmp(key, "organisation"))
		return node_error(c, v, "the issuing organisation is set in the configuration "
				  "([report] organisation, see 'ibrief init'), not in a template");
	if (!strcmp(key, "tlp")) {
		int level = s ? tlp_parse(s) : -1;

		if (level < 0)
			return node_error(c, v, "'%s' is not a TLP label (expected CLEAR, GREEN, AMBER, "
					  "AMBER+STRICT or RED)", s ? s : "");
		t->has_tlp = 1;
		t->tlp = (enum tlp)level;
		return 0;
	}
	if (!strcmp(key, "default-period")) {
		if (s && !strcmp(s, "month"))
			t->default_period = TPL_DEFAULT_MONTH;
		else if (s && !strcmp(s, "year"))
			t->default_period = TPL_DEFAULT_YEAR;
		else
			return node_error(c, v, "default-period '%s' is not known (expected month or year)",
					  s ? s : "");
		return 0;
	}
	if (!strcmp(key, "cover"))
		return parse_blocks(c, v, "cover", &t->cover, &t->cover_nr);
	a->has_sections = 1;
	return parse_sections(c, v, t);
}

static int parse_root(const struct ctx *c, yaml_node_t *root, struct template *t)
{
	static const char *const keys[] = {
		"title", "organisation", "tlp", "default-period", "cover", "sections", NULL,
	};
	struct root_arg a = { t, 0, 0 };

	if (each_pair(c, root, "the template", keys, root_pair, &a) < 0)
		return -1;
	if (!a.has_title)
		return node_error(c, root, "the template has no title (expected title: TEXT)");
	if (!a.has_sections)
		return node_error(c, root, "the template has no sections (expected sections: [...])");
	return 0;
}

int template_parse(struct template *t, const char *path, const char *text, size_t len)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;
	int weights_line = 0;
	size_t blocks = 0;
	struct ctx c = { path, &doc, &weights_line, &blocks };
	const char *slash = strrchr(path, '/');
	int ret = -1;

	memset(t, 0, sizeof(*t));
	t->path = xstrdup(path);
	t->name = xstrdup(slash ? slash + 1 : path);
	t->digest = fnv64(FNV64_INIT, text, len);
	if (tpl_refuse_aliases(path, text, len) < 0) {
		template_release(t);
		return -1;
	}
	if (!yaml_parser_initialize(&parser))
		die("out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &doc)) {
		const yaml_mark_t *m = parser.problem ? &parser.problem_mark : &parser.context_mark;

		error_at(path, (long)m->line + 1, (long)m->column + 1, "%s%s%s (expected YAML)",
			 parser.problem ? parser.problem : "cannot read", parser.context ? " " : "",
			 parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		template_release(t);
		return -1;
	}
	root = yaml_document_get_root_node(&doc);
	if (!root)
		error("%s:1:1: the template is empty (expected title and sections)", path);
	else
		ret = parse_root(&c, root, t);
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	if (ret < 0)
		template_release(t);
	return ret;
}

static void block_release(struct tpl_block *b)
{
	text_release(&b->text);
	for (size_t i = 0; i < b->columns_nr; i++)
		text_release(&b->columns[i].label);
	free(b->columns);
}

void template_release(struct template *t)
{
	free(t->path);
	free(t->name);
	text_release(&t->title);
	for (size_t i = 0; i < t->cover_nr; i++)
		block_release(&t->cover[i]);
	free(t->cover);
	for (size_t i = 0; i < t->sections_nr; i++) {
		text_release(&t->sections[i].title);
		for (size_t j = 0; j < t->sections[i].blocks_nr; j++)
			block_release(&t->sections[i].blocks[j]);
		free(t->sections[i].blocks);
	}
	free(t->sections);
	memset(t, 0, sizeof(*t));
}
