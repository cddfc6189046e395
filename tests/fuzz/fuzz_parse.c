/* fuzz_parse.c - libFuzzer harness for the text parsers of the CLI and the tables:
 * sw_decimal_parse, sw_money_parse_euros, sw_rate_parse_percent, sw_date_parse,
 * sw_month_parse, and override values (sw_tables_parse_override).
 * The first byte picks the parser and its settings, the rest is the text.
 * Invariants: what parses formats back to text that parses to the same value;
 * a date or month that parses is printed as the very same text; values stay
 * within the limits asked for. */
#include <stdint.h>
#include <string.h>

#include "fuzz_common.h"
#include "switchsim/date.h"
#include "switchsim/money.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const int64_t limits[] = {0, 1, 100, 10000, 1000000, SW_MONEY_MAX,
                                 SW_MONEY_MAX * 10, INT64_MAX};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct sw_err err;
    char *text, buf[64];
    int64_t v, w;
    unsigned sel;

    if (size < 1)
        return 0;
    sel = data[0];
    text = malloc(size);
    if (!text)
        abort();
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';

    switch (sel % 6) {
    case 0: {
        int decimals = (int)((sel >> 3) % 7);
        int64_t max = limits[(sel >> 5) % (sizeof(limits) / sizeof(limits[0]))];
        if (sw_decimal_parse(&v, text, decimals, max, "x", &err) == SW_OK)
            FUZZ_ASSERT(v <= max && v >= -max);
        else
            FUZZ_ASSERT(err.code == SW_ERR_INVALID && strstr(err.msg, "'x'"));
        break;
    }
    case 1:
        if (sw_money_parse_euros(&v, text, "--gross", &err) == SW_OK) {
            FUZZ_ASSERT(v >= 0 && v <= SW_MONEY_MAX);
            sw_money_format(buf, sizeof(buf), v);
            FUZZ_ASSERT(sw_money_parse_euros(&w, buf, "--gross", &err) == SW_OK && w == v);
            sw_money_format_nl(buf, sizeof(buf), v);
            sw_money_format_csv(buf, sizeof(buf), v);
        } else {
            FUZZ_ASSERT(err.code == SW_ERR_INVALID && strstr(err.msg, "--gross"));
        }
        break;
    case 2:
        if (sw_rate_parse_percent(&v, text, "rate", &err) == SW_OK) {
            sw_rate_format(buf, sizeof(buf), v);
            FUZZ_ASSERT(sw_rate_parse_percent(&w, buf, "rate", &err) == SW_OK && w == v);
        }
        break;
    case 3: {
        sw_date d;
        if (sw_date_parse(&d, text, "--date", &err) == SW_OK) {
            int y, m, dd;
            sw_date e;
            sw_date_format(buf, sizeof(buf), d);
            FUZZ_ASSERT(strcmp(buf, text) == 0);
            sw_date_to_ymd(d, &y, &m, &dd);
            FUZZ_ASSERT(sw_date_from_ymd(&e, y, m, dd) && e == d);
            FUZZ_ASSERT(sw_month_first_day(sw_month_of(d)) <= d);
            FUZZ_ASSERT(sw_month_last_day(sw_month_of(d)) >= d);
            (void)sw_date_weekday(d);
            (void)sw_date_add_months(d, (int)(sel >> 3) - 16);
            (void)sw_date_reaching_age(d, (int)(sel >> 3), (int)(sel & 7));
        } else {
            FUZZ_ASSERT(err.code == SW_ERR_INVALID && strstr(err.msg, "--date"));
        }
        break;
    }
    case 4: {
        sw_month m;
        if (sw_month_parse(&m, text, "start_month", &err) == SW_OK) {
            sw_month_format(buf, sizeof(buf), m);
            FUZZ_ASSERT(strcmp(buf, text) == 0);
            FUZZ_ASSERT(sw_month_number(m) >= 1 && sw_month_number(m) <= 12);
        } else {
            FUZZ_ASSERT(err.code == SW_ERR_INVALID);
        }
        break;
    }
    default: {
        /* An override: "ID=VALUE" against the shipped tables. */
        const struct sw_tables *t = fuzz_tables();
        char *eq = strchr(text, '=');
        if (eq) {
            *eq = '\0';
            if (sw_tables_parse_override(t, text, eq + 1, "--override", &v, &err) != SW_OK)
                FUZZ_ASSERT(err.code == SW_ERR_INVALID && strstr(err.msg, "--override"));
        }
        break;
    }
    }
    free(text);
    return 0;
}
