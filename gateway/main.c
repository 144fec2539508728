/* edgeway: the command-line tool, a thin shell over libedgeway. Each
 * subcommand lives in gateway/cmd_<name>.c and is listed in commands.h. */
#include <stdio.h>
#include <string.h>

#include "edgeway.h"
#include "gateway/commands.h"

typedef struct command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
    {"version", "print the version", NULL},
#define EW_COMMAND(name, summary) {#name, summary, ew_cmd_##name},
#include "gateway/commands.def"
#undef EW_COMMAND
};

static void usage(FILE *to)
{
    fprintf(to, "usage: edgeway <command> [options]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(to, "  %-12s %s\n", commands[i].name, commands[i].summary);
    fprintf(to, "\n'edgeway <command> --help' describes each command.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(name, "--version") || !strcmp(name, "version")) {
        printf("edgeway %s\n", ew_version());
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (commands[i].run && !strcmp(name, commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "edgeway: unknown command '%s'\n\n", name);
    usage(stderr);
    return 2;
}
