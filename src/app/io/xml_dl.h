/* xml_dl.h - libxml2, loaded only when a table document is parsed.
 *
 * Linking libxml2 pulls libicuuc, libicudata, libstdc++, libgcc_s, libz and
 * liblzma into every start of switchsim (some 2300 relocations), yet with the
 * snapshot cache (src/core/tables/tables_snapshot.c) a start reads no XML. So
 * the programs do not link it: the table reader takes its functions as a
 * struct sw_xml (switchsim/tables_xml.h), filled here by dlopen("libxml2.so.2")
 * on first use. The runtime package (Debian: libxml2) must be installed. */
#ifndef SWITCHSIM_XML_DL_H
#define SWITCHSIM_XML_DL_H

#include "switchsim/err.h"
#include "switchsim/tables_xml.h"

/* The soname of libxml2's ABI 2 (Debian: libxml2, the -dev package's link). */
#define SW_XML_SONAME "libxml2.so.2"

/* The libxml2 functions, loaded on the first call (thread-safe) and kept for
 * the life of the process; NULL with err set (SW_ERR_TABLE, naming `field`,
 * the soname and what failed) when libxml2 cannot be loaded. */
const struct sw_xml *sw_xml(const char *field, struct sw_err *err);

/* Fill *out from the library `soname` (dlopen, then dlsym of every function);
 * the library stays loaded on success. SW_ERR_TABLE naming `field` when it
 * cannot be opened or lacks a function. sw_xml() with SW_XML_SONAME. */
sw_status sw_xml_open(const char *soname, struct sw_xml *out, const char *field,
                      struct sw_err *err);

#endif
