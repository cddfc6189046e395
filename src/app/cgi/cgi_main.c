/* cgi_main.c - switchsim.cgi: the JSON API behind the web page as plain CGI
 * (CGI/1.1, RFC 3875), for web servers that only run CGI programs (Apache,
 * nginx with fcgiwrap, ...). One process per request: the request from the
 * environment and standard input, the tables loaded for it, the answer of
 * cgi_answer() (cgi.c) on standard output. fcgi_main.c is the FastCGI front of
 * the same handler. */
#include "cgi.h"
#include "heap.h"

int main(void)
{
    /* One request, nearly always with the tables and the engine: populate the
     * heap it will use in one go (heap.h). */
    sw_heap_prepare((size_t)1 << 20);
    return cgi_run_once();
}
