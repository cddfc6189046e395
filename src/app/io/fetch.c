/* fetch.c - download, verify, validate and atomically install a published
 * table; record where it came from in DIR/.sources.
 *
 * A table and its .sources record are installed as one step: the whole set is
 * built anew in a sibling of the tables directory (.NAME.fetch-XXXXXX: a copy
 * of DIR, the new table, the new record), synced, checked, and exchanged with
 * DIR in one rename (renameat2 RENAME_EXCHANGE). Before that DIR is untouched;
 * after it DIR holds the new set whole. A fetch killed at any point leaves at
 * most a .NAME.fetch-* directory next to DIR, which the next fetch removes. */
#define _GNU_SOURCE   /* renameat2(), RENAME_EXCHANGE */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "curl_dl.h"
#include "fileio.h"
#include "fetch.h"
#include "install.h"
#include "switchsim/sha256.h"
#include "switchsim/tables.h"
#include "switchsim/version.h"
#include "xml_dl.h"

/* --- arguments --- */

/* 127.0.0.0/8 in dotted-quad form, "localhost" or "[::1]". */
static bool host_is_loopback(const char *host)
{
    unsigned a, b, c, d;
    char extra;

    if (strcmp(host, "localhost") == 0 || strcmp(host, "[::1]") == 0)
        return true;
    if (sscanf(host, "%u.%u.%u.%u%c", &a, &b, &c, &d, &extra) == 4)
        return a == 127 && b < 256 && c < 256 && d < 256;
    return false;
}

/* Check one URL: http or https, parseable, no control characters; http only on
 * loopback. *https tells which. */
static sw_status check_url(const char *url, const char *field, bool *https,
                           struct sw_err *err)
{
    const struct sw_curl *cu;
    CURLU *u = NULL;
    char *scheme = NULL, *host = NULL;
    sw_status st = SW_OK;

    if (!url || !*url)
        return sw_err_set(err, SW_ERR_INVALID, field, "missing URL for '%s'", field);
    if (strlen(url) > SW_FETCH_MAX_URL)
        return sw_err_set(err, SW_ERR_INVALID, field, "URL longer than %d characters for '%s'",
                          SW_FETCH_MAX_URL, field);
    for (const char *p = url; *p; p++)
        if ((unsigned char)*p < 0x21 || *p == 0x7f)
            return sw_err_set(err, SW_ERR_INVALID, field,
                              "URL with a space or control character for '%s'", field);
    cu = sw_curl(field, err);
    if (!cu)
        return err->code;
    u = cu->url();
    if (!u)
        return sw_err_set(err, SW_ERR_NOMEM, field, "out of memory");
    if (cu->url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
        cu->url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK) {
        st = sw_err_set(err, SW_ERR_INVALID, field, "not a URL: '%.200s' for '%s'", url, field);
        goto out;
    }
    if (strcmp(scheme, "https") != 0 && strcmp(scheme, "http") != 0) {
        st = sw_err_set(err, SW_ERR_INVALID, field,
                        "unsupported protocol '%.20s' (https only) for '%s'", scheme, field);
        goto out;
    }
    if (cu->url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK || !host[0]) {
        st = sw_err_set(err, SW_ERR_INVALID, field, "no host in '%.200s' for '%s'", url, field);
        goto out;
    }
    if (strcmp(scheme, "https") == 0) {
        *https = true;
    } else {
        *https = false;
        if (!host_is_loopback(host))
            st = sw_err_set(err, SW_ERR_INVALID, field,
                            "plain http only on a loopback address (use https): '%.200s' for "
                            "'%s'", url, field);
    }
out:
    cu->free(scheme);
    cu->free(host);
    cu->url_cleanup(u);
    return st;
}

static bool is_sha256_hex(const char *s)
{
    size_t n = 0;

    for (; s && s[n]; n++)
        if (!isxdigit((unsigned char)s[n]))
            return false;
    return n == 64;
}

sw_status sw_fetch_check_args(const char *url, const char *sha256, const char *url_field,
                              const char *sha_field, struct sw_err *err)
{
    bool https;

    if (!is_sha256_hex(sha256))
        return sw_err_set(err, SW_ERR_INVALID, sha_field,
                          "not a sha256 (64 hex digits): '%.80s' for '%s'",
                          sha256 ? sha256 : "", sha_field);
    return check_url(url, url_field, &https, err);
}

/* --- download --- */


static size_t on_data(char *ptr, size_t size, size_t nmemb, void *ctx)
{
    struct body *b = ctx;
    size_t n = size * nmemb;

    if (n > (size_t)SW_TABLE_MAX_BYTES - b->len) {
        b->too_big = true;
        return 0;   /* aborts the transfer */
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 16384;
        char *nd;
        while (cap < b->len + n + 1)
            cap *= 2;
        nd = realloc(b->data, cap);
        if (!nd) {
            b->nomem = true;
            return 0;
        }
        b->data = nd;
        b->cap = cap;
    }
    memcpy(b->data + b->len, ptr, n);
    b->len += n;
    b->data[b->len] = '\0';
    return n;
}

