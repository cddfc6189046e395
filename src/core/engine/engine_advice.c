/* engine_advice.c - warnings and actions in plain Dutch (taalniveau B1), with
 * dates and amounts, from a finished switch run and its recoveries. */
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "switchsim/money.h"
#include "switchsim/terugval.h"
#include "switchsim/ww.h"

static void eur(char *buf, size_t size, int64_t cents)
{
    sw_money_format_nl(buf, size, cents);
}

/* Warnings that come from recoveries, and the actions that avoid them. */
static void recovery_advice(struct eng_run *r)
{
    struct sw_timeline *tl = r->tl;
    const struct sw_scenario *s = r->s;
    char a[40], m1[32], m2[32], d1[40];
    bool told_toeslag = false;

    for (size_t k = 0; k < tl->n_recoveries; k++) {
        const struct sw_recovery *rec = &tl->recoveries[k];

        eur(a, sizeof(a), rec->amount);
        sw_month_nl(m2, sizeof(m2), rec->expected);
        switch (rec->kind) {
        case SW_RECOVERY_BIJSTAND:
            sw_month_nl(m1, sizeof(m1), rec->caused);
            if (rec->offset > 0)
                eur(a, sizeof(a), rec->amount + rec->offset);
            eng_warning(r, "bijstand_recovery", rec->caused, rec->amount + rec->offset,
                        "Let op: in %s krijgt u loon en ook nog bijstand. U krijgt dan %s "
                        "bijstand te veel. De gemeente vraagt dat terug (brief in %s). "
                        "Zet %s apart zodra het binnenkomt.",
                        m1, a, m2, a);
            if (rec->offset > 0) {
                char o[32];
                eur(o, sizeof(o), rec->offset);
                eur(a, sizeof(a), rec->amount);
                eng_warning(r, "bijstand_offset", rec->expected, rec->offset,
                            "De gemeente verrekent daarvan %s met uw vakantietoeslag: die "
                            "komt dan niet (helemaal) op uw rekening. De brief gaat over de "
                            "rest, %s.", o, a);
            }
            if (rec->instalment > 0) {
                char ins[32], m3[32], m4[32];
                eur(ins, sizeof(ins), rec->instalment);
                sw_month_nl(m3, sizeof(m3), rec->collected);
                sw_month_nl(m4, sizeof(m4), rec->paid_off);
                eng_warning(r, "bijstand_instalments", rec->collected, rec->instalment,
                            "U betaalt dit terug in termijnen van %s per maand, van %s tot en "
                            "met %s.", ins, m3, m4);
            }
            break;
        case SW_RECOVERY_ZORGTOESLAG:
        case SW_RECOVERY_HUURTOESLAG:
        case SW_RECOVERY_KINDGEBONDEN_BUDGET:
            eng_warning(r, "toeslag_recovery", rec->caused, rec->amount,
                        "U krijgt over %s %s te veel %s, omdat het voorschot nog op uw oude "
                        "inkomen is berekend. De Belastingdienst vraagt dat terug (brief vanaf "
                        "%s). Zet het teveel elke maand apart.",
                        rec->for_period, a, eng_toeslag_name(rec->kind), m2);
            if (!told_toeslag) {
                sw_date before = sw_month_first_day(sw_month_of(s->job.start));
                sw_date_nl(d1, sizeof(d1), before);
                eng_action(r, before, SW_WHO_RESIDENT,
                           "Geef uw nieuwe inkomen vóór %s door aan de Belastingdienst (Mijn "
                           "toeslagen). Dan wordt uw zorgtoeslag en huurtoeslag meteen "
                           "aangepast en hoeft u later minder of niets terug te betalen.",
                           d1);
                told_toeslag = true;
            }
            break;
        case SW_RECOVERY_WAJONG:
            eng_warning(r, "wajong_recovery", rec->caused, rec->amount,
                        "UWV betaalt de Wajong eerst als voorschot, op het loon dat UWV "
                        "verwacht. U verdient meer dan UWV verwacht. Daarom krijgt u %s "
                        "te veel Wajong. UWV vraagt dat terug (brief in %s). Zet het teveel "
                        "elke maand apart.", a, m2);
            break;
        case SW_RECOVERY_INKOMSTENBELASTING:
            eng_warning(r, "korting_twice", rec->caused, rec->amount,
                        "Uw werkgever en %s geven allebei loonheffingskorting. Dan "
                        "wordt te weinig belasting ingehouden. U betaalt over %s ongeveer %s "
                        "terug aan de Belastingdienst (aanslag in %s).",
                        s->before.benefit == SW_BEFORE_WAJONG ? "UWV" : "de gemeente",
                        rec->for_period, a, m2);
            if (s->before.benefit != SW_BEFORE_WAJONG) {
                sw_date before = s->job.start;
                sw_date_nl(d1, sizeof(d1), before);
                eng_action(r, before, SW_WHO_RESIDENT,
                           "Vraag de gemeente vóór %s om geen loonheffingskorting meer toe te "
                           "passen op uw bijstand, omdat uw werkgever dat al doet.",
                           d1);
            }
            break;
        }
    }
}

