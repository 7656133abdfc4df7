/*
 * The briefing's PDF, through libharu. Everything libharu-specific is here:
 * the rest of report/ draws with points from the top left corner.
 */
#include "pdf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_catalog.h>
#include <hpdf_namedict.h>
#include <hpdf_objects.h>

#include "pdffont.h"
#include "../util/fontfile.h"
#include "../util/utf8.h"
#include "../util/banned.h"

#define ELLIPSIS "\xe2\x80\xa6"

/* Records the first error; libharu then fails every call on the document. */
static void on_error(HPDF_STATUS status, HPDF_STATUS detail, void *data)
{
	struct pdf *p = data;

	if (!p->status) {
		p->status = status;
		p->detail = detail;
	}
}

int pdf_check(struct pdf *p, const char *phase)
{
	if (!p->status && p->doc && HPDF_GetError(p->doc) != HPDF_OK)
		p->status = HPDF_GetError(p->doc);
	if (p->status)
		return error("pdf: %s: libharu error 0x%04X (detail %u)", phase, (unsigned)p->status,
			     (unsigned)p->detail);
	return 0;
}

static int load_font(struct pdf *p, enum pdf_font f)
{
	char *path = NULL;
	const char *name;
	int index;

	if (font_file_find(f == PDF_BOLD, &path, &index) < 0)
		return error("pdf: DejaVu Sans%s not found through fontconfig (install fonts-dejavu-core)",
			     f == PDF_BOLD ? " Bold" : "");
	name = HPDF_LoadTTFontFromFile(p->doc, path, HPDF_TRUE);
	if (name)
		p->fonts[f] = pdffont_get(p->doc, name);
	if (!p->fonts[f]) {
		pdf_check(p, "fonts");
		error("pdf: cannot load the font '%s'", path);
		free(path);
		return -1;
	}
	free(path);
	p->used[f] = xcalloc(65536 / 8, 1);
	return 0;
}

int pdf_open(struct pdf *p)
{
	memset(p, 0, sizeof(*p));
	p->doc = HPDF_New(on_error, p);
	if (!p->doc)
		return error("pdf: cannot create a document (out of memory)");
	HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(p->doc);
	HPDF_SetCurrentEncoder(p->doc, "UTF-8");
	if (pdf_check(p, "setup") < 0 || load_font(p, PDF_REGULAR) < 0 || load_font(p, PDF_BOLD) < 0) {
		pdf_close(p);
		return -1;
	}
	return 0;
}

void pdf_close(struct pdf *p)
{
	if (p->doc)
		HPDF_Free(p->doc);
	free(p->pages);
	free(p->used[0]);
	free(p->used[1]);
	memset(p, 0, sizeof(*p));
}

/* Marks the characters of `s` as used in font f (see fix_widths()). */
static void mark_used(struct pdf *p, enum pdf_font f, const char *s)
{
	size_t len = strlen(s), i = 0;

	while (i < len) {
		long cp = utf8_decode(s, len, &i);

		if (cp >= 0 && cp < 65536)
			p->used[f][cp / 8] |= (unsigned char)(1u << (cp % 8));
	}
}

double pdf_width(struct pdf *p, enum pdf_font f, double size, const char *s)
{
	HPDF_TextWidth tw;

	if (!*s)
		return 0;
	tw = HPDF_Font_TextWidth(p->fonts[f], (const HPDF_BYTE *)s, (HPDF_UINT)strlen(s));
	return tw.width * size / 1000.0;
}

/* The width of the first n bytes of s. */
static double width_n(struct pdf *p, enum pdf_font f, double size, const char *s, size_t n)
{
	char *part = xstrndup(s, n);
	double w = pdf_width(p, f, size, part);

	free(part);
	return w;
}

void pdf_fit(struct pdf *p, enum pdf_font f, double size, const char *s, double width,
	     struct buf *out)
{
	size_t len = strlen(s), chars = utf8_count(s, len), n = len;

