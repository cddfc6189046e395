/* cli_sweep.c - `switchsim sweep`: not built yet. */
#include "cli.h"

int cli_sweep(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "switchsim: 'sweep' is not available yet\n");
    return EXIT_USAGE;
}
