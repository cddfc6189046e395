/* buildid.c - the GNU build id of the running program, which names the build
 * that made a table snapshot (fileio.c): a snapshot is only used by that build. */
#define _GNU_SOURCE
#include <link.h>
#include <stdio.h>
#include <string.h>

#include "buildid.h"

static int build_id_cb(struct dl_phdr_info *info, size_t size, void *data)
{
    char *hex = data;

    (void)size;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        const char *p, *end;
        if (ph->p_type != PT_NOTE)
            continue;
        p = (const char *)(info->dlpi_addr + ph->p_vaddr);
        end = p + ph->p_memsz;
        while ((size_t)(end - p) >= sizeof(ElfW(Nhdr))) {
            const ElfW(Nhdr) *n = (const void *)p;
            const char *name = p + sizeof(*n);
            const unsigned char *desc =
                (const unsigned char *)name + ((n->n_namesz + 3) & ~(size_t)3);
            if ((const char *)desc > end || (size_t)(end - (const char *)desc) < n->n_descsz)
                break;
            if (n->n_type == NT_GNU_BUILD_ID && n->n_namesz == 4 && memcmp(name, "GNU", 4) == 0 &&
                n->n_descsz > 0 && n->n_descsz <= 32) {
                for (size_t k = 0; k < n->n_descsz; k++)
                    snprintf(hex + 2 * k, 3, "%02x", desc[k]);
                return 1;
            }
            p = (const char *)desc + ((n->n_descsz + 3) & ~(size_t)3);
        }
    }
    return 1;   /* the first object is the program itself: stop there */
}

void sw_build_id(char hex[65])
{
    snprintf(hex, 65, "none");
    dl_iterate_phdr(build_id_cb, hex);
}
