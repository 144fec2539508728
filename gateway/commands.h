/* The edgeway tool's subcommands. Each lives in gateway/cmd_<name>.c as
 * `int ew_cmd_<name>(int argc, char **argv)` and returns the exit status;
 * argv[0] is the subcommand's name. Add a command with one line in commands.def. */
#ifndef EW_GATEWAY_COMMANDS_H
#define EW_GATEWAY_COMMANDS_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/json.h"

#define EW_COMMAND(name, summary) int ew_cmd_##name(int argc, char **argv);
#include "gateway/commands.def"
#undef EW_COMMAND

/* ---- helpers shared by the commands (gateway/cmd_common.c) ------------------ */

/* Reads a whole file, or stdin when path is "-", into out (bounded by out->max). */
int ew_cli_read_file(const char *path, ew_buf *out, ew_error *err);
/* Installs the daemon's log sink on stderr: one JSON object per line with
 * level, time, request id and message. min_level filters. */
void ew_cli_log_to_stderr(ew_log_level min_level);
/* Writes one such line directly; extra (may be NULL) adds fields after "msg". */
void ew_cli_log_json(ew_log_level level, const char *request_id, const char *message,
                     void (*extra)(ew_jw *w, void *arg), void *arg);
/* Prints "edgeway <cmd>: <message>" to stderr; returns 1 for `return ew_cli_fail(...)`. */
int ew_cli_fail(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A progress bar on stderr for long file operations (an ew_progress_fn with
 * the ew_cli_progress as user). It draws only on a terminal and only for
 * files of at least 64 MiB; ew_cli_progress_end clears the line. */
typedef struct ew_cli_progress {
    const char *label;
    int shown; /* last permille drawn; -1 = nothing drawn */
    int tty;
} ew_cli_progress;
void ew_cli_progress_init(ew_cli_progress *p, const char *label);
int ew_cli_progress_cb(void *user, uint64_t done, uint64_t total);
void ew_cli_progress_end(ew_cli_progress *p);

#endif
