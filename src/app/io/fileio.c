/* fileio.c - reading files and the tables directory for the front ends. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "switchsim/sha256.h"

sw_status sw_read_file(char **out, size_t *len, const char *path, size_t max,
                       struct sw_err *err)
{
    FILE *f = NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    sw_status st = SW_OK;
    bool is_stdin = strcmp(path, "-") == 0;

    *out = NULL;
    *len = 0;
    f = is_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return sw_err_set(err, SW_ERR_IO, path, "cannot read '%s': %s", path,
                          strerror(errno));
    for (;;) {
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 8192;
            char *nb;
            if (cap > max + 1)
                break;
            nb = realloc(buf, ncap + 1);
            if (!nb) {
                st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
                goto out;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n > max) {
            st = sw_err_set(err, SW_ERR_TOO_BIG, path, "'%s' is larger than %zu bytes",
                            is_stdin ? "standard input" : path, max);
            goto out;
        }
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        st = sw_err_set(err, SW_ERR_IO, path, "cannot read '%s'", path);
        goto out;
    }
    if (!buf) {
        buf = malloc(1);
        if (!buf) {
            st = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
            goto out;
        }
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    buf = NULL;
out:
    if (f && !is_stdin)
        fclose(f);
    free(buf);
    return st;
}

const char *sw_tables_dir(const char *dir)
{
    const char *env;

    if (dir && *dir)
        return dir;
    env = getenv("SWITCHSIM_TABLES");
    if (env && *env)
        return env;
    return SW_TABLES_DIR;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* Collect the *.xml names of one directory, sorted. A missing directory is empty
 * when `optional`. */
static sw_status list_xml(char ***out, size_t *n, const char *dir, bool optional,
                          struct sw_err *err)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t cnt = 0;

    *out = NULL;
    *n = 0;
    if (!d) {
        if (optional && errno == ENOENT)
            return SW_OK;
        return sw_err_set(err, SW_ERR_TABLE, dir, "cannot open tables directory '%s': %s",
                          dir, strerror(errno));
    }
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        char **nn;
        if (l < 5 || strcmp(e->d_name + l - 4, ".xml") != 0 || e->d_name[0] == '.')
            continue;
        if (cnt >= SW_TABLES_MAX_DOCS) {
            /* Refuse rather than silently leave tables out. */
            free_names(names, cnt);
            closedir(d);
            return sw_err_set(err, SW_ERR_TABLE, dir, "more than %d table documents in '%s'",
                              SW_TABLES_MAX_DOCS, dir);
        }
        nn = realloc(names, (cnt + 1) * sizeof(*nn));
        if (!nn || !(nn[cnt] = strdup(e->d_name))) {
            free(nn ? nn : names);
            closedir(d);
            return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        }
        names = nn;
        cnt++;
    }
    closedir(d);
    if (cnt > 1)
        qsort(names, cnt, sizeof(*names), name_cmp);
    *out = names;
    *n = cnt;
    return SW_OK;
}

/* Name shown in messages: the last component of dir plus the file, so that a
 * message reads "tables/wml.xml:12" wherever the directory lives. */
static void display_name(char *buf, size_t size, const char *dir, const char *sub,
                         const char *file)
{
    const char *base = strrchr(dir, '/');
    size_t l = strlen(dir);
    char tmp[256];

    /* Strip trailing slashes for the base name. */
    snprintf(tmp, sizeof(tmp), "%s", dir);
    while (l > 1 && tmp[l - 1] == '/')
        tmp[--l] = '\0';
    base = strrchr(tmp, '/');
    base = base ? base + 1 : tmp;
    snprintf(buf, size, "%s/%s%s%s", base, sub, *sub ? "/" : "", file);
}

/* Add every *.xml of DIR/SUB but `skip` (a name relative to DIR, or NULL). */
static sw_status add_dir(struct sw_tables *t, const char *dir, const char *sub,
                         bool optional, const char *skip, struct sw_err *err)
{
    char path[4096], name[512];
    char **names = NULL;
    size_t n = 0;
    sw_status st;

    snprintf(path, sizeof(path), "%s%s%s", dir, *sub ? "/" : "", sub);
    st = list_xml(&names, &n, path, optional, err);
    for (size_t i = 0; st == SW_OK && i < n; i++) {
        char file[4608], *buf = NULL;
        size_t len;
        if (skip) {
            char rel[600];
            snprintf(rel, sizeof(rel), "%s%s%s", sub, *sub ? "/" : "", names[i]);
            if (strcmp(rel, skip) == 0)
                continue;
        }
        snprintf(file, sizeof(file), "%s/%s", path, names[i]);
        display_name(name, sizeof(name), dir, sub, names[i]);
        st = sw_read_file(&buf, &len, file, SW_TABLE_MAX_BYTES, err);
        if (st == SW_ERR_TOO_BIG || st == SW_ERR_IO) {
            char msg[sizeof(err->msg)];   /* err->msg may not be both source and target */
            snprintf(msg, sizeof(msg), "%s", err->msg);
            st = sw_err_set(err, SW_ERR_TABLE, name, "%s: %s", name, msg);
        }
        if (st == SW_OK)
            st = sw_tables_add(t, name, buf, len, err);
        free(buf);
    }
    free_names(names, n);
    return st;
}

