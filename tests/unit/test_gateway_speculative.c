/* Speculative decoding over HTTP, in one process: a gateway with the verify
 * endpoints (the "cloud") and the edge loop driving it through the cloud
 * client, on one event loop. Greedy output must equal the target alone on
 * every reference model and early-exit depth; the verifier's forward
 * passes per token must be at most 1/(mean accepted + 1); the tokenizer
 * check, the fallbacks, lost sessions, sampling and a dying cloud each get
 * a case. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <event2/event.h>

#include "core/buf.h"
#include "gateway/server.h"
#include "gateway/spec_edge.h"
#include "gateway/spec_edges.h"
#include "policy/config.h"
#include "remote/remote.h"
#include "ref_models.h"

static const char *const files[] = {EW_TEST_REF_MODELS};
enum { N_FILES = sizeof files / sizeof files[0], N_GEN = 20 };

/* ---- the cloud: a gateway serving every reference model ---------------------------- */

typedef struct cloud {
    ew_config *cfg;
    ew__gateway *gw;
    char addr[80];
    char url[128];
} cloud;

static void cloud_listen(cloud *c, struct event_base *base, const char *listen)
{
    ew__gateway_opts o = {.base = base, .config = c->cfg, .listen = listen};
    ew_error err;
    if (ew__gateway_new(&o, &c->gw, &err)) fail_msg("cloud: %s", err.message);
    assert_int_equal(ew__gateway_address(c->gw, 0, c->addr, sizeof c->addr), EW_OK);
    snprintf(c->url, sizeof c->url, "http://%s/v1", c->addr);
}

typedef struct probe {
    int http_status; /* 0 while in flight */
} probe;

static void probe_done(void *user, const ew__remote_result *r)
{
    (void)r;
    ((probe *)user)->http_status = 200;
}

static void probe_error(void *user, const ew__remote_failure *f)
{
    ((probe *)user)->http_status = f->http_status ? f->http_status : -1;
}

static void wake(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    (void)arg;
}

/* The models load on a worker: waits until /edgeway/info answers (or 404
 * when verification is off). */
static void cloud_wait_ready(cloud *c, struct event_base *base)
{
    ew_backend_cfg b = {.name = "probe",
                        .base_url = c->url,
                        .weight = 1,
                        .connect_timeout_ms = 1000,
                        .first_byte_timeout_ms = 1000,
                        .idle_timeout_ms = 1000,
                        .total_timeout_ms = 2000,
                        .proxy = ""};
    ew__remote_opts ro = {.base = base, .backends = &b, .n_backends = 1};
    ew__remote *rc;
    assert_int_equal(ew__remote_new(&ro, &rc, NULL), EW_OK);
    static const ew__remote_callbacks cb = {NULL, NULL, probe_done, probe_error};
    bool ready = false;
    /* Up to a minute: loading seven models under ASan on a busy CI core is slow. */
    for (int i = 0; i < 3000 && !ready; i++) {
        probe p = {0};
        ew__remote_call_opts o = {.path = "/edgeway/info", .no_fallback = true};
        ew__remote_call *call;
        assert_int_equal(ew__remote_start(rc, &o, &cb, &p, &call, NULL), EW_OK);
        while (!p.http_status)
            event_base_loop(base, EVLOOP_ONCE);
        ready = p.http_status == 200 || p.http_status == 404;
        if (ready) break;
        struct event *t = evtimer_new(base, wake, NULL);
        struct timeval tv = {0, 20000};
        evtimer_add(t, &tv);
        event_base_loop(base, EVLOOP_ONCE);
        event_free(t);
    }
    ew__remote_free(rc);
    assert_true(ready);
}

static void cloud_start(cloud *c, struct event_base *base, const char *verify_yaml)
{
    ew_buf y;
    ew_buf_init(&y, 1 << 16);
    ew_buf_printf(&y, "version: 1\nauth: {allow_anonymous_loopback: true}\nmodels:\n");
    for (int i = 0; i < N_FILES; i++) {
        char path[600];
        ref_model_path(path, sizeof path, files[i]);
        ew_buf_printf(&y, "  - {name: m%d, path: \"%s\", threads: 1, ctx: 256}\n", i, path);
    }
    ew_buf_printf(&y, "%s", verify_yaml);
    ew_config_errors errs;
    int st = ew_config_load_string(y.data, y.len, "cloud.yaml", &c->cfg, &errs);
    if (st) fail_msg("cloud config: %s", errs.n ? errs.items[0].message : "?");
    ew_buf_cleanup(&y);
    cloud_listen(c, base, "127.0.0.1:0");
    cloud_wait_ready(c, base);
}

