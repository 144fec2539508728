/* The runner: generation jobs on worker threads, delivered to an event loop.
 * Uses the real stories260K model from $EW_SHARED/models. */
#include <event2/event.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "core/buf.h"
#include "local/runner.h"

static char model_path[1024];

typedef struct sink {
    ew_buf text;
    int n_text;
    int ended;
    int status;
    char message[512];
    ew__runner_result res;
    int probes;
    double probe_conf;
    bool probe_escalate;
    struct event_base *base;
} sink;

static void on_text(void *user, const char *text, size_t len)
{
    sink *s = user;
    assert_int_equal(s->ended, 0);
    assert_int_equal(ew_buf_append(&s->text, text, len), EW_OK);
    s->n_text++;
}

static void on_end(void *user, int status, const char *message, const ew__runner_result *res)
{
    sink *s = user;
    s->ended++;
    s->status = status;
    snprintf(s->message, sizeof s->message, "%s", message);
    s->res = *res;
}

static void on_probe(void *user, double confidence, bool escalate)
{
    sink *s = user;
    /* Before any text, and once. */
    assert_int_equal(s->text.len, 0);
    assert_int_equal(s->probes, 0);
    s->probes++;
    s->probe_conf = confidence;
    s->probe_escalate = escalate;
}

static const ew__runner_events events = {on_probe, on_text, on_end};

static void sink_init(sink *s, struct event_base *base)
{
    memset(s, 0, sizeof *s);
    ew_buf_init(&s->text, 1 << 20);
    s->base = base;
}

/* Runs the loop until every sink has ended (bounded). */
static void wait_all(struct event_base *base, sink **s, int n)
{
    for (int spins = 0; spins < 100000; spins++) {
        int done = 0;
        for (int i = 0; i < n; i++)
            done += s[i]->ended;
        if (done == n) return;
        event_base_loop(base, EVLOOP_ONCE);
    }
    fail_msg("jobs did not end");
}

static ew__runner *runner(struct event_base *base, int workers, int queue)
{
    ew__runner_opts o = {.base = base,
                         .name = "stories",
                         .path = model_path,
                         .workers = workers,
                         .queue = queue,
                         .threads = 1,
                         .n_ctx = 256};
    ew__runner *r = NULL;
    ew_error err;
    int st = ew__runner_new(&o, &r, &err);
    if (st) fail_msg("runner: %s", err.message);
    return r;
}

static ew_message user_msg(const char *text)
{
    static ew_text_part part;
    part.text = text;
    part.len = strlen(text);
    ew_message m = {.role = EW_ROLE_USER,
                    .parts = &part,
                    .n_parts = 1,
                    .content = text,
                    .content_len = strlen(text)};
    return m;
}

static ew_request completion(const char *prompt)
{
    ew_request q = {
        .model = "stories", .prompt = prompt, .prompt_len = strlen(prompt), .max_tokens = -1};
    return q;
}

static ew__gen_input greedy(const ew_request *req, int max_tokens)
{
    ew__gen_input in = {.req = req, .max_tokens = max_tokens, .temperature = 0, .top_p = NAN};
    return in;
}

static void test_greedy_deterministic(void **state)
{
    (void)state;
    struct event_base *base = event_base_new();
    ew__runner *r = runner(base, 2, 4);
    ew_request q = completion("Once upon a time");
    ew__gen_input in = greedy(&q, 24);
    sink a, b;
    sink_init(&a, base);
    sink_init(&b, base);
    ew__runner_job *ja, *jb;
    assert_int_equal(ew__runner_submit_gen(r, &in, &events, &a, &ja), EW_OK);
    assert_int_equal(ew__runner_submit_gen(r, &in, &events, &b, &jb), EW_OK);
    sink *all[] = {&a, &b};
    wait_all(base, all, 2);
    assert_int_equal(a.status, EW_OK);
    assert_int_equal(b.status, EW_OK);
    assert_true(a.text.len > 10);
    assert_int_equal(a.text.len, b.text.len);
    assert_memory_equal(a.text.data, b.text.data, a.text.len);
    assert_int_equal(a.res.completion_tokens, 24);
    assert_int_equal(a.res.stop, EW_STOP_LENGTH);
    assert_true(a.res.prompt_tokens >= 4);
    assert_true(a.res.first_ms >= 0);
    ew_buf_cleanup(&a.text);
    ew_buf_cleanup(&b.text);
    ew__runner_free(r);
    event_base_free(base);
}

