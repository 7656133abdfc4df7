#ifndef VERIS_FIXTURE_H
#define VERIS_FIXTURE_H

/*
 * What t_veris.c and t_veris_map.c share beyond parse_fixture.h: running
 * veris_parse() over a fixture, and the names of the records of the
 * fixtures. Like parse_fixture.h, this is static inline: the Makefile links
 * each tests/unit/t_*.c with test.c alone.
 *
 * sample.jsonl.gz is the shared 300-record VCDB sample; quirks.jsonl holds
 * 21 of its lines unchanged (see tests/data/veris/README.md); the other
 * files are written for one behaviour each.
 */

#include <stdio.h>

#include "store/parse.h"
#include "parse_fixture.h"

#define DATA "tests/data/veris/"

/* Runs veris_parse() over tests/data/veris/NAME. */
static inline void run(struct run *r, const char *name, int skip_bad)
{
	char path[256];

	snprintf(path, sizeof(path), DATA "%s", name);
	run_parser(r, veris_parse, "veris", path, skip_bad, 0);
}

/* Sample and quirk keys, named for what they show. */
#define DUPLICATE "00163384-B4D7-46D5-9E6F-543DFB00F598"
#define YEAR_ONLY "00224226-4A39-435C-BFFD-672B5D61C7C1"
#define MONTHS "053b6e58-d51b-41b9-b34e-c93338e280d8"
#define BARE_92 "05449222-6D97-4F2F-9D69-D7C883B6CDC3"
#define FLOATS "0A1608F8-E224-4E4D-9385-0A37CE9A3FC9"
#define RANSOMWARE "0f5420d5-039d-4568-805f-09e5a830ed6d"
#define POLICE "12BABA8B-0278-4824-B009-43CD68108F2F"
#define UNKNOWNS "1AB6CA6E-2D3D-43A7-A9ED-4667F86388E0"
#define NO_COUNTRY "1DADA442-B03F-4CC1-8C1C-89D19D568514"
#define DOS "1EF9CAD4-E31D-4506-83FD-7DC218929CB3"
#define COMMAS "1afcc8c1-07ce-4900-bf82-69f64e6400b1"
#define TWO_COUNTRIES "1ed73372-b0e9-40ba-bca0-dd32bb15f43b"
#define ENVIRONMENTAL "201F17BF-D8C6-4AF5-AB0A-66EA492EAFB1"
#define SPACES "21dbfac0-6c6a-4e53-9fb0-9e201467fe42"
#define NAICS_000 "230ADF5A-6BA5-4541-80EC-2E27C02BF99A"
#define MAILBOX "508D2E23-A892-4A69-A07A-C9351B965144"
#define EMPTY_SUMMARY "BCB88461-5249-46C3-BD5F-8424A55B2164"
#define COURT "DD3FE7DA-5062-46BB-9816-86E7DAF1DDEB"
#define NO_URL "b83c7cf9-9a46-4ed4-ba46-0f7516ed9494"
#define FEB_29 "f3c87c0b-0756-4f26-adab-c1b5b9b4c512"

#endif
