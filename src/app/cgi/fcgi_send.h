/* fcgi_send.h - how switchsim.fcgi hands an answer to the web server and ends
 * the request (fcgi_send.c), apart from what it answers: shared by the
 * FastCGI front (fcgi_main.c) and the bench's trivial backend
 * (tests/bench/fcgi_floor.c), which sends a fixed answer the same way. */
#ifndef SWITCHSIM_FCGI_SEND_H
#define SWITCHSIM_FCGI_SEND_H

#include <stddef.h>

#include <fcgiapp.h>

#define FCGI_BIG_MADE 4

/* The large writer of a process (fcgi_send.c); one, static: libfcgi frees no
 * part of the writers it makes. */
struct fcgi_big {
    int fd;                           /* our descriptor; -1: none (the request's writer sends all) */
    FCGX_Stream *w;                   /* the writer on fd; NULL: none yet */
    int id;                           /* the request id w writes for */
    FCGX_Stream *old[FCGI_BIG_MADE];  /* the writers made, w among them (kept, never freed) */
    int made;
};

/* Set b up (a descriptor to copy connections onto); without it (fd -1) the
 * request's own writer sends everything. */
void fcgi_big_init(struct fcgi_big *b);

/* Head (hn bytes) and body (bn bytes) as the standard output of request fr. */
void fcgi_send_answer(struct fcgi_big *b, FCGX_Request *fr, const char *head, size_t hn,
                      const char *body, size_t bn);

/* Read what is left of the request's input and end the request. */
void fcgi_finish(FCGX_Request *fr);

#endif