static void cloud_stop(cloud *c)
{
    ew__gateway_free(c->gw);
    ew_config_unref(c->cfg);
    c->gw = NULL;
}

/* ---- the edge ------------------------------------------------------------------------ */

typedef struct edge {
    struct event_base *base;
    ew_backend_cfg backend;
    ew__remote *remote;
    ew__spec_edge *spec;
} edge;

static void edge_open(edge *e, struct event_base *base, const char *url, const char *draft_file,
                      int n_layer_exit)
{
    e->base = base;
    e->backend = (ew_backend_cfg){
        .name = "cloud",
        .base_url = url,
        .weight = 1,
        .connect_timeout_ms = 2000,
        .first_byte_timeout_ms = 10000,
        .idle_timeout_ms = 10000,
        .total_timeout_ms = 20000,
        .max_retries = 1,
        .proxy = "",
        .kind = "edgeway",
    };
    ew__remote_opts ro = {.base = base, .backends = &e->backend, .n_backends = 1};
    ro.retry_base_ms = 20;
    ro.retry_max_ms = 80;
    ew_error err;
    if (ew__remote_new(&ro, &e->remote, &err)) fail_msg("remote: %s", err.message);
    char path[600];
    ref_model_path(path, sizeof path, draft_file);
    ew__spec_edge_opts so = {
        .base = base,
        .remote = e->remote,
        .draft_path = path,
        .n_layer_exit = n_layer_exit,
        .n_ctx = 256,
    };
    if (ew__spec_edge_new(&so, &e->spec, &err)) fail_msg("edge: %s", err.message);
}

static void edge_close(edge *e)
{
    ew__spec_edge_free(e->spec);
    ew__remote_free(e->remote);
}

typedef struct outcome {
    int32_t tokens[256];
    int n;
    int ends;
    int status;
    char message[256];
    ew__spec_stats st;
    struct event_base *base;
    cloud *kill_after_first;  /* a cloud to stop when the first tokens arrive */
    int stall_after_first_ms; /* the loop sleeps this long then (the cloud too) */
    ew__spec_run *run;
    int cancel_after; /* cancel once this many tokens arrived (0 = never) */
} outcome;

static bool on_tokens(void *user, const int32_t *t, int n)
{
    outcome *o = user;
    for (int i = 0; i < n && o->n < 256; i++)
        o->tokens[o->n++] = t[i];
    if (o->kill_after_first && o->kill_after_first->gw) cloud_stop(o->kill_after_first);
    if (o->stall_after_first_ms) {
        usleep((useconds_t)o->stall_after_first_ms * 1000);
        o->stall_after_first_ms = 0;
    }
    if (o->cancel_after && o->n >= o->cancel_after) {
        ew__spec_cancel(o->run);
        o->run = NULL;
        o->ends++;
        event_base_loopbreak(o->base);
    }
    return false;
}

static void on_end(void *user, int status, const char *message, const ew__spec_stats *st)
{
    outcome *o = user;
    o->ends++;
    o->status = status;
    snprintf(o->message, sizeof o->message, "%s", message);
    o->st = *st;
    event_base_loopbreak(o->base);
}

static void on_deadline(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    event_base_loopbreak(arg);
}

static const int32_t prompt[] = {1, 9, 33, 72, 14, 101, 5, 240};
enum { N_PROMPT = sizeof prompt / sizeof prompt[0] };

static ew__spec_params params(const char *target, double temperature)
{
    ew__spec_params p = {
        .backend = "cloud",
        .target_model = target,
        .prompt = prompt,
        .n_prompt = N_PROMPT,
        .max_tokens = N_GEN,
        .has_seed = true,
        .ignore_eog = true,
        .cfg = {.k = 4, .k_max = 8, .adaptive = true, .p_min = 0.0, .min_acceptance = 0.0},
    };
    ew_sampler_params_init(&p.sampling);
    p.sampling.temperature = (float)temperature;
    p.sampling.top_k = 0;
    p.sampling.top_p = 1.0f;
    p.sampling.min_p = 0;
    p.sampling.seed = 42;
    return p;
}

