/* xml_dl.c - libxml2 through dlopen (xml_dl.h). */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>

#include "xml_dl.h"

sw_status sw_xml_open(const char *soname, struct sw_xml *out, const char *field,
                      struct sw_err *err)
{
    static const struct {
        const char *name;
        size_t offset;
    } syms[] = {
#define SYM(f, m) {#f, offsetof(struct sw_xml, m)}
        SYM(xmlInitParser, init_parser),
        SYM(xmlSetGenericErrorFunc, set_generic_error_func),
        SYM(xmlSetStructuredErrorFunc, set_structured_error_func),
        SYM(xmlReadMemory, read_memory),
        SYM(xmlFreeDoc, free_doc),
        SYM(xmlDocGetRootElement, doc_get_root_element),
        SYM(xmlGetProp, get_prop),
        SYM(xmlGetLineNo, get_line_no),
        SYM(xmlNodeGetContent, node_get_content),
        SYM(xmlSchemaNewDocParserCtxt, schema_new_doc_parser_ctxt),
        SYM(xmlSchemaSetParserStructuredErrors, schema_set_parser_structured_errors),
        SYM(xmlSchemaParse, schema_parse),
        SYM(xmlSchemaFreeParserCtxt, schema_free_parser_ctxt),
        SYM(xmlSchemaFree, schema_free),
        SYM(xmlSchemaNewValidCtxt, schema_new_valid_ctxt),
        SYM(xmlSchemaSetValidStructuredErrors, schema_set_valid_structured_errors),
        SYM(xmlSchemaValidateDoc, schema_validate_doc),
        SYM(xmlSchemaFreeValidCtxt, schema_free_valid_ctxt),
#undef SYM
    };
    struct sw_xml got;
    void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL), *p;
    const char *missing = NULL;

    if (!h) {
        const char *why = dlerror();
        return sw_err_set(err, SW_ERR_TABLE, field,
                          "cannot load libxml2 (%s) to read the tables: %.300s", soname,
                          why ? why : "unknown error");
    }
    memset(&got, 0, sizeof(got));
    for (size_t i = 0; i < sizeof(syms) / sizeof(syms[0]) && !missing; i++) {
        p = dlsym(h, syms[i].name);
        if (!p)
            missing = syms[i].name;
        /* A data pointer from dlsym() as a function pointer (POSIX guarantees
         * they have the same representation). */
        memcpy((char *)&got + syms[i].offset, &p, sizeof(p));
    }
    /* xmlFree is a variable that holds the function (exported as data). */
    p = missing ? NULL : dlsym(h, "xmlFree");
    if (!missing && !p)
        missing = "xmlFree";
    if (p)
        memcpy(&got.free, p, sizeof(got.free));
    if (!missing && !got.free)
        missing = "xmlFree (empty)";
    if (missing) {
        dlclose(h);
        return sw_err_set(err, SW_ERR_TABLE, field, "cannot load libxml2 (%s): no %s", soname,
                          missing);
    }
    *out = got;
    return SW_OK;
}

const struct sw_xml *sw_xml(const char *field, struct sw_err *err)
{
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    static struct sw_xml fns;
    static bool loaded;
    bool ok;

    pthread_mutex_lock(&lock);
    if (!loaded)
        loaded = sw_xml_open(SW_XML_SONAME, &fns, field, err) == SW_OK;
    ok = loaded;
    pthread_mutex_unlock(&lock);
    return ok ? &fns : NULL;
}
