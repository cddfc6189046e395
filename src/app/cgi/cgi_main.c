/* cgi_main.c - switchsim.cgi: the JSON API behind the web page (CGI/1.1, RFC
 * 3875). Reads the request from the environment and standard input, answers on
 * standard output; the work is done by cgi_handle() in cgi.c. */
#include <stdio.h>
#include <stdlib.h>

#include "cgi.h"

static size_t read_stdin(void *ctx, char *buf, size_t n)
{
    (void)ctx;
    return fread(buf, 1, n, stdin);
}

int main(void)
{
    struct cgi_request rq = {
        .method = getenv("REQUEST_METHOD"),
        .path = getenv("PATH_INFO"),
        .query = getenv("QUERY_STRING"),
        .content_length = getenv("CONTENT_LENGTH"),
        .read = read_stdin,
        .read_ctx = NULL,
        .tables_dir = NULL,
    };
    int status = cgi_handle(&rq, stdout);

    if (fclose(stdout) != 0 || status < 0)
        return 1;
    return 0;
}
