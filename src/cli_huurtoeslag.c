/* cli_huurtoeslag.c - `switchsim huurtoeslag`: not built yet. */
#include "cli.h"

int cli_huurtoeslag(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "switchsim: 'huurtoeslag' is not available yet\n");
    return EXIT_USAGE;
}
