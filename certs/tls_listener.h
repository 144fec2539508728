/* The bridge from a listener's config (policy/config.h) to TLS options, for
 * the gateway. Internal to the library. */
#ifndef EW_CERTS_TLS_LISTENER_H
#define EW_CERTS_TLS_LISTENER_H

#include "edgeway/certs.h"
#include "policy/config.h"

/* Fills *o from l's tls_* fields; o borrows l's strings and arrays (the
 * TLS server copies what it keeps). l->tls_cert must be set. */
void ew__tls_options_from_listener(const ew_listener_cfg *l, ew_tls_options *o);

/* Creates (*s NULL) or reloads (*s set) the TLS server of a listener. On
 * failure err names the listener and *s is unchanged. */
int ew__tls_listener_apply(const ew_listener_cfg *l, ew_tls_server **s, ew_error *err);

#endif
