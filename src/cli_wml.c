/* cli_wml.c - `switchsim wml`: not built yet. */
#include "cli.h"

int cli_wml(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "switchsim: 'wml' is not available yet\n");
    return EXIT_USAGE;
}
