/* tests/bench/fcgi_floor.c - the floor of bench section 5: a FastCGI backend
 * that does no work. It reads each request and its body as switchsim.fcgi
 * does, and answers with a fixed body (the file SWITCHSIM_FLOOR_BODY, read
 * once at start: the API's answer to the bench scenario, saved) under the head
 * the API gives it, sent the way switchsim.fcgi sends (fcgi_send.c). Run by
 * lighttpd with web/serve's configuration in place of switchsim.fcgi, its
 * requests per second are what the web server, the FastCGI traffic and the
 * client allow on this machine when the API itself costs nothing. Not a test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgi.h"
#include "fcgi_send.h"
#include "fileio.h"

#define FLOOR_MAX_BODY (16 * 1024 * 1024)

int main(void)
{
    static struct fcgi_big big;   /* static: as in fcgi_main.c */
    const char *path = getenv("SWITCHSIM_FLOOR_BODY");
    struct cgi_response resp = {.status = 200, .reason = "OK"};
    struct sw_err err;
    FCGX_Request fr;
    char head[512], in[8192];
    size_t hn;

    if (FCGX_IsCGI()) {
        fprintf(stderr, "fcgi_floor: run it as a FastCGI backend (lighttpd bin-path)\n");
        return 2;
    }
    if (!path || sw_read_file(&resp.body, &resp.len, path, FLOOR_MAX_BODY, &err) != SW_OK) {
        fprintf(stderr, "fcgi_floor: SWITCHSIM_FLOOR_BODY: %s\n", path ? err.msg : "not set");
        return 2;
    }
    hn = cgi_response_head(&resp, head, sizeof(head));
    fcgi_big_init(&big);
    if (FCGX_Init() != 0 || FCGX_InitRequest(&fr, 0, 0) != 0)
        return 1;
    while (FCGX_Accept_r(&fr) >= 0) {
        /* the body, as the handler reads it (fcgi_finish drops what is left) */
        const char *cl = FCGX_GetParam("CONTENT_LENGTH", fr.envp);
        long want = cl ? atol(cl) : 0;
        while (want > 0) {
            int got = FCGX_GetStr(in, want < (long)sizeof(in) ? (int)want : (int)sizeof(in), fr.in);
            if (got <= 0)
                break;
            want -= got;
        }
        fcgi_send_answer(&big, &fr, head, hn, resp.body, resp.len);
        fcgi_finish(&fr);
    }
    free(resp.body);
    return 0;
}