	if (pdf_width(p, f, size, s) <= width) {
		buf_adds(out, s);
		return;
	}
	width -= pdf_width(p, f, size, ELLIPSIS);
	/* The longest prefix of whole characters that fits. */
	while (chars > 0) {
		n = utf8_prefix(s, len, --chars);
		if (width_n(p, f, size, s, n) <= width)
			break;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	buf_add(out, s, n);
	buf_adds(out, ELLIPSIS);
}

/* How many bytes of the word w (of `len` bytes) fit in `width`; at least one character. */
static size_t word_fit(struct pdf *p, enum pdf_font f, double size, const char *w, size_t len,
		       double width)
{
	size_t n = 0, next;

	utf8_decode(w, len, &n);
	while (n < len) {
		next = n;
		utf8_decode(w, len, &next);
		if (width_n(p, f, size, w, next) > width)
			break;
		n = next;
	}
	return n;
}

/* Adds the word w (len bytes) to `line`, moving full lines to `lines`. */
static void add_word(struct pdf *p, enum pdf_font f, double size, double width, struct buf *line,
		     const char *w, size_t len, struct strlist *lines)
{
	size_t keep = line->len;

	if (line->len)
		buf_addch(line, ' ');
	buf_add(line, w, len);
	if (pdf_width(p, f, size, line->buf) <= width)
		return;
	buf_setlen(line, keep);
	if (line->len) {
		strlist_add(lines, line->buf);
		buf_reset(line);
	}
	while (width_n(p, f, size, w, len) > width) {
		size_t fit = word_fit(p, f, size, w, len, width);

		strlist_add_owned(lines, xstrndup(w, fit));
		w += fit;
		len -= fit;
	}
	buf_add(line, w, len);
}

size_t pdf_wrap(struct pdf *p, enum pdf_font f, double size, const char *s, double width,
		struct strlist *lines)
{
	struct buf line = BUF_INIT;
	size_t before = lines->n;
	const char *w = s;

	for (;;) {
		size_t len = strcspn(w, " \n");

		if (len)
			add_word(p, f, size, width, &line, w, len, lines);
		w += len;
		if (*w == '\n' || (!*w && (line.len || lines->n == before))) {
			strlist_add(lines, line.buf);
			buf_reset(&line);
		}
		if (!*w)
			break;
		w++;
	}
	buf_release(&line);
	return lines->n - before;
}

void pdf_add_pages(struct pdf *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		HPDF_Page page = HPDF_AddPage(p->doc);

		HPDF_Page_SetWidth(page, (HPDF_REAL)PDF_A4_WIDTH);
		HPDF_Page_SetHeight(page, (HPDF_REAL)PDF_A4_HEIGHT);
		ALLOC_GROW(p->pages, p->pages_nr + 1, p->pages_alloc);
		p->pages[p->pages_nr++] = page;
	}
}

static HPDF_Page page_at(struct pdf *p, size_t page)
{
	return page < p->pages_nr ? p->pages[page] : NULL;
}

static void set_fill(HPDF_Page pg, struct rgb c)
{
	HPDF_Page_SetRGBFill(pg, (HPDF_REAL)(c.r / 255.0), (HPDF_REAL)(c.g / 255.0),
			     (HPDF_REAL)(c.b / 255.0));
}

void pdf_text(struct pdf *p, size_t page, enum pdf_font f, double size, struct rgb colour,
	      double x, double baseline, const char *s)
{
	HPDF_Page pg = page_at(p, page);

	if (!pg || !*s)
		return;
	mark_used(p, f, s);
	set_fill(pg, colour);
	HPDF_Page_BeginText(pg);
	HPDF_Page_SetFontAndSize(pg, p->fonts[f], (HPDF_REAL)size);
	HPDF_Page_TextOut(pg, (HPDF_REAL)x, (HPDF_REAL)(PDF_A4_HEIGHT - baseline), s);
	HPDF_Page_EndText(pg);
}

void pdf_rect(struct pdf *p, size_t page, struct rgb fill, double x, double y, double w, double h)
{
	HPDF_Page pg = page_at(p, page);

	if (!pg)
		return;
	set_fill(pg, fill);
	HPDF_Page_Rectangle(pg, (HPDF_REAL)x, (HPDF_REAL)(PDF_A4_HEIGHT - y - h), (HPDF_REAL)w,
			    (HPDF_REAL)h);
	HPDF_Page_Fill(pg);
}

void pdf_hline(struct pdf *p, size_t page, struct rgb colour, double width, double x0, double x1,
	       double y)
{
	HPDF_Page pg = page_at(p, page);

	if (!pg)
		return;
	HPDF_Page_SetRGBStroke(pg, (HPDF_REAL)(colour.r / 255.0), (HPDF_REAL)(colour.g / 255.0),
			       (HPDF_REAL)(colour.b / 255.0));
	HPDF_Page_SetLineWidth(pg, (HPDF_REAL)width);
	HPDF_Page_MoveTo(pg, (HPDF_REAL)x0, (HPDF_REAL)(PDF_A4_HEIGHT - y));
	HPDF_Page_LineTo(pg, (HPDF_REAL)x1, (HPDF_REAL)(PDF_A4_HEIGHT - y));
	HPDF_Page_Stroke(pg);
}

