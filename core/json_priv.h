/* Shared by the JSON reader and writer only. Kept out of json.h so that
 * <locale.h> does not reach every file that uses JSON. */
#ifndef EW_CORE_JSON_PRIV_H
#define EW_CORE_JSON_PRIV_H

#include <locale.h>

/* The "C" locale, created once; (locale_t)0 if the system could not. Numbers
 * are read and written in it, whatever locale the embedder set. */
locale_t ew__json_c_locale(void);

#endif
