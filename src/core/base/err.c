/* err.c - filling and naming errors. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "switchsim/err.h"

sw_status sw_err_set(struct sw_err *err, sw_status code, const char *field,
                     const char *fmt, ...)
{
    va_list ap;

    if (!err)
        return code;
    err->code = code;
    snprintf(err->field, sizeof(err->field), "%s", field ? field : "");
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
    va_end(ap);
    return code;
}

void sw_err_clear(struct sw_err *err)
{
    if (!err)
        return;
    err->code = SW_OK;
    err->field[0] = '\0';
    err->msg[0] = '\0';
}

const char *sw_status_name(sw_status code)
{
    switch (code) {
    case SW_OK: return "ok";
    case SW_ERR_NOMEM: return "nomem";
    case SW_ERR_INVALID: return "invalid";
    case SW_ERR_NO_VALUE: return "no_value";
    case SW_ERR_TABLE: return "table";
    case SW_ERR_IO: return "io";
    case SW_ERR_TOO_BIG: return "too_big";
    case SW_ERR_INTERNAL: return "internal";
    }
    return "internal";
}