/* --- the table snapshot cache ---
 * Parsing and validating the XML is most of a short process's work. A finished
 * set is kept as a snapshot (sw_tables_snapshot) in the cache directory, under a
 * key made of the sha256 of the schema and of every table document exactly as
 * the loader reads them; a later load that finds the same key rebuilds the set
 * from the snapshot. Anything unexpected (no cache directory, a damaged or stale
 * snapshot, a file that cannot be read) means: load the XML as always. */

#define SNAPSHOT_FILE "tables.snapshot"

/* The cache directory: only where $SWITCHSIM_CACHE names one ("off" or "" is none).
 * Opt-in, so that a command never writes outside what its user asked for; make
 * serve gives the CGI one in its own temporary directory. false: no cache. */
static bool cache_dir(char *buf, size_t size)
{
    const char *v = getenv("SWITCHSIM_CACHE");
    int n;

    if (!v || !*v || strcmp(v, "off") == 0)
        return false;
    n = snprintf(buf, size, "%s", v);
    return n > 0 && (size_t)n < size;
}

static bool sha_of_file(char hex[65], const char *path)
{
    struct sw_sha256 h;
    struct sw_err e;
    char *buf;
    size_t len;

    if (sw_read_file(&buf, &len, path, SW_TABLE_MAX_BYTES, &e) != SW_OK)
        return false;
    sw_sha256_init(&h);
    sw_sha256_update(&h, buf, len);
    sw_sha256_hex(&h, hex);
    free(buf);
    return true;
}

struct named_sha {
    char name[512];
    char sha[65];
};

static int named_sha_cmp(const void *a, const void *b)
{
    return strcmp(((const struct named_sha *)a)->name, ((const struct named_sha *)b)->name);
}

/* The key of the tables in DIR: the schema's sha256 and the set's sha256 as
 * sw_tables_finish() takes it (document names in order, each with the sha256
 * of its bytes). false when anything cannot be read. */
static bool tables_key(char *key, size_t size, char set_sha[65], const char *dir)
{
    static const char *const subs[] = {"", "gemeenten"};
    struct named_sha *docs = NULL;
    struct sw_sha256 h;
    struct sw_err e;
    char path[4700], xsd_sha[65];
    size_t n = 0;
    bool ok = true;

    snprintf(path, sizeof(path), "%s/schema/v1/tables.xsd", dir);
    if (!sha_of_file(xsd_sha, path))
        return false;
    docs = calloc(SW_TABLES_MAX_DOCS, sizeof(*docs));
    if (!docs)
        return false;
    for (int k = 0; k < 2 && ok; k++) {
        char **names = NULL, sub[4200];
        size_t cnt = 0;
        snprintf(sub, sizeof(sub), "%s%s%s", dir, *subs[k] ? "/" : "", subs[k]);
        if (list_xml(&names, &cnt, sub, k == 1, &e) != SW_OK)
            ok = false;
        for (size_t i = 0; ok && i < cnt; i++) {
            if (n == SW_TABLES_MAX_DOCS) {
                ok = false;
                break;
            }
            snprintf(path, sizeof(path), "%s/%s", sub, names[i]);
            display_name(docs[n].name, sizeof(docs[n].name), dir, subs[k], names[i]);
            ok = sha_of_file(docs[n].sha, path);
            n++;
        }
        free_names(names, cnt);
    }
    if (ok) {
        qsort(docs, n, sizeof(*docs), named_sha_cmp);
        sw_sha256_init(&h);
        for (size_t i = 0; i < n; i++) {
            sw_sha256_update(&h, docs[i].name, strlen(docs[i].name) + 1);
            sw_sha256_update(&h, docs[i].sha, 64);
        }
        sw_sha256_hex(&h, set_sha);
        ok = snprintf(key, size, "switchsim tables 1; schema %s; set %s", xsd_sha, set_sha) <
             (int)size;
    }
    free(docs);
    return ok;
}

