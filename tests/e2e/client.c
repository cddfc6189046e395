/* client.c - a small libcurl HTTP client for the end-to-end tests: one request,
 * the status code on stdout, the response headers and body into files. */

/* e2e_client [-X METHOD] [-d FILE] [-c] [-H 'Name: value']... [-D HEADERS] [-o BODY] URL
 *
 * -d sends FILE as the body (POST unless -X says otherwise), -c sends it with
 * Transfer-Encoding: chunked instead of a Content-Length. Exit 0 when an HTTP
 * answer came back (whatever its status), 1 on a transport error, 2 on usage.
 * Proxies from the environment are ignored: the server is on loopback. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>

struct body {
    char *data;
    size_t len, pos;
};

static size_t read_body(char *buf, size_t size, size_t n, void *ctx)
{
    struct body *b = ctx;
    size_t want = size * n, left = b->len - b->pos;

    if (want > left)
        want = left;
    /* Small pieces, so that a chunked upload really has several chunks. */
    if (want > 1000)
        want = 1000;
    memcpy(buf, b->data + b->pos, want);
    b->pos += want;
    return want;
}

static int load(const char *path, struct body *b)
{
    FILE *f = fopen(path, "rb");
    size_t cap = 0;

    if (!f)
        return -1;
    for (;;) {
        size_t got;
        if (b->len == cap) {
            char *n = realloc(b->data, cap ? cap * 2 : 65536);
            if (!n) {
                fclose(f);
                return -1;
            }
            b->data = n;
            cap = cap ? cap * 2 : 65536;
        }
        got = fread(b->data + b->len, 1, cap - b->len, f);
        if (got == 0)
            break;
        b->len += got;
    }
    fclose(f);
    return 0;
}

static int usage(void)
{
    fputs("usage: e2e_client [-X METHOD] [-d FILE] [-c] [-H 'Name: value']... "
          "[-D HEADERS] [-o BODY] URL\n", stderr);
    return 2;
}

int main(int argc, char **argv)
{
    const char *method = NULL, *data = NULL, *hout = NULL, *bout = NULL;
    struct curl_slist *headers = NULL;
    struct body body = {0};
    FILE *hf = NULL, *bf = NULL;
    CURL *c = NULL;
    CURLcode res;
    long status = 0;
    int chunked = 0, opt, rc = 1;

    while ((opt = getopt(argc, argv, "X:d:cH:D:o:")) != -1) {
        switch (opt) {
        case 'X': method = optarg; break;
        case 'd': data = optarg; break;
        case 'c': chunked = 1; break;
        case 'H': headers = curl_slist_append(headers, optarg); break;
        case 'D': hout = optarg; break;
        case 'o': bout = optarg; break;
        default: return usage();
        }
    }
    if (optind != argc - 1)
        return usage();
    if (data && load(data, &body) != 0) {
        fprintf(stderr, "e2e_client: cannot read '%s'\n", data);
        return 2;
    }
    hf = fopen(hout ? hout : "/dev/null", "wb");
    bf = fopen(bout ? bout : "/dev/null", "wb");
    if (!hf || !bf || curl_global_init(CURL_GLOBAL_DEFAULT) != 0 || !(c = curl_easy_init())) {
        fprintf(stderr, "e2e_client: cannot start\n");
        goto out;
    }
    curl_easy_setopt(c, CURLOPT_URL, argv[optind]);
    curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, hf);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, bf);
    if (data) {
        curl_easy_setopt(c, CURLOPT_POST, 1L);
        if (chunked) {
            headers = curl_slist_append(headers, "Transfer-Encoding: chunked");
            curl_easy_setopt(c, CURLOPT_READFUNCTION, read_body);
            curl_easy_setopt(c, CURLOPT_READDATA, &body);
        } else {
            curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data ? body.data : "");
            curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body.len);
        }
    }
    if (method && strcmp(method, "HEAD") == 0)
        curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    else if (method)
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    /* No "Expect: 100-continue" round trip. */
    headers = curl_slist_append(headers, "Expect:");
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    res = curl_easy_perform(c);
    if (res != CURLE_OK) {
        fprintf(stderr, "e2e_client: %s\n", curl_easy_strerror(res));
        goto out;
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    printf("%ld\n", status);
    rc = 0;
out:
    if (c)
        curl_easy_cleanup(c);
    curl_slist_free_all(headers);
    curl_global_cleanup();
    if (hf && fclose(hf) != 0)
        rc = 1;
    if (bf && fclose(bf) != 0)
        rc = 1;
    free(body.data);
    return rc;
}
