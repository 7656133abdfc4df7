/*
 * The words of charts in French, Dutch and German (i18n.h,
 * i18n_chart_words()), and the translation of the data a chart shows
 * (i18n_chart_localize()). English is charts/' own chart_words_en.
 *
 * The tables leave out what i18n.c already knows: month names, the
 * decimal and thousands marks and the percent sign are filled in from it
 * on first use. The formats' "%s" are those of charts/words.h, in order.
 * Kept apart from i18n.c, which the tables would take past 800 lines.
 */
#include "i18n.h"

#include <stdlib.h>
#include <string.h>

#include "../charts/fromquery.h"
#include "../charts/words.h"
#include "../util/country.h"
#include "../util/util.h"
#include "../util/banned.h"

#define NBSP "\xc2\xa0"		/* before a French colon, as i18n.c writes it */

static const struct chart_words fr = {
	.month_short = { "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août",
			 "sept.", "oct.", "nov.", "déc." },
	.month_year = "%s %s",
	.n_is = "n = %s",
	.small_n = "n < 10" NBSP ": à lire avec prudence",
	.no_incidents = "Aucun incident sur cette période",
	.note_unreliable = "* Part calculée sur moins de 30 incidents" NBSP ": à lire avec prudence.",
	.note_suppressed = "Les parts de moins de 5 incidents ne sont pas indiquées.",
	.note_no_shares = "Parts non indiquées" NBSP ": une partie compte moins de 5 incidents.",
	.not_available = "n.d.",
	.unknown = "inconnu",
	.more_not_shown = "+ %s autres non affichés",
	.interval = "intervalle à %s" NBSP ": %s",
	.year_earlier = "un an plus tôt",
	.no_previous = "pas de période précédente",
	.within_noise = "dans la variation normale",
	.no_data = "Pas de données",
	.map_unit = "Incidents",
	.unit = "incidents",
	.minutes = "%s min", .hours = "%s h", .days = "%s j",
	.median = "médiane %s", .p90 = "p90 %s",
	.others = "%s autres",
	.hidden = "masqué (membres seulement)",
	.none = "aucun",
	.public_bodies = "Organismes publics", .other_victims = "Autres victimes",
	.left_out_one = "%s incident daté seulement d’une période plus longue n’est pas compté.",
	.left_out_many = "%s incidents datés seulement d’une période plus longue ne sont pas comptés.",
	.contain_known = "Délai de maîtrise connu pour %s des %s incidents.",
	.change_on = "Variation par rapport à %s",
	.test_below = ", test exact de Poisson p < %s",
	.test_is = ", test exact de Poisson p = %s",
	.share_note = "* Part calculée sur moins de 30 incidents.",
	.kpi_incidents = "Incidents", .kpi_public_share = "Part publique",
	.kpi_public_victims = "Victimes publiques", .kpi_countries = "Pays",
	.incident_one = "%s incident", .incident_many = "%s incidents",
	.part_of = "%s sur %s", .of = "sur %s",
	.not_on_map = "Hors carte" NBSP ": %s", .and_more = " et %s autres",
	.unknown_country = "Pays inconnu" NBSP ": %s", .also_unknown = " ; pays inconnu" NBSP ": %s",
	.title_overview = "Incidents en un coup d’œil",
	.title_by_country = "Incidents par pays de la victime",
	.title_by_sector = "Incidents par secteur",
	.title_by_type = "Incidents par type",
	.title_by_month = "Incidents par mois",
	.title_public_sector = "Organismes publics parmi les victimes",
	.title_public_kinds = "Victimes publiques par type",
	.title_response_time = "Délai de maîtrise",
	.title_techniques = "Techniques les plus fréquentes",
	.title_motives = "Motifs les plus fréquents",
	.title_actors = "Acteurs de la menace les plus fréquents",
	.note_by_country = "Un incident touchant plusieurs pays compte dans chacun.",
	.note_by_sector = "Organismes publics par type ; autres victimes par leur premier secteur.",
	.note_public_kinds = "Parts des incidents dont la victime est un organisme public.",
	.note_techniques = "Un incident avec plusieurs techniques compte dans chacune.",
	.note_motives = "Un incident avec plusieurs motifs compte dans chacun.",
	.note_actors = "Un incident avec plusieurs acteurs compte dans chacun.",
};

