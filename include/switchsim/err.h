/* err.h - the one result type of switchsim and the error that carries its message.
 *
 * Every fallible function returns an sw_status (SW_OK = 0) and, on failure, fills
 * the caller's struct sw_err with the field (a JSON path, option name, table file
 * and line, or parameter id) and a message in git's grammar: lowercase, the
 * problem first, the subject in quotes, no final full stop.
 */
#ifndef SWITCHSIM_ERR_H
#define SWITCHSIM_ERR_H

#include <stddef.h>

typedef enum sw_status {
    SW_OK = 0,
    SW_ERR_NOMEM,     /* out of memory */
    SW_ERR_INVALID,   /* bad input: a value of the wrong form or out of range */
    SW_ERR_NO_VALUE,  /* the tables have no value for a parameter on a date */
    SW_ERR_TABLE,     /* a table file is malformed or inconsistent */
    SW_ERR_IO,        /* a file could not be read or written */
    SW_ERR_TOO_BIG,   /* input over a size limit */
    SW_ERR_INTERNAL   /* a bug: an invariant did not hold */
} sw_status;

struct sw_err {
    sw_status code;
    char field[160];  /* what the error is about: "job.hours_per_week", "--gross", "tables/x.xml:12" */
    char msg[512];
};

/* Set code, field (may be NULL) and a printf-style message; returns code so that
 * callers can write `return sw_err_set(err, ...)`. err may be NULL. */
sw_status sw_err_set(struct sw_err *err, sw_status code, const char *field,
                     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Reset an error to SW_OK with empty strings. */
void sw_err_clear(struct sw_err *err);

/* A short English name of a status, for logs and JSON error codes
 * ("invalid", "no_value", ...). Never NULL. */
const char *sw_status_name(sw_status code);

#endif