/* The first month from which something changes in the switch run. */
static void month_advice(struct eng_run *r)
{
    const struct sw_scenario *s = r->s;
    const struct sw_run *run = r->run;
    char a[40], b[40], m1[32], m2[32];
    bool had_bijstand = true, told_end = false, told_vrij = false, told_holiday = false,
         told_vt = false, told_setoff = false;
    int prev_kind = 0;

    for (int i = 0; i < run->n; i++) {
        const struct sw_month_row *row = &run->rows[i];
        const int64_t *v = row->v;
        bool has = v[SW_ITEM_BIJSTAND_ENTITLED] > 0;

        /* The month's name is written only for a warning (this runs every month). */
        bool warn_end = had_bijstand && !has && row->status == SW_STATUS_WORK && !told_end;
        bool warn_vrij = prev_kind && !row->vrijlating_kind && v[SW_ITEM_NET_WAGE] > 0 && has &&
                         !told_vrij;
        bool warn_holiday = v[SW_ITEM_HOLIDAY_PAY] > 0 && has &&
                            s->job.holiday_pay == SW_HOLIDAY_YEARLY && !told_holiday;
        bool warn_vt = v[SW_ITEM_BIJSTAND_HOLIDAY_PAID] > 0 && !has && !told_vt;
        bool warn_setoff = i > 0 && v[SW_ITEM_BIJSTAND_PAID] < v[SW_ITEM_BIJSTAND_ENTITLED] &&
                           v[SW_ITEM_RESERVE_RELEASED] > 0 && has && !told_setoff;

        if (!warn_end && !warn_vrij && !warn_holiday && !warn_vt && !warn_setoff) {
            had_bijstand = has;
            prev_kind = row->vrijlating_kind;
            continue;
        }
        sw_month_nl(m1, sizeof(m1), row->month);
        if (had_bijstand && !has && row->status == SW_STATUS_WORK && !told_end) {
            eng_warning(r, "bijstand_ends", row->month, 0,
                        "Vanaf %s heeft u geen bijstand meer nodig: uw loon is hoger dan de "
                        "bijstandsnorm.", m1);
            told_end = true;
        }
        if (prev_kind && !row->vrijlating_kind && v[SW_ITEM_NET_WAGE] > 0 && has && !told_vrij) {
            eur(a, sizeof(a), run->rows[i - 1].v[SW_ITEM_VRIJLATING]);
            eng_warning(r, "vrijlating_ends", row->month, run->rows[i - 1].v[SW_ITEM_VRIJLATING],
                        "Vanaf %s telt uw hele loon mee voor de bijstand: de "
                        "inkomstenvrijlating is voorbij. U houdt dan ongeveer %s per maand "
                        "minder over.", m1, a);
            told_vrij = true;
        }
        if (v[SW_ITEM_HOLIDAY_PAY] > 0 && has && s->job.holiday_pay == SW_HOLIDAY_YEARLY &&
            !told_holiday) {
            eur(a, sizeof(a), v[SW_ITEM_HOLIDAY_PAY]);
            eng_warning(r, "holiday_pay_counted", row->month, v[SW_ITEM_HOLIDAY_PAY],
                        "In %s krijgt u vakantiegeld van uw werkgever (%s bruto). De gemeente "
                        "telt dat mee als inkomen: uw bijstand over die maand is lager.", m1, a);
            told_holiday = true;
        }
        if (v[SW_ITEM_BIJSTAND_HOLIDAY_PAID] > 0 && !has && !told_vt) {
            eur(a, sizeof(a), v[SW_ITEM_BIJSTAND_HOLIDAY_PAID]);
            eng_warning(r, "holiday_allowance_paid_out", row->month,
                        v[SW_ITEM_BIJSTAND_HOLIDAY_PAID],
                        "Omdat uw bijstand stopt, krijgt u in %s de vakantietoeslag die u bij de "
                        "bijstand hebt opgebouwd: %s.", m1, a);
            told_vt = true;
        }
        if (i > 0 && v[SW_ITEM_BIJSTAND_PAID] < v[SW_ITEM_BIJSTAND_ENTITLED] &&
            v[SW_ITEM_RESERVE_RELEASED] > 0 && has && !told_setoff) {
            eur(a, sizeof(a), v[SW_ITEM_BIJSTAND_ENTITLED] - v[SW_ITEM_BIJSTAND_PAID]);
            sw_month_nl(m2, sizeof(m2), row->month - 1);
            eng_warning(r, "bijstand_set_off", row->month,
                        v[SW_ITEM_BIJSTAND_ENTITLED] - v[SW_ITEM_BIJSTAND_PAID],
                        "In %s krijgt u %s minder bijstand: de gemeente verrekent dan het loon "
                        "van %s. Gebruik daarvoor het geld dat u apart hebt gezet.", m1, a, m2);
            told_setoff = true;
        }
        had_bijstand = has;
        prev_kind = row->vrijlating_kind;
    }
    (void)b;
}

