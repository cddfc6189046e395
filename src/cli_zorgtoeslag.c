/* cli_zorgtoeslag.c - `switchsim zorgtoeslag`: not built yet. */
#include "cli.h"

int cli_zorgtoeslag(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "switchsim: 'zorgtoeslag' is not available yet\n");
    return EXIT_USAGE;
}
