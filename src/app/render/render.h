/* render.h - the timeline for people: a terminal table, CSV for Dutch Excel
 * (semicolon, decimal comma) and a printable one-page HTML summary in plain Dutch.
 * Front end only (writes to a FILE). */
#ifndef SWITCHSIM_RENDER_H
#define SWITCHSIM_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "switchsim/engine.h"

/* The headline sentence into buf: "In een gewone maand na de overstap houdt u
 * € 123,45 meer over dan zonder deze baan." (tl->steady; "(voorlopig)" when it
 * depends on projected values), or, without an ordinary month, the average over
 * the window: "Met deze baan houdt u gemiddeld € 123,45 per maand meer over dan nu." */
void render_headline(char *buf, size_t size, const struct sw_timeline *tl);
/* The sentences under it: which month is the ordinary one, the first months'
 * average, and the total over the window. */
void render_headline_more(char *buf, size_t size, const struct sw_timeline *tl);

/* One line per projected value in `used` (carried forward past the published
 * values): prefix, the id (html: the description and the id, as <li>), the value
 * that stands in, since when it is published and from when the next one is
 * missing. Nothing when there are none. */
void render_projected(FILE *f, const struct sw_used *used, const char *prefix, bool html);

/* Who does an action, in Dutch: "inwoner", "consulent", "werkgever" (the JSON
 * keeps sw_who_name()). */
const char *render_who_nl(enum sw_who who);
/* What a recovery is about, in Dutch: "bijstand", "kindgebonden budget" (the JSON
 * keeps sw_recovery_kind_name()). */
const char *render_recovery_nl(enum sw_recovery_kind kind);

void render_table(FILE *f, const struct sw_timeline *tl);
void render_csv(FILE *f, const struct sw_timeline *tl);
void render_html(FILE *f, const struct sw_timeline *tl);

#endif