static void job_advice(struct eng_run *r)
{
    const struct sw_scenario *s = r->s;
    char d1[40], d2[40];

    sw_date_nl(d1, sizeof(d1), s->job.start);
    eng_action(r, s->job.start, SW_WHO_RESIDENT,
               "Geef vóór %s aan de gemeente door dat u gaat werken, vanaf welke datum en "
               "hoeveel uur. Stuur daarna elke maand uw loonstrook.", d1);
    /* Work that ends the bijstand: stopping it in time avoids the letter. */
    for (int i = 0; i < r->run->n; i++) {
        const struct sw_month_row *row = &r->run->rows[i];
        sw_date from;
        if (row->status != SW_STATUS_WORK || row->v[SW_ITEM_BIJSTAND_ENTITLED] != 0)
            continue;
        from = sw_month_first_day(row->month);
        if (from < s->job.start)
            from = s->job.start;
        sw_date_nl(d1, sizeof(d1), from);
        eng_action(r, from, SW_WHO_RESIDENT,
                   "Vraag de gemeente vóór %s om de bijstand vanaf die datum te stoppen. Uw "
                   "loon is dan hoger dan de bijstand; wat u daarna nog krijgt, moet u "
                   "terugbetalen.", d1);
        break;
    }
    if (s->job.trial_start != SW_NO_DATE) {
        sw_date_nl(d1, sizeof(d1), s->job.trial_start);
        sw_date_nl(d2, sizeof(d2), s->job.trial_end);
        eng_warning(r, "trial", sw_month_of(s->job.trial_start), 0,
                    "Tijdens de proefplaatsing (%s tot en met %s) krijgt u geen loon. U houdt "
                    "uw bijstand.", d1, d2);
    }
    if (s->before.dagbesteding_dagdelen > 0) {
        if (s->job.dagbesteding_until == SW_NO_DATE) {
            sw_date_nl(d1, sizeof(d1), s->job.start);
            eng_action(r, s->job.start, SW_WHO_CONSULTANT,
                       "Spreek vóór %s af tot wanneer de Wmo-indicatie voor dagbesteding "
                       "blijft bestaan. Dan is er een weg terug als het werk niet lukt.", d1);
        } else {
            sw_date_nl(d1, sizeof(d1), s->job.dagbesteding_until);
            eng_warning(r, "wmo_overlap", sw_month_of(s->job.start), 0,
                        "De indicatie voor dagbesteding loopt door tot %s. Zo lang betaalt u "
                        "ook de eigen bijdrage aan het CAK.", d1);
        }
    }
    if (s->job.n_loonwaarde > 0) {
        sw_date_nl(d1, sizeof(d1), s->job.start);
        eng_action(r, s->job.start, SW_WHO_EMPLOYER,
                   "Vraag vóór %s loonkostensubsidie aan bij de gemeente en meld de "
                   "werknemer aan voor de no-risk polis.", d1);
    }
}

/* The values the way back's texts name, for the day after the job. They come
 * from the same rules and tables as the figures and were looked up for the plan
 * already, so these calls cannot fail; false if they do. */
static bool way_back_values(struct eng_run *r, struct sw_ww_wekeneis *wk,
                            struct sw_zoektermijn *zt, struct sw_new_indication *ni)
{
    sw_date after = r->tl->way_back.job_end + 1;
    struct sw_err ignore;

