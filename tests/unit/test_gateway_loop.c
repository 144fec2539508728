/* The serve loop's busy-poll (gateway/loop.c): when it spins, and what a
 * real gateway in front of a fast and a slow upstream does with it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <event2/event.h>
#include <event2/thread.h>
#include <pthread.h>
#include <time.h>

#include "gateway/gw.h"
#include "gateway/loop.h"
#include "http_test_client.h"

/* ---- the policy alone ---------------------------------------------------------- */

static void test_spin_policy(void **state)
{
    (void)state;
    ew__spin s = {0};
    assert_int_equal(ew__spin_budget(&s, 0, 10), 0);
    assert_int_equal(ew__spin_budget(&s, 100, 10), 100);
    /* Three misses in a row still spin; the fourth pauses spinning for 1 s. */
    for (int i = 0; i < 3; i++) {
        ew__spin_result(&s, false, 100, 1000);
        assert_int_equal(ew__spin_budget(&s, 100, 1000), 100);
    }
    ew__spin_result(&s, false, 100, 2000);
    assert_int_equal(ew__spin_budget(&s, 100, 2001), 0);
    assert_int_equal(ew__spin_budget(&s, 100, 1001999), 0);
    assert_int_equal(ew__spin_budget(&s, 100, 1002000), 100);
    /* A hit clears the run of misses. */
    for (int i = 0; i < 3; i++)
        ew__spin_result(&s, false, 10, 2000000);
    ew__spin_result(&s, true, 10, 2000000);
    ew__spin_result(&s, false, 10, 2000000);
    assert_int_equal(ew__spin_budget(&s, 100, 2000001), 100);
    assert_int_equal(s.n_hit, 1);
    assert_int_equal(s.n_miss, 8);
    assert_int_equal(s.spun_us, 450);
    s.on_battery = true;
    assert_int_equal(ew__spin_budget(&s, 100, 2000001), 0);
}

/* ---- a gateway in front of an upstream in this process -------------------------- */

static const char answer[] =
    "{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{"
    "\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"spun\"},\"finish_reason\":"
    "\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}";

typedef struct later {
    struct event *ev;
    ew__http_req *r;
} later;

static void answer_now(ew__http_req *r)
{
    ew__http_respond(r, 200, "application/json", answer, sizeof answer - 1);
}

static void on_later(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    later *l = arg;
    answer_now(l->r);
    event_free(l->ev);
    free(l);
}

/* Answers from a timer on its loop: due at once (it runs when the loop next
 * goes round), or 30 ms after the request when the prompt says "slow". */
static void upstream(void *user, ew__http_req *r)
{
    struct event_base *base = user;
    later *l = calloc(1, sizeof *l);
    l->r = r;
    l->ev = evtimer_new(base, on_later, l);
    struct timeval tv = {0, r->body && strstr(r->body, "slow") ? 30000 : 0};
    evtimer_add(l->ev, &tv);
}

/* The gateway runs ew__gateway_run on its own thread. The upstream either
 * shares that loop or has a loop and thread of its own. Shared, its answer
 * goes out from the gateway's own loop, and the gateway can read it only by
 * going round the loop again: mostly that round is a spin (or the same pass
 * of the loop, when libevent goes round once more itself), whatever the
 * machine's load. */
typedef struct fixture {
    struct event_base *base, *up_base;
    pthread_t thread, up_thread;
    ew__gateway *gw;
    int rc;
    ew__http_server *up_srv;
    ew_config *cfg;
    int port;
} fixture;

static void *loop_main(void *arg)
{
    fixture *fx = arg;
    fx->rc = ew__gateway_run(fx->gw);
    return NULL;
}

static void *up_main(void *arg)
{
    event_base_dispatch(arg);
    return NULL;
}

static int port_of(const char *addr)
{
    const char *colon = strrchr(addr, ':');
    return colon ? (int)strtol(colon + 1, NULL, 10) : 0;
}

static ew_config *gateway_config(int up_port, int busy_poll_us)
{
    char yaml[1024];
    snprintf(yaml, sizeof yaml,
             "version: 1\n"
             "server:\n"
             "  listen: [127.0.0.1:0]\n"
             "  busy_poll_us: %d\n"
             "log: {level: error, access_log: false}\n"
             "auth: {allow_anonymous_loopback: true}\n"
             "backends:\n"
             "  - {name: up, base_url: 'http://127.0.0.1:%d/v1', max_retries: 0}\n"
             "  - {name: slowpoke, base_url: 'http://127.0.0.1:%d/v1', max_retries: 0,\n"
             "     priority: 1}\n"
             "routing: {default: remote, aliases: {slow: {route: remote, backend: slowpoke}}}\n",
             busy_poll_us, up_port, up_port);
    ew_config *c = NULL;
    static ew_config_errors errs;
    if (ew_config_load_string(yaml, strlen(yaml), "test", &c, &errs))
        fail_msg("config: %s", errs.n ? errs.items[0].message : "?");
    return c;
}

