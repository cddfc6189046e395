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

#include <fastcgi.h>   /* FCGI_STDOUT */
#include <fcgiapp.h>

#include "cgi.h"
#include "fileio.h"

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
    sw_tables_free(l->t);
    l->t = nt;
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

/* --- the answer in large records ---
 * The request's own writer (made by FCGX_Accept_r) buffers 8 KiB: a record and
 * a write() for every 8 KiB, nine for a simulate answer (~72 KB), each a system
 * call here and a wake-up of the web server. libfcgi's FCGX_CreateWriter()
 * makes a writer with its largest records (64 KiB) for a descriptor and request
 * id: it takes the answer's records, the request's writer the last few KiB
 * together with the end records when the request finishes (send_answer).
 *
 * That writer writes to a descriptor of our own, a copy (dup2) of the
 * request's connection made for each answer it sends. The copy also keeps the
 * connection open after FCGX_Finish_r() closed the request's descriptor, until
 * the next copy replaces it: lighttpd, which closes the connection itself when
 * the end records came, then reads an answer as it sends it on (an answer of
 * over 64 KiB from a backend that already closed its side is read at once and
 * spooled through a temporary file in server.upload-dirs).
 *
 * libfcgi never frees the small request struct such a writer holds (nor gives
 * access to it), so a writer is kept, never freed: one for as long as the
 * request id stays the same (lighttpd always sends 1) and no write failed.
 * The first record goes through the request's writer, so a connection the web
 * server closed early (the client left) fails there; a writer that failed all
 * the same (closed in between) is kept aside, and after BIG_MADE writers the
 * request's writer sends everything. */
#define BIG_BUFFER 65536   /* FCGX_CreateWriter's largest: 8 header + 65528 content */
#define BIG_MADE 4
#define END_RECORDS 32     /* end of the stream (8) and end of the request (16), padding */
#define FIRST_RECORD 8184  /* 8 KiB with the record's header */

struct big {
    int fd;                      /* our descriptor; -1: none (the request's writer sends all) */
    FCGX_Stream *w;              /* the writer on fd; NULL: none yet */
    int id;                      /* the request id w writes for */
    FCGX_Stream *old[BIG_MADE];  /* the writers made, w among them (kept, never freed) */
    int made;
};

/* The large writer for request fr, on a copy of its connection; NULL: none. */
static FCGX_Stream *big_writer(struct big *b, const FCGX_Request *fr)
{
    if (b->fd < 0)
        return NULL;
    if (b->w && (b->id != fr->requestId || FCGX_GetError(b->w) != 0))
        b->w = NULL;
    if (!b->w && b->made < BIG_MADE) {
        b->w = FCGX_CreateWriter(b->fd, fr->requestId, BIG_BUFFER, FCGI_STDOUT);
        b->old[b->made++] = b->w;
        b->id = fr->requestId;
    }
    if (!b->w || dup2(fr->ipcFd, b->fd) < 0)
        return NULL;
    return b->w;
}

/* Bytes [from, to) of head (hn bytes) followed by body to stream s. */
static void put_span(FCGX_Stream *s, const char *head, size_t hn, const char *body, size_t from,
                     size_t to)
{
    if (from < hn) {
        size_t end = to < hn ? to : hn;
        FCGX_PutStr(head + from, (int)(end - from), s);
        from = end;
    }
    if (from < to)
        FCGX_PutStr(body + (from - hn), (int)(to - from), s);
}

/* Head and body as the request's standard output. The first record holds the
 * head and at most FIRST_RECORD bytes in all: lighttpd reads the response head
 * 8 KiB at a time until it has a whole record with the head (a 64 KiB first
 * record costs it eight more reads). Then large records, sent at once, and the
 * rest through the request's writer, sent with the end records: three writes
 * for a simulate answer (nine through the request's writer alone). The bytes
 * are the same. */
