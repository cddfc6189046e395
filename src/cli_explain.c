/* cli_explain.c - `switchsim explain`: not built yet. */
#include "cli.h"

int cli_explain(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "switchsim: 'explain' is not available yet\n");
    return EXIT_USAGE;
}