static const struct chart_words nl = {
	.month_short = { "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt",
			 "nov", "dec" },
	.month_year = "%s %s",
	.n_is = "n = %s",
	.small_n = "n < 10: met voorzichtigheid lezen",
	.no_incidents = "Geen incidenten in deze periode",
	.note_unreliable = "* Aandeel uit minder dan 30 incidenten: met voorzichtigheid lezen.",
	.note_suppressed = "Aandelen van minder dan 5 incidenten worden niet getoond.",
	.note_no_shares = "Aandelen niet getoond: een deel telt minder dan 5 incidenten.",
	.not_available = "n.b.",
	.unknown = "onbekend",
	.more_not_shown = "+ nog %s niet getoond",
	.interval = "%s-interval %s",
	.year_earlier = "een jaar eerder",
	.no_previous = "geen vorige periode",
	.within_noise = "binnen normale schommeling",
	.no_data = "Geen gegevens",
	.map_unit = "Incidenten",
	.unit = "incidenten",
	.minutes = "%s min", .hours = "%s u", .days = "%s d",
	.median = "mediaan %s", .p90 = "p90 %s",
	.others = "%s andere",
	.hidden = "verborgen (alleen leden)",
	.none = "geen",
	.public_bodies = "Overheidsinstellingen", .other_victims = "Andere slachtoffers",
	.left_out_one = "%s incident dat alleen op een langere periode gedateerd is, is niet meegeteld.",
	.left_out_many = "%s incidenten die alleen op een langere periode gedateerd zijn, zijn niet meegeteld.",
	.contain_known = "Indammingstijd bekend voor %s van %s incidenten.",
	.change_on = "Verandering ten opzichte van %s",
	.test_below = ", exacte Poisson-toets p < %s",
	.test_is = ", exacte Poisson-toets p = %s",
	.share_note = "* Aandeel uit minder dan 30 incidenten.",
	.kpi_incidents = "Incidenten", .kpi_public_share = "Aandeel publiek",
	.kpi_public_victims = "Publieke slachtoffers", .kpi_countries = "Landen",
	.incident_one = "%s incident", .incident_many = "%s incidenten",
	.part_of = "%s van %s", .of = "van %s",
	.not_on_map = "Niet op de kaart: %s", .and_more = " en nog %s",
	.unknown_country = "Land onbekend: %s", .also_unknown = "; land onbekend: %s",
	.title_overview = "Incidenten in één oogopslag",
	.title_by_country = "Incidenten per land van het slachtoffer",
	.title_by_sector = "Incidenten per sector",
	.title_by_type = "Incidenten per type",
	.title_by_month = "Incidenten per maand",
	.title_public_sector = "Overheidsinstellingen onder de slachtoffers",
	.title_public_kinds = "Publieke slachtoffers per soort",
	.title_response_time = "Indammingstijd",
	.title_techniques = "Meest voorkomende technieken",
	.title_motives = "Meest voorkomende motieven",
	.title_actors = "Meest voorkomende dreigingsactoren",
	.note_by_country = "Een incident met slachtoffers in meerdere landen telt in elk land.",
	.note_by_sector = "Overheidsinstellingen per soort; andere slachtoffers per eerste sector.",
	.note_public_kinds = "Aandelen van de incidenten met een overheidsinstelling als slachtoffer.",
	.note_techniques = "Een incident met meerdere technieken telt bij elke techniek.",
	.note_motives = "Een incident met meerdere motieven telt bij elk motief.",
	.note_actors = "Een incident met meerdere actoren telt bij elke actor.",
};

