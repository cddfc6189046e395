/* cli_whatif.h - shared by `switchsim employer` and `switchsim municipality`: they
 * run the same what-if functions as the CGI's /api/employer and /api/municipality
 * (src/cgi_employer.c), with the options turned into that query. */
#ifndef SWITCHSIM_CLI_WHATIF_H
#define SWITCHSIM_CLI_WHATIF_H

#include "cgi.h"

/* Add key=value to the query; false (and a message) when it is full or too long. */
bool whatif_query_add(struct cgi_query *q, const char *key, const char *value);

/* Print a reply: 200 -> its JSON (when json) or nothing (the caller renders);
 * otherwise the error message on stderr. Returns the exit code (0, 1, 3). Does
 * not free the reply. */
int whatif_reply_status(const struct cgi_reply *r);

/* A number of cents from a JSON object member (0 when absent). */
int64_t whatif_cents(const cJSON *o, const char *name);

#endif