    return sw_ww_wekeneis(r->c, after, r->tl->way_back.weeks_worked, wk, NULL, &ignore) ==
               SW_OK &&
           sw_terugval_zoektermijn(r->c, after, r->s->household.birth, zt, NULL, &ignore) ==
               SW_OK &&
           sw_terugval_new_indication(r->c, after, ni, NULL, &ignore) == SW_OK;
}

/* The way back: what comes after the job, in plain words. */
static void way_back_advice(struct eng_run *r)
{
    struct sw_timeline *tl = r->tl;
    const struct sw_way_back *wb = &tl->way_back;
    char d1[40], d2[40], a[40];
    sw_month m;
    struct sw_ww_wekeneis wk;
    struct sw_zoektermijn zt;
    struct sw_new_indication ni;
    sw_date after;

    if (!wb->active)
        return;
    after = wb->job_end + 1;
    m = sw_month_of(after);
    if (!way_back_values(r, &wk, &zt, &ni))
        return;
    sw_date_nl(d1, sizeof(d1), wb->job_end);
    if (wb->ww) {
        int i = eng_index(r, sw_month_of(wb->ww_from) + 1);
        int64_t amount = i >= 0 ? r->run->rows[i].v[SW_ITEM_WW_GROSS] : 0;
        sw_date_nl(d2, sizeof(d2), wb->ww_until);
        sw_money_format_nl(a, sizeof(a), amount);
        eng_warning(r, "way_back_ww", m, amount,
                    "Na het einde van de baan (%s) heeft u recht op WW, want u werkte %d weken: "
                    "tot en met %s, ongeveer %s bruto per maand. %s Vraag de WW aan bij het "
                    "UWV.", d1, wb->weeks_worked, d2, a,
                    wb->wajong ? "De Wajong loopt door naast de WW."
                               : "Is de WW lager dan de bijstand, dan vult de gemeente aan.");
    } else if (wb->wajong) {
        eng_warning(r, "way_back_no_ww", m, 0,
                    "Na het einde van de baan (%s) heeft u nog geen recht op WW: u werkte %d "
                    "weken, er zijn er %lld nodig.", d1, wb->weeks_worked,
                    (long long)wk.weeks_needed);
    } else {
        eng_warning(r, "way_back_no_ww", m, 0,
                    "Na het einde van de baan (%s) heeft u nog geen recht op WW: u werkte %d "
                    "weken, er zijn er %lld nodig. U krijgt weer bijstand.",
                    d1, wb->weeks_worked, (long long)wk.weeks_needed);
    }
    if (wb->wajong) {
        eng_warning(r, "way_back_wajong", m, 0,
                    "Na het einde van de baan (%s) krijgt u weer de volle Wajong: uw recht op "
                    "Wajong blijft bestaan als u werkt.", d1);
        eng_action(r, wb->job_end, SW_WHO_RESIDENT,
                   "Geef aan UWV door dat uw baan stopt (vóór %s). Dan krijgt u meteen weer de "
                   "volle Wajong.", d1);
    }
    if (wb->new_application) {
        sw_date_nl(d2, sizeof(d2), wb->bijstand_from);
        eng_action(r, wb->job_end, SW_WHO_RESIDENT,
                   "Meld u meteen bij de gemeente als de baan stopt (vóór %s) en vraag de "
                   "bijstand opnieuw aan. De bijstand kan ingaan op %s.", d1, d2);
    }
    if (wb->gap_days > 0) {
        sw_date_nl(d2, sizeof(d2), wb->bijstand_from - 1);
        eng_warning(r, "way_back_gap", m, 0,
                    "Omdat u jonger bent dan %lld, moet u eerst %lld weken zelf werk of een "
                    "opleiding zoeken. Tot en met %s krijgt u geen bijstand: %d dagen zonder "
                    "inkomen. Zet daarvoor geld opzij.", (long long)zt.age_below,
                    (long long)zt.weeks, d2, wb->gap_days);
    }
    if (r->s->before.dagbesteding_dagdelen > 0) {
        sw_date_nl(d2, sizeof(d2), wb->dagbesteding_from);
        if (wb->wmo_kept)
            eng_warning(r, "way_back_dagbesteding", m, 0,
                        "Uw indicatie voor dagbesteding liep door: u kunt meteen weer naar de "
                        "dagbesteding.");
        else
            eng_warning(r, "way_back_dagbesteding", m, 0,
                        "Uw indicatie voor dagbesteding is gestopt. Een nieuwe aanvragen duurt "
                        "ongeveer %lld weken: dagbesteding vanaf ongeveer %s.",
                        (long long)ni.weeks, d2);
    }
}

