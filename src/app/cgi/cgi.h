/* cgi.h - the JSON API behind the web page as a request handler independent of
 * how requests arrive: cgi_answer() turns (method, PATH_INFO, query,
 * CONTENT_LENGTH, body reader, the tables) into a status, headers and a JSON
 * body in memory. Two fronts send it: cgi_main.c (switchsim.cgi, plain CGI: one
 * process per request, tables loaded per request) and fcgi_main.c
 * (switchsim.fcgi, FastCGI with libfcgi: one process, tables loaded once and
 * reloaded when they change). An endpoint is a route in cgi.c and a function
 * returning a struct cgi_reply; neither front changes for a new one. */
#ifndef SWITCHSIM_CGI_H
#define SWITCHSIM_CGI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <cjson/cJSON.h>

#include "switchsim/err.h"
#include "switchsim/scenario.h"
#include "switchsim/tables.h"

struct sw_baseline;   /* switchsim/engine.h */

/* The largest request body accepted (the scenario limit, 64 KiB). */
#define CGI_MAX_BODY SW_SCENARIO_MAX_BYTES

/* Read up to n bytes into buf; returns the number read, 0 at the end or on an
 * error (a short body is then reported as such). */
typedef size_t (*cgi_read_fn)(void *ctx, char *buf, size_t n);

/* A body in memory, read as a cgi_read_fn (cgi_read_mem, read_ctx: a struct
 * cgi_mem) reads it: for the tests and the bench, which hand the handler a
 * request without a front. */
struct cgi_mem {
    const char *p;
    size_t left;
};
size_t cgi_read_mem(void *ctx, char *buf, size_t n);

struct cgi_request {
    const char *method;          /* REQUEST_METHOD; NULL when the server sent none */
    const char *path;            /* PATH_INFO: "/simulate"; NULL = "" */
    const char *query;           /* QUERY_STRING; NULL = "" */
    const char *content_length;  /* CONTENT_LENGTH as sent; NULL = absent */
    cgi_read_fn read;            /* the body (standard input for a CGI) */
    void *read_ctx;
    const char *tables_dir;      /* NULL = sw_tables_dir(NULL): $SWITCHSIM_TABLES or built in */
    /* The table set to use, loaded by a persistent front (FastCGI) and not
     * changed while the request runs; NULL = load it from tables_dir for this
     * request (plain CGI). */
    const struct sw_tables *tables;
    /* REDIRECT_STATUS as the web server set it; NULL = absent. With PATH_INFO
     * /error and a status 400-599 the request is the web server's error
     * handler asking for the JSON answer to a request it refused itself
     * (web/serve sets server.error-handler = "/api/error"). */
    const char *redirect_status;
    /* A persistent front's keeper of the engine's lookup cache for `tables`
     * (sw_baseline_new_cache), used only with `tables`; NULL = none. */
    struct sw_baseline *keep;
};

/* What the handler answers, ready to send by any front. */
struct cgi_response {
    int status;                  /* the HTTP status */
    const char *reason;          /* its reason phrase (static) */
    const char *allow;           /* the Allow header on a 405 (static); NULL = none */
    bool head;                   /* HEAD: send the headers only */
    char *body;                  /* one JSON object and a newline; len bytes */
    size_t len;                  /* Content-Length (also for HEAD) */
};

/* Answer one request. The response has Content-Type JSON (UTF-8),
 * Cache-Control: no-store, X-Content-Type-Options: nosniff, Content-Length (and
 * Allow on a 405) and one JSON object as its body (no body sent for HEAD).
 * Routes: POST /simulate (query trace=1 adds "traces" {item: trace} to every
 * month, month=YYYY-MM only to that one), POST /employer, POST /municipality,
 * POST /sweep, POST /wayback, POST /loonwaarde, GET|HEAD /tables; GET /error
 * from the web server's error handler (see redirect_status). web/openapi.json
 * describes them all.
 * Errors are {"error": {"code", "field", "message", "problems"?}} with 400
 * (malformed request or JSON), 404, 405, 413, 422 (invalid value, field = JSON
 * path or query key) or 500. Nothing of the request is written anywhere else
 * (not to stderr: a web server copies that into its error log); only table
 * problems and internal errors are logged there, without request content.
 * Never fails: out of memory becomes a fixed 500. Free the response with
 * cgi_response_free(). */
void cgi_answer(const struct cgi_request *rq, struct cgi_response *resp);
void cgi_response_free(struct cgi_response *resp);

/* The CGI header block of resp ("Status: 200 OK\r\n" ... "\r\n\r\n") into
 * buf; returns its length, or 0 when it does not fit. Both fronts send this
 * block and then, unless resp->head, the body. */
