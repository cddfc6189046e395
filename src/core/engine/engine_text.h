/* engine_text.h - the texts of warnings and actions written without printf's
 * machinery (engine_text.c). */
#ifndef SWITCHSIM_ENGINE_TEXT_H
#define SWITCHSIM_ENGINE_TEXT_H

#include <stdarg.h>
#include <stddef.h>

/* vsnprintf(buf, size, fmt, ap), byte for byte: the conversions the engine's
 * texts use (%s, %d, %ld, %lld, %%) are written directly; a format with any
 * other conversion (flags, width, precision, another type) is handed to
 * vsnprintf whole. */
void eng_vformat(char *buf, size_t size, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

#endif
