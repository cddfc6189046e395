/* fileio.c - reading files and the tables directory for the front ends. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"

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
        if (cnt >= SW_TABLES_MAX_DOCS)
            break;
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

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
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

static sw_status add_dir(struct sw_tables *t, const char *dir, const char *sub,
                         bool optional, struct sw_err *err)
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
        snprintf(file, sizeof(file), "%s/%s", path, names[i]);
        display_name(name, sizeof(name), dir, sub, names[i]);
        st = sw_read_file(&buf, &len, file, SW_TABLE_MAX_BYTES, err);
        if (st == SW_ERR_TOO_BIG || st == SW_ERR_IO)
            st = sw_err_set(err, SW_ERR_TABLE, name, "%s: %s", name, err->msg);
        if (st == SW_OK)
            st = sw_tables_add(t, name, buf, len, err);
        free(buf);
    }
    free_names(names, n);
    return st;
}

sw_status sw_tables_load_dir(struct sw_tables **out, const char *dir, struct sw_err *err)
{
    struct sw_tables *t = NULL;
    char xsd_path[4096], *xsd = NULL;
    size_t xsd_len;
    sw_status st;

    *out = NULL;
    snprintf(xsd_path, sizeof(xsd_path), "%s/schema/v1/tables.xsd", dir);
    st = sw_read_file(&xsd, &xsd_len, xsd_path, SW_TABLE_MAX_BYTES, err);
    if (st != SW_OK) {
        st = sw_err_set(err, SW_ERR_TABLE, xsd_path, "cannot read the table schema '%s'",
                        xsd_path);
        goto out;
    }
    st = sw_tables_new(&t, xsd, xsd_len, err);
    if (st == SW_OK)
        st = add_dir(t, dir, "", false, err);
    if (st == SW_OK)
        st = add_dir(t, dir, "gemeenten", true, err);
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