static void test_chat_and_stop(void **state)
{
    (void)state;
    struct event_base *base = event_base_new();
    ew__runner *r = runner(base, 1, 2);
    ew_message m = user_msg("Tell me a story about a cat.");
    ew_request q = {
        .model = "stories", .is_chat = true, .messages = &m, .n_messages = 1, .max_tokens = -1};
    ew__gen_input in = greedy(&q, 40);
    sink full;
    sink_init(&full, base);
    ew__runner_job *j;
    assert_int_equal(ew__runner_submit_gen(r, &in, &events, &full, &j), EW_OK);
    sink *all[] = {&full};
    wait_all(base, all, 1);
    assert_int_equal(full.status, EW_OK);
    assert_true(full.text.len > 8);
    /* A stop string taken from the middle of the greedy answer cuts it there. */
    char stop[8];
    size_t at = full.text.len / 2;
    memcpy(stop, full.text.data + at, 3);
    stop[3] = '\0';
    const char *first = strstr(full.text.data, stop);
    in.stop[0] = stop;
    in.n_stop = 1;
    sink cut;
    sink_init(&cut, base);
    assert_int_equal(ew__runner_submit_gen(r, &in, &events, &cut, &j), EW_OK);
    sink *all2[] = {&cut};
    wait_all(base, all2, 1);
    assert_int_equal(cut.status, EW_OK);
    assert_int_equal(cut.res.stop, EW_STOP_STRING);
    assert_int_equal(cut.text.len, (size_t)(first - full.text.data));
    assert_memory_equal(cut.text.data, full.text.data, cut.text.len);
    ew_buf_cleanup(&full.text);
    ew_buf_cleanup(&cut.text);
    ew__runner_free(r);
    event_base_free(base);
}

/* One worker, one queue slot: the third job is refused; cancelling the
 * queued one ends it with CANCELLED and no text. */
static void test_queue_bound_and_cancel(void **state)
{
    (void)state;
    struct event_base *base = event_base_new();
    ew__runner *r = runner(base, 1, 1);
    ew_request q = completion("Once upon a time");
    ew__gen_input in = greedy(&q, 200);
    sink a, b, c;
    sink_init(&a, base);
    sink_init(&b, base);
    sink_init(&c, base);
    ew__runner_job *ja, *jb, *jc;
    assert_int_equal(ew__runner_submit_gen(r, &in, &events, &a, &ja), EW_OK);
    assert_int_equal(ew__runner_submit_gen(r, &in, &events, &b, &jb), EW_OK);
    assert_int_equal(ew__runner_submit_gen(r, &in, &events, &c, &jc), EW_ERR_BUSY);
    assert_null(jc);
    assert_int_equal(ew__runner_capacity(r), 1);
    ew__runner_cancel(jb);
    ew__runner_cancel(ja);
    sink *all[] = {&a, &b};
    wait_all(base, all, 2);
    assert_int_equal(a.status, EW_ERR_CANCELLED);
    assert_int_equal(b.status, EW_ERR_CANCELLED);
    assert_int_equal(b.text.len, 0);
    assert_int_equal(a.ended, 1);
    assert_int_equal(b.ended, 1);
    assert_int_equal(ew__runner_waiting(r), 0);
    /* Room again. */
    sink d;
    sink_init(&d, base);
    in.max_tokens = 4;
    assert_int_equal(ew__runner_submit_gen(r, &in, &events, &d, &jc), EW_OK);
    sink *all2[] = {&d};
    wait_all(base, all2, 1);
    assert_int_equal(d.status, EW_OK);
    sink *every[] = {&a, &b, &c, &d};
    for (int i = 0; i < 4; i++)
        ew_buf_cleanup(&every[i]->text);
    ew__runner_free(r);
    event_base_free(base);
}

/* The probe holds text back: an impossible threshold escalates with no text
 * emitted; a zero threshold gives the same text as no probe at all. */
static void test_confidence_probe(void **state)
{
    (void)state;
    struct event_base *base = event_base_new();
    ew__runner *r = runner(base, 1, 4);
    ew_request q = completion("Once upon a time");
    ew__gen_input plain = greedy(&q, 20);
    ew__gen_input hi = plain, lo = plain;
    hi.probe_tokens = lo.probe_tokens = 6;
    hi.min_confidence = 1.01;
    lo.min_confidence = 0.0;
    lo.metric = EW__CONF_MARGIN;
    sink a, b, c;
    sink_init(&a, base);
    sink_init(&b, base);
    sink_init(&c, base);
    ew__runner_job *j;
    assert_int_equal(ew__runner_submit_gen(r, &plain, &events, &a, &j), EW_OK);
    assert_int_equal(ew__runner_submit_gen(r, &hi, &events, &b, &j), EW_OK);
    assert_int_equal(ew__runner_submit_gen(r, &lo, &events, &c, &j), EW_OK);
    sink *all[] = {&a, &b, &c};
    wait_all(base, all, 3);
    assert_int_equal(b.status, EW_OK);
    assert_true(b.res.escalate);
    assert_int_equal(b.res.probed, 6);
    assert_int_equal(b.text.len, 0);
    assert_true(b.res.confidence > 0 && b.res.confidence <= 1);
    assert_int_equal(b.probes, 1);
    assert_true(b.probe_escalate);
    assert_true(b.probe_conf == b.res.confidence);
    assert_int_equal(c.probes, 1);
    assert_false(c.probe_escalate);
    assert_int_equal(a.probes, 0);
    assert_false(c.res.escalate);
    assert_true(c.res.confidence >= 0 && c.res.confidence <= 1);
    assert_int_equal(c.text.len, a.text.len);
    assert_memory_equal(c.text.data, a.text.data, a.text.len);
    ew_buf_cleanup(&a.text);
    ew_buf_cleanup(&b.text);
    ew_buf_cleanup(&c.text);
    ew__runner_free(r);
    event_base_free(base);
}

