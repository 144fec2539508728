/* An LD_PRELOAD probe for bench/gateway_probe.sh: records when the gateway
 * reads and writes each socket and when it waits in epoll_wait, so the time
 * a request spends inside the gateway can be split per hop without a
 * profiler's overhead. Sockets the process accepted are the clients'; the
 * others are upstream connections. Events go to a preallocated array (no
 * allocation or I/O on the measured path) and are written to $PROBE_OUT
 * when the process exits normally. Single-threaded use (the serve loop's
 * thread) is assumed; events of other threads are recorded too. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* One record; bench/gateway_probe.sh reads them as struct "<QiiQ". */
typedef struct probe_ev {
    uint64_t t_ns; /* CLOCK_MONOTONIC */
    int32_t fd;
    int32_t kind;
    int64_t arg; /* bytes read or written (a read's result), epoll timeout / result */
} probe_ev;

enum { K_RECV_CLIENT, K_SEND_CLIENT, K_RECV_UP, K_SEND_UP, K_EPOLL_WAIT, K_EPOLL_DONE };

#define MAX_EVENTS (4u << 20)
#define MAX_FD     65536

static probe_ev *events;
static size_t n_events;
static unsigned char accepted[MAX_FD];

static void record(int fd, int kind, int64_t arg)
{
    if (!events) events = malloc(sizeof *events * MAX_EVENTS);
    if (!events || n_events >= MAX_EVENTS) return;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    events[n_events++] =
        (probe_ev){(uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec, fd, kind, arg};
}

static int is_client(int fd)
{
    return fd >= 0 && fd < MAX_FD && accepted[fd];
}

static void mark(int fd, unsigned char v)
{
    if (fd >= 0 && fd < MAX_FD) accepted[fd] = v;
}

/* The libc function this one wraps, looked up once. */
#define REAL(name)                                                                                 \
    static __typeof__(&name) real_##name;                                                          \
    if (!real_##name) real_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

int accept4(int s, struct sockaddr *a, socklen_t *l, int flags)
{
    REAL(accept4);
    int fd = real_accept4(s, a, l, flags);
    mark(fd, 1);
    return fd;
}

int accept(int s, struct sockaddr *a, socklen_t *l)
{
    REAL(accept);
    int fd = real_accept(s, a, l);
    mark(fd, 1);
    return fd;
}

int close(int fd)
{
    REAL(close);
    mark(fd, 0);
    return real_close(fd);
}

ssize_t recv(int fd, void *buf, size_t n, int flags)
{
    REAL(recv);
    ssize_t r = real_recv(fd, buf, n, flags);
    record(fd, is_client(fd) ? K_RECV_CLIENT : K_RECV_UP, r);
    return r;
}

ssize_t recvfrom(int fd, void *buf, size_t n, int flags, struct sockaddr *a, socklen_t *l)
{
    REAL(recvfrom);
    ssize_t r = real_recvfrom(fd, buf, n, flags, a, l);
    record(fd, is_client(fd) ? K_RECV_CLIENT : K_RECV_UP, r);
    return r;
}

ssize_t send(int fd, const void *buf, size_t n, int flags)
{
    REAL(send);
    record(fd, is_client(fd) ? K_SEND_CLIENT : K_SEND_UP, (int64_t)n);
    return real_send(fd, buf, n, flags);
}

ssize_t sendto(int fd, const void *buf, size_t n, int flags, const struct sockaddr *a, socklen_t l)
{
    REAL(sendto);
    record(fd, is_client(fd) ? K_SEND_CLIENT : K_SEND_UP, (int64_t)n);
    return real_sendto(fd, buf, n, flags, a, l);
}

int epoll_wait(int ep, struct epoll_event *ev, int max, int timeout)
{
    REAL(epoll_wait);
    record(ep, K_EPOLL_WAIT, timeout);
    int r = real_epoll_wait(ep, ev, max, timeout);
    record(ep, K_EPOLL_DONE, r);
    return r;
}

__attribute__((destructor)) static void dump(void)
{
    const char *path = getenv("PROBE_OUT");
    if (!path || !events) return;
    FILE *f = fopen(path, "wb");
    if (!f) return;
    fwrite(events, sizeof *events, n_events, f);
    fclose(f);
}