/* Runs one generation to its end (or a 30 s deadline). */
static void run(edge *e, const ew__spec_params *p, outcome *o)
{
    o->base = e->base;
    static const ew__spec_events ev = {on_tokens, on_end};
    ew_error err;
    if (ew__spec_start(e->spec, p, &ev, o, &o->run, &err)) fail_msg("start: %s", err.message);
    struct event *t = evtimer_new(e->base, on_deadline, e->base);
    struct timeval tv = {30, 0};
    evtimer_add(t, &tv);
    event_base_dispatch(e->base);
    event_free(t);
    if (o->ends != 1) fail_msg("the run did not end once (%d)", o->ends);
}

static void target_only(const char *file, int32_t *out)
{
    ew_model *m = ref_model_open(file);
    ew_session *s = ref_session_new(m, NULL);
    int nv = ew_model_n_vocab(m);
    assert_int_equal(ew_session_eval(s, prompt, N_PROMPT, NULL), EW_OK);
    for (int i = 0; i < N_GEN; i++) {
        const float *l = ew_session_logits(s, -1);
        int32_t best = 0;
        for (int j = 1; j < nv; j++)
            if (l[j] > l[best]) best = j;
        out[i] = best;
        assert_int_equal(ew_session_eval(s, &best, 1, NULL), EW_OK);
    }
    ew_session_free(s);
    ew_model_close(m);
}

/* ---- cases ------------------------------------------------------------------------------ */

static void test_lossless_every_model_and_depth(void **state)
{
    (void)state;
    struct event_base *base = event_base_new();
    cloud c;
    cloud_start(&c, base, "verify: {max_draft: 8}\n");
    for (int f = 0; f < N_FILES; f++) {
        int32_t ref[N_GEN];
        target_only(files[f], ref);
        char path[600];
        ref_model_path(path, sizeof path, files[f]);
        ew_model *m;
        assert_int_equal(ew_model_open(path, NULL, &m, NULL), EW_OK);
        ew_model_info info;
        ew_model_get_info(m, &info);
        ew_model_close(m);
        char target[8];
        snprintf(target, sizeof target, "m%d", f);
        for (int L = 1; L <= info.n_layer; L++) {
            edge e;
            edge_open(&e, base, c.url, files[f], L);
            outcome o = {0};
            ew__spec_params p = params(target, 0);
            run(&e, &p, &o);
            if (o.status) fail_msg("%s L=%d: %s", files[f], L, o.message);
            double mean_acc = (double)o.st.accepted / o.st.rounds;
            double passes = (double)o.st.target_passes / o.st.generated;
            printf("%-32s L=%d/%d: %2d rounds, acceptance %.2f, %.3f target passes/token "
                   "(bound %.3f), k %d\n",
                   files[f], L, info.n_layer, o.st.rounds,
                   o.st.drafted ? (double)o.st.accepted / o.st.drafted : 0.0, passes,
                   1.0 / (mean_acc + 1), o.st.k_last);
            assert_int_equal(o.n, N_GEN);
            assert_memory_equal(o.tokens, ref, sizeof ref);
            assert_true(passes <= 1.0 / (mean_acc + 1) + 1e-9);
            edge_close(&e);
        }
    }
    cloud_stop(&c);
    event_base_free(base);
}

static void test_tokenizer_mismatch_disables(void **state)
{
    (void)state;
    struct event_base *base = event_base_new();
    cloud c;
    cloud_start(&c, base, "");
    edge e;
    edge_open(&e, base, c.url, "stories260K.gguf", 0); /* target m2 is synth-A: another vocab */
    for (int i = 0; i < 2; i++) {                      /* the second run knows without asking */
        outcome o = {0};
        ew__spec_params p = params("m2", 0);
        run(&e, &p, &o);
        assert_int_equal(o.status, EW_ERR_UNSUPPORTED);
        assert_int_equal(o.st.fallback, EW__SPEC_MISMATCH);
        assert_int_equal(o.n, 0);
    }
    ew__spec_peer_stats ps;
    assert_true(ew__spec_peer_stats_get(e.spec, "cloud", "m2", &ps));
    assert_true(ps.checked);
    assert_false(ps.usable);
    /* a model the cloud does not serve */
    outcome o = {0};
    ew__spec_params p = params("nope", 0);
    run(&e, &p, &o);
    assert_int_equal(o.st.fallback, EW__SPEC_NO_VERIFY);
    edge_close(&e);
    cloud_stop(&c);
    event_base_free(base);
}