static void test_step_confidence(void **state)
{
    (void)state;
    float l[4] = {0, 0, 0, 0};
    assert_true(fabs(ew__step_confidence(l, 4, EW__CONF_MEAN_TOP1) - 0.25) < 1e-9);
    assert_true(fabs(ew__step_confidence(l, 4, EW__CONF_MARGIN)) < 1e-9);
    float m[3] = {10, 0, -10};
    assert_true(ew__step_confidence(m, 3, EW__CONF_MEAN_TOP1) > 0.99);
    assert_true(ew__step_confidence(m, 3, EW__CONF_MARGIN) > 0.99);
}

/* A prompt longer than the context is refused with a clear message; a
 * max_tokens beyond the room left stops at the context. */
static void test_context_limit(void **state)
{
    (void)state;
    struct event_base *base = event_base_new();
    ew__runner *r = runner(base, 1, 2);
    static char longp[8192];
    for (size_t i = 0; i + 6 < sizeof longp; i += 6)
        memcpy(longp + i, "word. ", 6);
    longp[sizeof longp - 1] = '\0';
    ew_request q = completion(longp);
    ew__gen_input in = greedy(&q, 10);
    sink a;
    sink_init(&a, base);
    ew__runner_job *j;
    assert_int_equal(ew__runner_submit_gen(r, &in, &events, &a, &j), EW_OK);
    sink *all[] = {&a};
    wait_all(base, all, 1);
    assert_int_equal(a.status, EW_ERR_TOO_LARGE);
    assert_non_null(strstr(a.message, "context of 256"));
    ew_request q2 = completion("Once upon a time");
    ew__gen_input in2 = greedy(&q2, 100000);
    sink b;
    sink_init(&b, base);
    assert_int_equal(ew__runner_submit_gen(r, &in2, &events, &b, &j), EW_OK);
    sink *all2[] = {&b};
    wait_all(base, all2, 1);
    assert_int_equal(b.status, EW_OK);
    if (b.res.stop != EW_STOP_EOG) {
        assert_int_equal(b.res.stop, EW_STOP_CONTEXT);
        assert_int_equal(b.res.prompt_tokens + b.res.completion_tokens, 256);
    }
    ew_buf_cleanup(&a.text);
    ew_buf_cleanup(&b.text);
    ew__runner_free(r);
    event_base_free(base);
}

/* Freeing with jobs in flight joins the workers and calls nothing. */
static void test_free_in_flight(void **state)
{
    (void)state;
    struct event_base *base = event_base_new();
    ew__runner *r = runner(base, 1, 3);
    ew_request q = completion("Once upon a time");
    ew__gen_input in = greedy(&q, 200);
    sink a;
    sink_init(&a, base);
    ew__runner_job *j;
    for (int i = 0; i < 3; i++)
        assert_int_equal(ew__runner_submit_gen(r, &in, &events, &a, &j), EW_OK);
    ew__runner_free(r);
    assert_int_equal(a.ended, 0);
    ew_buf_cleanup(&a.text);
    event_base_free(base);
}

/* A job that emits one byte every 100 us until it is stopped. */
static int chatter(ew__runner_ctx *ctx, void *arg, ew__runner_result *res, ew_error *err)
{
    (void)arg;
    (void)res;
    (void)err;
    for (int i = 0; i < 10000000 && !ew__runner_cancelled(ctx); i++) {
        int st = ew__runner_emit(ctx, "x", 1);
        if (st) return st;
        struct timespec ts = {0, 100000};
        nanosleep(&ts, NULL);
    }
    return EW_OK;
}

