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

#include <curl/curl.h>

#include "fileio.h"
#include "fetch.h"
#include "switchsim/sha256.h"
#include "switchsim/tables.h"
#include "switchsim/version.h"

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
    u = curl_url();
    if (!u)
        return sw_err_set(err, SW_ERR_NOMEM, field, "out of memory");
    if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
        curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK) {
        st = sw_err_set(err, SW_ERR_INVALID, field, "not a URL: '%.200s' for '%s'", url, field);
        goto out;
    }
    if (strcmp(scheme, "https") != 0 && strcmp(scheme, "http") != 0) {
        st = sw_err_set(err, SW_ERR_INVALID, field,
                        "unsupported protocol '%.20s' (https only) for '%s'", scheme, field);
        goto out;
    }
    if (curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK || !host[0]) {
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
    curl_free(scheme);
    curl_free(host);
    curl_url_cleanup(u);
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

struct body {
    char *data;
    size_t len, cap;
    bool too_big;
    bool nomem;
};

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
static sw_status download(const struct sw_fetch_request *rq, struct body *b,
                          struct sw_err *err)
{
    CURL *c = curl_easy_init();
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
        curl_easy_reset(c);
        curl_easy_setopt(c, CURLOPT_URL, url);
        curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);   /* redirects: below */
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, left);
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, left < 10000 ? left : 10000L);
        curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)SW_TABLE_MAX_BYTES);
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, b);
        curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
        curl_easy_setopt(c, CURLOPT_USERAGENT, "switchsim/" SWITCHSIM_VERSION);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
        if (!https)
            curl_easy_setopt(c, CURLOPT_NOPROXY, "*");   /* loopback: never via a proxy */
        rc = curl_easy_perform(c);
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
            snprintf(why, sizeof(why), "%s", errbuf[0] ? errbuf : curl_easy_strerror(rc));
            tidy(why);
            st = sw_err_set(err, SW_ERR_TABLE, rq->url, "cannot download '%.200s': %s", url,
                            why);
            goto out;
        }
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
        if (code >= 300 && code < 400) {
            curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &next);
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
        curl_easy_cleanup(c);
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

/* The new DIR/.sources: the old lines but the one for `rel`, then rel's. */
static sw_status sources_text(const char *dir, const char *rel, const char *url,
                              const char *sha, const char *when, char **out, size_t *outlen,
                              struct sw_err *err)
{
    struct sw_fetch_source *src = NULL;
    size_t n = 0, cap, len = 0;
    char *text;
    sw_status st = sw_fetch_sources_read(dir, &src, &n, err);

    if (st != SW_OK)
        return st;
    cap = 128 + (n + 1) * (sizeof(*src) + 8);
    text = malloc(cap);
    if (!text) {
        free(src);
        return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
    }
    len += (size_t)snprintf(text + len, cap - len,
                            "# switchsim tables fetch: file, url, sha256, fetched (UTC)\n");
    for (size_t i = 0; i < n; i++)
        if (strcmp(src[i].rel, rel) != 0)
            len += (size_t)snprintf(text + len, cap - len, "%s\t%s\t%s\t%s\n", src[i].rel,
                                    src[i].url, src[i].sha256, src[i].fetched);
    len += (size_t)snprintf(text + len, cap - len, "%s\t%s\t%s\t%s\n", rel, url, sha, when);
    free(src);
    *out = text;
    *outlen = len;
    return SW_OK;
}

/* Validate the candidate: alone (to learn its id and where it goes), then with
 * the installed set. Fills res->rel, file, id, version, set_sha256. */
