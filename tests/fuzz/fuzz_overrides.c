/* fuzz_overrides.c - libFuzzer harness for user overrides (issue 19): "ID=VALUE"
 * lines -> sw_tables_parse_override() on the shipped tables -> a scenario that
 * carries the accepted ones (as the CGI and `simulate` get them) -> the engine.
 *
 * Input: one override per line (at most SW_SCENARIO_MAX_OVERRIDES are used); a
 * line without '=' is an id with an empty value. A line "scenario=N" picks the
 * base scenario: 0 a single resident from December 2026 into 2027 (projected
 * values, toeslagen), 1 a couple, 2 the way back with WW.
 *
 * Invariants: a refused override is SW_ERR_INVALID with the field and the id
 * in its message; an accepted one is a parameter the tables mark overridable,
 * with its value within the declared range, and never one the rules divide by;
 * the scenario with the accepted overrides parses, and the engine answers it
 * with figures or a clean error (no value, invalid) - never a crash, a trap, a
 * tables problem or an internal error. */
#include <stdint.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "fuzz_common.h"
#include "switchsim/engine.h"
#include "switchsim/scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const scenarios[] = {
    "{\"version\": 1, \"start_month\": \"2026-12\", \"months\": 12, \"municipality\": "
    "\"amersfoort\", \"household\": {\"composition\": \"single\", \"birth_date\": "
    "\"1994-05-01\", \"rent\": 65000}, \"before\": {\"benefit\": \"participatiewet\", "
    "\"dagbesteding_dagdelen_per_week\": 6}, \"job\": {\"kind\": \"beschut\", \"start\": "
    "\"2027-01-04\", \"hours_per_week\": 28, \"loonwaarde\": [{\"from\": \"2027-01-04\", "
    "\"percent\": 50}]}, \"toeslagen\": {\"zorgtoeslag\": true, \"huurtoeslag\": true}}",
    "{\"version\": 1, \"start_month\": \"2026-01\", \"months\": 5, \"household\": "
    "{\"composition\": \"couple\", \"birth_date\": \"1990-03-10\", \"partner_birth_date\": "
    "\"1991-07-20\"}, \"before\": {\"dagbesteding_dagdelen_per_week\": 4}, \"job\": "
    "{\"kind\": \"banenafspraak\", \"start\": \"2026-03-01\", \"hours_per_week\": 24}, "
    "\"settlement\": {\"method\": \"advance\"}, \"toeslagen\": {\"zorgtoeslag\": false}}",
    "{\"version\": 1, \"start_month\": \"2025-07\", \"months\": 12, \"household\": "
    "{\"composition\": \"single\", \"birth_date\": \"1994-05-01\"}, \"before\": "
    "{\"dagbesteding_dagdelen_per_week\": 4}, \"job\": {\"kind\": \"beschut\", \"start\": "
    "\"2025-08-01\", \"end\": \"2026-02-27\", \"hours_per_week\": 36}, \"settlement\": "
    "{\"method\": \"advance\", \"municipality_applies_korting\": false}, \"toeslagen\": "
    "{\"zorgtoeslag\": false}}",
};

/* What the rules divide by or count with: never to be overridden. */
static const char *const structural[] = {
    "wml.months_per_year", "awir.months_per_year", "loonheffing.table.periods_per_year",
    "loonheffing.table.annual_step", "ww.dagloondagen_per_year", "wml.weeks_per_year",
    "gemeente.dagbesteding.weeks_per_year",
};

/* One override line: check what sw_tables_parse_override() says about it and,
 * when it is accepted, add it to `ov` (a JSON object) as the scenario would
 * carry it. */
static void one(const struct sw_tables *t, char *line, cJSON *ov, size_t *n)
{
    char *eq = strchr(line, '=');
    const char *id = line, *text = eq ? eq + 1 : "";
    struct sw_err err;
    int64_t v = INT64_MIN, lo, hi;

    if (eq)
        *eq = '\0';
    if (sw_tables_parse_override(t, id, text, "--override", &v, &err) != SW_OK) {
        FUZZ_ASSERT(err.code == SW_ERR_INVALID);
        FUZZ_ASSERT(strcmp(err.field, "--override") == 0);
        FUZZ_ASSERT(strstr(err.msg, "'--override'") != NULL);
        if (strlen(id) <= 100)
            FUZZ_ASSERT(strstr(err.msg, id) != NULL);
        FUZZ_ASSERT(v == INT64_MIN);   /* untouched on failure */
        return;
    }
    FUZZ_ASSERT(sw_tables_override_range(t, id, &lo, &hi));
    FUZZ_ASSERT(lo <= v && v <= hi);
    for (size_t i = 0; i < sizeof(structural) / sizeof(structural[0]); i++)
        FUZZ_ASSERT(strcmp(id, structural[i]) != 0);
    /* The scenario parser takes ids below 100 characters and values below 64;
     * an id given twice is one override (the last). */
    if (strlen(id) >= 100 || strlen(text) >= 64 || *n >= SW_SCENARIO_MAX_OVERRIDES)
        return;
    if (cJSON_GetObjectItemCaseSensitive(ov, id))
        cJSON_DeleteItemFromObjectCaseSensitive(ov, id);
    else
        (*n)++;
    if (!cJSON_AddStringToObject(ov, id, text))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct sw_tables *t = fuzz_tables();
    struct sw_scenario *s = malloc(sizeof(*s));
    struct sw_problems *pr = malloc(sizeof(*pr));
    struct sw_timeline *tl = NULL;
    char *buf = malloc(size + 1), *line, *next, *json = NULL;
    cJSON *root = NULL, *ov;
    struct sw_err err;
    size_t pick = 0, n = 0;
    sw_status st;

    if (!s || !pr || !buf)
        abort();
    memcpy(buf, data, size);
    buf[size] = '\0';
    ov = cJSON_CreateObject();
    if (!ov)
        abort();
    for (line = buf; line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (strncmp(line, "scenario=", 9) == 0)
            pick = (size_t)(line[9] - '0') % (sizeof(scenarios) / sizeof(scenarios[0]));
        else if (line[0])
            one(t, line, ov, &n);
    }
    root = cJSON_Parse(scenarios[pick]);
    if (!root || !cJSON_AddItemToObject(root, "overrides", ov))
        abort();
    ov = NULL;
    json = cJSON_PrintUnformatted(root);
    if (!json)
        abort();
    /* Every override in it was accepted on its own: the scenario parses. */
    st = sw_scenario_parse(s, t, json, strlen(json), pr, &err);
    if (st != SW_OK)
        fprintf(stderr, "fuzz: scenario: %s\n", err.msg);
    FUZZ_ASSERT(st == SW_OK);
    FUZZ_ASSERT(s->n_overrides == n);
    st = sw_simulate(&tl, t, s, 0, &err);
    if (st != SW_OK && st != SW_ERR_NO_VALUE && st != SW_ERR_INVALID)
        fprintf(stderr, "fuzz: engine: %s: %s\n", sw_status_name(st), err.msg);
    FUZZ_ASSERT(st == SW_OK || st == SW_ERR_NO_VALUE || st == SW_ERR_INVALID);
    FUZZ_ASSERT((st == SW_OK) == (tl != NULL));
    sw_timeline_free(tl);
    free(json);
    cJSON_Delete(root);
    cJSON_Delete(ov);
    free(buf);
    free(s);
    free(pr);
    return 0;
}
