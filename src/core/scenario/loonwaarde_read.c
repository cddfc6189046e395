/* loonwaarde_read.c - the request of POST /loonwaarde (whatif.h,
 * sw_loonwaarde_input_parse()): the tasks read with the scenario's JSON reader,
 * so that numbers are exact and every problem has its JSON path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario_read.h"
#include "switchsim/money.h"
#include "switchsim/whatif.h"

/* Percentages with two decimals are read in hundredths; ppm is 100 times that. */
#define PPM_PER_HUNDREDTH 100

static void read_task(struct rd *r, const cJSON *o, const char *path,
                      struct sw_loonwaarde_input *in)
{
    static const char *const keys[] = {"name", "share", "tempo", "kwaliteit", "inzetbaarheid",
                                       NULL};
    struct sw_task *t = &in->tasks[in->n];
    char *name = in->names[in->n];
    int64_t share = 0, tempo = 0, kwaliteit = 0, inzet = 0;
    const char *s;
    bool ok;

    ok = rd_check_keys(r, o, path, keys);
    s = rd_read_str(r, o, path, "name", true);
    if (s) {
        char f[80];
        size_t n = strlen(s);
        bool plain = n > 0 && n < SW_LOONWAARDE_NAME_MAX;
        for (size_t i = 0; plain && i < n; i++)
            plain = (unsigned char)s[i] >= 0x20 && s[i] != 0x7f;
        if (!plain) {
            rd_problem(r, rd_join(f, sizeof(f), path, "name"),
                       "1 to %d characters, no control characters", SW_LOONWAARDE_NAME_MAX - 1);
            ok = false;
        } else {
            memcpy(name, s, n + 1);
        }
    } else {
        ok = false;
    }
    ok &= rd_read_decimal(r, o, path, "share", 2, 1, 100 * 100, true, &share);
    ok &= rd_read_decimal(r, o, path, "tempo", 2, 0,
                          SW_LOONWAARDE_MAX_TEMPO / PPM_PER_HUNDREDTH, true, &tempo);
    ok &= rd_read_decimal(r, o, path, "kwaliteit", 2, 0, 100 * 100, true, &kwaliteit);
    ok &= rd_read_decimal(r, o, path, "inzetbaarheid", 2, 0, 100 * 100, true, &inzet);
    if (!ok)
        return;
    t->name = name;
    t->share = share * PPM_PER_HUNDREDTH;
    t->tempo = tempo * PPM_PER_HUNDREDTH;
    t->kwaliteit = kwaliteit * PPM_PER_HUNDREDTH;
    t->inzetbaarheid = inzet * PPM_PER_HUNDREDTH;
    in->n++;
}

sw_status sw_loonwaarde_input_parse(struct sw_loonwaarde_input *in, const char *json,
                                    size_t len, struct sw_problems *problems,
                                    struct sw_err *err)
{
    static const char *const keys[] = {"version", "date", "strict", "tasks", NULL};
    struct sw_problems local;
    struct rd r;
    cJSON *root;
    const cJSON *tasks;
    bool nomem = false;
    int64_t version = 1;
    size_t i = 0;

    if (!problems)
        problems = &local;
    memset(problems, 0, sizeof(*problems));
    sw_err_clear(err);
    sw_loonwaarde_input_init(in);
    memset(&r, 0, sizeof(r));
    r.pr = problems;
    r.first = err;
    if (len > SW_SCENARIO_MAX_BYTES)
        return sw_err_set(err, SW_ERR_TOO_BIG, "", "request larger than %d bytes",
                          SW_SCENARIO_MAX_BYTES);
    root = rd_open_object(&r, json, len, "the request", &nomem);
    if (nomem) {
        free(r.nums);
        return SW_ERR_NOMEM;
    }
    if (!root)
        goto out;
    rd_check_keys(&r, root, "", keys);
    rd_read_int(&r, root, "", "version", 1, 1, false, &version);
    rd_read_date(&r, root, "", "date", false, &in->date);
    rd_read_bool(&r, root, "", "strict", &in->strict);
    tasks = rd_get(root, "tasks");
    if (rd_is_absent(tasks)) {
        rd_problem(&r, "tasks", "missing: a list of {name, share, tempo, kwaliteit, "
                                "inzetbaarheid}");
    } else if (!cJSON_IsArray(tasks) || !tasks->child) {
        rd_problem(&r, "tasks", "must be a non-empty list of {name, share, tempo, kwaliteit, "
                                "inzetbaarheid}");
    } else if (cJSON_GetArraySize(tasks) > SW_LOONWAARDE_MAX_TASKS) {
        rd_problem(&r, "tasks", "at most %d tasks", SW_LOONWAARDE_MAX_TASKS);
    } else {
        for (const cJSON *t = tasks->child; t; t = t->next, i++) {
            char path[32];
            snprintf(path, sizeof(path), "tasks[%zu]", i);
            if (!cJSON_IsObject(t))
                rd_problem(&r, path, "must be an object {name, share, tempo, kwaliteit, "
                                     "inzetbaarheid}");
            else
                read_task(&r, t, path, in);
        }
    }
out:
    free(r.nums);
    cJSON_Delete(root);
    return problems->n ? SW_ERR_INVALID : SW_OK;
}
