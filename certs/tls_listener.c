/* A listener's TLS settings from the config. */
#include <stdio.h>
#include <string.h>

#include "certs/tls_listener.h"
#include "core/error.h"

void ew__tls_options_from_listener(const ew_listener_cfg *l, ew_tls_options *o)
{
    memset(o, 0, sizeof *o);
    o->cert.cert_file = l->tls_cert;
    o->cert.key_file = l->tls_key;
    o->sni = l->tls_sni;
    o->n_sni = l->n_tls_sni;
    o->client_ca_file = l->tls_client_ca;
    o->client_crl_file = l->tls_client_crl;
    o->client_optional = l->tls_client_optional;
    o->tenants = l->tls_tenants;
    o->n_tenants = l->n_tls_tenants;
    o->handshake_timeout_ms = l->tls_handshake_timeout_ms;
    o->no_session_tickets = !l->tls_session_tickets;
    o->ticket_lifetime_s = (l->tls_session_lifetime_ms + 999) / 1000;
    /* The config's 0 means off; the options' 0 means the default. */
    o->session_cache_size = l->tls_session_cache > 0 ? l->tls_session_cache : -1;
}

int ew__tls_listener_apply(const ew_listener_cfg *l, ew_tls_server **s, ew_error *err)
{
    ew_tls_options o;
    ew__tls_options_from_listener(l, &o);
    ew_error e;
    ew_error_clear(&e);
    int st = *s ? ew_tls_server_reload(*s, &o, &e) : ew_tls_server_new(&o, s, &e);
    if (st)
        ew__error_set(err, st, "listener %s:%d: %s", l->host ? l->host : "?", l->port, e.message);
    return st;
}
