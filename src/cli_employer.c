/* cli_employer.c - `switchsim employer`: not built yet. */
#include "cli.h"

int cli_employer(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "switchsim: 'employer' is not available yet\n");
    return EXIT_USAGE;
}
