/* cgi_main.c - switchsim.cgi: the JSON API behind the web page (CGI/1.1, RFC
 * 3875). Reads the request from the environment and standard input, answers on
 * standard output; the work is done by cgi_handle() in cgi.c. Also answers, as
 * the API's JSON errors, the requests the web server refused itself (below). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgi.h"

static size_t read_stdin(void *ctx, char *buf, size_t n)
{
    (void)ctx;
    return fread(buf, 1, n, stdin);
}

/* --- requests the web server refused ---
 * A request lighttpd refuses before it reaches the CGI (no Content-Length, a
 * body over server.max-request-size, two Content-Length headers, broken
 * chunked encoding, %00 in the path, ...) would get lighttpd's HTML page. `make
 * serve` (web/serve) sets server.error-handler to /api/error, so lighttpd asks
 * the CGI for GET /error with REDIRECT_STATUS set to the refusal's status and
 * sends what the CGI answers with that status: the documented JSON error. A
 * request that reaches the CGI in the normal way has REDIRECT_STATUS 200 (or
 * none), and GET /api/error from a client is a 404 like any unknown path. */

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

/* The status the web server refused a request with, when this is its error
 * handler's call (PATH_INFO /error, REDIRECT_STATUS 400-599); 0 otherwise. */
static int refused_status(void)
{
    const char *rs = getenv("REDIRECT_STATUS"), *path = getenv("PATH_INFO");
    int v = 0;

    if (!rs || !path || strcmp(path, "/error") != 0 || strlen(rs) != 3)
        return 0;
    for (const char *p = rs; *p; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        v = v * 10 + (*p - '0');
    }
    return v >= 400 && v <= 599 ? v : 0;
}

/* Answer the refusal `status` like cgi_handle() answers its own errors. */
static int answer_refusal(int status, FILE *out)
{
    static const char nomem[] =
        "{\"error\":{\"code\":\"nomem\",\"field\":\"\",\"message\":\"out of memory\"}}";
    struct refusal r = {status, status < 500 ? "Refused" : "Server Error",
                        status < 500 ? "refused" : "internal", "",
                        status < 500 ? "the web server refused the request"
                                     : "the web server could not answer the request"};
    cJSON *body;
    char *text;

    for (size_t i = 0; i < sizeof(refusals) / sizeof(refusals[0]); i++)
        if (refusals[i].status == status)
            r = refusals[i];
    if (status == 413)
        body = cgi_error_body(r.code, r.field, "body larger than %d bytes", CGI_MAX_BODY);
    else
        body = cgi_error_body(r.code, r.field, "%s", r.message);
    text = body ? cJSON_PrintUnformatted(body) : NULL;
    fprintf(out,
            "Status: %d %s\r\n"
            "Content-Type: application/json; charset=utf-8\r\n"
            "Cache-Control: no-store\r\n"
            "X-Content-Type-Options: nosniff\r\n"
            "Content-Length: %zu\r\n\r\n%s\n",
            r.status, r.reason, strlen(text ? text : nomem) + 1, text ? text : nomem);
    cJSON_free(text);
    cJSON_Delete(body);
    return fflush(out) == 0 && !ferror(out) ? status : -1;
}

int main(void)
{
    struct cgi_request rq = {
        .method = getenv("REQUEST_METHOD"),
        .path = getenv("PATH_INFO"),
        .query = getenv("QUERY_STRING"),
        .content_length = getenv("CONTENT_LENGTH"),
        .read = read_stdin,
        .read_ctx = NULL,
        .tables_dir = NULL,
    };
    int refused = refused_status();
    int status = refused ? answer_refusal(refused, stdout) : cgi_handle(&rq, stdout);

    if (fclose(stdout) != 0 || status < 0)
        return 1;
    return 0;
}
