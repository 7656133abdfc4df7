#ifndef COUNTRY_H
#define COUNTRY_H

/*
 * Country codes and names from Debian's iso-codes (ISO 3166-1), never from a
 * hand-made table. The JSON file is read once, on first use, from
 * $IBRIEF_ISO_CODES or /usr/share/iso-codes/json/iso_3166-1.json.
 *
 * Returned strings are owned by this module and live until country_free().
 * If the file cannot be read, the first call reports it once with error()
 * and every lookup returns NULL.
 */

/*
 * Returns the alpha-2 code for a country written as its alpha-2 or alpha-3
 * code, its ISO name, official name or common name ("Czechia", "Czech
 * Republic", "Iran"), in any letter case and with or without a leading
 * "the". A handful of everyday English names that ISO does not list
 * ("Russia", "Turkey", "UK") are accepted too. NULL when not a country.
 */
const char *country_code(const char *name);

/* The English short name for an alpha-2 code ("Iran" rather than the ISO
 * "Iran, Islamic Republic of" when iso-codes has a common name); NULL if
 * the code is not in ISO 3166-1. */
const char *country_name(const char *alpha2);

/* Frees the table (for leak checkers); lookups reload it. */
void country_free(void);

#endif
