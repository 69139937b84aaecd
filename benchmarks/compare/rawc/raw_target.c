/*
 * The raw target in C: one thread, epoll, HTTP/1.1 keep-alive, answers the token call and the API's five calls
 * with fixed bytes (echoing the body's ClientIdentifier), so a side-by-side run measures the load generators and
 * not the server. A few microseconds per request on one core, against tens for Kestrel pinned the same way.
 * Loopback only: it binds 127.0.0.1. It stops by itself after the given number of seconds.
 * Requests must carry Content-Length (every generator in compare.sh does; chunked bodies are not read), and a
 * request with its head larger than 64 KiB closes the connection.
 *
 *   cc -O2 -o raw_target raw_target.c && ./raw_target PORT SECONDS
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BUF 65536
#define MAX_ID 64

struct conn { int fd; int len; char in[BUF]; };

static const char TOKEN[] = "{\"access_token\":\"perf-token\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"innovaSuiteApi\"}";

struct route { const char *path; int status; const char *suffix; };
static const struct route ROUTES[] = {
    { "/api/Investors/Register", 201, "\",\"InvestorId\":1,\"Status\":\"Registered\"}" },
    { "/api/UnitTrust/JoinFund", 200, "\",\"FundShareClassCode\":\"MMF\",\"Status\":\"Joined\"}" },
    { "/api/UnitTrust/PurchaseUnitTrust", 200, "\",\"FundShareClassCode\":\"MMF\",\"PurchaseValue\":1000.00,\"UnitPrice\":1.0000,\"UnitsAllotted\":1000.0000,\"Balance\":{\"Units\":1000.0000,\"MarketValue\":1000.00}}" },
    { "/api/UnitTrust/FetchInvestorUnitTrustFunds", 200, "\",\"Funds\":[{\"FundShareClassCode\":\"MMF\",\"Units\":1000.0000,\"UnitPrice\":1.0000,\"MarketValue\":1000.00,\"Currency\":\"KES\"}],\"TotalMarketValue\":1000.00}" },
    { "/api/UnitTrust/SellUnitTrust", 200, "\",\"FundShareClassCode\":\"MMF\",\"SaleValue\":500.00,\"UnitsRedeemed\":500.0000,\"Balance\":{\"Units\":500.0000,\"MarketValue\":500.00}}" },
};

static int reply(char *out, int status, const char *body, int body_len) {
    const char *reason = status == 201 ? "Created" : status == 200 ? "OK" : status == 404 ? "Not Found" : "Bad Request";
    int n = sprintf(out, "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", status, reason, body_len);
    memcpy(out + n, body, body_len);
    return n + body_len;
}

/* Answers one complete request at in[0..head+body); returns bytes written to out. */
static int answer(const char *in, int head_len, int body_len, char *out) {
    const char *sp = memchr(in, ' ', head_len);
    if (!sp || strncmp(in, "POST ", 5) != 0) return reply(out, 405, "", 0);
    const char *path = sp + 1, *end = path;
    while (end < in + head_len && *end != ' ' && *end != '?') end++;
    int path_len = (int)(end - path);
    if (path_len == 19 && strncasecmp(path, "/core/connect/token", 19) == 0) return reply(out, 200, TOKEN, sizeof TOKEN - 1);
    for (unsigned i = 0; i < sizeof ROUTES / sizeof ROUTES[0]; i++) {
        if ((int)strlen(ROUTES[i].path) != path_len || strncasecmp(path, ROUTES[i].path, path_len) != 0) continue;
        const char *body = in + head_len, *id = "perf-client";
        int id_len = 11;
        const char *key = memmem(body, body_len, "\"ClientIdentifier\":\"", 20);
        if (key) {
            const char *start = key + 20, *q = memchr(start, '"', body + body_len - start);
            if (q && q > start && q - start <= MAX_ID) { id = start; id_len = (int)(q - start); }
        }
        char json[1024];
        int n = sprintf(json, "{\"ClientIdentifier\":\"%.*s%s", id_len, id, ROUTES[i].suffix);
        return reply(out, ROUTES[i].status, json, n);
    }
    return reply(out, 404, "", 0);
}

static long content_length(const char *head, int head_len) {
    for (const char *p = head; p < head + head_len - 16; p++) {
        if ((p[0] == '\n') && strncasecmp(p + 1, "content-length:", 15) == 0) return strtol(p + 16, NULL, 10);
    }
    return 0;
}

/* Reads what is there, answers every complete request; returns -1 when the connection should close. */
static int serve(struct conn *c) {
    static char out[BUF * 2];
    for (;;) {
        ssize_t r = read(c->fd, c->in + c->len, BUF - c->len);
        if (r == 0) return -1;
        if (r < 0) { if (errno == EAGAIN) break; if (errno == EINTR) continue; return -1; }
        c->len += (int)r;
        int used = 0, outlen = 0;
        for (;;) {
            char *start = c->in + used;
            char *eoh = memmem(start, c->len - used, "\r\n\r\n", 4);
            if (!eoh) break;
            int head_len = (int)(eoh - start) + 4;
            long body_len = content_length(start, head_len);
            if (body_len < 0 || head_len + body_len > BUF) return -1;
            if (used + head_len + body_len > c->len) break;
            if (outlen > BUF) break;
            outlen += answer(start, head_len, (int)body_len, out + outlen);
            used += head_len + (int)body_len;
        }
        if (used == 0 && c->len == BUF) return -1; /* a head larger than the buffer */
        memmove(c->in, c->in + used, c->len - used);
        c->len -= used;
        for (int sent = 0; sent < outlen;) {
            ssize_t w = write(c->fd, out + sent, outlen - sent);
            if (w < 0) { if (errno == EINTR) continue; if (errno == EAGAIN) { struct timespec t = {0, 100000}; nanosleep(&t, NULL); continue; } return -1; }
            sent += (int)w;
        }
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: raw_target PORT SECONDS\n"); return 2; }
    int port = atoi(argv[1]), seconds = atoi(argv[2]);
    int ls = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    if (bind(ls, (struct sockaddr *)&a, sizeof a) || listen(ls, 1024)) { perror("raw_target: bind/listen"); return 1; }
    int ep = epoll_create1(0);
    struct epoll_event ev = { .events = EPOLLIN, .data.ptr = NULL };
    epoll_ctl(ep, EPOLL_CTL_ADD, ls, &ev);
    time_t stop = time(NULL) + seconds;
    struct epoll_event events[256];
    while (time(NULL) < stop) {
        int n = epoll_wait(ep, events, 256, 500);
        for (int i = 0; i < n; i++) {
            struct conn *c = events[i].data.ptr;
            if (!c) {
                int fd;
                while ((fd = accept4(ls, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    struct conn *nc = calloc(1, sizeof *nc);
                    nc->fd = fd;
                    struct epoll_event cev = { .events = EPOLLIN, .data.ptr = nc };
                    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &cev);
                }
                continue;
            }
            if (serve(c) < 0) { epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL); close(c->fd); free(c); }
        }
    }
    return 0;
}
