/* Internal: a decision written into a JSON writer already in progress (the
 * gateway embeds it in responses). */
#ifndef EW_ROUTER_DECISION_JSON_H
#define EW_ROUTER_DECISION_JSON_H

#include "core/json.h"
#include "edgeway/router.h"

void ew__decision_write(ew_jw *w, const ew_decision *d);

#endif
