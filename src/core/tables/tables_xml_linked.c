/* tables_xml_linked.c - sw_tables_new() and sw_xml_linked(): the table reader
 * with the libxml2 linked into the program (switchsim/tables_xml.h).
 *
 * The only file of the library that names libxml2's functions: a program that
 * calls neither function (switchsim's own, which load libxml2 with dlopen) does
 * not pull this object out of libswitchsim.a, and so needs no -lxml2.
 */
#include "switchsim/tables_xml.h"

/* xmlFree is a variable (or a macro around one): call what it holds now. */
static void linked_free(void *p)
{
    xmlFree(p);
}

const struct sw_xml *sw_xml_linked(void)
{
    static const struct sw_xml fns = {
        .init_parser = xmlInitParser,
        .set_generic_error_func = xmlSetGenericErrorFunc,
        .set_structured_error_func = xmlSetStructuredErrorFunc,
        .read_memory = xmlReadMemory,
        .free_doc = xmlFreeDoc,
        .doc_get_root_element = xmlDocGetRootElement,
        .get_prop = xmlGetProp,
        .get_line_no = xmlGetLineNo,
        .node_get_content = xmlNodeGetContent,
        .free = linked_free,
        .schema_new_doc_parser_ctxt = xmlSchemaNewDocParserCtxt,
        .schema_set_parser_structured_errors = xmlSchemaSetParserStructuredErrors,
        .schema_parse = xmlSchemaParse,
        .schema_free_parser_ctxt = xmlSchemaFreeParserCtxt,
        .schema_free = xmlSchemaFree,
        .schema_new_valid_ctxt = xmlSchemaNewValidCtxt,
        .schema_set_valid_structured_errors = xmlSchemaSetValidStructuredErrors,
        .schema_validate_doc = xmlSchemaValidateDoc,
        .schema_free_valid_ctxt = xmlSchemaFreeValidCtxt,
    };

    return &fns;
}

sw_status sw_tables_new(struct sw_tables **out, const char *xsd, size_t xsd_len,
                        struct sw_err *err)
{
    return sw_tables_new_with(out, xsd, xsd_len, sw_xml_linked(), err);
}