static void test_no_verify_api(void **state)
{
    (void)state;
    struct event_base *base = event_base_new();
    cloud c;
    cloud_start(&c, base, "verify: {enabled: false}\n");
    edge e;
    edge_open(&e, base, c.url, "stories260K.gguf", 0);
    outcome o = {0};
    ew__spec_params p = params("m0", 0);
    run(&e, &p, &o);
    assert_int_equal(o.status, EW_ERR_UNSUPPORTED);
    assert_int_equal(o.st.fallback, EW__SPEC_NO_VERIFY);
    edge_close(&e);
    cloud_stop(&c);
    event_base_free(base);
}

/* The verifier drops the session while the edge thinks (idle timeout):
 * the next round is told session_unknown, the run sends its whole prefix
 * again, and the output is still exact. */
static void test_lost_session_restart(void **state)
{
    (void)state;
    struct event_base *base = event_base_new();
    cloud c;
    cloud_start(&c, base, "verify: {idle_timeout: 100ms}\n");
    int32_t ref[N_GEN];
    target_only(files[0], ref);
    edge e;
    edge_open(&e, base, c.url, files[0], 3);
    outcome o = {0};
    o.stall_after_first_ms = 300;
    ew__spec_params p = params("m0", 0);
    run(&e, &p, &o);
    assert_int_equal(o.status, EW_OK);
    assert_memory_equal(o.tokens, ref, sizeof ref);
    /* at least the stalled round; a slow machine (sanitizers, load) may let
     * a later one idle out too */
    assert_true(o.st.restarts >= 1);
    edge_close(&e);
    cloud_stop(&c);
    event_base_free(base);
}

static void test_sampling(void **state)
{
    (void)state;
    struct event_base *base = event_base_new();
    cloud c;
    cloud_start(&c, base, "");
    edge e;
    edge_open(&e, base, c.url, files[0], 4);
    outcome o1 = {0}, o2 = {0};
    ew__spec_params p = params("m0", 0.8);
    /* a fixed k: with an adaptive one the draft lengths, and so the random
     * numbers drawn, depend on what earlier runs taught the pair */
    p.cfg.adaptive = false;
    run(&e, &p, &o1);
    assert_int_equal(o1.status, EW_OK);
    assert_int_equal(o1.n, N_GEN);
    assert_true(o1.st.drafted > 0);
    for (int i = 0; i < o1.n; i++)
        assert_true(o1.tokens[i] >= 0 && o1.tokens[i] < 512);
    /* the same seed draws the same tokens */
    run(&e, &p, &o2);
    assert_memory_equal(o1.tokens, o2.tokens, sizeof o1.tokens);
    edge_close(&e);
    cloud_stop(&c);
    event_base_free(base);
}

static void test_cloud_dies_mid_generation(void **state)
{
    (void)state;
    struct event_base *base = event_base_new();
    cloud c;
    cloud_start(&c, base, "");
    edge e;
    edge_open(&e, base, c.url, files[0], 2);
    outcome o = {0};
    o.kill_after_first = &c;
    ew__spec_params p = params("m0", 0);
    p.max_tokens = 200;
    run(&e, &p, &o);
    printf("after the cloud died: status %s, %d tokens, \"%s\"\n", ew_status_name(o.status), o.n,
           o.message);
    assert_true(o.status < 0 && o.status != EW_ERR_UNSUPPORTED);
    assert_true(o.n > 0 && o.n < 200);
    edge_close(&e);
    event_base_free(base);
}

static void test_cancel_from_callback(void **state)
{
    (void)state;
    struct event_base *base = event_base_new();
    cloud c;
    cloud_start(&c, base, "");
    edge e;
    edge_open(&e, base, c.url, files[0], 5);
    outcome o = {0};
    o.cancel_after = 3;
    ew__spec_params p = params("m0", 0);
    run(&e, &p, &o);
    assert_true(o.n >= 3);
    /* let the cloud finish anything in flight before everything is freed */
    struct timeval tv = {0, 50000};
    event_base_loopexit(base, &tv);
    event_base_dispatch(base);
    edge_close(&e);
    cloud_stop(&c);
    event_base_free(base);
}

