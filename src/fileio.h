/* fileio.h - the file reading that the front ends (CLI, CGI, tests) share; the
 * core itself does no I/O. */
#ifndef SWITCHSIM_FILEIO_H
#define SWITCHSIM_FILEIO_H

#include <stddef.h>

#include "switchsim/err.h"
#include "switchsim/tables.h"

/* Compiled-in default for --tables: the in-tree or installed tables directory. */
#ifndef SW_TABLES_DIR
#define SW_TABLES_DIR "tables"
#endif

/* Read a whole file ("-" = standard input) into a NUL-terminated buffer of at most
 * `max` bytes. *out is malloc'ed; free() it. SW_ERR_IO naming the path when it
 * cannot be read, SW_ERR_TOO_BIG when it is larger than max. */
sw_status sw_read_file(char **out, size_t *len, const char *path, size_t max,
                       struct sw_err *err) __attribute__((warn_unused_result));

/* The tables directory to use: `dir` when given, else $SWITCHSIM_TABLES, else
 * SW_TABLES_DIR. */
const char *sw_tables_dir(const char *dir);

/* Load every *.xml in DIR and DIR/gemeenten (sorted by name) with the schema in
 * DIR/schema/v1/tables.xsd, and finish the set. Names in messages are relative to
 * DIR's parent ("tables/wml.xml"). Call sw_tables_free() on *out. */
sw_status sw_tables_load_dir(struct sw_tables **out, const char *dir, struct sw_err *err)
    __attribute__((warn_unused_result));

#endif