static long now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* git's grammar: the message starts in lowercase, no full stop at the end. */
static void tidy(char *msg)
{
    size_t n = strlen(msg);

    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == '.' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    if (n > 1 && isupper((unsigned char)msg[0]) && islower((unsigned char)msg[1]))
        msg[0] = (char)tolower((unsigned char)msg[0]);
}

/* Download rq->url into *b following at most SW_FETCH_MAX_REDIRECTS redirects,
 * each checked like the URL itself, and never from https back to http. */
static sw_status download(const struct sw_curl *cu, const struct sw_fetch_request *rq,
                          struct body *b, struct sw_err *err)
{
    CURL *c = cu->easy_init();
    char errbuf[CURL_ERROR_SIZE];
    char *url = strdup(rq->url);
    long deadline, timeout = rq->timeout > 0 ? rq->timeout : SW_FETCH_DEFAULT_TIMEOUT;
    bool https = false, was_https = false;
    sw_status st = SW_OK;

    if (!c || !url) {
        st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        goto out;
    }
    deadline = now_ms() + timeout * 1000;
    for (int hop = 0;; hop++) {
        long code = 0, left = deadline - now_ms();
        char *next = NULL;
        CURLcode rc;

        if (check_url(url, "redirect", &https, err) != SW_OK) {
            char msg[sizeof(err->msg)];
            snprintf(msg, sizeof(msg), "%s", err->msg);
            st = sw_err_set(err, SW_ERR_TABLE, rq->url, "refused redirect from '%.200s': %s",
                            rq->url, msg);
            goto out;
        }
        if (was_https && !https) {
            st = sw_err_set(err, SW_ERR_TABLE, rq->url,
                            "refused redirect from https to plain http ('%.200s')", url);
            goto out;
        }
        was_https = was_https || https;
        if (left <= 0) {
            st = sw_err_set(err, SW_ERR_TABLE, rq->url,
                            "cannot download '%.200s': timed out after %ld seconds", rq->url,
                            timeout);
            goto out;
        }
        free(b->data);
        memset(b, 0, sizeof(*b));
        errbuf[0] = '\0';
        cu->easy_reset(c);
        cu->easy_setopt(c, CURLOPT_URL, url);
        cu->easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
        cu->easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);   /* redirects: below */
        cu->easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        cu->easy_setopt(c, CURLOPT_TIMEOUT_MS, left);
        cu->easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, left < 10000 ? left : 10000L);
        cu->easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)SW_TABLE_MAX_BYTES);
        cu->easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
        cu->easy_setopt(c, CURLOPT_WRITEDATA, b);
        cu->easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
        cu->easy_setopt(c, CURLOPT_USERAGENT, "switchsim/" SWITCHSIM_VERSION);
        cu->easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
        cu->easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
        if (!https)
            cu->easy_setopt(c, CURLOPT_NOPROXY, "*");   /* loopback: never via a proxy */
        rc = cu->easy_perform(c);
        if (b->nomem) {
            st = sw_err_set(err, SW_ERR_TABLE, rq->url, "out of memory downloading '%.200s'",
                            rq->url);
            goto out;
        }
        if (b->too_big || rc == CURLE_FILESIZE_EXCEEDED) {
            st = sw_err_set(err, SW_ERR_TABLE, rq->url,
                            "refused '%.200s': larger than %d bytes", url, SW_TABLE_MAX_BYTES);
            goto out;
        }
        if (rc != CURLE_OK) {
            char why[CURL_ERROR_SIZE];
            snprintf(why, sizeof(why), "%s", errbuf[0] ? errbuf : cu->easy_strerror(rc));
            tidy(why);
            st = sw_err_set(err, SW_ERR_TABLE, rq->url, "cannot download '%.200s': %s", url,
                            why);
            goto out;
        }
        cu->easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
        if (code >= 300 && code < 400) {
            cu->easy_getinfo(c, CURLINFO_REDIRECT_URL, &next);
            if (!next) {
                st = sw_err_set(err, SW_ERR_TABLE, rq->url,
                                "cannot download '%.200s': HTTP %ld without a location", url,
                                code);
                goto out;
            }
            if (hop >= SW_FETCH_MAX_REDIRECTS) {
                st = sw_err_set(err, SW_ERR_TABLE, rq->url,
                                "cannot download '%.200s': more than %d redirects", rq->url,
                                SW_FETCH_MAX_REDIRECTS);
                goto out;
            }
            free(url);
            url = strdup(next);
            if (!url) {
                st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
                goto out;
            }
            continue;
        }
        if (code != 200) {
            st = sw_err_set(err, SW_ERR_TABLE, rq->url,
                            "cannot download '%.200s': the server answered HTTP %ld", url, code);
            goto out;
        }
        break;
    }
