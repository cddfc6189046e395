/* cli_bijstand.c - `switchsim bijstand`: not built yet. */
#include "cli.h"

int cli_bijstand(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "switchsim: 'bijstand' is not available yet\n");
    return EXIT_USAGE;
}