/* Plain streams' timings, per backend and model, and the RTT histogram. */
static void test_plain_timing_and_rtt_histogram(void **state)
{
    (void)state;
    struct event_base *base = event_base_new();
    ew__spec_edges *s = ew__spec_edges_new(base, NULL);
    assert_non_null(s);
    assert_true(ew__spec_edges_plain_ms(s, "cloud", "big") < 0);
    assert_true(ew__spec_edges_plain_ms(NULL, "cloud", "big") < 0);
    ew__spec_edges_plain_sample(s, "cloud", "big", 120, 20);
    assert_true(fabs(ew__spec_edges_plain_ms(s, "cloud", "big") - 20) < 1e-9);
    ew__spec_edges_plain_sample(s, "cloud", "big", 100, 10); /* EWMA, weight 0.3 */
    assert_true(fabs(ew__spec_edges_plain_ms(s, "cloud", "big") - 17) < 1e-9);
    ew__spec_edges_plain_sample(s, "cloud", "big", 100, 0); /* no per-token time: ignored */
    assert_true(fabs(ew__spec_edges_plain_ms(s, "cloud", "big") - 17) < 1e-9);
    assert_true(ew__spec_edges_plain_ms(s, "cloud", "other") < 0);
    /* bounded: past the table, pairs are not remembered */
    for (int i = 0; i < EW__SPEC_PLAIN_MAX + 4; i++) {
        char name[32];
        snprintf(name, sizeof name, "m%d", i);
        ew__spec_edges_plain_sample(s, "b", name, 1, 1);
    }
    assert_true(ew__spec_edges_plain_ms(s, "b", "m0") > 0);
    assert_true(ew__spec_edges_plain_ms(s, "b", "m40") < 0);
    /* three rounds of 4 ms and one of 40 ms */
    ew__spec_stats st = {.rounds = 4, .rtt_ms = 13};
    st.rtt_hist[3] = 3; /* (0.005, 0.01] */
    st.rtt_hist[7] = 1; /* (0.05, 0.08] */
    ew__spec_edges_record(s, EW__SPEC_OUT_SPECULATED, NULL, &st);
    ew__spec_edges_record(s, EW__SPEC_OUT_FALLBACK, "slower_than_plain", NULL);
    ew_buf out;
    ew_buf_init(&out, 1 << 20);
    ew__spec_edges_render(s, &out);
    assert_int_equal(ew_buf_append_char(&out, '\0'), 0);
    const char *m = out.data;
    assert_non_null(strstr(m, "# TYPE edgeway_speculative_rtt_seconds histogram"));
    assert_non_null(strstr(m, "edgeway_speculative_rtt_seconds_bucket{le=\"0.005\"} 0\n"));
    assert_non_null(strstr(m, "edgeway_speculative_rtt_seconds_bucket{le=\"0.01\"} 3\n"));
    assert_non_null(strstr(m, "edgeway_speculative_rtt_seconds_bucket{le=\"0.05\"} 3\n"));
    assert_non_null(strstr(m, "edgeway_speculative_rtt_seconds_bucket{le=\"0.08\"} 4\n"));
    assert_non_null(strstr(m, "edgeway_speculative_rtt_seconds_bucket{le=\"+Inf\"} 4\n"));
    assert_non_null(strstr(m, "edgeway_speculative_rtt_seconds_count 4\n"));
    assert_non_null(
        strstr(m, "edgeway_speculative_fallbacks_total{reason=\"slower_than_plain\"} 1\n"));
    assert_non_null(strstr(m, "# TYPE edgeway_speculative_pair_expected_tokens_per_second gauge"));
    ew_buf_cleanup(&out);
    ew__spec_edges_free(s);
    event_base_free(base);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lossless_every_model_and_depth),
        cmocka_unit_test(test_tokenizer_mismatch_disables),
        cmocka_unit_test(test_no_verify_api),
        cmocka_unit_test(test_lost_session_restart),
        cmocka_unit_test(test_sampling),
        cmocka_unit_test(test_cloud_dies_mid_generation),
        cmocka_unit_test(test_cancel_from_callback),
        cmocka_unit_test(test_plain_timing_and_rtt_histogram),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
