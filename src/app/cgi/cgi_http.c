/* cgi_http.c - the handler's answers as HTTP: statuses and their reason phrases,
 * the response (headers and body in memory) that either front sends, the JSON
 * answers to requests the web server refused itself, and cgi_handle() for a
 * front that writes to a FILE (plain CGI, tests). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cgi.h"
#include "json_text.h"

/* The fixed answer when memory runs out: needs no allocation. */
static char nomem_body[] =
    "{\"error\":{\"code\":\"nomem\",\"field\":\"\",\"message\":\"out of memory\"}}\n";

static const char *status_text(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Content";
    default: return "Internal Server Error";
    }
}

cJSON *cgi_error_body(const char *code, const char *field, const char *fmt, ...)
{
    cJSON *o = cJSON_CreateObject(), *e;
    char msg[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    e = o ? cJSON_AddObjectToObject(o, "error") : NULL;
    if (!e || !cJSON_AddStringToObject(e, "code", code) ||
        !cJSON_AddStringToObject(e, "field", field ? field : "") ||
        !cJSON_AddStringToObject(e, "message", msg)) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* The body: `text` (n bytes, handed over) or else the text of `body`, and a
 * newline; or the fixed out-of-memory answer. */
static void set_body(struct cgi_response *resp, const cJSON *body, char *text, size_t n)
{
    char *b;

    /* cJSON_PrintUnformatted()'s text, faster; the newline in its buffer */
    if (!text)
        text = body ? sw_json_text(body, false, &n) : NULL;
    b = text ? realloc(text, n + 2) : NULL;

    if (!b) {
        free(text);
        fprintf(stderr, "switchsim.cgi: out of memory\n");
        resp->status = 500;
        resp->reason = status_text(500);
        resp->allow = NULL;
        resp->body = nomem_body;
        resp->len = sizeof(nomem_body) - 1;
    } else {
        b[n] = '\n';
        b[n + 1] = '\0';
        resp->body = b;
        resp->len = n + 1;
    }
}

void cgi_respond(struct cgi_response *resp, struct cgi_reply r, const char *allow, bool head)
{
    resp->status = r.status;
    resp->reason = status_text(r.status);
    resp->allow = allow;
    resp->head = head;
    set_body(resp, r.body, r.text, r.len);
    cJSON_Delete(r.body);
}

size_t cgi_read_mem(void *ctx, char *buf, size_t n)
{
    struct cgi_mem *b = ctx;

    if (n > b->left)
        n = b->left;
    memcpy(buf, b->p, n);
    b->p += n;
    b->left -= n;
    return n;
}

void cgi_response_free(struct cgi_response *resp)
{
    if (resp->body != nomem_body)
        free(resp->body);
    resp->body = NULL;
    resp->len = 0;
}

size_t cgi_response_head(const struct cgi_response *resp, char *buf, size_t size)
{
    int n = snprintf(buf, size,
                     "Status: %d %s\r\n"
                     "Content-Type: application/json; charset=utf-8\r\n"
                     "Cache-Control: no-store\r\n"
                     "X-Content-Type-Options: nosniff\r\n"
                     "%s%s%s"
                     /* HEAD: the length the GET would have (RFC 9110 9.3.2). */
                     "Content-Length: %zu\r\n\r\n",
                     resp->status, resp->reason, resp->allow ? "Allow: " : "",
                     resp->allow ? resp->allow : "", resp->allow ? "\r\n" : "", resp->len);

    return n > 0 && (size_t)n < size ? (size_t)n : 0;
}

int cgi_handle(const struct cgi_request *rq, FILE *out)
{
    struct cgi_response resp;
    char head[512];
    size_t n;
    int rc;

    cgi_answer(rq, &resp);
    n = cgi_response_head(&resp, head, sizeof(head));
    fwrite(head, 1, n, out);
    if (!resp.head)
        fwrite(resp.body, 1, resp.len, out);
    rc = n && fflush(out) == 0 && !ferror(out) ? resp.status : -1;
    cgi_response_free(&resp);
    return rc;
}

static size_t read_stdin(void *ctx, char *buf, size_t n)
{
    (void)ctx;
    return fread(buf, 1, n, stdin);
}

int cgi_run_once(void)
{
    struct cgi_request rq = {
        .method = getenv("REQUEST_METHOD"),
        .path = getenv("PATH_INFO"),
        .query = getenv("QUERY_STRING"),
        .content_length = getenv("CONTENT_LENGTH"),
        .read = read_stdin,
        .read_ctx = NULL,
        .tables_dir = NULL,
        .tables = NULL,
        .redirect_status = getenv("REDIRECT_STATUS"),
    };
    int status = cgi_handle(&rq, stdout);

    if (fclose(stdout) != 0 || status < 0)
        return 1;
    return 0;
}

/* --- requests the web server refused ---
 * A request lighttpd refuses before it reaches the handler (no Content-Length,
 * a body over server.max-request-size, two Content-Length headers, broken
 * chunked encoding, %00 in the path, ...) would get lighttpd's HTML page. `make
 * serve` (web/serve) sets server.error-handler to /api/error, so lighttpd asks
 * the API for GET /error with REDIRECT_STATUS set to the refusal's status and
 * sends what it answers with that status: the documented JSON error. A request
 * that reaches the API in the normal way has REDIRECT_STATUS 200 (or none),
 * and GET /api/error from a client is a 404 like any unknown path. */

struct refusal {
    int status;
    const char *reason;     /* the HTTP reason phrase */
    const char *code;       /* the JSON error code, as the API's own errors */
    const char *field;
    const char *message;
};

static const struct refusal refusals[] = {
    {400, "Bad Request", "malformed", "", "the web server refused a malformed request"},
    {403, "Forbidden", "forbidden", "", "forbidden"},
    {404, "Not Found", "not_found", "", "no such API endpoint"},
    {405, "Method Not Allowed", "method_not_allowed", "", "method not allowed"},
    {408, "Request Timeout", "timeout", "", "the request did not arrive in time"},
    {411, "Length Required", "malformed", "Content-Length",
     "missing Content-Length: send the scenario as the body"},
    {413, "Payload Too Large", "too_big", "Content-Length", "body too large"},
    {414, "URI Too Long", "malformed", "", "the request URI is too long"},
    {417, "Expectation Failed", "malformed", "Expect", "unsupported Expect header"},
    {431, "Request Header Fields Too Large", "malformed", "", "request headers too large"},
    {501, "Not Implemented", "malformed", "", "not supported by this server"},
    {505, "HTTP Version Not Supported", "malformed", "", "HTTP version not supported"},
};

int cgi_refused_status(const struct cgi_request *rq)
{
    const char *rs = rq->redirect_status;
    int v = 0;

    if (!rs || !rq->path || strcmp(rq->path, "/error") != 0 || strlen(rs) != 3)
        return 0;
    for (const char *p = rs; *p; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        v = v * 10 + (*p - '0');
    }
    return v >= 400 && v <= 599 ? v : 0;
}

void cgi_refusal(struct cgi_response *resp, int status)
{
    struct refusal r = {status, status < 500 ? "Refused" : "Server Error",
                        status < 500 ? "refused" : "internal", "",
                        status < 500 ? "the web server refused the request"
                                     : "the web server could not answer the request"};
    cJSON *body;

    for (size_t i = 0; i < sizeof(refusals) / sizeof(refusals[0]); i++)
        if (refusals[i].status == status)
            r = refusals[i];
    if (status == 413)
        body = cgi_error_body(r.code, r.field, "body larger than %d bytes", CGI_MAX_BODY);
    else
        body = cgi_error_body(r.code, r.field, "%s", r.message);
    resp->status = r.status;
    resp->reason = r.reason;
    resp->allow = NULL;
    resp->head = false;
    set_body(resp, body, NULL, 0);
    cJSON_Delete(body);
}
