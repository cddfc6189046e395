/* cli_simulate.c - `switchsim simulate`: not built yet. */
#include "cli.h"

int cli_simulate(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "switchsim: 'simulate' is not available yet\n");
    return EXIT_USAGE;
}
