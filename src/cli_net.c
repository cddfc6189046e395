/* cli_net.c - `switchsim net`: not built yet. */
#include "cli.h"

int cli_net(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "switchsim: 'net' is not available yet\n");
    return EXIT_USAGE;
}