static void send_answer(struct big *b, FCGX_Request *fr, const char *head, size_t hn,
                        const char *body, size_t bn)
{
    size_t total = hn + bn, at = 0, end, room, tail;
    FCGX_Stream *w;

    /* what the request's writer takes with the end records in one write */
    tail = (size_t)(fr->out->stop - fr->out->wrNext);
    room = tail < FIRST_RECORD ? tail : FIRST_RECORD;
    tail = tail > END_RECORDS ? tail - END_RECORDS : 0;
    if (total > tail) {
        at = total < room ? total : room;
        put_span(fr->out, head, hn, body, 0, at);
        /* (what the request's writer takes anyway goes without the copy:
         * the connection then closes as libfcgi's would) */
        if (FCGX_FFlush(fr->out) == 0 && total - at > tail &&
            (w = big_writer(b, fr)) != NULL) {
            room = (size_t)(w->stop - w->wrNext);   /* the content of one record */
            end = total - (total - at) % room;
            if (total - end > tail)
                end = total;
            put_span(w, head, hn, body, at, end);
            FCGX_FFlush(w);
            at = end;
        }
    }
    put_span(fr->out, head, hn, body, at, total);
}

/* Answer the request in `fr` with the tables in `l`. */
static void serve(FCGX_Request *fr, struct live *l, struct big *big)
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
    };
    struct cgi_response resp;
    char head[512];
    size_t n;
    bool listing = l->t && rq.method && strcmp(rq.method, "GET") == 0 && rq.path &&
                   strcmp(rq.path, "/tables") == 0 && (!rq.query || !rq.query[0]) &&
                   cgi_refused_status(&rq) == 0;

    if (listing && l->listed)
        resp = l->listing;
    else
        cgi_answer(&rq, &resp);
    n = cgi_response_head(&resp, head, sizeof(head));
    /* libfcgi's writers frame the records (the chosen library: no FastCGI
     * framing of our own). */
    send_answer(big, fr, head, n, resp.body, resp.head ? 0 : resp.len);
    if (listing && !l->listed && resp.status == 200) {
        l->listing = resp;   /* kept for the next GET /tables */
        l->listed = true;
    } else if (!listing || !l->listed) {
        cgi_response_free(&resp);
    }
}

/* End the request. libfcgi's FCGX_Finish_r() sends the end records and then,
 * for a connection it accepted, shuts down its sending side and waits (up to
 * 2 s) until the web server closes the connection, reading what still comes:
 * a sleep and a wake-up, a poll(), a read() and a shutdown() per request, only
 * so that unread input cannot make the close reset the connection. Here the
 * input is read to its end first (nothing is left once the handler took the
 * body: it is still in libfcgi's buffer; a body the handler refused is read
 * and dropped), after which the web server sends nothing more (lighttpd sends
 * its FCGI_STDIN end right after the body, and a new connection for the next
 * request), so the request is detached from libfcgi's wait and its descriptor
 * closed at once (the connection itself stays open while the large writer's
 * copy of it does: big_writer). */
static void finish(FCGX_Request *fr)
{
    char drop[4096];

    while (FCGX_GetStr(drop, (int)sizeof(drop), fr->in) > 0)
        ;
    if (FCGX_GetError(fr->in) == 0 && FCGX_HasSeenEOF(fr->in))
        FCGX_Detach(fr);
    FCGX_Finish_r(fr);
}

int main(void)
{
    struct live l = {.dir = sw_tables_dir(NULL), .watch = -1};
    struct sigaction sa;
    FCGX_Request fr;
    /* static: its writer stays reachable to the end (libfcgi frees no part of it) */
    static struct big big;

    if (FCGX_IsCGI())
        return cgi_run_once();
    big.fd = open("/dev/null", O_RDONLY | O_CLOEXEC);   /* a descriptor to copy onto */
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
    while (FCGX_Accept_r(&fr) >= 0) {
        refresh(&l);
        serve(&fr, &l, &big);
        finish(&fr);
    }
    if (l.listed)
        cgi_response_free(&l.listing);
    sw_tables_free(l.t);
    return 0;
}