static bool snapshot_load(struct sw_tables **out, const char *path, const char *key,
                          const char *set_sha)
{
    struct sw_err e;
    char *buf;
    size_t len;
    bool ok;

    if (sw_read_file(&buf, &len, path, 64 * (size_t)SW_TABLE_MAX_BYTES, &e) != SW_OK)
        return false;
    ok = sw_tables_from_snapshot(out, buf, len, key, &e) == SW_OK;
    free(buf);
    if (ok && strcmp(sw_tables_sha256(*out), set_sha) != 0) {
        sw_tables_free(*out);
        *out = NULL;
        ok = false;
    }
    return ok;
}

/* Write the snapshot next to its final name and rename it into place, so that a
 * reader never sees half a file; failures only mean no cache. */
static void snapshot_save(const struct sw_tables *t, const char *cdir, const char *path,
                          const char *key)
{
    struct sw_err e;
    char tmp[4300], *buf = NULL;
    size_t len;
    FILE *f;
    bool ok;

    if (sw_tables_snapshot(t, key, &buf, &len, &e) != SW_OK)
        return;
    /* mkdir -p: $HOME/.cache may not exist yet */
    snprintf(tmp, sizeof(tmp), "%s", cdir);
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        (void)mkdir(tmp, 0700);
        *p = '/';
    }
    if (mkdir(cdir, 0700) != 0 && errno != EEXIST) {
        free(buf);
        return;
    }
    snprintf(tmp, sizeof(tmp), "%s.tmp-%ld", path, (long)getpid());
    f = fopen(tmp, "wb");
    if (f) {
        ok = fwrite(buf, 1, len, f) == len;
        ok = fclose(f) == 0 && ok;
        if (!ok || rename(tmp, path) != 0)
            unlink(tmp);
    }
    free(buf);
}

sw_status sw_tables_load_dir(struct sw_tables **out, const char *dir, struct sw_err *err)
{
    char cdir[4096], path[4200], key[256], set_sha[65];
    bool cache = cache_dir(cdir, sizeof(cdir)) &&
                 snprintf(path, sizeof(path), "%s/%s", cdir, SNAPSHOT_FILE) <
                     (int)sizeof(path) &&
                 tables_key(key, sizeof(key), set_sha, dir);
    sw_status st;

    if (cache && snapshot_load(out, path, key, set_sha))
        return SW_OK;
    st = sw_tables_load_dir_with(out, dir, NULL, NULL, 0, err);
    /* Only a set built from exactly the bytes the key names (no file changed
     * in between) is kept. */
    if (st == SW_OK && cache && strcmp(sw_tables_sha256(*out), set_sha) == 0)
        snapshot_save(*out, cdir, path, key);
    return st;
}

sw_status sw_tables_load_dir_with(struct sw_tables **out, const char *dir, const char *rel,
                                  const char *xml, size_t len, struct sw_err *err)
{
    struct sw_tables *t = NULL;
    char xsd_path[4096], *xsd = NULL;
    size_t xsd_len;
    sw_status st;

    *out = NULL;
    if (strlen(dir) > 3000)   /* every path built below must fit its buffer */
        return sw_err_set(err, SW_ERR_TABLE, "--tables", "tables directory path too long");
    snprintf(xsd_path, sizeof(xsd_path), "%s/schema/v1/tables.xsd", dir);
    st = sw_read_file(&xsd, &xsd_len, xsd_path, SW_TABLE_MAX_BYTES, err);
    if (st != SW_OK) {
        st = sw_err_set(err, SW_ERR_TABLE, xsd_path, "cannot read the table schema '%s'",
                        xsd_path);
        goto out;
    }
    st = sw_tables_new(&t, xsd, xsd_len, err);
    if (st == SW_OK)
        st = add_dir(t, dir, "", false, rel, err);
    if (st == SW_OK)
        st = add_dir(t, dir, "gemeenten", true, rel, err);
    if (st == SW_OK && rel) {
        /* The candidate, named as it will be once installed. */
        const char *slash = strrchr(rel, '/');
        char name[512], sub[256];
        snprintf(sub, sizeof(sub), "%.*s", slash ? (int)(slash - rel) : 0, rel);
        display_name(name, sizeof(name), dir, sub, slash ? slash + 1 : rel);
        st = sw_tables_add(t, name, xml, len, err);
    }
    if (st == SW_OK)
        st = sw_tables_finish(t, err);
    if (st == SW_OK) {
        *out = t;
        t = NULL;
    }
out:
    free(xsd);
    sw_tables_free(t);
    return st;
}
