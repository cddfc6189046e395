/* install.c - installing a fetched table and its .sources record as one step:
 * the whole set is built anew in a sibling of the tables directory
 * (.NAME.fetch-XXXXXX: a copy of DIR, the new table, the new record), synced,
 * checked, and exchanged with DIR in one rename (renameat2 RENAME_EXCHANGE).
 * Before that DIR is untouched; after it DIR holds the new set whole. A fetch
 * killed at any point leaves at most a .NAME.fetch-* directory next to DIR,
 * which the next fetch removes. */
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
#include "install.h"
#include "switchsim/sha256.h"
#include "switchsim/tables.h"

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
void set_remove_leftovers(const struct target *tg)
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
sw_status set_open(struct target *tg, const char *dir, struct sw_err *err)
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

void set_close(struct target *tg)
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

sw_status set_install(const struct sw_fetch_request *rq, const struct target *tg,
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
