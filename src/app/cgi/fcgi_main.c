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
 * naming a table problem, the reason in the error log).
 *
 * Started outside a FastCGI server (standard input is not a socket) it answers
 * one request as a plain CGI program. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
};

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

/* Answer the request in `fr` with the tables in `l`. */
static void serve(FCGX_Request *fr, const struct live *l)
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

    cgi_answer(&rq, &resp);
    n = cgi_response_head(&resp, head, sizeof(head));
    FCGX_PutStr(head, (int)n, fr->out);
    if (!resp.head)
        FCGX_PutStr(resp.body, (int)resp.len, fr->out);
    cgi_response_free(&resp);
}

int main(void)
{
    struct live l = {.dir = sw_tables_dir(NULL)};
    struct sigaction sa;
    FCGX_Request fr;

    if (FCGX_IsCGI())
        return cgi_run_once();
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
        serve(&fr, &l);
        FCGX_Finish_r(&fr);
    }
    sw_tables_free(l.t);
    return 0;
}