/* The Wajong: report the job to UWV; the loonheffingskorting given by both UWV
 * and the employer. */
static void wajong_advice(struct eng_run *r)
{
    const struct sw_scenario *s = r->s;
    char d1[40];

    if (s->before.benefit != SW_BEFORE_WAJONG)
        return;
    sw_date_nl(d1, sizeof(d1), s->job.start);
    eng_action(r, s->job.start, SW_WHO_RESIDENT,
               "Geef uw nieuwe baan en uw loon door aan UWV (vóór %s). UWV betaalt de Wajong "
               "dan als voorschot op uw loon en rekent later af met uw echte loon.", d1);
    if (s->before.wajong_loonheffingskorting && s->job.loonheffingskorting) {
        for (int i = 0; i < r->run->n; i++) {
            const int64_t *v = r->run->rows[i].v;
            if (v[SW_ITEM_GROSS_WAGE] > 0 && v[SW_ITEM_WAJONG_GROSS] > 0) {
                eng_action(r, s->job.start, SW_WHO_RESIDENT,
                           "Vraag UWV vóór %s om geen loonheffingskorting meer toe te passen "
                           "op uw Wajong, omdat uw werkgever dat al doet.", d1);
                break;
            }
        }
    }
}

const char *eng_topic_nl(const char *id)
{
#define TOPIC(prefix, text) {prefix, sizeof(prefix) - 1, text}
#define END {NULL, 0, NULL}
    /* The prefixes by their first letter, each list ending in END; a more
     * specific prefix before a shorter one. */
    static const struct topic {
        const char *prefix;
        size_t len;
        const char *text;
    } a[] = {TOPIC("awir.", "de regels voor toeslagen"), TOPIC("aow.", "de AOW-leeftijd"), END},
      g[] = {TOPIC("gemeente.", "de bedragen van de gemeente"), END},
      h[] = {TOPIC("huurtoeslag.", "de huurtoeslag"), END},
      l[] = {TOPIC("loonheffing.", "de belasting op uw loon"),
             TOPIC("lks.", "de loonkostensubsidie"), END},
      p[] = {TOPIC("participatiewet.norm.", "de bijstandsnorm"),
             TOPIC("participatiewet.vrijlating.",
                   "het deel van uw loon dat u naast bijstand mag houden"),
             TOPIC("participatiewet.", "de regels van de bijstand"), END},
      w[] = {TOPIC("wml.", "het minimumloon"), TOPIC("wmo.", "de eigen bijdrage voor dagbesteding"),
             TOPIC("werkgever.", "de premies van de werkgever"), TOPIC("ww.", "de WW"), END},
      z[] = {TOPIC("zorgtoeslag.", "de zorgtoeslag"), END};
#undef TOPIC
#undef END
    const struct topic *t;

    /* Asked for every value a run used: the first letter picks the few
     * prefixes to compare. */
    switch (id[0]) {
    case 'a': t = a; break;
    case 'g': t = g; break;
    case 'h': t = h; break;
    case 'l': t = l; break;
    case 'p': t = p; break;
    case 'w': t = w; break;
    case 'z': t = z; break;
    default: t = NULL; break;
    }
    for (; t && t->prefix; t++)
        if (strncmp(id, t->prefix, t->len) == 0)
            return t->text;
    return "andere bedragen";
}

/* The topics of a list of values, each once, in the order first met (at most
 * 16; more are left out). */
struct topics {
    const char *seen[16];
    size_t n;
};

static void topics_add(struct topics *l, const char *t)
{
    for (size_t j = 0; j < l->n; j++)
        if (l->seen[j] == t)
            return;
    if (l->n < sizeof(l->seen) / sizeof(l->seen[0]))
        l->seen[l->n++] = t;
}

/* Append src to buf[size] at *len, cut at size - 1 bytes as snprintf would. */
static void append(char *buf, size_t size, size_t *len, const char *src)
{
    size_t n = strlen(src);

    if (n > size - 1 - *len)
        n = size - 1 - *len;
    memcpy(buf + *len, src, n);
    *len += n;
    buf[*len] = '\0';
}

