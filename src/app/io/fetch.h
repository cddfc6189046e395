/* fetch.h - `switchsim tables fetch`: download a published table with
 * libcurl, check its sha256, validate it together with the installed set, and
 * install it atomically; and the record of where fetched tables came from
 * (DIR/.sources). Front end only: network and file I/O. */
#ifndef SWITCHSIM_FETCH_H
#define SWITCHSIM_FETCH_H

#include <stdbool.h>
#include <stddef.h>

#include "switchsim/err.h"

#define SW_FETCH_MAX_REDIRECTS 3
#define SW_FETCH_DEFAULT_TIMEOUT 60   /* seconds for the whole download */
#define SW_FETCH_MAX_URL 2048
#define SW_FETCH_SOURCES ".sources"   /* the record in the tables directory */

struct sw_fetch_request {
    const char *url;        /* https://..., or http:// on a loopback address only */
    const char *sha256;     /* the expected checksum: 64 hex digits */
    const char *dir;        /* the tables directory to install into */
    long timeout;           /* seconds for the whole download, redirects included;
                               0 = SW_FETCH_DEFAULT_TIMEOUT */
};

struct sw_fetch_result {
    char file[300];         /* where it was installed, as `tables list` names it
                               ("tables/wml.xml") */
    char rel[300];          /* the same relative to the directory ("wml.xml") */
    char id[128];           /* the document's id */
    char version[32];       /* the document's version */
    char sha256[65];        /* of the document */
    char set_sha256[65];    /* of the whole set after the install */
    char fetched[32];       /* UTC time of the install, YYYY-MM-DDTHH:MM:SSZ */
    bool replaced;          /* a file of that name was there before */
    bool unchanged;         /* ... and held exactly these bytes */
};

/* Check a URL and a checksum as given on the command line (no network):
 * SW_ERR_INVALID naming `url_field` for a URL that is not https (or http on
 * 127.0.0.0/8, localhost or [::1]), too long or malformed; naming `sha_field`
 * when sha256 is not 64 hex digits. */
sw_status sw_fetch_check_args(const char *url, const char *sha256, const char *url_field,
                              const char *sha_field, struct sw_err *err)
    __attribute__((warn_unused_result));

/* Download rq->url (at most SW_FETCH_MAX_REDIRECTS redirects, never from https
 * to http, only http and https, at most SW_TABLE_MAX_BYTES, within rq->timeout),
 * check the sha256, validate the document against the XSD and with the
 * installed set of rq->dir (the file of the same name left out: replacing it is
 * an update), and install it as DIR/<id>.xml or DIR/gemeenten/<municipality>.xml
 * together with its line in DIR/.sources (url, sha256, time) - in one step:
 *
 *   - the new set is built next to DIR, in DIR/../.NAME.fetch-XXXXXX: a copy of
 *     DIR (directories, regular files and symbolic links with their modes; a
 *     FIFO or device refuses the fetch), the new table, the new .sources; every
 *     file and directory synced; loaded again, it must be the set validated;
 *   - it is exchanged with DIR in one rename (renameat2 RENAME_EXCHANGE, Linux:
 *     a file system that cannot is an error, nothing installed); the old set,
 *     now under the temporary name, is removed.
 *
 * DIR may be a plain directory (it stays one: same path, new directory; a
 * process whose working directory is DIR keeps seeing the old set; the files
 * belong to the user who fetched) or a symbolic link to one (the link stays,
 * the directory it points to is the one exchanged). Fetch needs write access to
 * the directory that holds DIR. One fetch at a time: an exclusive flock on
 * DIR/../.NAME.lock (left there, empty). Readers are never shown a mixed set:
 * sw_tables_load_dir() reads through one descriptor of DIR.
 *
 * A fetch killed at any point leaves DIR whole (the old set or the new one with
 * its record) and at most a .NAME.fetch-* directory next to it; each fetch
 * first removes those, and the .NAME.tmp-XXXXXX files that earlier versions
 * left inside DIR. For the tests, SWITCHSIM_TEST_FETCH_KILL=built or exchanged
 * makes the process kill itself (SIGKILL) just before or just after the
 * exchange.
 *
 * On failure nothing in DIR has changed and err says why: SW_ERR_INVALID for
 * bad arguments (see sw_fetch_check_args), SW_ERR_TABLE for everything else
 * (download, checksum, validation, install). */
sw_status sw_fetch_table(const struct sw_fetch_request *rq, struct sw_fetch_result *res,
                         struct sw_err *err) __attribute__((warn_unused_result));

/* One line of DIR/.sources. */
struct sw_fetch_source {
    char rel[300];          /* file relative to the directory: "gemeenten/x.xml" */
    char url[SW_FETCH_MAX_URL + 1];
    char sha256[65];
    char fetched[32];
};

/* Read DIR/.sources into a malloc'ed array (*out, *n; free() it). A missing file
 * is an empty list. Malformed lines are skipped. SW_ERR_NOMEM only. */
sw_status sw_fetch_sources_read(const char *dir, struct sw_fetch_source **out, size_t *n,
                                struct sw_err *err) __attribute__((warn_unused_result));

/* The sha256 (64 hex digits) of file `path` into hex; false when unreadable. */
bool sw_fetch_file_sha256(const char *path, char hex[65]);

#endif
