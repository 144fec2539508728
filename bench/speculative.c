/* bench_speculative: tokens per second and target forward passes per token
 * of speculative decoding across an emulated link, against cloud-only
 * streaming and local-only generation.
 *
 * The cloud is a real `edgeway serve` (a child process) hosting the target.
 * The edge is this process: the speculative loop (gateway/spec_edge.h)
 * drafting with the first L layers of a draft model and verifying over the
 * cloud client. Between the two sits an emulated link: an in-process TCP
 * relay that delays every chunk by RTT/2 in each direction, the way netem
 * delays packets. First the bench tries the real thing: as root it makes
 * two network namespaces joined by a veth pair, runs the cloud in one and
 * moves itself into the other, and puts a netem qdisc on each veth end;
 * when that works netem delays the packets and the relay only emulates the
 * target's pass time. Where netem is missing (the kernel this was written
 * on has no sch_netem: CONFIG_NET_SCH_NETEM off) the traffic still crosses
 * the veth pair and the relay does the delaying; without root it stays on
 * loopback. The first line of the output says which.
 *
 * The relay can also emulate a bigger target than the tiny test models:
 * with --pass-ms T every target forward pass costs at least T ms more. A
 * verify answer is held T ms per pass it reports ("passes"), and a
 * streamed answer releases its SSE events no faster than one per T ms.
 * Tiny models decode a token in well under a millisecond, so without this
 * no link latency could ever be paid back; with it the table shows where
 * the break-even lies for a target of that speed.
 *
 * Rows: for every draft depth L and temperature, speculative decoding at
 * each RTT (acceptance, mean accepted length, target passes per token,
 * bytes per round, tok/s), cloud-only streaming at each RTT (tok/s, when
 * the cloud serves /v1/completions), and local-only (the draft alone).
 * Then, per target pass time, the break-even acceptance at 30 ms RTT: the
 * acceptance above which speculative decoding beats cloud-only streaming,
 * from the expected-rate model the adaptive k uses (edgeway/speculative.h)
 * fed with the draft, verify and round times measured at 30 ms; and the
 * checks the README states (passes per token against 1/(mean accepted + 1),
 * speculative faster than cloud-only at 30 ms wherever acceptance >= 0.6).
 *
 * Usage: bench_speculative [--target GGUF] [--draft GGUF] [--layers 3,4,5]
 *          [--temps 0,1] [--rtt 0,10,30,80] [--tokens 48] [--pass-ms 0,25]
 *          [--edgeway PATH]
 * EW_LLAMA_SPECULATIVE=/path/to/llama-speculative adds llama.cpp's
 * acceptance on the same draft/target files (separate files only: it has
 * no early exit).
 */
#include <errno.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/listener.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <math.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/json.h"
#include "edgeway/tokenizer.h"
#include "gateway/spec_edge.h"
#include "remote/remote.h"

#define MAX_LIST 8

static uint64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static int parse_list(const char *s, double *out)
{
    int n = 0;
    while (*s && n < MAX_LIST) {
        char *end;
        out[n++] = strtod(s, &end);
        if (end == s) break;
        s = *end == ',' ? end + 1 : end;
    }
    return n;
}

/* ---- the emulated relay: a delaying TCP relay ------------------------------------------ */

typedef struct chunk {
    struct chunk *next;
    uint64_t due_us;
    size_t len;
    char data[];
} chunk;

struct link_conn;

typedef struct pipe_dir {
    struct link_conn *c;
    struct bufferevent *to;
    chunk *head, *tail;
    struct event *timer;
    uint64_t last_due_us;   /* releases keep their order */
    bool response;          /* cloud -> edge: target emulation applies */
    bool src_eof;           /* the sender closed: close once drained */
    int sse_events;         /* SSE events seen in this response */
    uint64_t resp_start_us; /* when this response's head was due */
} pipe_dir;

typedef struct link_conn {
    struct bufferevent *edge, *cloud;
    pipe_dir up, down; /* edge -> cloud, cloud -> edge */
    struct relay *l;
} link_conn;

typedef struct relay {
    struct event_base *base;
    struct evconnlistener *lis;
    struct sockaddr_in cloud;
    double one_way_ms;
    double pass_ms;
    int port;
} relay;

static void conn_close(link_conn *c)
{
    pipe_dir *dirs[2] = {&c->up, &c->down};
    for (int i = 0; i < 2; i++) {
        while (dirs[i]->head) {
            chunk *n = dirs[i]->head->next;
            free(dirs[i]->head);
            dirs[i]->head = n;
        }
        event_free(dirs[i]->timer);
    }
    bufferevent_free(c->edge);
    bufferevent_free(c->cloud);
    free(c);
}

