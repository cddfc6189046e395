/* fcgi_send.c - an answer to the web server in large FastCGI records, and the
 * end of a request without libfcgi's wait for the web server (fcgi_send.h). */
#include <fcntl.h>
#include <unistd.h>

#include <fastcgi.h>   /* FCGI_STDOUT */

#include "fcgi_send.h"

/* --- the answer in large records ---
 * The request's own writer (made by FCGX_Accept_r) buffers 8 KiB: a record and
 * a write() for every 8 KiB, nine for a simulate answer (~72 KB), each a system
 * call here and a wake-up of the web server. libfcgi's FCGX_CreateWriter()
 * makes a writer with its largest records (64 KiB) for a descriptor and request
 * id: it takes the answer's records, the request's writer the last few KiB
 * together with the end records when the request finishes (fcgi_send_answer).
 *
 * That writer writes to a descriptor of our own, a copy (dup2) of the
 * request's connection made for each answer it sends. The copy also keeps the
 * connection open after FCGX_Finish_r() closed the request's descriptor:
 * lighttpd, which closes the connection itself when the end records came, then
 * reads an answer as it sends it on (an answer of over 64 KiB from a backend
 * that already closed its side is read at once and spooled through a temporary
 * file in server.upload-dirs). There are FCGI_BIG_SLOTS such descriptors, each
 * with its writer, taken in turn: a copy is replaced (the connection it kept
 * let go) only FCGI_BIG_SLOTS answers later, not by the very next answer,
 * which under load often came before lighttpd had read the one before (and
 * then lighttpd saw the connection closed and spooled that answer).
 *
 * libfcgi never frees the small request struct such a writer holds (nor gives
 * access to it), so a writer is kept, never freed: one for as long as the
 * request id stays the same (lighttpd always sends 1) and no write failed.
 * The first record goes through the request's writer, so a connection the web
 * server closed early (the client left) fails there; a writer that failed all
 * the same (closed in between) is kept aside, and after FCGI_BIG_MADE writers the
 * request's writer sends everything. */
#define BIG_BUFFER 65536   /* FCGX_CreateWriter's largest: 8 header + 65528 content */
#define END_RECORDS 32     /* end of the stream (8) and end of the request (16), padding */
#define FIRST_RECORD 8184  /* 8 KiB with the record's header */

/* The large writer for request fr, on a copy of its connection (in the next
 * slot); NULL: none. */
static FCGX_Stream *big_writer(struct fcgi_big *b, const FCGX_Request *fr)
{
    int i = b->next;

    b->next = (i + 1) % FCGI_BIG_SLOTS;
    if (b->fd[i] < 0)
        return NULL;
    if (b->w[i] && (b->id[i] != fr->requestId || FCGX_GetError(b->w[i]) != 0))
        b->w[i] = NULL;
    if (!b->w[i] && b->made < FCGI_BIG_MADE) {
        b->w[i] = FCGX_CreateWriter(b->fd[i], fr->requestId, BIG_BUFFER, FCGI_STDOUT);
        b->old[b->made++] = b->w[i];
        b->id[i] = fr->requestId;
    }
    if (!b->w[i] || dup2(fr->ipcFd, b->fd[i]) < 0)
        return NULL;
    return b->w[i];
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
void fcgi_send_answer(struct fcgi_big *b, FCGX_Request *fr, const char *head, size_t hn,
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
void fcgi_finish(FCGX_Request *fr)
{
    char drop[4096];

    while (FCGX_GetStr(drop, (int)sizeof(drop), fr->in) > 0)
        ;
    if (FCGX_GetError(fr->in) == 0 && FCGX_HasSeenEOF(fr->in))
        FCGX_Detach(fr);
    FCGX_Finish_r(fr);
}


void fcgi_big_init(struct fcgi_big *b)
{
    for (int i = 0; i < FCGI_BIG_SLOTS; i++) {
        b->fd[i] = open("/dev/null", O_RDONLY | O_CLOEXEC);   /* descriptors to copy onto */
        b->w[i] = NULL;
        b->id[i] = 0;
    }
    b->next = 0;
    b->made = 0;
}
