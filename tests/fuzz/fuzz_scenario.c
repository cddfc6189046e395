/* fuzz_scenario.c - libFuzzer harness: scenario JSON -> parser -> (when valid) the
 * engine, the JSON output and the three renderers, on the shipped tables.
 * Invariants: a refused scenario names at least one problem with a message; the
 * engine never reports an internal error on a scenario the parser accepted. */
#include <stdint.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "render.h"
#include "fuzz_common.h"
#include "switchsim/engine.h"
#include "json_out.h"
#include "switchsim/scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct sw_tables *t = fuzz_tables();
    struct sw_scenario *s = malloc(sizeof(*s));
    struct sw_problems *pr = malloc(sizeof(*pr));
    struct sw_timeline *tl = NULL;
    struct sw_err err;
    sw_status st;
    cJSON *o;

    if (!s || !pr)
        abort();
    st = sw_scenario_parse(s, t, (const char *)data, size, pr, &err);
    if (st != SW_OK) {
        FUZZ_ASSERT(st == SW_ERR_INVALID || st == SW_ERR_TOO_BIG);
        FUZZ_ASSERT(err.code == st);
        FUZZ_ASSERT(err.msg[0] != '\0');
        FUZZ_ASSERT(st == SW_ERR_TOO_BIG || pr->n > 0);
        o = sw_error_json(&err, pr);
        cJSON_Delete(o);
        goto out;
    }
    st = sw_simulate(&tl, t, s, size > 0 && (data[size - 1] & 1) ? SW_SIM_TRACE : 0, &err);
    if (st != SW_OK) {
        /* A parsed scenario may ask for months the tables lack, or combine
         * fields in a way only the engine sees; anything else is a bug. */
        if (st != SW_ERR_NO_VALUE && st != SW_ERR_INVALID)
            fprintf(stderr, "fuzz: engine: %s: %s\n", sw_status_name(st), err.msg);
        FUZZ_ASSERT(st == SW_ERR_NO_VALUE || st == SW_ERR_INVALID);
        FUZZ_ASSERT(tl == NULL);
        goto out;
    }
    o = sw_timeline_json(tl);
    if (o) {
        char *text = cJSON_PrintUnformatted(o);
        free(text);
        cJSON_Delete(o);
    }
    render_table(fuzz_sink(), tl);
    render_csv(fuzz_sink(), tl);
    render_html(fuzz_sink(), tl);
    {
        char headline[256];
        render_headline(headline, sizeof(headline), tl);
    }
out:
    sw_timeline_free(tl);
    free(s);
    free(pr);
    return 0;
}