out:
    free(url);
    if (c)
        cu->easy_cleanup(c);
    return st;
}

/* --- install --- */

static void sha256_hex(const void *data, size_t len, char hex[65])
{
    struct sw_sha256 h;

    sw_sha256_init(&h);
    sw_sha256_update(&h, data, len);
    sw_sha256_hex(&h, hex);
}

bool sw_fetch_file_sha256(const char *path, char hex[65])
{
    char *buf = NULL;
    size_t len;
    struct sw_err err;

    if (sw_read_file(&buf, &len, path, SW_TABLE_MAX_BYTES, &err) != SW_OK)
        return false;
    sha256_hex(buf, len, hex);
    free(buf);
    return true;
}

/* An id fit for a file name: what the XSD allows ([a-z][a-z0-9_]* and dots),
 * checked again here because it becomes a path. */
static bool safe_name(const char *s)
{
    if (!s || !(*s >= 'a' && *s <= 'z') || strlen(s) > 100)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' ||
              (*s == '.' && s[1] != '.' && s[1] != '\0')))
            return false;
    return true;
}

sw_status sw_fetch_sources_read(const char *dir, struct sw_fetch_source **out, size_t *n,
                                struct sw_err *err)
{
    char path[4200], *buf = NULL, *line, *save = NULL;
    size_t len, cnt = 0;
    struct sw_fetch_source *arr = NULL;
    struct sw_err rerr;

    *out = NULL;
    *n = 0;
    snprintf(path, sizeof(path), "%s/%s", dir, SW_FETCH_SOURCES);
    if (sw_read_file(&buf, &len, path, 4 * 1024 * 1024, &rerr) != SW_OK)
        return SW_OK;   /* none recorded (or unreadable: shown as none) */
    for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *f[4];
        int k = 0;
        struct sw_fetch_source *na;

        if (line[0] == '#' || cnt >= SW_TABLES_MAX_DOCS * 4)
            continue;
        f[0] = line;
        for (char *p = line; *p && k < 3; p++)
            if (*p == '\t') {
                *p = '\0';
                f[++k] = p + 1;
            }
        if (k != 3 || strchr(f[3], '\t') || strlen(f[0]) >= sizeof(arr->rel) ||
            strlen(f[1]) > SW_FETCH_MAX_URL || strlen(f[2]) != 64 ||
            strlen(f[3]) >= sizeof(arr->fetched))
            continue;
        na = realloc(arr, (cnt + 1) * sizeof(*arr));
        if (!na) {
            free(arr);
            free(buf);
            return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        }
        arr = na;
        snprintf(arr[cnt].rel, sizeof(arr[cnt].rel), "%s", f[0]);
        snprintf(arr[cnt].url, sizeof(arr[cnt].url), "%s", f[1]);
        snprintf(arr[cnt].sha256, sizeof(arr[cnt].sha256), "%s", f[2]);
        snprintf(arr[cnt].fetched, sizeof(arr[cnt].fetched), "%s", f[3]);
        cnt++;
    }
    free(buf);
    *out = arr;
    *n = cnt;
    return SW_OK;
}

/* Validate the candidate: alone (to learn its id and where it goes), then with
 * the installed set. Fills res->rel, file, id, version, set_sha256. */
static sw_status validate(const struct sw_fetch_request *rq, const struct body *b,
                          struct sw_fetch_result *res, struct sw_err *err)
{
    struct sw_tables *one = NULL, *set = NULL;
    const struct sw_xml *xml;
    char xsd_path[4200], *xsd = NULL, name[300];
    const char *dname, *did, *dtitle, *dver, *dmuni;
    size_t xsd_len;
    sw_status st;

