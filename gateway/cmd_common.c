/* Helpers shared by the subcommands: file input with a cap, the daemon's JSON
 * log sink, and uniform error lines. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/error.h"
#include "core/json.h"
#include "gateway/commands.h"

int ew_cli_read_file(const char *path, ew_buf *out, ew_error *err)
{
    int is_stdin = !strcmp(path, "-");
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) return ew__error_set(err, EW_ERR_IO, "%s: %s", path, strerror(errno));
    int st = EW_OK;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        st = ew_buf_append(out, chunk, n);
        if (st) {
            ew__error_set(err, st, "%s: larger than %zu bytes", is_stdin ? "stdin" : path,
                          out->max);
            break;
        }
    }
    if (!st && ferror(f))
        st = ew__error_set(err, EW_ERR_IO, "%s: read error", is_stdin ? "stdin" : path);
    if (!is_stdin) fclose(f);
    return st;
}

/* "YYYY-MM-DDTHH:MM:SS.mmmZ" into out[24]. The part up to the second is
 * formatted once a second per thread (gmtime_r and strftime cost ~1.5k
 * instructions, and the access log writes a line per request). */
static void log_time(char out[32])
{
    static _Thread_local time_t sec = -1;
    static _Thread_local char head[20];
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    if (ts.tv_sec != sec) {
        struct tm tm;
        gmtime_r(&ts.tv_sec, &tm);
        if (strftime(head, sizeof head, "%Y-%m-%dT%H:%M:%S", &tm) != sizeof head - 1)
            ew__str_copy(head, sizeof head, "0000-00-00T00:00:00");
        sec = ts.tv_sec;
    }
    int ms = (int)(ts.tv_nsec / 1000000);
    memcpy(out, head, sizeof head - 1);
    char *p = out + sizeof head - 1;
    *p++ = '.';
    *p++ = (char)('0' + ms / 100);
    *p++ = (char)('0' + ms / 10 % 10);
    *p++ = (char)('0' + ms % 10);
    *p++ = 'Z';
    *p = '\0';
}

/* One JSON object per line; a line is written with a single fwrite so lines
 * from different threads do not interleave. */
void ew_cli_log_json(ew_log_level level, const char *request_id, const char *message,
                     void (*extra)(ew_jw *w, void *arg), void *arg)
{
    char tbuf[32];
    log_time(tbuf);
    ew_buf b;
    ew_buf_init(&b, 8192);
    ew_buf_reserve(&b, 1024); /* one allocation for a usual line, not five */
    ew_jw w;
    ew_jw_init(&w, &b);
    ew_jw_object_begin(&w);
    EW_JW_KEY(&w, "time");
    ew_jw_string(&w, tbuf);
    EW_JW_KEY(&w, "level");
    ew_jw_string(&w, ew_log_level_name(level));
    if (request_id) {
        EW_JW_KEY(&w, "request_id");
        ew_jw_string(&w, request_id);
    }
    EW_JW_KEY(&w, "msg");
    ew_jw_string(&w, message);
    if (extra) extra(&w, arg);
    ew_jw_object_end(&w);
    if (!w.status && !ew_buf_append_char(&b, '\n')) fwrite(b.data, 1, b.len, stderr);
    ew_buf_cleanup(&b);
}

static void stderr_sink(void *user, ew_log_level level, const char *request_id, const char *message)
{
    (void)user;
    ew_cli_log_json(level, request_id, message, NULL, NULL);
}

void ew_cli_log_to_stderr(ew_log_level min_level)
{
    ew_log_set_sink(stderr_sink, NULL, min_level);
}

int ew_cli_fail(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "edgeway %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return 1;
}

#define PROGRESS_MIN_BYTES (64ull << 20)

void ew_cli_progress_init(ew_cli_progress *p, const char *label)
{
    p->label = label;
    p->shown = -1;
    p->tty = isatty(STDERR_FILENO);
}

int ew_cli_progress_cb(void *user, uint64_t done, uint64_t total)
{
    ew_cli_progress *p = user;
    if (!p->tty || total < PROGRESS_MIN_BYTES) return 0;
    int permille = (int)(done * 1000 / total);
    if (permille == p->shown) return 0;
    p->shown = permille;
    char bar[31];
    int fill = permille * 30 / 1000;
    for (int i = 0; i < 30; i++)
        bar[i] = i < fill ? '=' : i == fill ? '>' : ' ';
    bar[30] = '\0';
    fprintf(stderr, "\r%s [%s] %3d.%d%% %.1f/%.1f MiB", p->label, bar, permille / 10, permille % 10,
            (double)done / (1 << 20), (double)total / (1 << 20));
    fflush(stderr);
    return 0;
}

void ew_cli_progress_end(ew_cli_progress *p)
{
    if (p->shown >= 0) fprintf(stderr, "\r\033[K");
    p->shown = -1;
}
