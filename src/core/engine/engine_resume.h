/* engine_resume.h - a longer run of a scenario that resumes the main run at the
 * month after the December it ends in, instead of computing its months again
 * (engine_steady.c makes such runs; engine_resume.c). The main run records,
 * per run (baseline, switch), the state each part carries into the next month
 * where it ended (the ledger, the lokaal's limits passed), what it booked past
 * its end, and where each part (enum eng_seg) began in its list of values used
 * and of recoveries; the resumed run copies the rows shown, starts each part at
 * that month with that state, and puts the values used and the recoveries in
 * the order a full run finds them: each part's from the main run, then its own.
 * Private to the core. */
#ifndef SWITCHSIM_ENGINE_RESUME_H
#define SWITCHSIM_ENGINE_RESUME_H

#include "engine_ledger.h"
#include "switchsim/lokaal.h"

/* An amount booked past the end of the main run (eng_add), in part seg. */
struct eng_spill {
    enum eng_seg seg;
    sw_month month;
    enum sw_item item;
    int64_t amount;
};
#define ENG_SPILL_MAX 48 /* structural: room for spilled items */

/* One run's record where the main run ended (eng_run.rec, eng_run.res). */
struct eng_snap {
    size_t used_at[ENG_SEG__COUNT + 1]; /* tl->used.len as each part began; [COUNT]: at the end */
    size_t rec_at[ENG_SEG__COUNT + 1];  /* tl->n_recoveries alike */
    struct eng_spill spill[ENG_SPILL_MAX];
    size_t n_spill;
    bool full;                          /* a spill did not fit: no resuming */
    struct ledger lg;                   /* the ledger after the last month, before its close */
    bool prev_ok[SW_LOCAL__COUNT];      /* eng_lokaal()'s state after the last month */
    int last_bad[SW_LOCAL__COUNT];
};

/* What a main run leaves for the runs that resume it (eng_steady()). */
struct eng_resume {
    bool ok;                            /* complete: a run may resume it */
    const struct sw_timeline *tl;       /* the main run's timeline */
    struct eng_snap snap[2];            /* [0] the baseline, [1] the switch */
    struct eng_run run[2];              /* their per-month arrays at the end */
};

/* An empty record: no spill yet (the runs fill the rest: every part marks
 * itself, eng_months() and eng_lokaal() leave their state at the end). */
void eng_snap_init(struct eng_snap *sn);
/* A record for a main run (NULL: out of memory, then no resuming). */
struct eng_resume *eng_resume_new(void);

/* Whether a main run of s with these sw_simulate() flags records what a
 * resumed run needs: it ends in a December, without traces and not strict, and
 * only with the parts whose state eng_snap holds (no Wajong, monthly pay in its
 * own month without listed hours, no debts, no partner income, a job that has
 * not ended by then). */
bool eng_resumable(const struct sw_scenario *s, unsigned flags);

/* After the main run: rs->ok when what it recorded lets a run resume it (no
 * spill lost, room for recoveries). */
void eng_resume_check(struct eng_resume *rs, const struct sw_timeline *tl);

/* Whether the values the main run used first in its close (ms; a full run
 * skips that close) are used by the resumed run (own, marks fs) by the end of
 * its own close: then that is where a full run uses them first, for whatever
 * later part of the main run they would otherwise have come first in (the
 * close's record hides that), or are read by the ledger alone (the
 * uitvoering of a bijstand recovery); else the run cannot be resumed. */
bool eng_resume_close_seen(const struct sw_used *main, const struct eng_snap *ms,
                           const struct sw_used *own, const struct eng_snap *fs);

/* One run's values used in full-run order in u (which holds them from
 * fs->used_at[0] on, after what it held before that run): for each part, the
 * main run's items of it (ms), then u's own (fs); the main run's close left
 * out. A value the main run used and the run used again in a later part (or
 * the switch in the baseline's) is listed twice, not dropped as a full run
 * drops it: the list's first items of each value are the full run's list,
 * in its order, and nothing reads a resumed run's list but
 * eng_projected_first() (engine_steady.c), which takes the first item of each
 * id; a value recorded later (the switch run's) is still found among them,
 * and recorded once. False when out of memory (u as it was). */
bool eng_resume_used(struct sw_used *u, const struct sw_used *main, const struct eng_snap *ms,
                     const struct eng_snap *fs);

/* The recoveries of the switch run in full-run order into tl: main's (ms) of
 * each part, then tl's own of it (fs); false when they do not fit. */
bool eng_resume_recoveries(struct sw_timeline *tl, const struct sw_timeline *main,
                           const struct eng_snap *ms, const struct eng_snap *fs);

/* For tests (tests/unit/check_steady.c): the main run of s (sw_simulate(), no
 * flags), then over `months` months the run eng_steady() makes resuming it
 * (*resumed; NULL when the main run left no record to resume or the resumed
 * run failed) and the same run from the start (*full); fails as the main run
 * or the full run fails. */
sw_status eng_resume_pair(const struct sw_tables *t, const struct sw_scenario *s, int months,
                          struct sw_timeline **resumed, struct sw_timeline **full,
                          struct sw_err *err);

#endif
