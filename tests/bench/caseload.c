/* tests/bench/caseload.c - a generated caseload for `make bench`: N households as
 * scenario JSON lines (version 1), varied in household, municipality, job kind,
 * hours, loonwaarde, start, settlement and toeslagen. Deterministic: the same N,
 * seed and municipalities give the same lines on every machine (own PRNG,
 * integers only). Not a test.
 *
 *   caseload N [SEED] [MUNICIPALITY,...]
 *
 * MUNICIPALITY ids from tables/gemeenten/ (without .xml); a household takes one of
 * them or none (the national defaults). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state;

/* xorshift64* (Vigna): a fixed sequence for a seed. */
static uint64_t next(void)
{
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545F4914F6CDD1DULL;
}

/* A number in lo..hi. */
static int pick(int lo, int hi)
{
    return lo + (int)(next() % (uint64_t)(hi - lo + 1));
}

/* True in `percent` of the cases. */
static int chance(int percent)
{
    return pick(1, 100) <= percent;
}

static void date(char *buf, size_t size, int y, int m, int d)
{
    snprintf(buf, size, "\"%04d-%02d-%02d\"", y, m, d);
}

static void household(int n_muni, char **muni)
{
    static const char *const kinds[] = {"beschut", "banenafspraak", "regulier"};
    char birth[16], partner[16], start[16], d[16];
    int comp = pick(1, 100), kind = pick(0, 99), couple, parent;
    int start_m = pick(2, 7), start_d = chance(20) ? 15 : 1, hours = pick(12, 36);
    int children = 0, m, rent = chance(70);

    couple = comp > 80;
    parent = comp > 55 && !couple;
    kind = kind < 40 ? 0 : kind < 75 ? 1 : 2;
    date(birth, sizeof(birth), 2026 - pick(21, 64), pick(1, 12), pick(1, 28));
    printf("{\"version\":1,\"start_month\":\"2026-01\",\"months\":24");
    m = pick(0, n_muni);   /* n_muni = none: national defaults */
    if (m < n_muni)
        printf(",\"municipality\":\"%s\"", muni[m]);
    printf(",\"household\":{\"composition\":\"%s\",\"birth_date\":%s",
           couple ? "couple" : parent ? "single_parent" : "single", birth);
    if (couple) {
        date(partner, sizeof(partner), 2026 - pick(21, 66), pick(1, 12), pick(1, 28));
        printf(",\"partner_birth_date\":%s", partner);
    }
    if (parent || (couple && chance(50)))
        children = pick(1, 3);
    if (children) {
        printf(",\"children_birth_dates\":[");
        for (int i = 0; i < children; i++) {
            date(d, sizeof(d), pick(2009, 2025), pick(1, 12), pick(1, 28));
            printf("%s%s", i ? "," : "", d);
        }
        printf("]");
    }
    if (!couple && !parent && chance(20))
        printf(",\"cost_sharers\":%d", pick(1, 2));
    if (rent)
        printf(",\"rent\":%d", pick(80, 180) * 500);
    printf("},\"before\":{\"benefit\":\"participatiewet\",\"dagbesteding_dagdelen_per_week\":%d}",
           chance(40) ? 0 : pick(2, 8));
    date(start, sizeof(start), 2026, start_m, start_d);
    printf(",\"job\":{\"kind\":\"%s\",\"start\":%s,\"hours_per_week\":%d%s", kinds[kind], start,
           hours, chance(10) ? ".5" : "");
    if (chance(10)) {
        /* A trial in the month before the job. */
        date(d, sizeof(d), 2026, start_m - 1, 1);
        printf(",\"trial_start\":%s", d);
        date(d, sizeof(d), 2026, start_m - 1, 20);
        printf(",\"trial_end\":%s", d);
    }
    if (chance(10)) {
        /* The job ends after 6 to 12 months: the way back. */
        int em = start_m + pick(6, 12);
        date(d, sizeof(d), 2026 + (em - 1) / 12, (em - 1) % 12 + 1, 28);
        printf(",\"end\":%s", d);
    }
    if (chance(20))
        printf(",\"holiday_pay\":\"monthly\"");
    if (kind < 2) {
        /* A forfaitaire LKS lasts six months: then a measured loonwaarde. */
        int forfait = chance(30), em = start_m + 6;
        printf(",\"loonwaarde\":[{\"from\":%s,\"percent\":%d%s}", start, pick(20, 80),
               forfait ? ",\"forfaitair\":true" : "");
        if (forfait || chance(40)) {
            date(d, sizeof(d), 2026 + (em - 1) / 12, (em - 1) % 12 + 1, start_d);
            printf(",{\"from\":%s,\"percent\":%d}", d, pick(20, 80));
        }
        printf("]");
    }
    printf("}");
    if (chance(30))
        printf(",\"settlement\":{\"method\":\"%s\"%s}", chance(50) ? "in_arrears" : "advance",
               chance(50) ? ",\"municipality_applies_korting\":true" : "");
    printf(",\"toeslagen\":{\"zorgtoeslag\":%s,\"huurtoeslag\":%s", chance(90) ? "true" : "false",
           rent ? "true" : "false");
    if (chance(30))
        printf(",\"estimate_updated\":\"2026-%02d\"", start_m);
    printf("}}\n");
}

int main(int argc, char **argv)
{
    long n;
    int n_muni = 0;
    char *list, *muni[64];

    if (argc < 2 || (n = strtol(argv[1], NULL, 10)) < 0) {
        fprintf(stderr, "usage: caseload N [SEED] [MUNICIPALITY,...]\n");
        return 2;
    }
    state = argc > 2 ? strtoull(argv[2], NULL, 10) : 20260101;
    if (state == 0)
        state = 1;
    list = argc > 3 ? argv[3] : NULL;
    for (char *p = list ? strtok(list, ",") : NULL; p && n_muni < 64; p = strtok(NULL, ","))
        muni[n_muni++] = p;
    for (long i = 0; i < n; i++)
        household(n_muni, muni);
    return fflush(stdout) == 0 ? 0 : 1;
}