static void flush_due(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    pipe_dir *p = arg;
    uint64_t now = now_us();
    while (p->head && p->head->due_us <= now) {
        chunk *c = p->head;
        p->head = c->next;
        if (!p->head) p->tail = NULL;
        bufferevent_write(p->to, c->data, c->len);
        free(c);
    }
    if (p->head) {
        uint64_t wait = p->head->due_us - now;
        struct timeval tv = {(time_t)(wait / 1000000), (suseconds_t)(wait % 1000000)};
        evtimer_add(p->timer, &tv);
    } else if (p->src_eof) {
        conn_close(p->c);
    }
}

static void enqueue(pipe_dir *p, const char *data, size_t len, uint64_t due)
{
    chunk *c = malloc(sizeof *c + len);
    if (!c) return;
    if (due < p->last_due_us) due = p->last_due_us;
    p->last_due_us = due;
    c->next = NULL;
    c->due_us = due;
    c->len = len;
    memcpy(c->data, data, len);
    if (p->tail)
        p->tail->next = c;
    else
        p->head = c;
    p->tail = c;
    if (p->head == c) {
        uint64_t now = now_us(), wait = due > now ? due - now : 0;
        struct timeval tv = {(time_t)(wait / 1000000), (suseconds_t)(wait % 1000000)};
        evtimer_add(p->timer, &tv);
    }
}

/* The integer after key in s[0..n), or -1. */
static int int_after(const char *s, size_t n, const char *key)
{
    size_t k = strlen(key);
    for (size_t i = 0; i + k < n; i++)
        if (!memcmp(s + i, key, k)) return (int)strtol(s + i + k, NULL, 10);
    return -1;
}

/* Splits a response chunk at SSE event ends so each event can be paced:
 * a verify answer is held one target pass per pass it reports; a stream's
 * events come no faster than one pass apart, and since the cloud may pack
 * several tokens into one event, its usage event no sooner than one pass
 * per completion token after the response began. */
static void relay_response(relay *l, pipe_dir *p, const char *data, size_t len, uint64_t base)
{
    uint64_t pass_us = (uint64_t)(l->pass_ms * 1000);
    int passes = int_after(data, len, "\"passes\":");
    if (passes > 0) {
        enqueue(p, data, len, (base > p->last_due_us ? base : p->last_due_us) + passes * pass_us);
        return;
    }
    if (memmem(data, len, "HTTP/1.1 ", 9)) {
        p->sse_events = 0;
        p->resp_start_us = base;
    }
    size_t start = 0;
    for (size_t i = 0; i + 1 < len; i++) {
        if (memcmp(data + i, "\n\n", 2)) continue;
        /* (chunked transfer puts a size line before the event) */
        const char *ev = memmem(data + start, i - start, "data: ", 6);
        bool event = ev && !memmem(data + start, i - start, "data: [DONE]", 12);
        uint64_t due = base;
        if (event && pass_us && p->sse_events++ > 0 && p->last_due_us + pass_us > due)
            due = p->last_due_us + pass_us;
        int tokens = event ? int_after(data + start, i - start, "\"completion_tokens\":") : -1;
        if (tokens > 0 && p->resp_start_us + tokens * pass_us > due)
            due = p->resp_start_us + tokens * pass_us;
        enqueue(p, data + start, i + 2 - start, due);
        start = i + 2;
    }
    if (start < len) enqueue(p, data + start, len - start, base);
}

static void on_relay_read(struct bufferevent *from, void *arg)
{
    pipe_dir *p = arg;
    struct evbuffer *in = bufferevent_get_input(from);
    size_t len = evbuffer_get_length(in);
    char *buf = malloc(len);
    if (!buf) return;
    evbuffer_remove(in, buf, len);
    uint64_t due = now_us() + (uint64_t)(p->c->l->one_way_ms * 1000);
    if (p->response)
        relay_response(p->c->l, p, buf, len, due);
    else
        enqueue(p, buf, len, due);
    free(buf);
}

static void on_relay_event(struct bufferevent *bev, short what, void *arg)
{
    pipe_dir *p = arg; /* the direction this side feeds */
    (void)bev;
    if (!(what & (BEV_EVENT_EOF | BEV_EVENT_ERROR))) return;
    if (p->response && p->head) {
        p->src_eof = true; /* deliver what is in flight first */
        return;
    }
    conn_close(p->c);
}