/* The topics as "a, b en c" in buf[size] (size > 0). */
static void topics_nl(char *buf, size_t size, const struct topics *l)
{
    size_t len = 0;

    buf[0] = '\0';
    for (size_t i = 0; i < l->n; i++) {
        append(buf, size, &len, i == 0 ? "" : i + 1 == l->n ? " en " : ", ");
        append(buf, size, &len, l->seen[i]);
    }
}

/* Values carried forward past the published ones: one warning per date from
 * which they are missing (the first 8 dates met, oldest first), naming what
 * they are about; and values published but not yet confirmed by a second
 * source. One pass over the values used sorts their topics by date. */
static void provisional_advice(struct eng_run *r)
{
    struct sw_timeline *tl = r->tl;
    sw_date dates[8];
    struct topics by_date[8], unconfirmed = {.n = 0};
    size_t nd = 0, order[8];
    char what[480], when[40];
    /* The list and its end in locals (as projected_by(), engine_timeline.c). */
    const struct sw_value_info *items = tl->used.items, *end = items + tl->used.len;

    for (const struct sw_value_info *u = items; u < end; u++) {
        size_t j = 0;
        if (!u->projected) {
            if (u->provisional)
                topics_add(&unconfirmed, eng_topic_nl(u->id));
            continue;
        }
        while (j < nd && dates[j] != u->projected_from)
            j++;
        if (j == nd) {
            if (nd == sizeof(dates) / sizeof(dates[0]))
                continue;
            dates[nd] = u->projected_from;
            by_date[nd++].n = 0;
        }
        topics_add(&by_date[j], eng_topic_nl(u->id));
    }
    for (size_t i = 0; i < nd; i++)      /* oldest first */
        order[i] = i;
    for (size_t i = 1; i < nd; i++)
        for (size_t j = i; j > 0 && dates[order[j - 1]] > dates[order[j]]; j--) {
            size_t k = order[j];
            order[j] = order[j - 1];
            order[j - 1] = k;
        }
    for (size_t i = 0; i < nd; i++) {
        sw_date d = dates[order[i]];
        topics_nl(what, sizeof(what), &by_date[order[i]]);
        sw_month_nl(when, sizeof(when), sw_month_of(d));
        eng_warning(r, "projected_values", sw_month_of(d), 0,
                    "Voorlopig vanaf %s: de nieuwe bedragen voor %s zijn nog niet bekend. "
                    "We rekenen met de laatste bedragen die wel bekend zijn. Wat u krijgt, "
                    "kan daardoor nog iets anders worden.", when, what);
    }
    topics_nl(what, sizeof(what), &unconfirmed);
    if (what[0])
        eng_warning(r, "provisional_values", -1, 0,
                    "Deze berekening gebruikt bedragen die nog niet officieel zijn bevestigd "
                    "(%s). De uitkomst kan daardoor nog iets veranderen.", what);
}

/* Actions in date order; the same date keeps the order they were added in. */
static void sort_actions(struct sw_timeline *tl)
{
    for (size_t i = 1; i < tl->n_actions; i++) {
        struct sw_action a;
        size_t j = i;
        if (tl->actions[i - 1].before <= tl->actions[i].before)
            continue;                     /* in place already (the usual case) */
        a = tl->actions[i];
        while (j > 0 && tl->actions[j - 1].before > a.before) {
            tl->actions[j] = tl->actions[j - 1];
            j--;
        }
        tl->actions[j] = a;
    }
}

sw_status eng_advice(struct eng_run *r, struct sw_err *err)
{
    struct sw_timeline *tl = r->tl;
    char a[40];

    (void)err;
    job_advice(r);
    recovery_advice(r);
    month_advice(r);
    way_back_advice(r);
    wajong_advice(r);
    provisional_advice(r);
    if (tl->average_gain < 0) {
        eur(a, sizeof(a), -tl->average_gain);
        eng_warning(r, "no_gain", -1, tl->average_gain,
                    "Met deze baan houdt u gemiddeld %s per maand minder over dan nu. Bespreek "
                    "met de consulent of meer uren, een ander loon of een andere regeling "
                    "helpt.", a);
    }
    sort_actions(tl);
    return SW_OK;
}

void eng_advice_lookups(struct eng_run *r)
{
    struct sw_ww_wekeneis wk;
    struct sw_zoektermijn zt;
    struct sw_new_indication ni;

    /* Only way_back_advice() asks the tables; the values used are recorded
     * (r->c->used) whatever the answer. */
    if (r->tl->way_back.active)
        (void)way_back_values(r, &wk, &zt, &ni);
}
