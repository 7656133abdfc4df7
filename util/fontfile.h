#ifndef UTIL_FONTFILE_H
#define UTIL_FONTFILE_H

/*
 * The one typeface of ibrief's charts and briefings, DejaVu Sans (Debian:
 * fonts-dejavu-core), located through fontconfig. charts/font.c draws with
 * it through cairo, report/pdf.c embeds it with libharu; both find its file
 * here, by the same rules:
 *  - the family must really be DejaVu Sans: fontconfig offers a substitute
 *    for any request, silently, and a briefing promises its typeface;
 *  - the weight must be the one asked for (a regular face is no bold);
 *  - roman (upright) and scalable.
 * Not thread-safe (fontconfig's default configuration is shared).
 */

/*
 * Finds the file of DejaVu Sans, bold when `bold` is set. Returns 0, with
 * `*path` a new string the caller frees and `*index` the face's index in
 * that file; or -1 without a message when there is no such font (the
 * caller names what needed it).
 */
int font_file_find(int bold, char **path, int *index);

#endif
