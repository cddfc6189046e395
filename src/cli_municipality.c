/* cli_municipality.c - `switchsim municipality`: not built yet. */
#include "cli.h"

int cli_municipality(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "switchsim: 'municipality' is not available yet\n");
    return EXIT_USAGE;
}