static void on_accept(struct evconnlistener *lis, evutil_socket_t fd, struct sockaddr *sa, int len,
                      void *arg)
{
    (void)lis;
    (void)sa;
    (void)len;
    relay *l = arg;
    link_conn *c = calloc(1, sizeof *c);
    c->l = l;
    c->edge = bufferevent_socket_new(l->base, fd, BEV_OPT_CLOSE_ON_FREE);
    c->cloud = bufferevent_socket_new(l->base, -1, BEV_OPT_CLOSE_ON_FREE);
    c->up = (pipe_dir){.c = c, .to = c->cloud, .response = false};
    c->down = (pipe_dir){.c = c, .to = c->edge, .response = true};
    c->up.timer = evtimer_new(l->base, flush_due, &c->up);
    c->down.timer = evtimer_new(l->base, flush_due, &c->down);
    bufferevent_setcb(c->edge, on_relay_read, NULL, on_relay_event, &c->up);
    bufferevent_setcb(c->cloud, on_relay_read, NULL, on_relay_event, &c->down);
    bufferevent_enable(c->edge, EV_READ | EV_WRITE);
    bufferevent_enable(c->cloud, EV_READ | EV_WRITE);
    bufferevent_socket_connect(c->cloud, (struct sockaddr *)&l->cloud, sizeof l->cloud);
    /* no Nagle: delayed chunks must leave when they are due, not 40 ms later */
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    setsockopt(bufferevent_getfd(c->cloud), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

/* Listens on 127.0.0.1 and relays to the cloud at cloud_addr:cloud_port. */
static int link_open(relay *l, struct event_base *base, uint32_t cloud_addr, int cloud_port)
{
    l->base = base;
    memset(&l->cloud, 0, sizeof l->cloud);
    l->cloud.sin_family = AF_INET;
    l->cloud.sin_port = htons((uint16_t)cloud_port);
    l->cloud.sin_addr.s_addr = htonl(cloud_addr);
    struct sockaddr_in sa = l->cloud;
    sa.sin_port = 0;
    sa.sin_addr.s_addr = htonl(0x7f000001);
    l->lis = evconnlistener_new_bind(base, on_accept, l, LEV_OPT_CLOSE_ON_FREE | LEV_OPT_REUSEABLE,
                                     64, (struct sockaddr *)&sa, sizeof sa);
    if (!l->lis) return -1;
    struct sockaddr_in got;
    socklen_t gl = sizeof got;
    getsockname(evconnlistener_get_fd(l->lis), (struct sockaddr *)&got, &gl);
    l->port = ntohs(got.sin_port);
    return 0;
}

/* ---- the link: a veth pair between two namespaces, netem if it can ------------------------ */

/* The edge (this process) in namespace A, the cloud in B, a veth pair
 * between them. netem on both ends delays packets when the kernel has it;
 * otherwise the relay does the delaying. Without root (or namespaces) the
 * cloud stays on this namespace's loopback. */
typedef struct netns {
    bool on;    /* the namespaces and the veth pair exist; this process is in A */
    bool netem; /* the delay is netem's */
    int id;
    char why[128]; /* what failed, when not on / not netem */
} netns;

/* Runs one setup step with A, B, VA, VB set in its shell; false on failure. */
static bool ns_run(const netns *n, const char *step)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "A=ewspecA%d B=ewspecB%d VA=ewsa%d VB=ewsb%d; (%s) >/dev/null 2>&1",
             n->id, n->id, n->id, n->id, step);
    return system(cmd) == 0;
}

static void link_cleanup(netns *n)
{
    /* deleting a namespace deletes its veth end, and with it the peer */
    if (n->id) ns_run(n, "ip netns del $A; ip netns del $B");
}

static void link_setup(netns *n)
{
    static const char *const steps[][2] = {
        {"ip netns add $A && ip netns add $B", "ip netns add"},
        {"ip link add $VA netns $A type veth peer name $VB netns $B", "veth pair"},
        {"ip -n $A link set lo up && ip -n $A addr add 10.77.0.1/24 dev $VA && "
         "ip -n $A link set $VA up && ip -n $B addr add 10.77.0.2/24 dev $VB && "
         "ip -n $B link set $VB up",
         "addresses"},
    };
    *n = (netns){.id = (int)getpid() % 100000 + 1};
    bool ok = geteuid() == 0;
    if (!ok) snprintf(n->why, sizeof n->why, "not root");
    for (size_t i = 0; ok && i < sizeof steps / sizeof steps[0]; i++)
        if (!(ok = ns_run(n, steps[i][0])))
            snprintf(n->why, sizeof n->why, "failed at %s", steps[i][1]);
    char path[64];
    snprintf(path, sizeof path, "/run/netns/ewspecA%d", n->id);
    int fd = ok ? open(path, O_RDONLY) : -1;
    if (ok && (fd < 0 || setns(fd, CLONE_NEWNET))) {
        snprintf(n->why, sizeof n->why, "setns: %s", strerror(errno));
        ok = false;
    }
    if (fd >= 0) close(fd);
    if (!ok) {
        link_cleanup(n);
        return;
    }
    n->on = true;
    n->netem = ns_run(n, "ip netns exec $A tc qdisc add dev $VA root netem delay 0ms && "
                         "ip netns exec $B tc qdisc add dev $VB root netem delay 0ms");
    if (!n->netem)
        snprintf(n->why, sizeof n->why, "tc qdisc netem failed (no sch_netem in this kernel?)");
}

