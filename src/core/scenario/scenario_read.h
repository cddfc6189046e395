/* scenario_read.h - the JSON reader under the scenario parser (private to
 * src/core/scenario/): problems with their JSON path, input repeated safely in
 * messages, numbers read exactly from their text, and typed field readers. */
#ifndef SWITCHSIM_SCENARIO_READ_H
#define SWITCHSIM_SCENARIO_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "switchsim/date.h"
#include "switchsim/scenario.h"

#define MAX_EXACT INT64_C(9007199254740992)  /* 2^53: beyond it, no number is taken */
#define SHOW_VALUE 40   /* characters of a value repeated in a message */
#define SHOW_KEY 60     /* ... of a key (the longest parameter id has 55) */

/* One number of the document: the node cJSON made of it and its text. */
struct num_text {
    const cJSON *node;
    const char *text;
    size_t len;
};

struct rd {
    struct sw_problems *pr;
    struct sw_err *first;
    const struct sw_tables *t;
    struct num_text *nums;   /* every number of the document, sorted by node */
    size_t n_nums;
};

/* What keeps a number's text from being taken. */
enum num_problem {
    NUM_OK,
    NUM_SYNTAX,        /* not a JSON number */
    NUM_LEADING_ZERO,  /* 06, -01: not a JSON number either */
    NUM_DECIMALS,      /* a digit below the field's last decimal */
    NUM_RANGE          /* beyond +-2^53 */
};

/* JSON paths and objects: "parent.key"; unknown and duplicate keys are problems. */
const char *rd_join(char *buf, size_t size, const char *parent, const char *key);
bool rd_check_keys(struct rd *r, const cJSON *obj, const char *path,
    const char *const *allowed);
const cJSON *rd_get(const cJSON *obj, const char *key);
bool rd_is_absent(const cJSON *v);
/* Numbers, exactly from their text (scan, pair with cJSON's nodes, parse). */
enum num_problem rd_exact_number(const char *s, size_t n, int scale, int64_t *out);
bool rd_scan_numbers(const char *json, size_t len, struct num_text **out, size_t *n);
bool rd_pair_numbers(const cJSON *v, struct num_text *nums, size_t n, size_t *k);
const struct num_text *rd_number_text(const struct rd *r, const cJSON *v);
void rd_not_a_number(struct rd *r, const char *f, const struct num_text *nt,
    enum num_problem p);
void rd_format_scaled(char *buf, size_t size, int64_t v, int scale);
/* Typed fields: each records its own problem with the path and returns false. */
bool rd_read_int(struct rd *r, const cJSON *obj, const char *path, const char *key,
    int64_t min, int64_t max, bool required, int64_t *out);
bool rd_read_decimal(struct rd *r, const cJSON *obj, const char *path, const char *key,
    int decimals, int64_t min, int64_t max, bool required, int64_t *out);
bool rd_read_bool(struct rd *r, const cJSON *obj, const char *path, const char *key,
    bool *out);
const char *rd_read_str(struct rd *r, const cJSON *obj, const char *path, const char *key,
    bool required);
void rd_date_problem(struct rd *r, const char *f, const char *s, enum sw_date_problem why,
    bool month);
bool rd_read_date(struct rd *r, const cJSON *obj, const char *path, const char *key,
    bool required, sw_date *out);
void rd_read_month(struct rd *r, const cJSON *obj, const char *path, const char *key,
    bool required, sw_month *out);
int rd_read_enum(struct rd *r, const cJSON *obj, const char *path, const char *key,
    const char *const *names, int dflt, bool required);
const cJSON *rd_read_object(struct rd *r, const cJSON *obj, const char *path,
    const char *key, bool required);
/* Record a problem at JSON path `field` (the first one also in r->first). */
void rd_problem(struct rd *r, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Open JSON text json[0..len) for reading as one object: UTF-8 without NUL
 * bytes (or an escaped one), one JSON value with nothing after it but white
 * space, an object (`what`, "the scenario", names it in the message), and the
 * text of every number paired with its node (r->nums, sorted; the caller frees
 * it). Returns the root (free with cJSON_Delete()), or NULL with a problem
 * recorded - or, out of memory, with r->first set and *nomem. */
cJSON *rd_open_object(struct rd *r, const char *json, size_t len, const char *what,
                      bool *nomem);

/* The job's pay fields (scenario_pay.c): pay day, frequency, payslip delay,
 * year-end bonus, hours per month; and their consistency once the job is read. */
extern const char *const scn_job_pay_keys[];
void scn_read_job_pay(struct rd *r, const cJSON *j, struct sw_scenario *s);
void scn_check_job_pay(struct rd *r, const struct sw_scenario *s);

/* Sort r->nums by node, for rd_number_text(). */
void rd_sort_numbers(struct rd *r);

#endif
