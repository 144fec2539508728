/* What one loopback hop costs on this machine, with the receiver asleep or
 * busy-polling: a sender sends 1 KiB every 200 us over TCP on 127.0.0.1 to a
 * thread waiting in epoll_wait (asleep: timeout -1; polling: timeout 0).
 * Reports the sender's send() time (the receiver's TCP runs inside it, and
 * so does waking the receiver) and the time from the send's start to the
 * receiver's recv() returning (the hop's latency, wake-up included).
 *
 *   cc -O2 -pthread -o /tmp/loopback_wake bench/probe/loopback_wake.c
 *   /tmp/loopback_wake [count]      (default 5000 per mode)
 *
 * The gateway makes two such sends per request (to the upstream, to the
 * client) and is woken once (the client's request; busy-polling catches
 * the upstream's answer): see docs/gateway.md, "The kernel's share". */
#include <arpa/inet.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

typedef struct hop {
    int fd;
    int polling;
    _Atomic uint64_t got_ns; /* when the receiver's last recv returned */
} hop;

static void *receiver(void *arg)
{
    hop *h = arg;
    int ep = epoll_create1(0);
    struct epoll_event e = {.events = EPOLLIN}, ev;
    epoll_ctl(ep, EPOLL_CTL_ADD, h->fd, &e);
    char buf[4096];
    for (;;) {
        if (epoll_wait(ep, &ev, 1, h->polling ? 0 : -1) <= 0) continue;
        ssize_t n = recv(h->fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        atomic_store(&h->got_ns, now_ns());
    }
    close(ep);
    return NULL;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void run(int polling, int count)
{
    int l = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t al = sizeof a;
    if (bind(l, (struct sockaddr *)&a, sizeof a) || listen(l, 1) ||
        getsockname(l, (struct sockaddr *)&a, &al)) {
        perror("listen");
        exit(1);
    }
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(s, (struct sockaddr *)&a, sizeof a)) {
        perror("connect");
        exit(1);
    }
    int one = 1;
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    hop h = {.fd = accept(l, NULL, NULL), .polling = polling};
    pthread_t t;
    pthread_create(&t, NULL, receiver, &h);
    uint64_t *send_ns = calloc((size_t)count, sizeof *send_ns);
    uint64_t *hop_ns = calloc((size_t)count, sizeof *hop_ns);
    char msg[1024] = {0};
    for (int i = 0; i < count; i++) {
        usleep(200);
        uint64_t before = atomic_load(&h.got_ns), t0 = now_ns();
        if (send(s, msg, sizeof msg, 0) != (ssize_t)sizeof msg) break;
        send_ns[i] = now_ns() - t0;
        while (atomic_load(&h.got_ns) == before)
            ;
        hop_ns[i] = atomic_load(&h.got_ns) - t0;
    }
    close(s);
    pthread_join(t, NULL);
    close(h.fd);
    close(l);
    qsort(send_ns, (size_t)count, sizeof *send_ns, cmp_u64);
    qsort(hop_ns, (size_t)count, sizeof *hop_ns, cmp_u64);
    printf("receiver %-12s send() p50 %5.1f us, p90 %5.1f | send to recv p50 %5.1f us, p90 %5.1f\n",
           polling ? "busy-polling" : "asleep", send_ns[count / 2] / 1e3,
           send_ns[count * 9 / 10] / 1e3, hop_ns[count / 2] / 1e3, hop_ns[count * 9 / 10] / 1e3);
    free(send_ns);
    free(hop_ns);
}

int main(int argc, char **argv)
{
    int count = argc > 1 ? atoi(argv[1]) : 5000;
    if (count < 10) count = 10;
    run(0, count);
    run(1, count);
    return 0;
}