/* Sets the emulated round trip: netem's delay on each end, or the relay's. */
static void link_set_rtt(const netns *n, relay *l, double rtt_ms)
{
    if (!n->netem) {
        l->one_way_ms = rtt_ms / 2;
        return;
    }
    char step[256];
    snprintf(step, sizeof step,
             "ip netns exec $A tc qdisc change dev $VA root netem delay %.3fms && "
             "ip netns exec $B tc qdisc change dev $VB root netem delay %.3fms",
             rtt_ms / 2, rtt_ms / 2);
    l->one_way_ms = 0;
    if (!ns_run(n, step)) fprintf(stderr, "netem: cannot set a delay of %.1f ms\n", rtt_ms / 2);
}

/* ---- the cloud: edgeway serve in a child process ---------------------------------------- */

/* From another namespace the edge is not on the cloud's loopback: it
 * presents a key (its SHA-256 is what the cloud's config holds). */
#define BENCH_KEY        "sk-bench-speculative"
#define BENCH_KEY_SHA256 "bf55b60fadf4c3aafa4bccc79012e77671f6838f1b89e17f5ea8428d2456e90f"

typedef struct cloud {
    pid_t pid;
    int port;
    char dir[64];
} cloud;

static int cloud_start(cloud *c, const char *edgeway, const char *target, const netns *n)
{
    snprintf(c->dir, sizeof c->dir, "/tmp/ewspec.XXXXXX");
    if (!mkdtemp(c->dir)) return -1;
    char yaml[512], log[512];
    snprintf(yaml, sizeof yaml, "%s/cloud.yaml", c->dir);
    snprintf(log, sizeof log, "%s/cloud.log", c->dir);
    char abs[4096];
    if (!realpath(target, abs)) return -1; /* the config resolves paths against its own dir */
    FILE *f = fopen(yaml, "w");
    if (!f) return -1;
    fprintf(f,
            "version: 1\nauth:\n  allow_anonymous_loopback: true\n"
            "  keys: [{name: bench, sha256: %s}]\n"
            "log: {level: info, access_log: false}\n"
            "models:\n  - {name: target, path: \"%s\", threads: 1, workers: 1}\n"
            "verify: {max_draft: 16, ctx: 1024, threads: 1}\n"
            "routing: {default: local}\n",
            BENCH_KEY_SHA256, abs);
    fclose(f);
    c->pid = fork();
    if (c->pid == 0) {
        int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(fd, 2);
        if (n->on) {
            char ns[32];
            snprintf(ns, sizeof ns, "ewspecB%d", n->id);
            execlp("ip", "ip", "netns", "exec", ns, edgeway, "serve", "-c", yaml, "--listen",
                   "10.77.0.2:0", (char *)NULL);
        } else {
            execl(edgeway, edgeway, "serve", "-c", yaml, "--listen", "127.0.0.1:0", (char *)NULL);
        }
        _exit(127);
    }
    const char *at_text = n->on ? "listening on 10.77.0.2:" : "listening on 127.0.0.1:";
    for (int i = 0; i < 500; i++) { /* the listening line, within 10 s */
        usleep(20000);
        FILE *lf = fopen(log, "r");
        char line[1024];
        while (lf && fgets(line, sizeof line, lf)) {
            char *at = strstr(line, at_text);
            if (at) c->port = (int)strtol(at + strlen(at_text), NULL, 10);
        }
        if (lf) fclose(lf);
        if (c->port) return 0;
    }
    return -1;
}

static void cloud_stop(cloud *c)
{
    if (c->pid > 0) {
        kill(c->pid, SIGKILL);
        waitpid(c->pid, NULL, 0);
    }
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", c->dir);
    int rc = system(cmd);
    (void)rc;
}

/* ---- one measurement ---------------------------------------------------------------------- */

typedef struct result {
    bool ok;
    int tokens;
    double seconds;
    ew__spec_stats st;
    char message[512];
} result;

typedef struct waiter {
    struct event_base *base;
    result *res;
    uint64_t t0;
    int deltas;
    bool done;
} waiter;

static bool spec_tokens(void *user, const int32_t *t, int n)
{
    (void)t;
    waiter *w = user;
    w->res->tokens += n;
    return false;
}

static void spec_end(void *user, int status, const char *message, const ew__spec_stats *st)
{
    waiter *w = user;
    w->res->ok = status == EW_OK;
    w->res->st = *st;
    w->res->seconds = (double)(now_us() - w->t0) / 1e6;
    snprintf(w->res->message, sizeof w->res->message, "%s", message);
    w->done = true;
    event_base_loopbreak(w->base);
}

typedef struct setup {
    struct event_base *base;
    ew__remote *remote;
    const char *draft;
    int layers;
    double temp;
    int tokens;
    const int32_t *prompt;
    int n_prompt;
    const char *prompt_text;
} setup;

