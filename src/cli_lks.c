/* cli_lks.c - `switchsim lks`: not built yet. */
#include "cli.h"

int cli_lks(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "switchsim: 'lks' is not available yet\n");
    return EXIT_USAGE;
}