/* The parts of a PNG that a PDF image can take as they are. */
struct png_parts {
	uint32_t w, h;
	const unsigned char *plte;
	size_t plte_len;
	struct buf idat;	/* the IDAT chunks' data, joined */
};

static uint32_t be32(const unsigned char *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/*
 * Splits `png` into its parts when it is an 8-bit palette image without
 * interlacing or transparency, as charts/png.h writes them: 0, or -1 for
 * anything else (libharu then reads it). Chunk CRCs are not checked: the
 * PNG is one ibrief made, and a damaged one fails in the reader anyway.
 */
static int png_split(const struct buf *png, struct png_parts *pp)
{
	const unsigned char *b = (const unsigned char *)png->buf;
	size_t pos = 8;
	int seen_end = 0;

	memset(pp, 0, sizeof(*pp));
	buf_init(&pp->idat);
	if (png->len < 8 + 25 || memcmp(b, "\x89PNG\r\n\x1a\n", 8) || memcmp(b + 12, "IHDR", 4) ||
	    be32(b + 8) != 13)
		return -1;
	pp->w = be32(b + 16);
	pp->h = be32(b + 20);
	/* depth 8, palette, compression 0, filter method 0, no interlace */
	if (memcmp(b + 24, "\x08\x03\x00\x00\x00", 5) || !pp->w || !pp->h)
		return -1;
	while (!seen_end && pos + 12 <= png->len) {
		uint32_t n = be32(b + pos);
		const unsigned char *type = b + pos + 4, *data = b + pos + 8;

		if (n > png->len - pos - 12)
			break;
		if (!memcmp(type, "PLTE", 4) && n && n % 3 == 0 && n <= 768) {
			pp->plte = data;
			pp->plte_len = n;
		} else if (!memcmp(type, "IDAT", 4)) {
			buf_add(&pp->idat, data, n);
		} else if (!memcmp(type, "tRNS", 4)) {
			break;
		}
		seen_end = !memcmp(type, "IEND", 4);
		pos += 12 + (size_t)n;
	}
	if (!seen_end || !pp->plte || !pp->idat.len) {
		buf_release(&pp->idat);
		return -1;
	}
	return 0;
}

/* libharu names a stream's filters after its own compression: see image_xobject(). */
static HPDF_STATUS write_flate(HPDF_Dict dict, HPDF_Stream stream)
{
	(void)dict;
	return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

/*
 * An image XObject holding the PNG's data as it is: a PDF reader decodes
 * PNG's zlib stream with its row filters as FlateDecode with the PNG
 * predictor (PDF 32000-1, 7.4.4.4), and an indexed colour space takes the
 * palette. This spares libharu's HPDF_LoadPngImageFromMem() decoding the
 * image and compressing it again (two thirds of a briefing's instructions).
 * libharu writes a stream's /Filter from its own compression only (none
 * here, so that it leaves the data alone), so the dictionary's write
 * hook adds it.
 */
static HPDF_Image image_xobject(struct pdf *p, const struct png_parts *pp)
{
	HPDF_MMgr mmgr = p->doc->mmgr;
	HPDF_Dict img = HPDF_DictStream_New(mmgr, p->doc->xref);
	HPDF_Dict parms = HPDF_Dict_New(mmgr);
	HPDF_Array cs = HPDF_Array_New(mmgr);

	if (!img || !parms || !cs)
		return NULL;
	img->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
	img->filter = HPDF_STREAM_FILTER_NONE;
	img->write_fn = write_flate;
	HPDF_Array_AddName(cs, "Indexed");
	HPDF_Array_AddName(cs, "DeviceRGB");
	HPDF_Array_AddNumber(cs, (HPDF_INT32)(pp->plte_len / 3 - 1));
	HPDF_Array_Add(cs, HPDF_Binary_New(mmgr, (HPDF_BYTE *)pp->plte, (HPDF_UINT)pp->plte_len));
	HPDF_Dict_AddNumber(parms, "Predictor", 15);
	HPDF_Dict_AddNumber(parms, "Colors", 1);
	HPDF_Dict_AddNumber(parms, "BitsPerComponent", 8);
	HPDF_Dict_AddNumber(parms, "Columns", (HPDF_INT32)pp->w);
	HPDF_Dict_AddName(img, "Type", "XObject");
	HPDF_Dict_AddName(img, "Subtype", "Image");
	HPDF_Dict_AddNumber(img, "Width", (HPDF_INT32)pp->w);
	HPDF_Dict_AddNumber(img, "Height", (HPDF_INT32)pp->h);
	HPDF_Dict_Add(img, "ColorSpace", cs);
	HPDF_Dict_AddNumber(img, "BitsPerComponent", 8);
	HPDF_Dict_Add(img, "DecodeParms", parms);
	if (HPDF_Stream_Write(img->stream, (const HPDF_BYTE *)pp->idat.buf,
			      (HPDF_UINT)pp->idat.len) != HPDF_OK)
		return NULL;
	return img;
}

int pdf_png(struct pdf *p, size_t page, const struct buf *png, double x, double y, double w,
	    double h)
{
	HPDF_Page pg = page_at(p, page);
	HPDF_Image img = NULL;
	struct png_parts pp;

	if (png_split(png, &pp) == 0 && pp.w <= INT32_MAX && pp.h <= INT32_MAX) {
		img = image_xobject(p, &pp);
		buf_release(&pp.idat);
	} else {
		buf_release(&pp.idat);
		img = HPDF_LoadPngImageFromMem(p->doc, (const HPDF_BYTE *)png->buf,
					       (HPDF_UINT)png->len);
	}
	if (!img || !pg)
		return pdf_check(p, "image") < 0 ? -1 : error("pdf: cannot place an image");
	HPDF_Page_DrawImage(pg, img, (HPDF_REAL)x, (HPDF_REAL)(PDF_A4_HEIGHT - y - h), (HPDF_REAL)w,
			    (HPDF_REAL)h);
	return 0;
}

void pdf_link(struct pdf *p, size_t page, double x, double y, double w, double h, const char *uri)
{
	HPDF_Page pg = page_at(p, page);
	HPDF_Rect r = { (HPDF_REAL)x, (HPDF_REAL)(PDF_A4_HEIGHT - y - h), (HPDF_REAL)(x + w),
			(HPDF_REAL)(PDF_A4_HEIGHT - y) };
	HPDF_Annotation a;

	if (!pg)
		return;
	a = HPDF_Page_CreateURILinkAnnot(pg, r, uri);
	if (a)
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
}

void pdf_outline(struct pdf *p, const char *title, size_t page, double y)
{
	HPDF_Page pg = page_at(p, page);
	HPDF_Outline o = HPDF_CreateOutline(p->doc, NULL, title, HPDF_GetEncoder(p->doc, "UTF-8"));
	HPDF_Destination d;

	if (!pg || !o)
		return;
	d = HPDF_Page_CreateDestination(pg);
	/* FitH: the page at its width, the section at the top (libharu refuses XYZ zoom 0). */
	HPDF_Destination_SetFitH(d, (HPDF_REAL)(PDF_A4_HEIGHT - y));
	HPDF_Outline_SetDestination(o, d);
}

void pdf_info(struct pdf *p, const char *title, const char *subject, const char *author,
	      const char *creator, const char *keywords)
{
	const struct {
		HPDF_InfoType type;
		const char *value;
	} info[] = {
		{ HPDF_INFO_TITLE, title }, { HPDF_INFO_SUBJECT, subject },
		{ HPDF_INFO_AUTHOR, author }, { HPDF_INFO_CREATOR, creator },
		{ HPDF_INFO_KEYWORDS, keywords },
	};

	for (size_t i = 0; i < ARRAY_SIZE(info); i++)
		if (info[i].value)
			HPDF_SetInfoAttr(p->doc, info[i].type, info[i].value);
}

void pdf_dates(struct pdf *p, time_t when)
{
	struct tm tm;
	HPDF_Date d;

	if (!gmtime_r(&when, &tm))
		return;
	memset(&d, 0, sizeof(d));
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	d.hour = tm.tm_hour;
	d.minutes = tm.tm_min;
	d.seconds = tm.tm_sec;
	d.ind = 'Z';
	HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_CREATION_DATE, d);
	HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_MOD_DATE, d);
}