/* A job that emits 16 KiB pieces as fast as it can, up to 4 MiB. */
static int gusher(ew__runner_ctx *ctx, void *arg, ew__runner_result *res, ew_error *err)
{
    (void)arg;
    (void)res;
    (void)err;
    static const char piece[16 << 10];
    for (int i = 0; i < 256 && !ew__runner_cancelled(ctx); i++) {
        int st = ew__runner_emit(ctx, piece, sizeof piece);
        if (st) return st;
    }
    return EW_OK;
}

static double mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Runs the loop for ms milliseconds, or until s has ended or has more than
 * min_len bytes (0 = no such condition). Returns the elapsed time. */
static double spin(struct event_base *base, sink *s, int ms, size_t min_len)
{
    double t0 = mono_ms();
    while (mono_ms() - t0 < ms && !s->ended && !(min_len && s->text.len > min_len)) {
        event_base_loop(base, EVLOOP_NONBLOCK);
        struct timespec ts = {0, 1000000};
        nanosleep(&ts, NULL);
    }
    return mono_ms() - t0;
}

/* A paused job's worker stops emitting until it is resumed, ends with
 * EW_ERR_TIMEOUT when the pause lasts too long, and lets go at once when
 * cancelled or when the runner is freed. */
static void test_pause(void **state)
{
    (void)state;
    struct event_base *base = event_base_new();
    ew__runner *r = runner(base, 1, 1);
    sink a;
    sink_init(&a, base);
    ew__runner_job *j;
    assert_int_equal(ew__runner_submit(r, chatter, NULL, &events, &a, &j), EW_OK);
    spin(base, &a, 5000, 10);
    assert_true(a.text.len > 10);
    ew__runner_pause(j, true, 10000);
    spin(base, &a, 50, 0); /* an emit already under way may still land */
    size_t held = a.text.len;
    spin(base, &a, 200, 0);
    assert_int_equal(a.text.len, held);
    assert_int_equal(ew__runner_running(r), 1);
    ew__runner_pause(j, false, 10000);
    spin(base, &a, 5000, held + 10);
    assert_true(a.text.len > held + 10);
    /* A pause past its deadline ends the job. */
    ew__runner_pause(j, true, 50);
    double took = spin(base, &a, 5000, 0);
    assert_int_equal(a.ended, 1);
    assert_int_equal(a.status, EW_ERR_TIMEOUT);
    assert_true(took < 2000);
    /* Cancelling a paused job ends it at once. */
    sink b;
    sink_init(&b, base);
    assert_int_equal(ew__runner_submit(r, chatter, NULL, &events, &b, &j), EW_OK);
    spin(base, &b, 5000, 1);
    ew__runner_pause(j, true, 60000);
    spin(base, &b, 50, 0);
    ew__runner_cancel(j);
    took = spin(base, &b, 5000, 0);
    assert_int_equal(b.status, EW_ERR_CANCELLED);
    assert_true(took < 1000);
    /* A worker does not run far ahead of a loop that is not taking its text:
     * the first delivery after a while holds at most 64 KiB and one piece. */
    sink g;
    sink_init(&g, base);
    ew_buf_cleanup(&g.text);
    ew_buf_init(&g.text, 8u << 20);
    assert_int_equal(ew__runner_submit(r, gusher, NULL, &events, &g, &j), EW_OK);
    struct timespec nap = {0, 200000000};
    nanosleep(&nap, NULL);
    while (!g.n_text)
        event_base_loop(base, EVLOOP_ONCE);
    assert_true(g.text.len <= (64u << 10) + (16u << 10));
    spin(base, &g, 20000, 0);
    assert_int_equal(g.status, EW_OK);
    assert_int_equal(g.text.len, 4u << 20);
    /* Freeing the runner does not wait for a paused job's deadline. */
    sink c;
    sink_init(&c, base);
    assert_int_equal(ew__runner_submit(r, chatter, NULL, &events, &c, &j), EW_OK);
    spin(base, &c, 5000, 1);
    ew__runner_pause(j, true, 60000);
    double t0 = mono_ms();
    ew__runner_free(r);
    assert_true(mono_ms() - t0 < 1000);
    sink *every[] = {&a, &b, &c, &g};
    for (int i = 0; i < 4; i++)
        ew_buf_cleanup(&every[i]->text);
    event_base_free(base);
}

int main(void)
{
    const char *shared = getenv("EW_SHARED");
    snprintf(model_path, sizeof model_path, "%s/models/stories260K.gguf",
             shared ? shared : "../shared");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_step_confidence),  cmocka_unit_test(test_greedy_deterministic),
        cmocka_unit_test(test_chat_and_stop),    cmocka_unit_test(test_queue_bound_and_cancel),
        cmocka_unit_test(test_confidence_probe), cmocka_unit_test(test_context_limit),
        cmocka_unit_test(test_free_in_flight),   cmocka_unit_test(test_pause),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
