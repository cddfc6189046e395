/* curl_dl.c - libcurl through dlopen (curl_dl.h). */
#include <dlfcn.h>
#include <stddef.h>
#include <string.h>

#include "curl_dl.h"

/* The soname of libcurl's ABI 4 (Debian: libcurl4, the -dev package's link). */
#define CURL_SONAME "libcurl.so.4"

const struct sw_curl *sw_curl(const char *field, struct sw_err *err)
{
    static struct sw_curl fns;
    static void *lib;
    static const struct {
        const char *name;
        size_t offset;
    } syms[] = {
#define SYM(f, m) {#f, offsetof(struct sw_curl, m)}
        SYM(curl_global_init, global_init),   SYM(curl_global_cleanup, global_cleanup),
        SYM(curl_easy_init, easy_init),       SYM(curl_easy_reset, easy_reset),
        SYM(curl_easy_setopt, easy_setopt),   SYM(curl_easy_perform, easy_perform),
        SYM(curl_easy_getinfo, easy_getinfo), SYM(curl_easy_strerror, easy_strerror),
        SYM(curl_easy_cleanup, easy_cleanup), SYM(curl_url, url),
        SYM(curl_url_set, url_set),           SYM(curl_url_get, url_get),
        SYM(curl_url_cleanup, url_cleanup),   SYM(curl_free, free),
#undef SYM
    };
    struct sw_curl got;
    void *h = lib;

    if (lib)
        return &fns;
    if (!h)
        h = dlopen(CURL_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *why = dlerror();
        sw_err_set(err, SW_ERR_TABLE, field, "cannot load libcurl (%s) to download: %.300s",
                   CURL_SONAME, why ? why : "unknown error");
        return NULL;
    }
    for (size_t i = 0; i < sizeof(syms) / sizeof(syms[0]); i++) {
        void *p = dlsym(h, syms[i].name);
        if (!p) {
            sw_err_set(err, SW_ERR_TABLE, field, "cannot load libcurl (%s): no %s", CURL_SONAME,
                       syms[i].name);
            dlclose(h);
            return NULL;
        }
        /* A data pointer from dlsym() as a function pointer (POSIX guarantees
         * they have the same representation). */
        memcpy((char *)&got + syms[i].offset, &p, sizeof(p));
    }
    fns = got;
    lib = h;
    return &fns;
}
