/* fcgi_send.h - how switchsim.fcgi hands an answer to the web server and ends
 * the request (fcgi_send.c), apart from what it answers: shared by the
 * FastCGI front (fcgi_main.c) and the bench's trivial backend
 * (tests/bench/fcgi_floor.c), which sends a fixed answer the same way. */
#ifndef SWITCHSIM_FCGI_SEND_H
#define SWITCHSIM_FCGI_SEND_H

#include <stddef.h>

#include <fcgiapp.h>

#define FCGI_BIG_SLOTS 4   /* connections kept open after their answer, each with a writer */
#define FCGI_BIG_MADE 8

/* The large writers of a process (fcgi_send.c); one, static: libfcgi frees no
 * part of the writers it makes. */
struct fcgi_big {
    int fd[FCGI_BIG_SLOTS];           /* our descriptors; -1: none (that answer all through
                                       * the request's writer) */
    FCGX_Stream *w[FCGI_BIG_SLOTS];   /* the writer on fd[i]; NULL: none yet */
    int id[FCGI_BIG_SLOTS];           /* the request id w[i] writes for */
    int next;                         /* the slot the next large answer takes */
    FCGX_Stream *old[FCGI_BIG_MADE];  /* the writers made, w[] among them (kept, never freed) */
    int made;
};

/* Set b up (descriptors to copy connections onto); without them (fd -1) the
 * request's own writer sends everything. */
void fcgi_big_init(struct fcgi_big *b);

/* Head (hn bytes) and body (bn bytes) as the standard output of request fr. */
void fcgi_send_answer(struct fcgi_big *b, FCGX_Request *fr, const char *head, size_t hn,
                      const char *body, size_t bn);

/* Read what is left of the request's input and end the request. */
void fcgi_finish(FCGX_Request *fr);

#endif
