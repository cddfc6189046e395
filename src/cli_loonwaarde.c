/* cli_loonwaarde.c - `switchsim loonwaarde`: not built yet. */
#include "cli.h"

int cli_loonwaarde(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "switchsim: 'loonwaarde' is not available yet\n");
    return EXIT_USAGE;
}
