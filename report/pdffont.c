/* Trimming libharu's embedded TrueType fonts to what a briefing draws: see pdffont.h. */
#include "pdffont.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_conf.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>

#include "../util/buf.h"
#include "../util/util.h"
#include "../util/banned.h"

#define USED(used, cp) ((used)[(cp) / 8] & (1u << ((cp) % 8)))

/* ---- the font program ---------------------------------------------------- */

static unsigned get16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned long get32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

static void put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

static void put32(unsigned char *p, unsigned long v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* The OpenType checksum: the sum of big-endian 32-bit words, zero-padded. */
static unsigned long checksum(const unsigned char *p, size_t len)
{
	unsigned long sum = 0;

	for (size_t i = 0; i < len; i += 4) {
		unsigned char w[4] = { 0, 0, 0, 0 };

		memcpy(w, p + i, len - i < 4 ? len - i : 4);
		sum = (sum + get32(w)) & 0xffffffffUL;
	}
	return sum;
}

/* Sorted by tag, as the table directory must be. */
static const char *const kept[] = {
	"OS/2", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep",
};

struct table {
	const unsigned char *data;
	size_t len;
	unsigned char *copy;	/* when changed */
};

static int find_tables(const unsigned char *ttf, size_t len, struct table *t)
{
	unsigned n;

	memset(t, 0, sizeof(*t) * ARRAY_SIZE(kept));
	if (len < 12 || (get32(ttf) != 0x00010000UL && get32(ttf) != 0x74727565UL))
		return -1;
	n = get16(ttf + 4);
	if (12 + 16ul * n > len)
		return -1;
	for (unsigned i = 0; i < n; i++) {
		const unsigned char *rec = ttf + 12 + 16 * i;
		unsigned long off = get32(rec + 8), tlen = get32(rec + 12);

		if (off > len || tlen > len - off)
			return -1;
		for (size_t k = 0; k < ARRAY_SIZE(kept); k++) {
			if (!memcmp(rec, kept[k], 4)) {
				t[k].data = ttf + off;
				t[k].len = tlen;
			}
		}
	}
	for (size_t k = 0; k < ARRAY_SIZE(kept); k++)
		if (!t[k].data && strcmp(kept[k], "OS/2") && strcmp(kept[k], "cvt ") &&
		    strcmp(kept[k], "fpgm") && strcmp(kept[k], "prep"))
			return -1;	/* the required tables without instructions */
	return 0;
}

/* Zeroes the metrics of glyphs that have no outline (hmtx, from loca). */
static int zero_metrics(struct table *t)
{
	const struct table *head = &t[4], *hhea = &t[5], *loca = &t[7], *maxp = &t[8];
	struct table *hmtx = &t[6];
	unsigned glyphs, metrics;
	int long_loca;

	if (head->len < 54 || hhea->len < 36 || maxp->len < 6)
		return -1;
	long_loca = get16(head->data + 50) != 0;
	glyphs = get16(maxp->data + 4);
	metrics = get16(hhea->data + 34);
	if (metrics > glyphs || loca->len < (glyphs + 1ul) * (long_loca ? 4 : 2) ||
	    hmtx->len < 4ul * metrics + 2ul * (glyphs - metrics))
		return -1;
	hmtx->copy = xmalloc(hmtx->len);
	memcpy(hmtx->copy, hmtx->data, hmtx->len);
	for (unsigned g = 1; g < glyphs; g++) {
		unsigned long a = long_loca ? get32(loca->data + 4 * g) : 2ul * get16(loca->data + 2 * g);
		unsigned long b = long_loca ? get32(loca->data + 4 * g + 4) : 2ul * get16(loca->data + 2 * g + 2);

		if (a != b)
			continue;
		if (g < metrics)
			memset(hmtx->copy + 4 * g, 0, 4);
		else
			memset(hmtx->copy + 4 * metrics + 2 * (g - metrics), 0, 2);
	}
	return 0;
}

unsigned char *pdffont_trim_ttf(const unsigned char *ttf, size_t len, size_t *out_len)
{
	struct table t[ARRAY_SIZE(kept)];
	unsigned n = 0, sel = 0;
	size_t size, off;
	unsigned char *out = NULL, *dir;

	if (find_tables(ttf, len, t) < 0 || zero_metrics(t) < 0)
		goto out;
	for (size_t k = 0; k < ARRAY_SIZE(kept); k++)
		n += t[k].data != NULL;
	while ((2u << sel) <= n)
		sel++;
	size = 12 + 16ul * n;
	for (size_t k = 0; k < ARRAY_SIZE(kept); k++)
		size += (t[k].len + 3) & ~(size_t)3;
	out = xcalloc(size, 1);
	put32(out, 0x00010000UL);
	put16(out + 4, n);
	put16(out + 6, 16u << sel);
	put16(out + 8, sel);
	put16(out + 10, 16 * n - (16u << sel));
	dir = out + 12;
	off = 12 + 16ul * n;
	for (size_t k = 0; k < ARRAY_SIZE(kept); k++) {
		const unsigned char *data = t[k].copy ? t[k].copy : t[k].data;

		if (!data)
			continue;
		memcpy(out + off, data, t[k].len);
		if (!strcmp(kept[k], "head"))
			put32(out + off + 8, 0);	/* checkSumAdjustment, set below */
		memcpy(dir, kept[k], 4);
		put32(dir + 4, checksum(out + off, t[k].len));
		put32(dir + 8, off);
		put32(dir + 12, t[k].len);
		dir += 16;
		off += (t[k].len + 3) & ~(size_t)3;
	}
	for (size_t k = 0, at = 12 + 16ul * n; k < ARRAY_SIZE(kept); k++) {
		if (!t[k].data)
			continue;
		if (!strcmp(kept[k], "head"))
			put32(out + at + 8, (0xB1B0AFBAUL - checksum(out, size)) & 0xffffffffUL);
		at += (t[k].len + 3) & ~(size_t)3;
	}
	*out_len = size;
out:
	for (size_t k = 0; k < ARRAY_SIZE(kept); k++)
		free(t[k].copy);
	return out;
}

/* ---- the PDF objects ------------------------------------------------------ */

static HPDF_Dict_BeforeWriteFunc libharu_before_write;

/* Replaces the contents of a stream object. */
static int set_stream(HPDF_Dict obj, const void *data, size_t len)
{
	HPDF_Stream s = HPDF_MemStream_New(obj->mmgr, HPDF_STREAM_BUF_SIZ);

	if (!s)
		return -1;
	if (len && HPDF_Stream_Write(s, (const HPDF_BYTE *)data, (HPDF_UINT)len) != HPDF_OK) {
		HPDF_Stream_Free(s);
		return -1;
	}
	HPDF_Stream_Free(obj->stream);
	obj->stream = s;
	return 0;
}

HPDF_Font pdffont_get(HPDF_Doc doc, const char *name)
{
	HPDF_Encoder enc = HPDF_GetEncoder(doc, "UTF-8");
	HPDF_Encoder_ToUnicode_Func to_unicode;
	HPDF_CMapEncoderAttr attr;
	HPDF_UINT16 (*saved)[256];
	HPDF_Font font;

	if (!enc || enc->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE || !enc->attr)
		return HPDF_GetFont(doc, name, "UTF-8");
	/*
	 * libharu walks the encoder's code-to-CID table, except that 2.3
	 * walks every code instead for an encoder with a to-Unicode function
	 * of its own (the UTF-8 one): for this call the encoder has the
	 * generic function and a table of one code, the space (libharu
	 * refuses a font without a code). Text is encoded with both restored.
	 */
	attr = enc->attr;
	to_unicode = enc->to_unicode_fn;
	saved = xmalloc(sizeof(attr->cid_map));
	memcpy(saved, attr->cid_map, sizeof(attr->cid_map));
	memset(attr->cid_map, 0, sizeof(attr->cid_map));
	attr->cid_map[0][' '] = ' ';
	enc->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
	font = HPDF_GetFont(doc, name, "UTF-8");
	enc->to_unicode_fn = to_unicode;
	memcpy(attr->cid_map, saved, sizeof(attr->cid_map));
	free(saved);
	return font;
}

/*
 * libharu writes the font program when it writes the font (its
 * before_write function makes the descriptor); trim it right after.
 */
/*
 * libharu's font writer copies every table it knows four bytes a call and
 * reads the copy back the same way for the checksums: 47 M instructions for
 * the two faces of a briefing. The character map, names and glyph names
 * (cmap, name, post: 85 KB of DejaVu Sans) are dropped by the trim, so
 * the writer is shown them empty (restore() puts them back).
 */
struct hidden {
	HPDF_UINT32 length[3];
	HPDF_UINT16 names;
};

static const char *const dropped[3] = { "cmap", "name", "post" };

static void hide(HPDF_TTFontDefAttr a, struct hidden *h, int restore)
{
	for (HPDF_UINT16 i = 0; i < a->offset_tbl.num_tables; i++) {
		HPDF_TTFTable *t = &a->offset_tbl.table[i];

		for (size_t k = 0; k < ARRAY_SIZE(dropped); k++) {
			if (memcmp(t->tag, dropped[k], 4))
				continue;
			if (!restore)
				h->length[k] = t->length;
			t->length = restore ? h->length[k] : 0;
		}
	}
	if (!restore)
		h->names = a->name_tbl.count;
	a->name_tbl.count = restore ? h->names : 0;	/* the name table is written from these */
}

static HPDF_STATUS trim_program(HPDF_Dict font)
{
	HPDF_FontAttr attr = font->attr;
	HPDF_TTFontDefAttr def = attr->fontdef->attr;
	struct hidden h;
	HPDF_STATUS ret;
	HPDF_Dict desc, data;
	HPDF_UINT size;
	unsigned char *ttf, *trimmed;
	size_t len;

	hide(def, &h, 0);
	ret = libharu_before_write(font);
	hide(def, &h, 1);
	if (ret != HPDF_OK)
		return ret;
	desc = HPDF_Dict_GetItem(attr->descendant_font, "FontDescriptor", HPDF_OCLASS_DICT);
	data = desc ? HPDF_Dict_GetItem(desc, "FontFile2", HPDF_OCLASS_DICT) : NULL;
	if (!data)
		return HPDF_OK;		/* not embedded: nothing to trim */
	size = HPDF_Stream_Size(data->stream);
	ttf = xmalloc(size ? size : 1);
	if (HPDF_Stream_Seek(data->stream, 0, HPDF_SEEK_SET) != HPDF_OK ||
	    HPDF_Stream_Read(data->stream, ttf, &size) != HPDF_OK) {
		free(ttf);
		return HPDF_Error_GetCode(font->error);
	}
	trimmed = pdffont_trim_ttf(ttf, size, &len);
	if (trimmed && set_stream(data, trimmed, len) == 0)
		ret = HPDF_Dict_AddNumber(data, "Length1", (HPDF_INT32)len);
	free(ttf);
	free(trimmed);
	return ret;
}

/* A ToUnicode CMap mapping each code drawn to itself (codes are UTF-16). */
static void to_unicode(struct buf *cm, const unsigned char *used)
{
	size_t count = 0, start = 0;

	buf_adds(cm, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		 "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		 "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		 "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (unsigned cp = 0; cp < 65536; cp++) {
		if (!USED(used, cp) || (cp >= 0xd800 && cp < 0xe000))
			continue;
		if (count % 100 == 0) {
			if (count)
				buf_adds(cm, "endbfchar\n");
			start = cm->len;
			buf_adds(cm, "100 beginbfchar\n");
		}
		buf_addf(cm, "<%04X> <%04X>\n", cp, cp);
		count++;
	}
	if (count) {
		/* The last block holds fewer than 100: say how many. */
		size_t last = count % 100 ? count % 100 : 100;
		char n[8];

		snprintf(n, sizeof(n), "%3zu", last);
		memcpy(cm->buf + start, n, 3);
		buf_adds(cm, "endbfchar\n");
	}
	buf_adds(cm, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

int pdffont_trim(HPDF_Doc doc, HPDF_Font font, const unsigned char *used)
{
	HPDF_FontAttr attr = font->attr;
	HPDF_Array w = HPDF_Array_New(doc->mmgr), run = NULL;
	HPDF_Dict tu = HPDF_DictStream_New(doc->mmgr, doc->xref);
	unsigned char *map = NULL;
	unsigned last = 0, max = 0;
	struct buf cm = BUF_INIT;
	int ret = -1;

	if (!w || !tu || !attr->descendant_font || !attr->map_stream)
		goto out;
	for (unsigned cp = 0; cp < 65536; cp++)
		if (USED(used, cp))
			max = cp;
	map = xcalloc(2 * (size_t)max + 2, 1);
	for (unsigned cp = 0; cp <= max; cp++) {
		HPDF_UINT16 gid;

		if (!USED(used, cp))
			continue;
		gid = HPDF_TTFontDef_GetGlyphid(attr->fontdef, cp);
		if (!run || cp != last + 1) {
			run = HPDF_Array_New(doc->mmgr);
			if (!run || HPDF_Array_AddNumber(w, (HPDF_INT32)cp) != HPDF_OK ||
			    HPDF_Array_Add(w, run) != HPDF_OK)
				goto out;
		}
		if (HPDF_Array_AddNumber(run, HPDF_TTFontDef_GetGidWidth(attr->fontdef, gid)) != HPDF_OK)
			goto out;
		put16(map + 2 * cp, gid);
		last = cp;
	}
	to_unicode(&cm, used);
	tu->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	if (HPDF_Dict_Add(attr->descendant_font, "W", w) != HPDF_OK ||
	    set_stream(attr->map_stream, map, 2 * (size_t)max + 2) < 0 ||
	    set_stream(tu, cm.buf, cm.len) < 0 ||
	    HPDF_Dict_Add(font, "ToUnicode", tu) != HPDF_OK ||
	    HPDF_Dict_AddName(font, "Encoding", "Identity-H") != HPDF_OK)
		goto out;
	if (!libharu_before_write)
		libharu_before_write = font->before_write_fn;
	if (font->before_write_fn != libharu_before_write && font->before_write_fn != trim_program)
		goto out;	/* not the font type this knows */
	font->before_write_fn = trim_program;
	ret = 0;
out:
	free(map);
	buf_release(&cm);
	return ret ? error("pdf: cannot trim the embedded font") : 0;
}