static int setup_with(void **state, int busy_poll_us, bool shared_loop)
{
    fixture *fx = calloc(1, sizeof *fx);
    fx->base = event_base_new();
    fx->up_base = shared_loop ? fx->base : event_base_new();
    ew_limits_cfg lim = {64, 1 << 20, 16384, 5000, 5000, 60000, 64, 1000};
    ew__http_server_opts ho = {fx->up_base, lim, upstream, NULL, fx->up_base};
    ew_error err;
    assert_int_equal(ew__http_server_new(&ho, &fx->up_srv), EW_OK);
    assert_int_equal(ew__http_server_listen(fx->up_srv, "127.0.0.1", 0, &err), EW_OK);
    char addr[64];
    assert_int_equal(ew__http_server_address(fx->up_srv, 0, addr, sizeof addr), EW_OK);

    fx->cfg = gateway_config(port_of(addr), busy_poll_us);
    assert_int_equal(fx->cfg->server.busy_poll_us, busy_poll_us);
    ew__gateway_opts o = {.base = fx->base, .config = fx->cfg};
    assert_int_equal(ew__gateway_new(&o, &fx->gw, &err), EW_OK);
    assert_int_equal(ew__gateway_address(fx->gw, 0, addr, sizeof addr), EW_OK);
    fx->port = port_of(addr);
    if (!shared_loop)
        assert_int_equal(pthread_create(&fx->up_thread, NULL, up_main, fx->up_base), 0);
    assert_int_equal(pthread_create(&fx->thread, NULL, loop_main, fx), 0);
    *state = fx;
    return 0;
}

static int setup(void **state)
{
    return setup_with(state, 1000, true);
}

static int setup_apart(void **state)
{
    return setup_with(state, 1000, false);
}

static int setup_off(void **state)
{
    return setup_with(state, 0, true);
}

static int teardown(void **state)
{
    fixture *fx = *state;
    /* loopexit also ends a loop that is spinning: ew__gateway_run returns 0. */
    event_base_loopexit(fx->base, NULL);
    pthread_join(fx->thread, NULL);
    assert_int_equal(fx->rc, 0);
    if (fx->up_base != fx->base) {
        event_base_loopexit(fx->up_base, NULL);
        pthread_join(fx->up_thread, NULL);
    }
    ew__gateway_free(fx->gw);
    ew__http_server_free(fx->up_srv);
    ew_config_unref(fx->cfg);
    if (fx->up_base != fx->base) event_base_free(fx->up_base);
    event_base_free(fx->base);
    free(fx);
    return 0;
}

static rbuf b;

/* A chat request for model, with prompt as its user message. */
static void chat_request(char *req, size_t size, const char *model, const char *prompt)
{
    char body[256];
    int n = snprintf(body, sizeof body,
                     "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"%s\"}]}",
                     model, prompt);
    snprintf(req, size,
             "POST /v1/chat/completions HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
             "Content-Length: %d\r\n\r\n%s",
             n, body);
}

static void check_answer(const resp *r)
{
    assert_int_equal(r->status, 200);
    assert_non_null(strstr(r->body, "\"content\":\"spun\""));
}

static void chat_to(fixture *fx, const char *model, const char *prompt)
{
    char req[512];
    chat_request(req, sizeof req, model, prompt);
    check_answer(one(fx->port, req, &b, NULL));
}

static void chat(fixture *fx, const char *prompt)
{
    chat_to(fx, "auto", prompt);
}

