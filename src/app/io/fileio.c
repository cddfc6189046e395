/* fileio.c - reading files and the tables directory for the front ends.
 *
 * A set of tables is read through one descriptor of its directory, opened once:
 * a set that `tables fetch` replaces meanwhile (it exchanges the whole directory
 * in one step) is read either wholly as it was or wholly as it is, never mixed.
 * Only regular files are read, opened without blocking: a FIFO or a device
 * named like a table is refused at once instead of waited on for ever. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buildid.h"
#include "fileio.h"
#include "switchsim/aow.h"
#include "switchsim/sha256.h"
#include "xml_dl.h"

#define SCHEMA_REL "schema/v1/tables.xsd"

/* What a file is when it is not a regular file, for the message. */
static const char *file_kind(mode_t m)
{
    if (S_ISDIR(m))
        return "a directory";
    if (S_ISFIFO(m))
        return "a FIFO";
    if (S_ISCHR(m) || S_ISBLK(m))
        return "a device";
    if (S_ISSOCK(m))
        return "a socket";
    return "a special file";
}

/* Read descriptor fd to its end into a NUL-terminated buffer of at most `max`
 * bytes; a regular file only when `regular` (checked on fd, with its size
 * before reading). `path` names it in err->field, `shown` in the message. */
static sw_status read_fd(int fd, bool regular, const char *path, const char *shown, size_t max,
                         char **out, size_t *len, struct sw_err *err)
{
    char *buf = NULL;
    size_t n = 0, cap = 0, first = 8192;
    struct stat sb;
    sw_status rc = SW_OK;

    *out = NULL;
    *len = 0;
    if (regular) {
        if (fstat(fd, &sb) != 0)
            return sw_err_set(err, SW_ERR_IO, path, "cannot read '%s': %s", shown,
                              strerror(errno));
        if (!S_ISREG(sb.st_mode))
            return sw_err_set(err, SW_ERR_IO, path, "cannot read '%s': %s, not a regular file",
                              shown, file_kind(sb.st_mode));
        if (sb.st_size > 0 && (uintmax_t)sb.st_size > (uintmax_t)max)
            return sw_err_set(err, SW_ERR_TOO_BIG, path, "'%s' is larger than %zu bytes", shown,
                              max);
        /* Room for the whole file and one byte more at once: one allocation,
         * and the read after the last one sees the end (no doubling, no copy). */
        if (sb.st_size > 0)
            first = (size_t)sb.st_size + 1;
    }
    /* Never more than max + 1 bytes: a file that grows while it is read (or
     * standard input) is refused past the cap all the same. */
    for (;;) {
        ssize_t got;
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : first;
            char *nb;
            if (ncap > max + 1)
                ncap = max + 1;
            nb = realloc(buf, ncap + 1);
            if (!nb) {
                rc = sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
                goto out;
            }
            buf = nb;
            cap = ncap;
        }
        got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            rc = sw_err_set(err, SW_ERR_IO, path, "cannot read '%s': %s", shown, strerror(errno));
            goto out;
        }
        if (got == 0)
            break;
        n += (size_t)got;
        if (n > max) {
            rc = sw_err_set(err, SW_ERR_TOO_BIG, path, "'%s' is larger than %zu bytes", shown, max);
            goto out;
        }
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    buf = NULL;
out:
    free(buf);
    return rc;
}

/* Open `rel` relative to directory descriptor dfd (AT_FDCWD: the working
 * directory) for reading without blocking, and read it as read_fd() does. */
