/* cgi_main.c - switchsim.cgi: the JSON API behind the web page as plain CGI
 * (CGI/1.1, RFC 3875), for web servers that only run CGI programs (Apache,
 * nginx with fcgiwrap, ...). One process per request: the request from the
 * environment and standard input, the tables loaded for it, the answer of
 * cgi_answer() (cgi.c) on standard output. fcgi_main.c is the FastCGI front of
 * the same handler. */
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
        .tables = NULL,
        .redirect_status = getenv("REDIRECT_STATUS"),
    };
    int status = cgi_handle(&rq, stdout);

    if (fclose(stdout) != 0 || status < 0)
        return 1;
    return 0;
}