/* edgeway_busy_poll_total{result="..."} from /metrics. */
static long spins(fixture *fx, const char *result)
{
    resp *r = one(fx->port, "GET /metrics HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(r->status, 200);
    char key[64];
    snprintf(key, sizeof key, "edgeway_busy_poll_total{result=\"%s\"} ", result);
    const char *p = strstr(r->body, key);
    assert_non_null(p);
    assert_non_null(strstr(r->body, "edgeway_busy_poll_seconds_total "));
    return strtol(p + strlen(key), NULL, 10);
}

/* Whether /metrics says every spin that hit made a poll at least. Both from
 * one response: an answer reaches the client before its spin is counted. */
static bool polled_for_hits(fixture *fx)
{
    resp *r = one(fx->port, "GET /metrics HTTP/1.1\r\nHost: t\r\n\r\n", &b, NULL);
    assert_int_equal(r->status, 200);
    const char *hit_key = "edgeway_busy_poll_total{result=\"hit\"} ";
    const char *polls_key = "\nedgeway_busy_poll_polls_total ";
    const char *h = strstr(r->body, hit_key), *p = strstr(r->body, polls_key);
    assert_non_null(h);
    assert_non_null(p);
    long hits = strtol(h + strlen(hit_key), NULL, 10);
    return strtol(p + strlen(polls_key), NULL, 10) >= hits;
}

/* The upstream's answer lands while the loop spins, or in the pass that
 * sent the request when libevent goes round once more itself: no spin
 * misses, also once the backend's answers are expected after a quiet time
 * (from its ninth), and every hit took a poll at least. */
static void test_fast_upstream(void **state)
{
    fixture *fx = *state;
    for (int i = 0; i < 30; i++)
        chat(fx, "hello there");
    assert_int_equal(spins(fx, "miss"), 0);
    assert_true(polled_for_hits(fx));
}

/* Answers 30 ms away: the first requests are spun for (the backend is new),
 * and once its last answers were slow its requests are not. (A spin that
 * starts late on a loaded machine may catch the answer: spins are counted,
 * hits and misses alike.) */
static void test_slow_upstream(void **state)
{
    fixture *fx = *state;
    for (int i = 0; i < 12; i++)
        chat(fx, "slow please");
    long spun = spins(fx, "hit") + spins(fx, "miss");
    assert_true(spun >= 1);
    assert_true(spun <= 3);
}

/* Slow answers in flight next to fast ones: once the slow backend showed
 * itself slow, nothing is spun for its answers, so the fast requests make
 * no spin miss either. (Spinning while any request waited missed after
 * every fast answer here: hits and misses alternated and spinning never
 * paused.) */
static void test_slow_next_to_fast(void **state)
{
    fixture *fx = *state;
    for (int i = 0; i < 3; i++)
        chat_to(fx, "slow", "slow please");
    long miss0 = spins(fx, "miss");
    assert_true(miss0 <= 3);
    static rbuf sb[4];
    int fds[4];
    char req[512];
    chat_request(req, sizeof req, "slow", "slow please");
    for (int k = 0; k < 4; k++) {
        fds[k] = client(fx->port);
        send_str(fds[k], req);
        for (int i = 0; i < 8; i++)
            chat(fx, "hello there");
    }
    for (int k = 0; k < 4; k++) {
        static resp r;
        rb_reset(&sb[k]);
        assert_true(read_resp(fds[k], &sb[k], &r));
        check_answer(&r);
        close(fds[k]);
    }
    /* 32 fast requests (the /metrics requests are not spun for). */
    assert_true(spins(fx, "miss") - miss0 <= 1);
}

/* A device on battery never spins, and spins again once it is plugged in.
 * The answers are slow; the backend is new (fast until shown otherwise),
 * and after one slow answer it still counts as fast for two more. */
static void test_battery(void **state)
{
    fixture *fx = *state;
    ew_route_device d;
    ew_route_device_init(&d);
    d.charging = 0;
    d.battery_pct = 80;
    assert_int_equal(ew_router_set_device(fx->gw->router, &d), EW_OK);
    chat(fx, "slow please");
    assert_int_equal(spins(fx, "hit") + spins(fx, "miss"), 0);
    d.charging = 1;
    assert_int_equal(ew_router_set_device(fx->gw->router, &d), EW_OK);
    usleep(150000); /* the loop reads the device state at most every 100 ms */
    /* Two chances: a loop thread kept off the CPU for the whole 2 ms an
     * answer is due would not spin for it. */
    for (int i = 0; i < 2 && spins(fx, "hit") + spins(fx, "miss") == 0; i++)
        chat(fx, "slow please");
    assert_true(spins(fx, "hit") + spins(fx, "miss") >= 1);
}

static void test_off(void **state)
{
    fixture *fx = *state;
    for (int i = 0; i < 20; i++)
        chat(fx, i % 4 ? "hello there" : "slow please");
    assert_int_equal(spins(fx, "hit"), 0);
    assert_int_equal(spins(fx, "miss"), 0);
}

int main(void)
{
    evthread_use_pthreads();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spin_policy),
        cmocka_unit_test_setup_teardown(test_fast_upstream, setup, teardown),
        cmocka_unit_test_setup_teardown(test_slow_upstream, setup_apart, teardown),
        cmocka_unit_test_setup_teardown(test_slow_next_to_fast, setup, teardown),
        cmocka_unit_test_setup_teardown(test_battery, setup_apart, teardown),
        cmocka_unit_test_setup_teardown(test_off, setup_off, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
