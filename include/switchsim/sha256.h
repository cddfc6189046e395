/* sha256.h - SHA-256 (FIPS 180-4), for naming the exact table set in every output
 * and for checking fetched tables. Private to the core. */
#ifndef SWITCHSIM_SHA256_H
#define SWITCHSIM_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sw_sha256 {
    uint32_t h[8];
    uint64_t len;
    unsigned char buf[64];
    size_t fill;
};

void sw_sha256_init(struct sw_sha256 *s);
void sw_sha256_update(struct sw_sha256 *s, const void *data, size_t len);
/* Finish and write 64 lowercase hex digits and a NUL into hex. */
void sw_sha256_hex(struct sw_sha256 *s, char hex[65]);

#endif
