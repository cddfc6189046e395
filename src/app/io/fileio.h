/* fileio.h - the file reading that the front ends (CLI, CGI, tests) share; the
 * core itself does no I/O. */
#ifndef SWITCHSIM_FILEIO_H
#define SWITCHSIM_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

#include "switchsim/err.h"
#include "switchsim/tables.h"

/* Compiled-in default for --tables: the in-tree or installed tables directory. */
#ifndef SW_TABLES_DIR
#define SW_TABLES_DIR "tables"
#endif

/* Read a whole file ("-" = standard input) into a NUL-terminated buffer of at most
 * `max` bytes. *out is malloc'ed; free() it. SW_ERR_IO naming the path when it
 * cannot be read or is not a regular file (a FIFO, a device, a directory: opened
 * without blocking and refused, never waited on; standard input may be anything),
 * SW_ERR_TOO_BIG when it is larger than max (from its size, before reading). */
sw_status sw_read_file(char **out, size_t *len, const char *path, size_t max,
                       struct sw_err *err) __attribute__((warn_unused_result));

/* The tables directory to use: `dir` when given, else $SWITCHSIM_TABLES, else
 * the installed tables next to the running program (BIN/../share/switchsim/tables
 * when that directory exists: `make install` puts them there, under any PREFIX
 * or DESTDIR), else SW_TABLES_DIR (the source tree the program was built in). */
const char *sw_tables_dir(const char *dir);

/* Load every *.xml in DIR and DIR/gemeenten (sorted by name) with the schema in
 * DIR/schema/v1/tables.xsd, and finish the set. Names in messages are relative to
 * DIR's parent ("tables/wml.xml"). Call sw_tables_free() on *out. DIR is opened
 * once and every file read relative to it: a set replaced meanwhile (tables
 * fetch exchanges the directory) is read wholly old or wholly new. A file that
 * is not a regular one (a FIFO, a device) is a table problem, never waited on.
 * A set once loaded is kept as a snapshot in the cache directory ($SWITCHSIM_CACHE;
 * unset: $XDG_CACHE_HOME/switchsim or $HOME/.cache/switchsim; "off": none) and
 * rebuilt from it while the sha256 of the schema and of every document are the
 * same: the same set, without parsing and validating the XML again. A cache
 * directory that is absent and cannot be made, not this user's, or writable by
 * others is not used (the XML is read, as without a cache). */
sw_status sw_tables_load_dir(struct sw_tables **out, const char *dir, struct sw_err *err)
    __attribute__((warn_unused_result));

/* sw_tables_load_dir() with the documents named as if DIR's last component were
 * `name` (NULL: as it is): for a set built under a temporary name before it is
 * installed (tables fetch). */
sw_status sw_tables_load_dir_as(struct sw_tables **out, const char *dir, const char *name,
                                struct sw_err *err) __attribute__((warn_unused_result));

/* The same, with document xml[0..len) as if it were the file `rel` of DIR
 * ("wml.xml", "gemeenten/NAME.xml"): a file of that name in DIR is left out (an
 * update replaces it), every other one is loaded. With rel NULL it is
 * sw_tables_load_dir(). For checking a table before it is installed. */
sw_status sw_tables_load_dir_with(struct sw_tables **out, const char *dir, const char *rel,
                                  const char *xml, size_t len, struct sw_err *err)
    __attribute__((warn_unused_result));

/* The stamp of the tables in DIR: a sha256 (64 hex digits) over the file
 * system's record of what the loader reads - for DIR, DIR/gemeenten, the schema
 * and every *.xml in DIR and DIR/gemeenten: the name, device, inode, size, and
 * modification and change times in nanoseconds - without reading any file. A
 * table changed (in place or replaced), added or removed, or the directory
 * exchanged, gives another stamp. *racy: a file changed so recently (in the
 * file system clock's current tick, with a margin) that a further change now
 * might leave its record as it is; such a stamp is not trusted to stand for
 * the files' bytes. false when DIR or a file cannot be examined. */
bool sw_tables_stamp(const char *dir, char stamp[65], bool *racy);

#endif