/* incident_one and _many follow "von" (part_of, of): dative. */
static const struct chart_words de = {
	.month_short = { "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.",
			 "Sept.", "Okt.", "Nov.", "Dez." },
	.month_year = "%s %s",
	.n_is = "n = %s",
	.small_n = "n < 10: mit Vorsicht lesen",
	.no_incidents = "Keine Vorfälle in diesem Zeitraum",
	.note_unreliable = "* Anteil aus weniger als 30 Vorfällen: mit Vorsicht lesen.",
	.note_suppressed = "Anteile von weniger als 5 Vorfällen werden nicht gezeigt.",
	.note_no_shares = "Anteile nicht gezeigt: ein Teil hat weniger als 5 Vorfälle.",
	.not_available = "k. A.",
	.unknown = "unbekannt",
	.more_not_shown = "+ %s weitere nicht gezeigt",
	.interval = "%s-Intervall %s",
	.year_earlier = "ein Jahr zuvor",
	.no_previous = "kein Vorzeitraum",
	.within_noise = "im Rahmen normaler Schwankung",
	.no_data = "Keine Daten",
	.map_unit = "Vorfälle",
	.unit = "Vorfälle",
	.minutes = "%s Min.", .hours = "%s Std.", .days = "%s T.",
	.median = "Median %s", .p90 = "p90 %s",
	.others = "%s weitere",
	.hidden = "verborgen (nur Mitglieder)",
	.none = "keine",
	.public_bodies = "Öffentliche Stellen", .other_victims = "Andere Opfer",
	.left_out_one = "%s Vorfall, nur auf einen längeren Zeitraum datiert, ist nicht gezählt.",
	.left_out_many = "%s Vorfälle, nur auf einen längeren Zeitraum datiert, sind nicht gezählt.",
	.contain_known = "Eindämmungszeit bekannt für %s von %s Vorfällen.",
	.change_on = "Veränderung gegenüber %s",
	.test_below = ", exakter Poisson-Test p < %s",
	.test_is = ", exakter Poisson-Test p = %s",
	.share_note = "* Anteil aus weniger als 30 Vorfällen.",
	.kpi_incidents = "Vorfälle", .kpi_public_share = "Anteil öffentlich",
	.kpi_public_victims = "Öffentliche Opfer", .kpi_countries = "Länder",
	.incident_one = "%s Vorfall", .incident_many = "%s Vorfällen",
	.part_of = "%s von %s", .of = "von %s",
	.not_on_map = "Nicht auf der Karte: %s", .and_more = " und %s weitere",
	.unknown_country = "Land unbekannt: %s", .also_unknown = "; Land unbekannt: %s",
	.title_overview = "Vorfälle auf einen Blick",
	.title_by_country = "Vorfälle nach Land des Opfers",
	.title_by_sector = "Vorfälle nach Sektor",
	.title_by_type = "Vorfälle nach Art",
	.title_by_month = "Vorfälle pro Monat",
	.title_public_sector = "Öffentliche Stellen unter den Opfern",
	.title_public_kinds = "Öffentliche Opfer nach Art",
	.title_response_time = "Eindämmungszeit",
	.title_techniques = "Häufigste Techniken",
	.title_motives = "Häufigste Motive",
	.title_actors = "Häufigste Bedrohungsakteure",
	.note_by_country = "Ein Vorfall mit Opfern in mehreren Ländern zählt in jedem.",
	.note_by_sector = "Öffentliche Stellen nach Art; andere Opfer nach ihrem ersten Sektor.",
	.note_public_kinds = "Anteile an den Vorfällen mit einer öffentlichen Stelle als Opfer.",
	.note_techniques = "Ein Vorfall mit mehreren Techniken zählt bei jeder.",
	.note_motives = "Ein Vorfall mit mehreren Motiven zählt bei jedem.",
	.note_actors = "Ein Vorfall mit mehreren Akteuren zählt bei jedem.",
};

const struct chart_words *i18n_chart_words(enum lang lang)
{
	static const struct chart_words *const tables[LANG_NR] = {
		[LANG_EN] = &chart_words_en, [LANG_FR] = &fr, [LANG_NL] = &nl, [LANG_DE] = &de,
	};
	static struct chart_words filled[LANG_NR];
	static int done[LANG_NR];

	if ((unsigned)lang >= LANG_NR || lang == LANG_EN)
		return &chart_words_en;
	if (!done[lang]) {
		filled[lang] = *tables[lang];
		filled[lang].decimal = i18n_decimal_mark(lang);
		filled[lang].thousands = i18n_thousands(lang);
		filled[lang].percent = i18n_percent_sign(lang);
		for (int m = 0; m < 12; m++)
			filled[lang].month_long[m] = i18n_month(lang, m + 1);
		done[lang] = 1;
	}
	return &filled[lang];
}

void i18n_chart_localize(enum lang lang, struct query_chart *qc, const struct query_result *r,
			 struct buf *subtitle)
{
	int by_country = !strcmp(r->query->name, "by-country");

	buf_reset(subtitle);
	i18n_period(subtitle, lang, &r->meta.period);
	qc->data.subtitle = subtitle->buf;
	for (size_t i = 0; qc->kind != CHART_MAP && qc->labels && i < qc->nr; i++) {
		const char *t = NULL;

		if (!qc->labels[i])
			continue;
		if (by_country && country_code(qc->labels[i]))
			t = i18n_country(lang, country_code(qc->labels[i]));
		else
			t = i18n_vocab(lang, qc->labels[i]);
		if (t && strcmp(t, qc->labels[i])) {
			free(qc->labels[i]);
			qc->labels[i] = xstrdup(t);
		}
	}
	/* A line's series is the period: named as the subtitle names it. */
	if (qc->kind == CHART_LINE && qc->data.series_nr)
		qc->series[0].name = subtitle->buf;
}
