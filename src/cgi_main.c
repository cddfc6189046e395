/* cgi_main.c - switchsim.cgi: the JSON API behind the web page. Not built yet:
 * answers every request with 501 in JSON. */
#include <stdio.h>

int main(void)
{
    fputs("Status: 501 Not Implemented\r\n"
          "Content-Type: application/json; charset=utf-8\r\n"
          "Cache-Control: no-store\r\n\r\n"
          "{\"error\":{\"code\":\"not_implemented\",\"field\":\"\","
          "\"message\":\"the API is not available yet\"}}\n",
          stdout);
    return fclose(stdout) == 0 ? 0 : 1;
}
