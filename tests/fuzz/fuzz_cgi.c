/* fuzz_cgi.c - libFuzzer harness: one HTTP request -> cgi_handle() (src/cgi.h) on
 * the shipped tables. The input is four lines, then the body:
 *     METHOD\nPATH_INFO\nQUERY_STRING\nCONTENT_LENGTH\nbody...
 * where a CONTENT_LENGTH line "-" means the variable is absent.
 * Invariants: the reply is "Status: NNN ...", headers, a blank line and (but for
 * HEAD) exactly Content-Length bytes of one JSON object; a 5xx never happens for
 * a request that only has bad content. */
#include <stdint.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cgi.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct body {
    const char *p;
    size_t left;
};

/* Hand the body over in pieces of at most 1000 bytes, as a pipe would. */
static size_t read_body(void *ctx, char *buf, size_t n)
{
    struct body *b = ctx;

    if (n > b->left)
        n = b->left;
    if (n > 1000)
        n = 1000;
    memcpy(buf, b->p, n);
    b->p += n;
    b->left -= n;
    return n;
}

/* The next line of the input as a NUL-terminated copy; NULL at the end. */
static char *next_line(const char **p, const char *end)
{
    const char *nl;
    char *s;

    if (*p > end)
        return NULL;
    nl = memchr(*p, '\n', (size_t)(end - *p));
    if (!nl)
        nl = end;
    s = malloc((size_t)(nl - *p) + 1);
    if (!s)
        abort();
    memcpy(s, *p, (size_t)(nl - *p));
    s[nl - *p] = '\0';
    *p = nl + 1;
    return s;
}

static void check_reply(const char *out, size_t len, bool head)
{
    const char *hdr_end, *cl;
    unsigned long want;
    int status = 0;
    cJSON *o;

    FUZZ_ASSERT(len > 8 && memcmp(out, "Status: ", 8) == 0);
    status = (int)strtol(out + 8, NULL, 10);
    FUZZ_ASSERT(status >= 200 && status < 600);
    /* A well-formed table set and a bounded request: no 500 for bad content. */
    FUZZ_ASSERT(status < 500);
    hdr_end = strstr(out, "\r\n\r\n");
    FUZZ_ASSERT(hdr_end != NULL);
    cl = strstr(out, "\r\nContent-Length: ");
    FUZZ_ASSERT(cl != NULL && cl < hdr_end);
    want = strtoul(cl + 18, NULL, 10);
    hdr_end += 4;
    if (head) {
        /* HEAD: the headers of the GET (its Content-Length), no body. */
        FUZZ_ASSERT((size_t)(out + len - hdr_end) == 0);
        return;
    }
    FUZZ_ASSERT((size_t)(out + len - hdr_end) == want);
    o = cJSON_ParseWithLength(hdr_end, want);
    FUZZ_ASSERT(o != NULL && cJSON_IsObject(o));
    if (status >= 400) {
        const cJSON *e = cJSON_GetObjectItemCaseSensitive(o, "error");
        FUZZ_ASSERT(cJSON_IsObject(e));
        FUZZ_ASSERT(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(e, "code")));
        FUZZ_ASSERT(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(e, "message")));
    }
    cJSON_Delete(o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data, *end = p + size;
    char *method = next_line(&p, end), *path = next_line(&p, end);
    char *query = next_line(&p, end), *clen = next_line(&p, end);
    struct body b = {p <= end ? p : end, p <= end ? (size_t)(end - p) : 0};
    struct cgi_request rq = {0};
    char *out = NULL;
    size_t outlen = 0;
    FILE *f;
    int status;

    (void)fuzz_tables();   /* fail early when the tables are broken */
    rq.method = method;
    rq.path = path;
    rq.query = query;
    rq.content_length = clen && strcmp(clen, "-") == 0 ? NULL : clen;
    rq.read = read_body;
    rq.read_ctx = &b;
    rq.tables_dir = NULL;
    rq.tables = fuzz_tables();   /* loaded once, as the FastCGI front does */
    f = open_memstream(&out, &outlen);
    if (!f)
        abort();
    status = cgi_handle(&rq, f);
    fclose(f);
    FUZZ_ASSERT(status > 0);
    check_reply(out, outlen, method && strcmp(method, "HEAD") == 0);
    free(out);
    free(method);
    free(path);
    free(query);
    free(clen);
    return 0;
}
