/* tables_xml.h - the libxml2 functions the table reader calls, as a struct of
 * pointers handed in by the caller.
 *
 * Linking libxml2 pulls libicuuc, libicudata, libstdc++, libgcc_s, libz and
 * liblzma into every start of a program, yet a program that reads its tables
 * from a snapshot (the cache) never parses XML. So the core does not call
 * libxml2 itself: sw_tables_new_with() takes these pointers, and the set uses
 * them until sw_tables_free(). Fill them with
 *   - sw_xml_linked() (src/core/tables/tables_xml_linked.c): the functions of a
 *     directly linked libxml2 (-lxml2; `pkg-config --libs switchsim` has it).
 *     sw_tables_new() is sw_tables_new_with(..., sw_xml_linked(), ...);
 *   - or a loader of your own: switchsim's programs take them from
 *     dlopen("libxml2.so.2") on the first table they parse
 *     (src/app/io/xml_dl.c), so they do not link libxml2 at all.
 * A program that never calls sw_tables_new() nor sw_xml_linked() does not link
 * libxml2's functions from libswitchsim.a.
 */
#ifndef SWITCHSIM_TABLES_XML_H
#define SWITCHSIM_TABLES_XML_H

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "switchsim/tables.h"

struct sw_xml {
    __typeof__(xmlInitParser) *init_parser;
    __typeof__(xmlSetGenericErrorFunc) *set_generic_error_func;
    __typeof__(xmlSetStructuredErrorFunc) *set_structured_error_func;
    __typeof__(xmlReadMemory) *read_memory;
    __typeof__(xmlFreeDoc) *free_doc;
    __typeof__(xmlDocGetRootElement) *doc_get_root_element;
    __typeof__(xmlGetProp) *get_prop;
    __typeof__(xmlGetLineNo) *get_line_no;
    __typeof__(xmlNodeGetContent) *node_get_content;
    /* libxml2's xmlFree: a variable (or a macro), not a function; this is the
     * function it holds. Frees what get_prop and node_get_content return. */
    xmlFreeFunc free;
    __typeof__(xmlSchemaNewDocParserCtxt) *schema_new_doc_parser_ctxt;
    __typeof__(xmlSchemaSetParserStructuredErrors) *schema_set_parser_structured_errors;
    __typeof__(xmlSchemaParse) *schema_parse;
    __typeof__(xmlSchemaFreeParserCtxt) *schema_free_parser_ctxt;
    __typeof__(xmlSchemaFree) *schema_free;
    __typeof__(xmlSchemaNewValidCtxt) *schema_new_valid_ctxt;
    __typeof__(xmlSchemaSetValidStructuredErrors) *schema_set_valid_structured_errors;
    __typeof__(xmlSchemaValidateDoc) *schema_validate_doc;
    __typeof__(xmlSchemaFreeValidCtxt) *schema_free_valid_ctxt;
};

/* The functions of the libxml2 linked into the program (needs -lxml2). */
const struct sw_xml *sw_xml_linked(void);

#endif