size_t cgi_response_head(const struct cgi_response *resp, char *buf, size_t size);

/* cgi_answer() written on `out` as a CGI answers (for plain CGI and tests).
 * Returns the HTTP status sent, or -1 when `out` could not be written. */
int cgi_handle(const struct cgi_request *rq, FILE *out);

/* Answer the one request of a plain CGI process: from the environment
 * (REQUEST_METHOD, PATH_INFO, QUERY_STRING, CONTENT_LENGTH, REDIRECT_STATUS)
 * and standard input, on standard output, with the tables loaded for it.
 * Returns the exit status: 0, or 1 when the answer could not be written. */
int cgi_run_once(void);

/* --- shared with the endpoint modules (cgi_*.c) --- */

/* What an endpoint answers: a status and a JSON body it hands over. */
struct cgi_reply {
    int status;
    cJSON *body;                 /* owned; NULL = out of memory (becomes a 500) */
    char *text;                  /* or the body's compact text already written
                                  * (malloc'ed, owned, len bytes; used when not NULL) */
    size_t len;
};

/* The response for reply r (its body is consumed) with the Allow header `allow`
 * (or NULL), headers only when `head`. */
void cgi_respond(struct cgi_response *resp, struct cgi_reply r, const char *allow, bool head);

/* The JSON answer to a request the web server refused with `status` (400-599). */
void cgi_refusal(struct cgi_response *resp, int status);

/* The refused status of a request that is the web server's error handler
 * (PATH_INFO /error, REDIRECT_STATUS 400-599); 0 otherwise. */
int cgi_refused_status(const struct cgi_request *rq);

/* An error body {"error": {"code", "field", "message"}}; NULL when out of memory. */
cJSON *cgi_error_body(const char *code, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The reply for an sw_err from the engine or the rules: 422 for invalid input or
 * a value the tables lack for a requested month, 500 otherwise. */
struct cgi_reply cgi_reply_err(const struct sw_err *err);

/* A query string of key=value pairs, percent-decoded. */
#define CGI_MAX_QUERY 8
struct cgi_query {
    char key[CGI_MAX_QUERY][24];
    char value[CGI_MAX_QUERY][256];
    size_t n;
    struct sw_baseline *keep;    /* not a key: cgi_request.keep, for the engine */
};

/* The value of `key`, or NULL when absent. */
const char *cgi_query_get(const struct cgi_query *q, const char *key);

/* Parse body[0..n) as a scenario into s; false with *bad the reply to send (422
 * with every problem, 413, or 500) when it is not one. */
bool cgi_parse_scenario(struct sw_scenario *s, const struct sw_tables *t, const char *body,
                        size_t n, struct cgi_reply *bad);

/* POST /sweep?hours=FROM:TO:STEP|loonwaarde=FROM:TO:STEP (exactly one): the
 * scenario (the body) rerun per step, as `switchsim sweep --json` (sweep.h). */
struct cgi_reply cgi_sweep(const struct sw_tables *t, const char *body, size_t len,
                           const struct cgi_query *q);

/* POST /wayback?after=3,6,9,12: the job of the scenario ending after N months,
 * as `switchsim wayback --json` (sw_way_back_whatif() of whatif.h). */
struct cgi_reply cgi_wayback(const struct sw_tables *t, const struct sw_scenario *s,
                             const struct cgi_query *q);

/* POST /loonwaarde, body {"date"?, "tasks": [...]} (sw_loonwaarde_input_parse()):
 * the loonwaarde from hoofdtaken, as `switchsim loonwaarde --json`. */
struct cgi_reply cgi_loonwaarde(const struct sw_tables *t, const char *body, size_t len,
                                const struct cgi_query *q);

/* POST /employer: the employer's what-if per loonwaarde for the scenario's job
 * (sw_employer_whatif() of whatif.h, rendered by whatif_json.c).
 * Query: loonwaarde=17,30,50 (percentages), lkv=none|banenafspraak|
 * arbeidsgehandicapt|herplaatst, government=0|1, awf_high=0|1, aof_high=0|1. */
struct cgi_reply cgi_employer(const struct sw_tables *t, const struct sw_scenario *s,
                              const struct cgi_query *q);

/* POST /municipality: the municipality's business case for the scenario
 * (sw_municipality_whatif() of whatif.h, rendered by whatif_json.c).
 * Query: before=NAME,... and after=NAME,... (priced products of the
 * municipality's table), dagdelen_after=N, lks=0|1. */
struct cgi_reply cgi_municipality(const struct sw_tables *t, const struct sw_scenario *s,
                                  const struct cgi_query *q);

#endif
