/* Internal to the gateway: the OpenAI and edgeway endpoints (api.c). */
#ifndef EW_GATEWAY_API_H
#define EW_GATEWAY_API_H

#include <stdbool.h>

#include "gateway/gw.h"

/* Identifies the caller (API key or anonymous loopback) and keeps it on the
 * request; answers 401/403 itself and returns false when refused. */
bool ew__authenticate(ew__gateway *gw, ew__http_req *r, bool need_admin);

void ew__ep_models(ew__gateway *gw, ew__http_req *r);
void ew__ep_model(ew__gateway *gw, ew__http_req *r);
void ew__ep_chat(ew__gateway *gw, ew__http_req *r);
void ew__ep_completions(ew__gateway *gw, ew__http_req *r);
void ew__ep_route(ew__gateway *gw, ew__http_req *r);
void ew__ep_device(ew__gateway *gw, ew__http_req *r);
void ew__ep_device_get(ew__gateway *gw, ew__http_req *r);
void ew__ep_reload(ew__gateway *gw, ew__http_req *r);

/* The exec of a chat/completion request, once it ran; NULL otherwise. */
ew__exec *ew__request_exec(ew__http_req *r);

/* The device's own state as decisions see it (ew_router_get_device: static,
 * or pushed over sysfs, each not older than device.max_age); false when
 * every field is unknown. */
bool ew__device_current(ew__gateway *gw, ew_route_device *out);

/* An OpenAI error response. */
void ew__respond_err(ew__http_req *r, int status, const char *type, const char *code,
                     const char *param, const char *message);

#endif
