/* fcgi_main.c - switchsim.fcgi: the JSON API behind the web page as a FastCGI
 * application (libfcgi): one long-lived process answers request after request
 * with cgi_answer() (cgi.c), the same handler as switchsim.cgi, so the answers
 * are the same byte for byte. `make serve` runs it under lighttpd's
 * mod_fastcgi (web/serve).
 *
 * The tables are loaded once, at start. Before each request the process takes
 * the stamp of the tables directory (sw_tables_stamp: the files' names,
 * inodes, sizes and times; nothing read) and loads the set again when it
 * changed; SIGHUP asks for a reload before the next request whatever the
 * stamp. A new set that does not load (a broken table, a half-copied
 * directory) is not used: the process keeps answering with the set it has and
 * says so once in the error log - which table and why, never anything of a
 * request. Without any usable set it answers as the plain CGI does (a 500
 * naming a table problem, the reason in the error log). The answer to GET
 * /tables (the set's documents and municipalities) is kept with the set.
 *
 * Taking the stamp is a few dozen system calls; a process that has its watches
 * (inotify, below) takes it only after the file system reported a change in
 * or above the tables directory since the last time, which costs one read()
 * per request otherwise.
 *
 * Started outside a FastCGI server (standard input is not a socket) it answers
 * one request as a plain CGI program. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "cgi.h"
#include "cgi_arena.h"
#include "switchsim/engine.h"
#include "fcgi_send.h"
#include "fileio.h"
#include "heap.h"

/* The table set in use and what is known about the directory. */
struct live {
    const char *dir;
    struct sw_tables *t;     /* NULL: none loaded */
    char stamp[65];          /* the stamp t was loaded under */
    bool racy;               /* that stamp was racy: load once more when settled */
    char refused[65];        /* the stamp of a set that did not load (reported) */
    int watch;               /* inotify descriptor with the watches; -1: none
                              * (the stamp is then taken before every request) */
    /* The answer to GET /tables (no query string) with t, which depends on
     * nothing else: made at the first such request, dropped with t. */
    struct cgi_response listing;
    bool listed;
    /* The parameter lookup cache kept from one request to the next
     * (sw_baseline_new_cache: no baseline run is kept, every resident's runs
     * its own), made for t and dropped with it; NULL: none (out of memory). */
    struct sw_baseline *keep;
};

/* --- change notification ---
 * Watched: the tables directory, gemeenten/, schema/ and schema/v1/ (a file
 * written, created, removed, renamed, its mode or times changed) and every
 * directory above it (an entry created, removed, renamed or changed: the
 * directory or a link on its path swapped for another). Nothing is missed
 * between a look and the stamp that follows it: the watches are set again
 * before the stamp is taken. */
#define WATCH_IN (IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | \
                  IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)
#define WATCH_ABOVE (IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | \
                     IN_DELETE_SELF | IN_MOVE_SELF | IN_DONT_FOLLOW)

/* (Re)create the watches of l->dir; l->watch -1 when they cannot all be set. */
static void watch_set(struct live *l)
{
    static const char *const subs[] = {"", "/gemeenten", "/schema", "/schema/v1"};
    char path[4096];
    size_t len;
    int fd;

    if (l->watch >= 0)
        close(l->watch);
    l->watch = -1;
    if (l->dir[0] == '/')
        len = (size_t)snprintf(path, sizeof(path), "%s", l->dir);
    else if (getcwd(path, sizeof(path)))
        len = strlen(path), len += (size_t)snprintf(path + len, sizeof(path) - len, "/%s", l->dir);
    else
        return;
    if (len >= sizeof(path) - 32)
        return;
    fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0)
        return;
    for (size_t i = 0; i < sizeof(subs) / sizeof(subs[0]); i++) {
        char p[4200];
        snprintf(p, sizeof(p), "%s%s", path, subs[i]);
        /* gemeenten/ may be absent: its creation is an event in the directory */
        if (inotify_add_watch(fd, p, WATCH_IN) < 0 && !(i > 0 && errno == ENOENT))
            goto fail;
    }
    /* every directory above: path[0..k) for each '/' at k > 0, then "/" */
    for (size_t k = len - 1; k > 0; k--) {
        int ok;
        if (path[k] != '/')
            continue;
        path[k] = '\0';
        ok = inotify_add_watch(fd, path, WATCH_ABOVE) >= 0;
        path[k] = '/';
        if (!ok)
            goto fail;
    }
    if (inotify_add_watch(fd, "/", WATCH_ABOVE) < 0)
        goto fail;
    l->watch = fd;
    return;
fail:
    close(fd);
}

/* Whether the tables may have changed since the last look: an event came (or
 * the queue overflowed), or there are no watches. Drains what came. */
static bool watch_changed(struct live *l)
{
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    bool any = false;
    ssize_t n;

    if (l->watch < 0)
        return true;
    while ((n = read(l->watch, buf, sizeof(buf))) > 0)
        any = true;
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
        any = true;
    return any;
}

static volatile sig_atomic_t reload_asked;

static void on_hup(int sig)
{
    (void)sig;
    reload_asked = 1;
}