static void run_spec(setup *s, ew__spec_edge *edge, result *res)
{
    memset(res, 0, sizeof *res);
    ew__spec_params p = {
        .backend = "cloud",
        .target_model = "target",
        .prompt = s->prompt,
        .n_prompt = s->n_prompt,
        .max_tokens = s->tokens,
        .has_seed = true,
        .ignore_eog = true,
        .cfg = {.k = 4, .k_max = 16, .adaptive = true, .p_min = 0.0, .min_acceptance = 0.0},
    };
    ew_sampler_params_init(&p.sampling);
    p.sampling.temperature = (float)s->temp;
    p.sampling.top_k = 0;
    p.sampling.top_p = 1.0f;
    p.sampling.min_p = 0;
    p.sampling.seed = 7;
    waiter w = {s->base, res, now_us(), 0, false};
    static const ew__spec_events ev = {spec_tokens, spec_end};
    ew__spec_run *run;
    ew_error err;
    if (ew__spec_start(edge, &p, &ev, &w, &run, &err)) {
        snprintf(res->message, sizeof res->message, "%s", err.message);
        return;
    }
    while (!w.done)
        event_base_dispatch(s->base);
}

static void stream_delta(void *user, const ew__openai_delta *d)
{
    waiter *w = user;
    if (d->content_len) w->deltas++;
}

static void stream_done(void *user, const ew__remote_result *r)
{
    waiter *w = user;
    w->res->ok = true;
    w->res->tokens = r->usage.present ? (int)r->usage.completion_tokens : w->deltas;
    w->res->seconds = (double)(now_us() - w->t0) / 1e6;
    w->done = true;
    event_base_loopbreak(w->base);
}

static void stream_error(void *user, const ew__remote_failure *f)
{
    waiter *w = user;
    snprintf(w->res->message, sizeof w->res->message, "%s", f->message);
    w->done = true;
    event_base_loopbreak(w->base);
}

/* Cloud-only: the cloud's own /v1/completions, streamed. */
static void run_stream(setup *s, result *res)
{
    memset(res, 0, sizeof *res);
    ew_request req = {
        .model = "target",
        .prompt = s->prompt_text,
        .prompt_len = strlen(s->prompt_text),
        .stream = true,
        .include_usage = true,
        .max_tokens = s->tokens,
        .temperature = s->temp,
        .top_p = NAN,
        .has_seed = true,
        .seed = 7,
        .frequency_penalty = NAN,
        .presence_penalty = NAN,
        .parallel_tool_calls = -1,
    };
    waiter w = {s->base, res, now_us(), 0, false};
    ew__remote_call_opts o = {.req = &req, .backend = "cloud", .no_fallback = true};
    static const ew__remote_callbacks cb = {NULL, stream_delta, stream_done, stream_error};
    ew__remote_call *call;
    ew_error err;
    if (ew__remote_start(s->remote, &o, &cb, &w, &call, &err)) {
        snprintf(res->message, sizeof res->message, "%s", err.message);
        return;
    }
    while (!w.done)
        event_base_dispatch(s->base);
}

/* Local-only: the draft (its first L layers) generating alone, greedy. */
static double run_local(const char *draft, int layers, const int32_t *prompt, int n_prompt,
                        int tokens)
{
    ew_model *m;
    if (ew_model_open(draft, NULL, &m, NULL)) return -1;
    ew_session_params sp;
    ew_session_params_init(&sp);
    sp.n_ctx = 1024;
    sp.n_layer_exit = layers;
    ew_session *s;
    if (ew_session_new(m, &sp, &s, NULL)) return -1;
    int nv = ew_model_n_vocab(m);
    uint64_t t0 = now_us();
    ew_session_eval(s, prompt, n_prompt, NULL);
    for (int i = 0; i < tokens; i++) {
        const float *l = ew_session_logits(s, -1);
        int32_t best = 0;
        for (int j = 1; j < nv; j++)
            if (l[j] > l[best]) best = j;
        ew_session_eval(s, &best, 1, NULL);
    }
    double sec = (double)(now_us() - t0) / 1e6;
    ew_session_free(s);
    ew_model_close(m);
    return tokens / sec;
}

/* ---- llama.cpp's acceptance on the same files --------------------------------------------- */

static void llama_compare(const char *bin, const char *target, const char *draft, const char *text,
                          int tokens)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "'%s' -m '%s' -md '%s' -p '%s' -n %d --spec-draft-n-max 8 -s 7 --temp 0 -t 1 "
             "2>&1 | grep -E 'n_drafted|n_accept|accept '",
             bin, target, draft, text, tokens);
    printf("\nllama.cpp (%s), same target and draft files, greedy:\n", bin);
    fflush(stdout);
    int rc = system(cmd);
    if (rc) printf("  (llama-speculative failed or printed no acceptance: exit %d)\n", rc);
}

/* ---- main ---------------------------------------------------------------------------------- */