    snprintf(xsd_path, sizeof(xsd_path), "%s/schema/v1/tables.xsd", rq->dir);
    st = sw_read_file(&xsd, &xsd_len, xsd_path, SW_TABLE_MAX_BYTES, err);
    if (st != SW_OK) {
        st = sw_err_set(err, SW_ERR_TABLE, xsd_path, "cannot read the table schema '%s'",
                        xsd_path);
        goto out;
    }
    xml = sw_xml(xsd_path, err);
    st = xml ? sw_tables_new_with(&one, xsd, xsd_len, xml, err) : err->code;
    snprintf(name, sizeof(name), "%.200s", rq->url);
    if (st == SW_OK)
        st = sw_tables_add(one, name, b->data, b->len, err);
    if (st == SW_OK)
        st = sw_tables_finish(one, err);
    if (st != SW_OK) {
        if (err->code != SW_ERR_NOMEM)
            err->code = st = SW_ERR_TABLE;
        goto out;
    }
    sw_tables_doc(one, 0, &dname, &did, &dtitle, &dver, &dmuni);
    if (!safe_name(did) || (dmuni[0] && !safe_name(dmuni))) {
        st = sw_err_set(err, SW_ERR_TABLE, rq->url, "%s: unusable table id '%.100s'", name, did);
        goto out;
    }
    if (dmuni[0])
        snprintf(res->rel, sizeof(res->rel), "gemeenten/%s.xml", dmuni);
    else
        snprintf(res->rel, sizeof(res->rel), "%s.xml", did);
    snprintf(res->id, sizeof(res->id), "%s", did);
    snprintf(res->version, sizeof(res->version), "%s", dver);

    /* With the installed set: the same checks as `tables check`, overlaps
     * included; a file of the same name is what this one replaces. */
    st = sw_tables_load_dir_with(&set, rq->dir, res->rel, b->data, b->len, err);
    if (st != SW_OK) {
        char msg[sizeof(err->msg)], field[sizeof(err->field)];
        snprintf(msg, sizeof(msg), "%s", err->msg);
        snprintf(field, sizeof(field), "%s", err->field);
        st = sw_err_set(err, err->code == SW_ERR_NOMEM ? SW_ERR_NOMEM : SW_ERR_TABLE, field,
                        "refused '%s' as %s: %s", res->id, res->rel, msg);
        goto out;
    }
    /* Its name in the set: the one document that is not on disk yet. */
    {
        const char *tail = NULL;
        size_t nd = sw_tables_doc_count(set);
        for (size_t i = 0; i < nd; i++) {
            const char *s = NULL;
            sw_tables_doc(set, i, &dname, &did, &dtitle, &dver, &dmuni);
            s = strchr(dname, '/');
            if (s && strcmp(s + 1, res->rel) == 0)
                tail = dname;
        }
        snprintf(res->file, sizeof(res->file), "%s", tail ? tail : res->rel);
        for (size_t i = 0; i < nd; i++) {
            sw_tables_doc(set, i, &dname, &did, &dtitle, &dver, &dmuni);
            if (strcmp(did, res->id) == 0 && strcmp(dname, res->file) != 0) {
                st = sw_err_set(err, SW_ERR_TABLE, dname,
                                "refused '%s': a table with that id is installed as '%s'",
                                res->id, dname);
                goto out;
            }
        }
    }
    snprintf(res->set_sha256, sizeof(res->set_sha256), "%s", sw_tables_sha256(set));
out:
    free(xsd);
    sw_tables_free(one);
    sw_tables_free(set);
    return st;
}

sw_status sw_fetch_table(const struct sw_fetch_request *rq, struct sw_fetch_result *res,
                         struct sw_err *err)
{
    const struct sw_curl *cu;
    struct body b = {0};
    struct target tg;
    char got[65], want[65];
    sw_status st;

    memset(res, 0, sizeof(*res));
    st = sw_fetch_check_args(rq->url, rq->sha256, "URL", "--sha256", err);
    if (st != SW_OK)
        return st;
    for (int i = 0; i < 64; i++)
        want[i] = (char)tolower((unsigned char)rq->sha256[i]);
    want[64] = '\0';
    st = set_open(&tg, rq->dir, err);
    if (st != SW_OK)
        goto out_target;
    set_remove_leftovers(&tg);
    cu = sw_curl(rq->url, err);
    if (!cu) {
        st = err->code;
        goto out_target;
    }
    if (cu->global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        st = sw_err_set(err, SW_ERR_TABLE, rq->url, "cannot start libcurl");
        goto out_target;
    }
    st = download(cu, rq, &b, err);
    if (st == SW_OK) {
        sha256_hex(b.data ? b.data : "", b.len, got);
        if (strcmp(got, want) != 0)
            st = sw_err_set(err, SW_ERR_TABLE, rq->url,
                            "checksum mismatch for '%.200s': expected %s, got %s", rq->url,
                            want, got);
        else
            snprintf(res->sha256, sizeof(res->sha256), "%s", got);
    }
    if (st == SW_OK && b.len == 0)
        st = sw_err_set(err, SW_ERR_TABLE, rq->url, "'%.200s' is empty", rq->url);
    if (st == SW_OK)
        st = validate(rq, &b, res, err);
    if (st == SW_OK)
        st = set_install(rq, &tg, &b, res, err);
    free(b.data);
    cu->global_cleanup();
out_target:
    set_close(&tg);
    return st;
}
