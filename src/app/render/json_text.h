/* json_text.h - the text of a cJSON tree, byte for byte what cJSON_Print()
 * (formatted) or cJSON_PrintUnformatted() of cJSON 1.7.15 writes, without its
 * sprintf and sscanf per number: whole numbers below 10^15 (every amount in
 * cents) are written as digits directly, other numbers as cJSON writes them. */
#ifndef SWITCHSIM_JSON_TEXT_H
#define SWITCHSIM_JSON_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

/* The text of item (NUL-terminated, malloc'd; its length in *len when len is
 * not NULL); NULL when out of memory or when a raw item has no text. */
char *sw_json_text(const cJSON *item, bool formatted, size_t *len);

#endif