typedef struct row {
    double pass_ms, temp;
    int layers;
    bool spec;
    double tps[MAX_LIST];
    double acceptance, mean_acc, passes_per_tok, bytes_per_round;
    bool have_stats;
    bool modelled;     /* cloud-only computed, not measured */
    double break_even; /* speculative: acceptance where it matches cloud-only at 30 ms; <0 = n/a */
} row;

static void print_row(const row *r, int n_rtt)
{
    char acc[16] = "-", mal[16] = "-", ppt[16] = "-", bpr[16] = "-", layers[16] = "-";
    if (r->have_stats) {
        snprintf(acc, sizeof acc, "%.2f", r->acceptance);
        snprintf(mal, sizeof mal, "%.2f", r->mean_acc);
        snprintf(ppt, sizeof ppt, "%.3f", r->passes_per_tok);
        snprintf(bpr, sizeof bpr, "%.0f", r->bytes_per_round);
    }
    if (r->layers >= 0) snprintf(layers, sizeof layers, "%d", r->layers);
    printf("| %5.0f | %-11s | %5s | %4.1f | %5s | %5s | %6s | %6s |", r->pass_ms,
           r->spec       ? "speculative"
           : r->modelled ? "cloud-only*"
                         : "cloud-only",
           layers, r->temp, acc, mal, ppt, bpr);
    for (int i = 0; i < n_rtt; i++) {
        if (r->tps[i] > 0)
            printf(" %7.1f |", r->tps[i]);
        else
            printf("     n/a |");
    }
    if (r->spec && r->break_even >= 0 && r->break_even <= 1)
        printf(" %.2f |", r->break_even);
    else
        printf(" %s |", r->spec && r->break_even > 1 ? "never" : "-");
    printf("\n");
}

/* The acceptance at which speculative decoding, with the best k and the
 * times measured, delivers as many tokens per second as cloud-only at
 * cloud_tps; 2 when even full acceptance does not. */
static double break_even(const ew__spec_stats *st, double cloud_tps)
{
    double per_round = st->rounds ? (double)st->drafted / st->rounds + 1 : 1;
    double verify_tok = st->verify_ms / per_round;
    double lo = 0, hi = 1;
    for (int i = 0; i < 40; i++) {
        double a = (lo + hi) / 2, best = 0;
        for (int k = 1; k <= EW_SPEC_MAX_DRAFT; k++)
            best = fmax(best, ew_spec_expected_rate(a, k, st->draft_ms, st->rtt_ms, verify_tok));
        if (best >= cloud_tps)
            hi = a;
        else
            lo = a;
    }
    return hi > 0.999 ? 2 : hi;
}

/* One bench's shared state and its running checks. */
typedef struct bench {
    setup *s;
    relay *l;
    const netns *ns;
    ew__remote *stream_remote;
    const double *rtts;
    int n_rtt, tokens;
    double t_tok;   /* the target's decode step here, seconds */
    bool stream_ok; /* false once the cloud turns out not to stream completions */
    int bound_runs, bound_ok, high_acc, faster;
} bench;

static int rtt_index(const bench *b, double ms)
{
    for (int i = 0; i < b->n_rtt; i++)
        if (b->rtts[i] == ms) return i;
    return -1;
}

/* Cloud-only streaming at every RTT; returns its tok/s at 30 ms (0 = not run). */
static double cloud_row(bench *b, double pass_ms, double temp)
{
    row r = {.pass_ms = pass_ms, .temp = temp, .layers = -1, .spec = false};
    setup *s = b->s;
    ew__remote *spec_remote = s->remote;
    s->temp = temp;
    s->remote = b->stream_remote;
    for (int ri = 0; ri < b->n_rtt && b->stream_ok; ri++) {
        link_set_rtt(b->ns, b->l, b->rtts[ri]);
        result res;
        run_stream(s, &res);
        if (res.ok && res.tokens > 0) {
            r.tps[ri] = res.tokens / res.seconds;
        } else {
            fprintf(stderr, "cloud-only: %s\n", res.message);
            b->stream_ok = false;
        }
    }
    s->remote = spec_remote;
    if (!b->stream_ok) {
        /* modelled: one round trip, then one target decode step per token */
        r.modelled = true;
        for (int ri = 0; ri < b->n_rtt; ri++)
            r.tps[ri] = b->tokens / (b->rtts[ri] / 1000 + b->tokens * (b->t_tok + pass_ms / 1000));
    }
    print_row(&r, b->n_rtt);
    fflush(stdout);
    int i30 = rtt_index(b, 30);
    return i30 >= 0 ? r.tps[i30] : 0;
}

