/* cli_batch.c - `switchsim batch`: not built yet. */
#include "cli.h"

int cli_batch(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "switchsim: 'batch' is not available yet\n");
    return EXIT_USAGE;
}