static sw_status validate(const struct sw_fetch_request *rq, const struct body *b,
                          struct sw_fetch_result *res, struct sw_err *err)
{
    struct sw_tables *one = NULL, *set = NULL;
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
    st = sw_tables_new(&one, xsd, xsd_len, err);
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

/* --- installing a set in one step --- */

/* The tables directory as fetch changes it: its real path split into the
 * parent and the name, a descriptor of the parent, and the names of what lives
 * next to it (.NAME.lock, .NAME.fetch-XXXXXX). */
struct target {
    char real[PATH_MAX];
    char parent[PATH_MAX];
    const char *name;       /* in real */
    int parent_fd;
    int lock_fd;
};

#define MAX_DEPTH 16                             /* of a tables directory */
#define MAX_COPY ((off_t)SW_TABLES_MAX_DOCS * SW_TABLE_MAX_BYTES)   /* in all */

/* The crash points a test can ask for (SWITCHSIM_TEST_FETCH_KILL=built or
 * exchanged): the process kills itself there with SIGKILL, as a kill -9 or a
 * power cut would, so that tests/cli/fetch.sh can check what the next run
 * finds. Unset (always, outside the tests): nothing happens. */
static void test_kill_point(const char *point)
{
    const char *v = getenv("SWITCHSIM_TEST_FETCH_KILL");

    if (v && strcmp(v, point) == 0)
        kill(getpid(), SIGKILL);
}

/* A temporary file of an earlier switchsim (".wml.xml.tmp-Ab12Cd"): written
 * next to the file it was to replace, left behind when that fetch was killed. */
static bool is_old_temp(const char *name)
{
    const char *t = strstr(name, ".tmp-");

    return name[0] == '.' && t && strlen(t) == 11 && strchr(t + 5, '/') == NULL;
}

/* Whether `name` is one of ours next to the tables directory `dir`:
 * ".DIR.fetch-XXXXXX". */
static bool is_fetch_dir(const char *name, const char *dir)
{
    size_t n = strlen(dir);

    return name[0] == '.' && strncmp(name + 1, dir, n) == 0 &&
           strncmp(name + 1 + n, ".fetch-", 7) == 0 && strlen(name + 1 + n + 7) == 6;
}

/* The entry names of directory fd (. and .. left out), malloc'ed, *n of them;
 * NULL with *n 0 when it cannot be read or is empty. */
static char **dir_names(int fd, size_t *n)
{
    int dup_fd = dup(fd);
    DIR *d = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
    struct dirent *e;
    char **names = NULL;
    size_t cnt = 0;

    *n = 0;
    if (!d) {
        if (dup_fd >= 0)
            close(dup_fd);
        return NULL;
    }
    rewinddir(d);
    while ((e = readdir(d)) != NULL) {
        char **nn;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        nn = realloc(names, (cnt + 1) * sizeof(*nn));
        if (!nn)
            break;
        names = nn;
        if (!(names[cnt] = strdup(e->d_name)))
            break;
        cnt++;
    }
    closedir(d);
    *n = cnt;
    return names;
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* Remove `name` in directory dfd and, when it is a directory, all it holds;
 * symbolic links are removed, never followed. 0, or -1 with errno. */
static int remove_tree(int dfd, const char *name, int depth)
{
    struct stat sb;
    char **names;
    size_t n;
    int fd, rc = 0;

    if (fstatat(dfd, name, &sb, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT ? 0 : -1;
    if (!S_ISDIR(sb.st_mode))
        return unlinkat(dfd, name, 0);
    if (depth > MAX_DEPTH) {
        errno = ELOOP;
        return -1;
    }
    fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return -1;
    names = dir_names(fd, &n);
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = remove_tree(fd, names[i], depth + 1);
    free_names(names, n);
    close(fd);
    return rc == 0 ? unlinkat(dfd, name, AT_REMOVEDIR) : rc;
}

/* Remove what killed fetches left: .DIR.fetch-* next to the directory, and an
 * earlier switchsim's temporary files in it and in gemeenten/. Under the lock,
 * so never another fetch's work in progress. Failures are not fatal. */
static void remove_leftovers(const struct target *tg)
{
    static const char *const subs[] = {".", "gemeenten"};
    char **names;
    size_t n;

    names = dir_names(tg->parent_fd, &n);
    for (size_t i = 0; i < n; i++)
        if (is_fetch_dir(names[i], tg->name))
            (void)remove_tree(tg->parent_fd, names[i], 0);
    free_names(names, n);
    for (size_t k = 0; k < 2; k++) {
        char path[PATH_MAX + 16];
        int fd;
        snprintf(path, sizeof(path), "%s/%s", tg->real, subs[k]);
        fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            continue;
        names = dir_names(fd, &n);
        for (size_t i = 0; i < n; i++) {
            struct stat sb;
            if (is_old_temp(names[i]) && fstatat(fd, names[i], &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
                S_ISREG(sb.st_mode))
                (void)unlinkat(fd, names[i], 0);
        }
        free_names(names, n);
        close(fd);
    }
}

/* Resolve the tables directory, open its parent and take the lock
 * (.NAME.lock next to it: the directory itself is replaced, its lock would go
 * with it). One fetch at a time: the set validated is the set installed into. */
static sw_status target_open(struct target *tg, const char *dir, struct sw_err *err)
{
    char *slash;
    struct stat sb;
    char lock[PATH_MAX + 16];

    tg->parent_fd = tg->lock_fd = -1;
    if (!realpath(dir, tg->real) || stat(tg->real, &sb) != 0)
        return sw_err_set(err, SW_ERR_TABLE, dir, "cannot open tables directory '%s': %s", dir,
                          strerror(errno));
    if (!S_ISDIR(sb.st_mode))
        return sw_err_set(err, SW_ERR_TABLE, dir,
                          "cannot open tables directory '%s': not a directory", dir);
    slash = strrchr(tg->real, '/');
    if (!slash || !slash[1] || strlen(slash + 1) > 200)
        return sw_err_set(err, SW_ERR_TABLE, dir, "cannot install into '%s': it has no parent",
                          dir);
    snprintf(tg->parent, sizeof(tg->parent), "%.*s", slash == tg->real ? 1 : (int)(slash - tg->real),
             tg->real);
    tg->name = slash + 1;
    tg->parent_fd = open(tg->parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (tg->parent_fd < 0)
        return sw_err_set(err, SW_ERR_TABLE, dir, "cannot open '%s': %s", tg->parent,
                          strerror(errno));
    snprintf(lock, sizeof(lock), ".%s.lock", tg->name);
    tg->lock_fd = openat(tg->parent_fd, lock, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (tg->lock_fd < 0)
        return sw_err_set(err, SW_ERR_TABLE, dir,
                          "cannot install into '%s': cannot create '%s/%s': %s", dir, tg->parent,
                          lock, strerror(errno));
    if (flock(tg->lock_fd, LOCK_EX | LOCK_NB) != 0)
        return sw_err_set(err, SW_ERR_TABLE, dir,
                          "another fetch is installing into '%s'; try again", dir);
    return SW_OK;
}

static void target_close(struct target *tg)
{
    if (tg->lock_fd >= 0)
        close(tg->lock_fd);   /* the lock goes with it */
    if (tg->parent_fd >= 0)
        close(tg->parent_fd);
    tg->lock_fd = tg->parent_fd = -1;
}

/* Write data[0..len) as a new file `name` in directory dfd (mode 0644), synced. */
static int write_new(int dfd, const char *name, const void *data, size_t len)
{
    const char *p = data;
    int fd = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);

    if (fd < 0)
        return -1;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            int e = errno;
            close(fd);
            errno = w < 0 ? e : EIO;
            return -1;
        }
        p += w;
        len -= (size_t)w;
    }
    if (fsync(fd) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return close(fd);
}

/* Copy regular file `name` of directory sfd into dfd with its mode, synced. */
static int copy_file(int sfd, int dfd, const char *name, mode_t mode, off_t *budget)
{
    char buf[65536];
    int in = openat(sfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC), out = -1;
    struct stat sb;
    int rc = -1;

    if (in < 0)
        return -1;
    if (fstat(in, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size > *budget) {
        errno = S_ISREG(sb.st_mode) ? EFBIG : EINVAL;
        goto out;
    }
    *budget -= sb.st_size;
    out = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (out < 0)
        goto out;
    for (;;) {
        ssize_t r = read(in, buf, sizeof(buf)), w = 0;
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            goto out;
        if (r == 0)
            break;
        while (w < r) {
            ssize_t k = write(out, buf + w, (size_t)(r - w));
            if (k < 0 && errno == EINTR)
                continue;
            if (k <= 0)
                goto out;
            w += k;
        }
    }
    if (fchmod(out, mode & 07777) == 0 && fsync(out) == 0)
        rc = 0;
out:
    if (out >= 0 && close(out) != 0)
        rc = -1;
    close(in);
    return rc;
}

/* Copy directory sfd's contents into the empty directory dfd: directories,
 * regular files and symbolic links (as links), with their modes; `.sources` at
 * the top and earlier temporary files are left out. Anything else (a FIFO, a
 * device) refuses the copy: fetch does not guess what to do with it. 0, or -1
 * with errno and *bad naming the entry. */
static int copy_tree(int sfd, int dfd, int depth, off_t *budget, char *bad, size_t badsize)
{
    char **names;
    size_t n;
    int rc = 0;

    if (depth > MAX_DEPTH) {
        errno = ELOOP;
        return -1;
    }
    names = dir_names(sfd, &n);
    for (size_t i = 0; i < n && rc == 0; i++) {
        const char *nm = names[i];
        struct stat sb;
        snprintf(bad, badsize, "%s", nm);
        if ((depth == 0 && strcmp(nm, SW_FETCH_SOURCES) == 0) || is_old_temp(nm))
            continue;
        if (fstatat(sfd, nm, &sb, AT_SYMLINK_NOFOLLOW) != 0) {
            rc = -1;
        } else if (S_ISDIR(sb.st_mode)) {
            int s2 = -1, d2 = -1;
            rc = mkdirat(dfd, nm, 0700);
            if (rc == 0) {
                s2 = openat(sfd, nm, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                d2 = openat(dfd, nm, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                rc = s2 < 0 || d2 < 0 ? -1 : copy_tree(s2, d2, depth + 1, budget, bad, badsize);
            }
            if (rc == 0 && (fchmod(d2, sb.st_mode & 07777) != 0 || fsync(d2) != 0))
                rc = -1;
            if (s2 >= 0)
                close(s2);
            if (d2 >= 0)
                close(d2);
        } else if (S_ISREG(sb.st_mode)) {
            rc = copy_file(sfd, dfd, nm, sb.st_mode, budget);
        } else if (S_ISLNK(sb.st_mode)) {
            char target[PATH_MAX];
            ssize_t l = readlinkat(sfd, nm, target, sizeof(target) - 1);
            if (l < 0) {
                rc = -1;
            } else {
                target[l] = '\0';
                rc = symlinkat(target, dfd, nm);
            }
        } else {
            errno = EINVAL;   /* a FIFO, a socket, a device */
            rc = -1;
        }
    }
    free_names(names, n);
    return rc;
}

/* Build the new set in a fresh .NAME.fetch-XXXXXX next to the directory: a
 * copy of it with the new table and the new .sources, synced; *tmp gets its
 * name (in tg->parent). */
static sw_status build_set(const struct target *tg, const struct sw_fetch_result *res,
                           const struct body *b, const char *stext, size_t slen, char *tmp,
                           size_t tmpsize, struct sw_err *err)
{
    char path[PATH_MAX + 64], bad[256] = "";
    const char *slash = strrchr(res->rel, '/');
    int src = -1, dst = -1, sub = -1;
    off_t budget = MAX_COPY;
    struct stat sb;
    sw_status st = SW_OK;

    snprintf(path, sizeof(path), "%s/.%s.fetch-XXXXXX", tg->parent, tg->name);
    if (!mkdtemp(path))
        return sw_err_set(err, SW_ERR_TABLE, tg->parent, "cannot create a directory in '%s': %s",
                          tg->parent, strerror(errno));
    snprintf(tmp, tmpsize, "%s", strrchr(path, '/') + 1);
    src = open(tg->real, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    dst = openat(tg->parent_fd, tmp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (src < 0 || dst < 0 || fstat(src, &sb) != 0) {
        st = sw_err_set(err, SW_ERR_TABLE, tg->real, "cannot copy '%s': %s", tg->real,
                        strerror(errno));
        goto out;
    }
    if (copy_tree(src, dst, 0, &budget, bad, sizeof(bad)) != 0) {
        st = sw_err_set(err, SW_ERR_TABLE, tg->real,
                        "cannot copy '%s/%.100s' into the new set: %s", tg->real, bad,
                        errno == EINVAL ? "not a regular file, directory or link"
                                        : strerror(errno));
        goto out;
    }
    /* The new table: in gemeenten/ (made when there is none yet) or at the top,
     * replacing whatever had its name in the copy. */
    if (slash) {
        char sname[300];
        snprintf(sname, sizeof(sname), "%.*s", (int)(slash - res->rel), res->rel);
        if (mkdirat(dst, sname, 0755) != 0 && errno != EEXIST)
            goto fail;
        sub = openat(dst, sname, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (sub < 0)
            goto fail;
    }
    if ((unlinkat(sub >= 0 ? sub : dst, slash ? slash + 1 : res->rel, 0) != 0 &&
         errno != ENOENT) ||
        write_new(sub >= 0 ? sub : dst, slash ? slash + 1 : res->rel, b->data, b->len) != 0 ||
        (sub >= 0 && fsync(sub) != 0) ||
        write_new(dst, SW_FETCH_SOURCES, stext, slen) != 0 ||
        fchmod(dst, sb.st_mode & 07777) != 0 || fsync(dst) != 0)
        goto fail;
    goto out;
fail:
    st = sw_err_set(err, SW_ERR_TABLE, tg->parent, "cannot write the new set in '%s': %s",
                    tg->parent, strerror(errno));
out:
    if (sub >= 0)
        close(sub);
    if (dst >= 0)
        close(dst);
    if (src >= 0)
        close(src);
    return st;
}

static sw_status install(const struct sw_fetch_request *rq, const struct target *tg,
                         const struct body *b, struct sw_fetch_result *res, struct sw_err *err)
{
    char target[4400], tmp[300] = "", tmppath[PATH_MAX + 300], shown[256];
    struct sw_tables *check = NULL;
    char *stext = NULL;
    size_t slen = 0;
    struct tm tm;
    time_t now = time(NULL);
    sw_status st;

    gmtime_r(&now, &tm);
    strftime(res->fetched, sizeof(res->fetched), "%Y-%m-%dT%H:%M:%SZ", &tm);
    snprintf(target, sizeof(target), "%s/%s", rq->dir, res->rel);
    {
        char old[65];
        res->replaced = sw_fetch_file_sha256(target, old);
        res->unchanged = res->replaced && strcmp(old, res->sha256) == 0;
    }
    st = sources_text(rq->dir, res->rel, rq->url, res->sha256, res->fetched, &stext, &slen,
                      err);
    if (st == SW_OK)
        st = build_set(tg, res, b, stext, slen, tmp, sizeof(tmp), err);
    if (st != SW_OK)
        goto out;
    /* The set about to be installed is the set validated: loaded from the new
     * directory, named as it will be, it has the same sha256 (no file of DIR
     * changed between the validation and the copy). */
    snprintf(tmppath, sizeof(tmppath), "%s/%s", tg->parent, tmp);
    {
        const char *base = strchr(res->file, '/');   /* "tables/..." */
        snprintf(shown, sizeof(shown), "%.*s", base ? (int)(base - res->file) : 0, res->file);
        if (sw_tables_load_dir_as(&check, tmppath, shown[0] ? shown : NULL, err) != SW_OK ||
            strcmp(sw_tables_sha256(check), res->set_sha256) != 0) {
            st = sw_err_set(err, SW_ERR_TABLE, rq->dir,
                            "the tables in '%s' changed during the fetch: nothing installed; "
                            "try again", rq->dir);
            goto out;
        }
    }
    test_kill_point("built");
    /* The one step: the new set takes the directory's place, the old one the
     * temporary name. */
    if (renameat2(tg->parent_fd, tmp, tg->parent_fd, tg->name, RENAME_EXCHANGE) != 0) {
        int e = errno;
        st = sw_err_set(err, SW_ERR_TABLE, rq->dir,
                        "cannot install into '%s': cannot exchange it with the new set: %s%s",
                        rq->dir, strerror(e),
                        e == EINVAL || e == ENOSYS
                            ? " (the file system cannot exchange directories)"
                            : "");
        goto out;
    }
    /* Installed. Should the sync fail, a power cut may still bring back the
     * old set - whole, like the new one: nothing to undo or to report. */
    (void)fsync(tg->parent_fd);
    test_kill_point("exchanged");
out:
    /* Before the exchange: the unfinished new set; after it: the old set. */
    if (tmp[0])
        (void)remove_tree(tg->parent_fd, tmp, 0);
    sw_tables_free(check);
    free(stext);
    return st;
}

sw_status sw_fetch_table(const struct sw_fetch_request *rq, struct sw_fetch_result *res,
                         struct sw_err *err)
{
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
    st = target_open(&tg, rq->dir, err);
    if (st != SW_OK)
        goto out_target;
    remove_leftovers(&tg);
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        st = sw_err_set(err, SW_ERR_TABLE, rq->url, "cannot start libcurl");
        goto out_target;
    }
    st = download(rq, &b, err);
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
        st = install(rq, &tg, &b, res, err);
    free(b.data);
    curl_global_cleanup();
out_target:
    target_close(&tg);
    return st;
}