/* Speculative decoding at every RTT with one draft depth and temperature. */
static void spec_row(bench *b, ew__spec_edge *edge, double pass_ms, int layers, double temp,
                     double cloud30)
{
    row r = {.pass_ms = pass_ms, .temp = temp, .layers = layers, .spec = true, .break_even = -1};
    setup *s = b->s;
    s->temp = temp;
    int i30 = rtt_index(b, 30);
    for (int ri = 0; ri < b->n_rtt; ri++) {
        link_set_rtt(b->ns, b->l, b->rtts[ri]);
        result res;
        s->tokens = 8; /* warm-up: the pair's check, k for this relay */
        run_spec(s, edge, &res);
        s->tokens = b->tokens;
        run_spec(s, edge, &res);
        if (!res.ok) {
            fprintf(stderr, "speculative L=%d: %s\n", layers, res.message);
            continue;
        }
        const ew__spec_stats *st = &res.st;
        r.tps[ri] = res.tokens / res.seconds;
        r.have_stats = true;
        r.acceptance = st->drafted ? (double)st->accepted / st->drafted : 0;
        r.mean_acc = st->rounds ? (double)st->accepted / st->rounds : 0;
        r.passes_per_tok = (double)st->target_passes / res.tokens;
        r.bytes_per_round =
            st->rounds ? (double)(st->bytes_sent + st->bytes_received) / st->rounds : 0;
        b->bound_runs++;
        b->bound_ok += r.passes_per_tok <= 1.0 / (r.mean_acc + 1) + 1e-9;
        if (ri != i30 || cloud30 <= 0) continue;
        r.break_even = break_even(st, cloud30);
        if (r.acceptance >= 0.6) {
            b->high_acc++;
            b->faster += r.tps[ri] > cloud30;
        }
    }
    print_row(&r, b->n_rtt);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    const char *shared = getenv("EW_SHARED") ? getenv("EW_SHARED") : "../shared";
    char target_buf[512], edgeway_buf[1024];
    snprintf(target_buf, sizeof target_buf, "%s/models/stories260K.gguf", shared);
    const char *target = target_buf, *draft = NULL, *edgeway = getenv("EW_BIN");
    double layers[MAX_LIST] = {3, 4, 5}, temps[MAX_LIST] = {0, 1}, rtts[MAX_LIST] = {0, 10, 30, 80};
    double pass[MAX_LIST] = {0, 25};
    int n_layers = 3, n_temps = 2, n_rtt = 4, n_pass = 2, tokens = 48;
    for (int i = 1; i + 1 < argc; i += 2) {
        const char *k = argv[i], *v = argv[i + 1];
        if (!strcmp(k, "--target"))
            target = v;
        else if (!strcmp(k, "--draft"))
            draft = v;
        else if (!strcmp(k, "--layers"))
            n_layers = parse_list(v, layers);
        else if (!strcmp(k, "--temps"))
            n_temps = parse_list(v, temps);
        else if (!strcmp(k, "--rtt"))
            n_rtt = parse_list(v, rtts);
        else if (!strcmp(k, "--pass-ms"))
            n_pass = parse_list(v, pass);
        else if (!strcmp(k, "--tokens"))
            tokens = atoi(v);
        else if (!strcmp(k, "--edgeway"))
            edgeway = v;
        else {
            fprintf(stderr,
                    "unknown option %s (see the comment at the top of bench/speculative.c)\n", k);
            return 2;
        }
    }
    if (!draft) draft = target;
    if (!edgeway) {
        char self[1024];
        snprintf(self, sizeof self, "%s", argv[0]);
        snprintf(edgeway_buf, sizeof edgeway_buf, "%s/edgeway", dirname(self));
        edgeway = edgeway_buf;
    }
    signal(SIGPIPE, SIG_IGN);

    netns ns;
    link_setup(&ns);
    if (ns.netem)
        printf("link emulation used: tc netem on a veth pair between two network namespaces\n");
    else if (ns.on)
        printf("link emulation used: in-process relay, each chunk delayed RTT/2 per direction,\n"
               "  over a veth pair between two network namespaces (netem: %s)\n",
               ns.why);
    else
        printf("link emulation used: in-process relay, each chunk delayed RTT/2 per direction,\n"
               "  on loopback (network namespaces: %s)\n",
               ns.why);

    cloud c = {0};
    if (cloud_start(&c, edgeway, target, &ns)) {
        fprintf(stderr, "cannot start the cloud (%s serve)\n", edgeway);
        cloud_stop(&c);
        link_cleanup(&ns);
        return 1;
    }
    struct event_base *base = event_base_new();
    relay l = {0};
    if (link_open(&l, base, ns.on ? 0x0a4d0002 : 0x7f000001, c.port)) {
        fprintf(stderr, "cannot open the relay\n");
        cloud_stop(&c);
        link_cleanup(&ns);
        return 1;
    }
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/v1", l.port);
    setenv("EW_BENCH_SPECULATIVE_KEY", BENCH_KEY, 1);
    ew_backend_cfg bc = {.name = "cloud",
                         .api_key_env = "EW_BENCH_SPECULATIVE_KEY",
                         .base_url = url,
                         .weight = 1,
                         .connect_timeout_ms = 5000,
                         .first_byte_timeout_ms = 60000,
                         .idle_timeout_ms = 60000,
                         .total_timeout_ms = 600000,
                         .max_retries = 2,
                         .proxy = "",
                         .kind = "edgeway"};
    ew__remote_opts ro = {.base = base, .backends = &bc, .n_backends = 1, .retry_base_ms = 200};
    ew__remote *remote, *stream_remote; /* one each, so their breakers stay apart */
    ew_error err;
    if (ew__remote_new(&ro, &remote, &err) || ew__remote_new(&ro, &stream_remote, &err)) {
        fprintf(stderr, "remote: %s\n", err.message);
        return 1;
    }

    /* the prompt, tokenized with the draft's tokenizer */
    static const char text[] = "Once upon a time, there was a little girl named Lily. She";
    ew_model *dm;
    if (ew_model_open(draft, NULL, &dm, &err)) {
        fprintf(stderr, "%s: %s\n", draft, err.message);
        return 1;
    }
    ew_token ids[256];
    size_t n_ids = 0;
    ew_tokenizer_encode(ew_model_tokenizer(dm), text, strlen(text), true, false, ids, 256, &n_ids,
                        NULL);
    ew_model_info dinfo;
    ew_model_get_info(dm, &dinfo);
    ew_model_close(dm);
    setup s = {base, remote, draft, 0, 0, tokens, (const int32_t *)ids, (int)n_ids, text};

    printf("target %s, draft %s (%d layers), %d tokens per run, prompt of %zu tokens\n", target,
           draft, dinfo.n_layer, tokens, n_ids);
    /* the target's own decode step on this machine (the cloud runs on it too) */
    double t_tok = 1.0 / run_local(target, 0, (const int32_t *)ids, (int)n_ids, tokens);
    printf("target decode step here: %.3f ms\n\n", t_tok * 1000);
    printf("tok/s per emulated RTT; 'target pass' is the extra time each target forward pass "
           "costs (0 = the real model only)\n\n");
    printf("| target pass ms | route | draft L | temp | acceptance | mean accepted | target "
           "passes/token | bytes/round |");
    for (int i = 0; i < n_rtt; i++)
        printf(" %.0f ms |", rtts[i]);
    printf(" break-even acceptance at 30 ms |\n|---|---|---|---|---|---|---|---|");
    for (int i = 0; i < n_rtt; i++)
        printf("---|");
    printf("---|\n");
    fflush(stdout);

    bench b = {.s = &s,
               .l = &l,
               .ns = &ns,
               .stream_remote = stream_remote,
               .rtts = rtts,
               .n_rtt = n_rtt,
               .tokens = tokens,
               .t_tok = t_tok,
               .stream_ok = true};
    for (int pi = 0; pi < n_pass; pi++) {
        l.pass_ms = pass[pi];
        double cloud30[MAX_LIST];
        for (int ti = 0; ti < n_temps; ti++)
            cloud30[ti] = cloud_row(&b, pass[pi], temps[ti]);
        for (int li = 0; li < n_layers; li++) {
            ew__spec_edge_opts eo = {.base = base,
                                     .remote = remote,
                                     .draft_path = draft,
                                     .n_layer_exit = (int)layers[li],
                                     .n_ctx = 1024};
            ew__spec_edge *edge;
            if (ew__spec_edge_new(&eo, &edge, &err)) {
                fprintf(stderr, "edge: %s\n", err.message);
                continue;
            }
            for (int ti = 0; ti < n_temps; ti++)
                spec_row(&b, edge, pass[pi], (int)layers[li], temps[ti], cloud30[ti]);
            ew__spec_edge_free(edge);
        }
    }
    printf("\nchecks: target passes per token <= 1/(mean accepted + 1) in %d of %d speculative "
           "runs;\n  at 30 ms RTT, speculative faster than cloud-only in %d of the %d runs with "
           "acceptance >= 0.6\n",
           b.bound_ok, b.bound_runs, b.faster, b.high_acc);
    bool stream_ok = b.stream_ok;
    if (!stream_ok)
        printf("\n* cloud-only* is modelled, not measured: this cloud does not stream "
               "/v1/completions yet,\n  so it is RTT + tokens x (decode step + target pass).\n");
    printf("\nlocal-only (the draft alone on this machine, greedy):\n");
    for (int li = 0; li < n_layers; li++)
        printf("  L=%d: %.1f tok/s\n", (int)layers[li],
               run_local(draft, (int)layers[li], (const int32_t *)ids, (int)n_ids, tokens));
    const char *llama = getenv("EW_LLAMA_SPECULATIVE");
    if (llama && strcmp(draft, target))
        llama_compare(llama, target, draft, text, tokens);
    else if (llama)
        printf("\nllama.cpp comparison skipped: it needs a separate draft file (--draft)\n");

    ew__remote_free(remote);
    ew__remote_free(stream_remote);
    evconnlistener_free(l.lis);
    event_base_free(base);
    cloud_stop(&c);
    link_cleanup(&ns);
    return 0;
}