/*
 * libharu's HPDF_AttachFile() reads a file at save time and names the
 * attachment by its full path, which would put a temporary directory into
 * the briefing (and break byte-identical output). So the file
 * specification is built here from libharu's object API, the way
 * HPDF_AttachFile() does it, with the bytes in memory and a plain name.
 */
int pdf_attach(struct pdf *p, const char *name, const char *mime, const char *description,
	       const void *data, size_t len)
{
	HPDF_Doc doc = p->doc;
	HPDF_NameDict names = HPDF_Catalog_GetNames(doc->catalog);
	HPDF_NameTree tree;
	HPDF_Dict file, ef, params, spec;
	HPDF_Array items;

	if (!names) {
		names = HPDF_NameDict_New(doc->mmgr, doc->xref);
		if (!names || HPDF_Catalog_SetNames(doc->catalog, names) != HPDF_OK)
			return pdf_check(p, "attachments");
	}
	tree = HPDF_NameDict_GetNameTree(names, HPDF_NAME_EMBEDDED_FILES);
	if (!tree) {
		tree = HPDF_NameTree_New(doc->mmgr, doc->xref);
		if (!tree || HPDF_NameDict_SetNameTree(names, HPDF_NAME_EMBEDDED_FILES, tree) != HPDF_OK)
			return pdf_check(p, "attachments");
	}
	file = HPDF_DictStream_New(doc->mmgr, doc->xref);
	ef = HPDF_Dict_New(doc->mmgr);
	params = HPDF_Dict_New(doc->mmgr);
	spec = HPDF_Dict_New(doc->mmgr);
	if (!file || !ef || !params || !spec || HPDF_Xref_Add(doc->xref, spec) != HPDF_OK)
		return pdf_check(p, "attachments");
	file->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Dict_AddName(file, "Type", "EmbeddedFile");
	HPDF_Dict_AddName(file, "Subtype", mime);
	HPDF_Dict_AddNumber(params, "Size", (HPDF_INT32)len);
	HPDF_Dict_Add(file, "Params", params);
	HPDF_Stream_Write(file->stream, (const HPDF_BYTE *)data, (HPDF_UINT)len);
	HPDF_Dict_Add(ef, "F", file);
	HPDF_Dict_AddName(spec, "Type", "Filespec");
	HPDF_Dict_Add(spec, "F", HPDF_String_New(doc->mmgr, name, NULL));
	HPDF_Dict_Add(spec, "UF", HPDF_String_New(doc->mmgr, name, NULL));
	HPDF_Dict_Add(spec, "Desc", HPDF_String_New(doc->mmgr, description,
						     HPDF_GetEncoder(doc, "UTF-8")));
	HPDF_Dict_Add(spec, "EF", ef);
	/* Appended, not HPDF_NameTree_Add(): libharu 2.3 misorders its insertion sort. */
	items = HPDF_Dict_GetItem(tree, "Names", HPDF_OCLASS_ARRAY);
	if (!items || HPDF_Array_Add(items, HPDF_String_New(doc->mmgr, name, NULL)) != HPDF_OK ||
	    HPDF_Array_Add(items, spec) != HPDF_OK)
		return pdf_check(p, "attachments") < 0 ? -1 : error("pdf: cannot attach '%s'", name);
	return pdf_check(p, "attachments");
}

int pdf_save(struct pdf *p, struct buf *out)
{
	HPDF_UINT32 size, got;
	HPDF_BYTE *data;

	if (pdf_check(p, "drawing") < 0)
		return -1;
	for (size_t f = 0; f < ARRAY_SIZE(p->fonts); f++)
		if (pdffont_trim(p->doc, p->fonts[f], p->used[f]) < 0)
			return -1;
	if (HPDF_SaveToStream(p->doc) != HPDF_OK)
		return pdf_check(p, "saving") < 0 ? -1 : error("pdf: cannot save");
	size = HPDF_GetStreamSize(p->doc);
	data = xmalloc(size ? size : 1);
	got = size;
	HPDF_ResetStream(p->doc);
	HPDF_ReadFromStream(p->doc, data, &got);
	/* Reading up to the end reports HPDF_STREAM_EOF, which is no error here. */
	if (p->status == HPDF_STREAM_EOF && got == size) {
		p->status = 0;
		HPDF_ResetError(p->doc);
	}
	if (got != size || pdf_check(p, "saving") < 0) {
		free(data);
		return p->status ? -1 : error("pdf: short read of the document");
	}
	buf_add(out, data, got);
	free(data);
	return 0;
}
