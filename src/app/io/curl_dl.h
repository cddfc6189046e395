/* curl_dl.h - libcurl, loaded only when a table is fetched.
 *
 * Linking libcurl pulls some 30 more shared libraries (TLS, Kerberos, LDAP,
 * ...) into every start of switchsim: loading and relocating them cost more
 * than a whole simulation. Only `tables fetch` needs it, so fetch.c calls it
 * through these pointers, filled by dlopen("libcurl.so.4") on first use. */
#ifndef SWITCHSIM_CURL_DL_H
#define SWITCHSIM_CURL_DL_H

#include <curl/curl.h>

#include "switchsim/err.h"

struct sw_curl {
    __typeof__(curl_global_init) *global_init;
    __typeof__(curl_global_cleanup) *global_cleanup;
    __typeof__(curl_easy_init) *easy_init;
    __typeof__(curl_easy_reset) *easy_reset;
    __typeof__(curl_easy_setopt) *easy_setopt;
    __typeof__(curl_easy_perform) *easy_perform;
    __typeof__(curl_easy_getinfo) *easy_getinfo;
    __typeof__(curl_easy_strerror) *easy_strerror;
    __typeof__(curl_easy_cleanup) *easy_cleanup;
    __typeof__(curl_url) *url;
    __typeof__(curl_url_set) *url_set;
    __typeof__(curl_url_get) *url_get;
    __typeof__(curl_url_cleanup) *url_cleanup;
    __typeof__(curl_free) *free;
};

/* The libcurl functions, loaded on the first call; NULL with err set
 * (SW_ERR_TABLE, naming `field`) when libcurl cannot be loaded. */
const struct sw_curl *sw_curl(const char *field, struct sw_err *err);

#endif