/* Load the set again when its stamp changed (or a reload was asked for). */
static void refresh(struct live *l)
{
    struct sw_tables *nt = NULL;
    struct sw_err err;
    char stamp[65];
    bool racy = true, forced = reload_asked != 0;

    reload_asked = 0;
    if (!forced && l->t && !l->racy && !watch_changed(l))
        return;   /* nothing changed in or above the directory since the last look */
    watch_set(l);   /* before the stamp: a change from here on is an event */
    if (!sw_tables_stamp(l->dir, stamp, &racy))
        snprintf(stamp, sizeof(stamp), "unreadable");
    if (!forced && l->t && strcmp(stamp, l->stamp) == 0 && !(l->racy && !racy))
        return;
    if (!forced && strcmp(stamp, l->refused) == 0)
        return;
    sw_err_clear(&err);
    if (sw_tables_load_dir(&nt, l->dir, &err) != SW_OK) {
        /* Table problems are for the operator: the file and the reason. */
        if (l->t)
            fprintf(stderr,
                    "switchsim.fcgi: the changed tables are not used, still answering with "
                    "tables sha256 %s: %s: %s\n",
                    sw_tables_sha256(l->t), sw_status_name(err.code), err.msg);
        else
            fprintf(stderr, "switchsim.fcgi: no usable tables: %s: %s\n",
                    sw_status_name(err.code), err.msg);
        snprintf(l->refused, sizeof(l->refused), "%s", stamp);
        return;
    }
    if (l->t && strcmp(sw_tables_sha256(l->t), sw_tables_sha256(nt)) != 0)
        fprintf(stderr, "switchsim.fcgi: tables reloaded: version %s, sha256 %s\n",
                sw_tables_version(nt), sw_tables_sha256(nt));
    sw_baseline_free(l->keep);   /* its cache points into the set freed next */
    sw_tables_free(l->t);
    l->t = nt;
    l->keep = sw_baseline_new_cache();
    if (l->listed)
        cgi_response_free(&l->listing);
    l->listed = false;
    snprintf(l->stamp, sizeof(l->stamp), "%s", stamp);
    l->racy = racy;
    l->refused[0] = '\0';
}

static size_t read_fcgi(void *ctx, char *buf, size_t n)
{
    int got;

    if (n > (size_t)1 << 30)
        n = (size_t)1 << 30;
    got = FCGX_GetStr(buf, (int)n, ctx);
    return got > 0 ? (size_t)got : 0;
}

/* Answer the request in `fr` with the tables in `l`, cJSON's trees in `arena`
 * (cgi_arena.h: the handler deletes every one before it returns). */
static void serve(FCGX_Request *fr, struct live *l, struct fcgi_big *big,
                  struct cgi_arena *arena)
{
    struct cgi_request rq = {
        .method = FCGX_GetParam("REQUEST_METHOD", fr->envp),
        .path = FCGX_GetParam("PATH_INFO", fr->envp),
        .query = FCGX_GetParam("QUERY_STRING", fr->envp),
        .content_length = FCGX_GetParam("CONTENT_LENGTH", fr->envp),
        .read = read_fcgi,
        .read_ctx = fr->in,
        .tables_dir = l->dir,
        .tables = l->t,   /* NULL: none usable, loaded (and refused) per request */
        .redirect_status = FCGX_GetParam("REDIRECT_STATUS", fr->envp),
        .keep = l->keep,
    };
    struct cgi_response resp;
    char head[512];
    size_t n;
    bool listing = l->t && rq.method && strcmp(rq.method, "GET") == 0 && rq.path &&
                   strcmp(rq.path, "/tables") == 0 && (!rq.query || !rq.query[0]) &&
                   cgi_refused_status(&rq) == 0;

    if (listing && l->listed)
        resp = l->listing;
    else {
        cgi_arena_begin(arena);
        cgi_answer(&rq, &resp);
        cgi_arena_end(arena);
    }
    n = cgi_response_head(&resp, head, sizeof(head));
    /* libfcgi's writers frame the records (the chosen library: no FastCGI
     * framing of our own). */
    fcgi_send_answer(big, fr, head, n, resp.body, resp.head ? 0 : resp.len);
    if (listing && !l->listed && resp.status == 200) {
        l->listing = resp;   /* kept for the next GET /tables */
        l->listed = true;
    } else if (!listing || !l->listed) {
        cgi_response_free(&resp);
    }
}

int main(void)
{
    struct live l = {.dir = sw_tables_dir(NULL), .watch = -1};
    struct sigaction sa;
    FCGX_Request fr;
    /* static: its writer stays reachable to the end (libfcgi frees no part of it) */
    static struct fcgi_big big;
    struct cgi_arena *arena;   /* NULL (out of memory): cJSON uses malloc() */

    /* Buffers up to a few MB stay in the heap, and freed heap memory is kept
     * (heap.h): a simulate answer's text grows to 128 KiB before it is cut to
     * size, which glibc's default threshold gives a mapping of its own, faulted
     * in page by page and unmapped again for every request - unless a larger
     * buffer freed earlier happened to raise that threshold (loading the
     * tables through the snapshot cache does; without the cache nothing
     * did). With this the heap does not depend on that history. */
    sw_heap_prepare((size_t)1 << 20);
    if (FCGX_IsCGI())
        return cgi_run_once();
    fcgi_big_init(&big);
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_hup;
    sa.sa_flags = SA_RESTART;   /* a reload request does not break accept() */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGHUP, &sa, NULL);
    if (FCGX_Init() != 0 || FCGX_InitRequest(&fr, 0, 0) != 0) {
        fprintf(stderr, "switchsim.fcgi: cannot start FastCGI\n");
        return 1;
    }
    refresh(&l);
    arena = cgi_arena_new();
    while (FCGX_Accept_r(&fr) >= 0) {
        refresh(&l);
        serve(&fr, &l, &big, arena);
        fcgi_finish(&fr);
    }
    if (l.listed)
        cgi_response_free(&l.listing);
    cgi_arena_free(arena);
    sw_baseline_free(l.keep);
    sw_tables_free(l.t);
    return 0;
}