static sw_status read_at(int dfd, const char *rel, const char *path, size_t max, char **out,
                         size_t *len, struct sw_err *err)
{
    /* O_NONBLOCK: opening a FIFO (or a device) would otherwise wait for a
     * writer; nothing but a regular file is read past read_fd's fstat. */
    int fd = openat(dfd, rel, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    sw_status rc;

    *out = NULL;
    *len = 0;
    if (fd < 0)
        return sw_err_set(err, SW_ERR_IO, path, "cannot read '%s': %s", path, strerror(errno));
    rc = read_fd(fd, true, path, path, max, out, len, err);
    close(fd);
    return rc;
}

sw_status sw_read_file(char **out, size_t *len, const char *path, size_t max,
                       struct sw_err *err)
{
    if (strcmp(path, "-") == 0)   /* standard input may be a pipe or a terminal */
        return read_fd(STDIN_FILENO, false, path, "standard input", max, out, len, err);
    return read_at(AT_FDCWD, path, path, max, out, len, err);
}

/* BIN/../share/switchsim/tables for the program at /proc/self/exe, when that is
 * a directory; written into buf. */
static bool installed_tables(char *buf, size_t size)
{
    static const char rel[] = "/../share/switchsim/tables";
    struct stat st;
    ssize_t n = readlink("/proc/self/exe", buf, size);
    char *slash;

    if (n <= 0 || (size_t)n >= size)
        return false;
    buf[n] = '\0';
    slash = strrchr(buf, '/');
    if (!slash || (size_t)(slash - buf) + sizeof(rel) > size)
        return false;
    memcpy(slash, rel, sizeof(rel));
    return stat(buf, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *sw_tables_dir(const char *dir)
{
    /* One path per process: the program does not move while it runs. */
    static char installed[4096];
    static int found = -1;
    const char *env;

    if (dir && *dir)
        return dir;
    env = getenv("SWITCHSIM_TABLES");
    if (env && *env)
        return env;
    if (found < 0)
        found = installed_tables(installed, sizeof(installed));
    return found ? installed : SW_TABLES_DIR;
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

/* The tables directory as it is read: one descriptor, the path for messages,
 * and the name its documents get ("tables": "tables/wml.xml"). */
struct tdir {
    int fd;
    const char *path;
    char base[256];
};

/* The last component of path, trailing slashes left out, into buf. */
static void dir_base(char *buf, size_t size, const char *path)
{
    char tmp[256];
    const char *base;
    size_t l;

    /* A longer path is cut: the name is only shown in messages. */
    if (snprintf(tmp, sizeof(tmp), "%s", path) < 0)
        tmp[0] = '\0';
    l = strlen(tmp);
    while (l > 1 && tmp[l - 1] == '/')
        tmp[--l] = '\0';
    base = strrchr(tmp, '/');
    snprintf(buf, size, "%s", base ? base + 1 : tmp);
}

/* Open directory `path` for reading a set; `shown` (NULL: path's last component)
 * names its documents. */
static sw_status tdir_open(struct tdir *d, const char *path, const char *shown,
                           struct sw_err *err)
{
    d->path = path;
    d->fd = -1;
    if (strlen(path) > 3000)   /* every path built for a message must fit its buffer */
        return sw_err_set(err, SW_ERR_TABLE, "--tables", "tables directory path too long");
    if (shown)
        snprintf(d->base, sizeof(d->base), "%s", shown);
    else
        dir_base(d->base, sizeof(d->base), path);
    d->fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (d->fd < 0)
        return sw_err_set(err, SW_ERR_TABLE, path, "cannot open tables directory '%s': %s", path,
                          strerror(errno));
    return SW_OK;
}

static void tdir_close(struct tdir *d)
{
    if (d->fd >= 0)
        close(d->fd);
    d->fd = -1;
}

/* Collect the *.xml names of subdirectory `sub` ("" = the directory itself),
 * sorted. A missing subdirectory is empty when `optional`. */
static sw_status list_xml(char ***out, size_t *n, const struct tdir *d, const char *sub,
                          bool optional, struct sw_err *err)
{
    char shown[4200];
    struct dirent *e;
    char **names = NULL;
    size_t cnt = 0;
    DIR *dir = NULL;
    int fd;

    *out = NULL;
    *n = 0;
    snprintf(shown, sizeof(shown), "%s%s%s", d->path, *sub ? "/" : "", sub);
    fd = openat(d->fd, *sub ? sub : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0 && !(dir = fdopendir(fd)))
        close(fd);
    if (!dir) {
        if (optional && errno == ENOENT)
            return SW_OK;
        return sw_err_set(err, SW_ERR_TABLE, shown, "cannot open tables directory '%s': %s",
                          shown, strerror(errno));
    }
    while ((e = readdir(dir)) != NULL) {
        size_t l = strlen(e->d_name);
        char **nn;
        if (l < 5 || strcmp(e->d_name + l - 4, ".xml") != 0 || e->d_name[0] == '.')
            continue;
        if (cnt >= SW_TABLES_MAX_DOCS) {
            /* Refuse rather than silently leave tables out. */
            free_names(names, cnt);
            closedir(dir);
            return sw_err_set(err, SW_ERR_TABLE, shown, "more than %d table documents in '%s'",
                              SW_TABLES_MAX_DOCS, shown);
        }
        nn = realloc(names, (cnt + 1) * sizeof(*nn));
        if (!nn || !(nn[cnt] = strdup(e->d_name))) {
            free_names(nn ? nn : names, cnt);
            closedir(dir);
            return sw_err_set(err, SW_ERR_NOMEM, NULL, "out of memory");
        }
        names = nn;
        cnt++;
    }
    closedir(dir);
    if (cnt > 1)
        qsort(names, cnt, sizeof(*names), name_cmp);
    *out = names;
    *n = cnt;
    return SW_OK;
}

/* Name shown in messages and as the document's name: the directory's name plus
 * the file, so that a message reads "tables/wml.xml:12" wherever it lives. */
static void display_name(char *buf, size_t size, const struct tdir *d, const char *sub,
                         const char *file)
{
    /* Cut when too long: only shown in messages and as the document's name. */
    if (snprintf(buf, size, "%s/%s%s%s", d->base, sub, *sub ? "/" : "", file) < 0)
        buf[0] = '\0';
}

/* Add every *.xml of SUB but `skip` (a name relative to the directory, or NULL). */
static sw_status add_dir(struct sw_tables *t, const struct tdir *d, const char *sub,
                         bool optional, const char *skip, struct sw_err *err)
{
    char name[512];
    char **names = NULL;
    size_t n = 0;
    sw_status st;

    st = list_xml(&names, &n, d, sub, optional, err);
    for (size_t i = 0; st == SW_OK && i < n; i++) {
        char rel[600], file[4608], *buf = NULL;
        size_t len;
        snprintf(rel, sizeof(rel), "%s%s%s", sub, *sub ? "/" : "", names[i]);
        if (skip && strcmp(rel, skip) == 0)
            continue;
        snprintf(file, sizeof(file), "%s/%s", d->path, rel);
        display_name(name, sizeof(name), d, sub, names[i]);
        st = read_at(d->fd, rel, file, SW_TABLE_MAX_BYTES, &buf, &len, err);
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

/* --- the stamp: what the file system records of a set, no file read --- */

/* How recent a change makes a stamp racy. File systems with nanosecond times
 * take them from a clock that ticks every few milliseconds (a change later in
 * the same tick keeps the time); ones that keep whole seconds show it by a
 * zero nanosecond part. */
#define RACY_FINE_NS (50 * 1000000LL)
#define RACY_COARSE_NS (3 * 1000000000LL)

struct stamp {
    struct sw_sha256 h;
    int64_t now_ns;
    bool racy;
};

static int64_t ts_ns(struct timespec t)
{
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static void stamp_add(struct stamp *c, const char *rel, const struct stat *st)
{
    int64_t rec[6] = {(int64_t)st->st_dev, (int64_t)st->st_ino, (int64_t)st->st_size,
                      ts_ns(st->st_mtim), ts_ns(st->st_ctim), (int64_t)st->st_mode};
    int64_t w = st->st_mtim.tv_nsec == 0 && st->st_ctim.tv_nsec == 0 ? RACY_COARSE_NS
                                                                     : RACY_FINE_NS;

    sw_sha256_update(&c->h, rel, strlen(rel) + 1);
    sw_sha256_update(&c->h, rec, sizeof(rec));
    if (rec[3] > c->now_ns - w || rec[4] > c->now_ns - w)
        c->racy = true;
}

static bool stamp_dir(struct stamp *c, const struct tdir *d)
{
    static const char *const subs[] = {"", "gemeenten"};
    struct stat st;
    struct sw_err e;
    bool ok = true;

    if (fstat(d->fd, &st) != 0)
        return false;
    stamp_add(c, ".", &st);
    if (fstatat(d->fd, SCHEMA_REL, &st, 0) != 0)
        return false;
    stamp_add(c, SCHEMA_REL, &st);
    if (fstatat(d->fd, "gemeenten", &st, 0) == 0)
        stamp_add(c, "gemeenten", &st);
    else if (errno != ENOENT)
        return false;
    for (int k = 0; k < 2 && ok; k++) {
        char **names = NULL;
        size_t cnt = 0;
        ok = list_xml(&names, &cnt, d, subs[k], k == 1, &e) == SW_OK;
        for (size_t i = 0; ok && i < cnt; i++) {
            char rel[600];
            snprintf(rel, sizeof(rel), "%s%s%s", subs[k], *subs[k] ? "/" : "", names[i]);
            ok = fstatat(d->fd, rel, &st, 0) == 0;
            if (ok)
                stamp_add(c, rel, &st);
        }
        free_names(names, cnt);
    }
    return ok;
}

static bool stamp_of(const struct tdir *d, char hex[65], bool *racy)
{
    struct stamp c;
    struct timespec now;

    *racy = true;
    if (clock_gettime(CLOCK_REALTIME, &now) != 0)
        return false;
    c.now_ns = ts_ns(now);
    c.racy = false;
    sw_sha256_init(&c.h);
    if (!stamp_dir(&c, d))
        return false;
    sw_sha256_hex(&c.h, hex);
    *racy = c.racy;
    return true;
}

bool sw_tables_stamp(const char *dir, char stamp[65], bool *racy)
{
    struct tdir d;
    struct sw_err e;
    bool ok;

    *racy = true;
    if (tdir_open(&d, dir, NULL, &e) != SW_OK)
        return false;
    ok = stamp_of(&d, stamp, racy);
    tdir_close(&d);
    return ok;
}

/* --- the table snapshot cache ---
 * Parsing and validating the XML is most of a short process's work. A finished
 * set is kept as a snapshot (sw_tables_snapshot) in the cache directory, under a
 * key made of this program's build id, the sha256 of the schema and the set's
 * sha256 (of every document exactly as the loader reads it); a later load that
 * finds the same key rebuilds the set from the snapshot. Hashing every file is
 * itself a third of such a start, so the key is also kept under the set's
 * stamp (sw_tables_stamp: names, inodes, sizes, times; no file read): a load
 * whose stamp is recorded takes the key from there. A stamp is recorded only
 * when it was not racy and the same before and after the files were read, so
 * a table changed, added or removed since always gives another stamp, and then
 * the files are hashed again. Anything unexpected (no cache directory, a
 * damaged, foreign or stale snapshot or stamp record, a file that cannot be
 * read) means: load the XML as always. */

#define SNAPSHOT_FILE "tables.snapshot"
#define STAMP_FILE "tables.stamp"
#define STAMP_MAGIC "switchsim stamp 1"


/* The cache directory: $SWITCHSIM_CACHE when set ("off" or "": none), else the
 * user's own, $XDG_CACHE_HOME/switchsim or $HOME/.cache/switchsim (an
 * environment value that is not an absolute path is not used). false: no cache. */
static bool cache_dir(char *buf, size_t size)
{
    const char *v = getenv("SWITCHSIM_CACHE"), *base;
    int n;

    if (v) {
        if (!*v || strcmp(v, "off") == 0)
            return false;
        n = snprintf(buf, size, "%s", v);
    } else if ((base = getenv("XDG_CACHE_HOME")) && base[0] == '/') {
        n = snprintf(buf, size, "%s/switchsim", base);
    } else if ((base = getenv("HOME")) && base[0] == '/') {
        n = snprintf(buf, size, "%s/.cache/switchsim", base);
    } else {
        return false;
    }
    return n > 0 && (size_t)n < size;
}

/* Whether the cache directory may be used: a directory of this user that no one
 * else can write to (a snapshot is believed once its key and checksum match),
 * or, when absent_ok, none yet (the first save creates it, 0700). */
static bool cache_dir_usable(const char *cdir, bool absent_ok)
{
    struct stat st;

    if (stat(cdir, &st) != 0)
        return absent_ok && errno == ENOENT;
    return S_ISDIR(st.st_mode) && st.st_uid == geteuid() &&
           (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

static bool sha_of_file(char hex[65], int dfd, const char *rel)
{
    struct sw_sha256 h;
    struct sw_err e;
    char *buf;
    size_t len;

    if (read_at(dfd, rel, rel, SW_TABLE_MAX_BYTES, &buf, &len, &e) != SW_OK)
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

/* The key of the tables in d: the schema's sha256 and the set's sha256 as
 * sw_tables_finish() takes it (document names in order, each with the sha256
 * of its bytes). false when anything cannot be read. */
static bool tables_key(char *key, size_t size, char set_sha[65], const struct tdir *d,
                       const char *build)
{
    static const char *const subs[] = {"", "gemeenten"};
    struct named_sha *docs = NULL;
    struct sw_sha256 h;
    struct sw_err e;
    char xsd_sha[65];
    size_t n = 0;
    bool ok = true;

    if (!sha_of_file(xsd_sha, d->fd, SCHEMA_REL))
        return false;
    docs = calloc(SW_TABLES_MAX_DOCS, sizeof(*docs));
    if (!docs)
        return false;
    for (int k = 0; k < 2 && ok; k++) {
        char **names = NULL;
        size_t cnt = 0;
        if (list_xml(&names, &cnt, d, subs[k], k == 1, &e) != SW_OK)
            ok = false;
        for (size_t i = 0; ok && i < cnt; i++) {
            char rel[600];
            if (n == SW_TABLES_MAX_DOCS) {
                ok = false;
                break;
            }
            snprintf(rel, sizeof(rel), "%s%s%s", subs[k], *subs[k] ? "/" : "", names[i]);
            display_name(docs[n].name, sizeof(docs[n].name), d, subs[k], names[i]);
            ok = sha_of_file(docs[n].sha, d->fd, rel);
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
        ok = snprintf(key, size, "switchsim tables 2; build %s; schema %s; set %s", build, xsd_sha,
                      set_sha) < (int)size;
    }
    free(docs);
    return ok;
}

/* The bounds the rules rely on, checked on every finished set this loader
 * gives out: the declared ranges of the parameters whose values the code
 * assumes to lie within them (aow.h: the AOW ages). */
static sw_status rule_bounds(const struct sw_tables *t, struct sw_err *err)
{
    return sw_aow_check_tables(t, err);
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
    if (ok && (strcmp(sw_tables_sha256(*out), set_sha) != 0 || rule_bounds(*out, &e) != SW_OK)) {
        sw_tables_free(*out);
        *out = NULL;
        ok = false;
    }
    return ok;
}
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
    if ((mkdir(cdir, 0700) != 0 && errno != EEXIST) || !cache_dir_usable(cdir, false)) {
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

/* The key recorded for `stamp` by this build, and the set's sha256 in it. */
static bool stamp_lookup(const char *cdir, const char *stamp, const char *build, char *key,
                         size_t size, char set_sha[65])
{
    char path[4200], prefix[128], *buf = NULL, *line[4], *p;
    struct sw_err e;
    size_t len;
    bool ok = false;

    snprintf(path, sizeof(path), "%s/%s", cdir, STAMP_FILE);
    snprintf(prefix, sizeof(prefix), "switchsim tables 2; build %s; ", build);
    if (sw_read_file(&buf, &len, path, 1024, &e) != SW_OK)
        return false;
    p = buf;
    for (int i = 0; i < 4; i++) {
        char *nl = strchr(p, '\n');
        if (!nl)
            goto out;
        *nl = '\0';
        line[i] = p;
        p = nl + 1;
    }
    if (*p || strcmp(line[0], STAMP_MAGIC) != 0 || strcmp(line[1], build) != 0 ||
        strcmp(line[2], stamp) != 0 || strncmp(line[3], prefix, strlen(prefix)) != 0)
        goto out;
    p = strstr(line[3], "; set ");
    if (!p || strlen(p + 6) != 64 || strlen(line[3]) >= size)
        goto out;
    memcpy(set_sha, p + 6, 65);
    memcpy(key, line[3], strlen(line[3]) + 1);
    ok = true;
out:
    free(buf);
    return ok;
}

/* Record `key` for `stamp` (replacing any record). */
static void stamp_save(const char *cdir, const char *stamp, const char *build, const char *key)
{
    char path[4200], tmp[4300];
    FILE *f;
    bool ok;

    snprintf(path, sizeof(path), "%s/%s", cdir, STAMP_FILE);
    snprintf(tmp, sizeof(tmp), "%s.tmp-%ld", path, (long)getpid());
    f = fopen(tmp, "wb");
    if (!f)
        return;
    ok = fprintf(f, "%s\n%s\n%s\n%s\n", STAMP_MAGIC, build, stamp, key) > 0;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0)
        unlink(tmp);
}

/* Record the key under `stamp` when it stands for the files: not racy, and
 * still the same now that they have been read. */
static void stamp_keep(const char *cdir, const struct tdir *d, const char *stamp, bool racy,
                       const char *build, const char *key)
{
    char again[65];
    bool racy2;

    if (!racy && stamp_of(d, again, &racy2) && !racy2 && strcmp(again, stamp) == 0)
        stamp_save(cdir, stamp, build, key);
}

/* Load the set in d: every table but `rel`, then xml[0..len) as `rel` (when rel
 * is given), with d's schema. */
static sw_status load_set(struct sw_tables **out, const struct tdir *d, const char *rel,
                          const char *xml, size_t len, struct sw_err *err)
{
    struct sw_tables *t = NULL;
    const struct sw_xml *fns;
    char xsd_path[4200], *xsd = NULL;
    size_t xsd_len;
    sw_status st;

    *out = NULL;
    snprintf(xsd_path, sizeof(xsd_path), "%s/%s", d->path, SCHEMA_REL);
    st = read_at(d->fd, SCHEMA_REL, xsd_path, SW_TABLE_MAX_BYTES, &xsd, &xsd_len, err);
    if (st != SW_OK) {
        char msg[sizeof(err->msg)];
        snprintf(msg, sizeof(msg), "%s", err->msg);
        st = sw_err_set(err, SW_ERR_TABLE, xsd_path, "cannot read the table schema: %s", msg);
        goto out;
    }
    fns = sw_xml(xsd_path, err);
    st = fns ? sw_tables_new_with(&t, xsd, xsd_len, fns, err) : err->code;
    if (st == SW_OK)
        st = add_dir(t, d, "", false, rel, err);
    if (st == SW_OK)
        st = add_dir(t, d, "gemeenten", true, rel, err);
    if (st == SW_OK && rel) {
        /* The candidate, named as it will be once installed. */
        const char *slash = strrchr(rel, '/');
        char name[512], sub[256];
        snprintf(sub, sizeof(sub), "%.*s", slash ? (int)(slash - rel) : 0, rel);
        display_name(name, sizeof(name), d, sub, slash ? slash + 1 : rel);
        st = sw_tables_add(t, name, xml, len, err);
    }
    if (st == SW_OK)
        st = sw_tables_finish(t, err);
    if (st == SW_OK)
        st = rule_bounds(t, err);
    if (st == SW_OK) {
        *out = t;
        t = NULL;
    }
out:
    free(xsd);
    sw_tables_free(t);
    return st;
}

sw_status sw_tables_load_dir(struct sw_tables **out, const char *dir, struct sw_err *err)
{
    return sw_tables_load_dir_as(out, dir, NULL, err);
}

sw_status sw_tables_load_dir_as(struct sw_tables **out, const char *dir, const char *name,
                                struct sw_err *err)
{
    char cdir[4096], path[4200], key[400], set_sha[65], stamp[65], build[65];
    struct tdir d;
    bool cache, keyed = false, racy = true;
    sw_status st;

    *out = NULL;
    st = tdir_open(&d, dir, name, err);
    if (st != SW_OK)
        return st;
    cache = cache_dir(cdir, sizeof(cdir)) && cache_dir_usable(cdir, true) &&
            snprintf(path, sizeof(path), "%s/%s", cdir, SNAPSHOT_FILE) < (int)sizeof(path);
    if (cache) {
        sw_build_id(build);
        /* A recorded stamp: the key without reading a file. */
        if (stamp_of(&d, stamp, &racy) && !racy &&
            stamp_lookup(cdir, stamp, build, key, sizeof(key), set_sha) &&
            snapshot_load(out, path, key, set_sha)) {
            tdir_close(&d);
            return SW_OK;
        }
        keyed = tables_key(key, sizeof(key), set_sha, &d, build);
        if (keyed && snapshot_load(out, path, key, set_sha)) {
            stamp_keep(cdir, &d, stamp, racy, build, key);
            tdir_close(&d);
            return SW_OK;
        }
    }
    st = load_set(out, &d, NULL, NULL, 0, err);
    /* Only a set built from exactly the bytes the key names (no file changed
     * in between) is kept. */
    if (st == SW_OK && keyed && strcmp(sw_tables_sha256(*out), set_sha) == 0) {
        snapshot_save(*out, cdir, path, key);
        stamp_keep(cdir, &d, stamp, racy, build, key);
    }
    tdir_close(&d);
    return st;
}

sw_status sw_tables_load_dir_with(struct sw_tables **out, const char *dir, const char *rel,
                                  const char *xml, size_t len, struct sw_err *err)
{
    struct tdir d;
    sw_status st;

    *out = NULL;
    st = tdir_open(&d, dir, NULL, err);
    if (st == SW_OK)
        st = load_set(out, &d, rel, xml, len, err);
    tdir_close(&d);
    return st;
}
