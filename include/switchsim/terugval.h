/* terugval.h - the way back after a job ends ("weg terug"): the zoektermijn before
 * bijstand can start again for a young person (Participatiewet art. 41 lid 4) and
 * how long a new Wmo indication for dagbesteding takes (Wmo 2015 art. 2.3.2 and
 * 2.3.5). Every value comes from tables/terugval.xml. Pure; nothing here
 * allocates. */
#ifndef SWITCHSIM_TERUGVAL_H
#define SWITCHSIM_TERUGVAL_H

#include <stdbool.h>
#include <stdint.h>

#include "switchsim/tables.h"
#include "switchsim/trace.h"

struct sw_zoektermijn {
    int64_t weeks;             /* participatiewet.zoektermijn.weeks */
    int64_t age_below;         /* participatiewet.zoektermijn.age_below */
    bool applies;              /* younger than age_below on the day of the report */
    sw_date bijstand_from;     /* the first day bijstand can start */
};

/* The zoektermijn for someone born on `birth` (SW_NO_DATE = an adult above the
 * age limit) who reports to the municipality on `reported`: below
 * participatiewet.zoektermijn.age_below, bijstand starts the table's number of
 * weeks after the report; otherwise on the day of the report. Looks up the weeks,
 * then the age. Fills *out only on success; SW_ERR_NO_VALUE naming the parameter
 * when the tables lack the date. */
sw_status sw_terugval_zoektermijn(const struct sw_ctx *c, sw_date reported, sw_date birth,
                                  struct sw_zoektermijn *out, struct sw_trace *tr,
                                  struct sw_err *err) __attribute__((warn_unused_result));

struct sw_new_indication {
    int64_t weeks;             /* wmo.new_indication_weeks */
    sw_date from;              /* the first day the new indication can run */
};

/* A new Wmo indication asked for on `asked`: the research after the report plus
 * the decision term, wmo.new_indication_weeks in all; dagbesteding can start that
 * many weeks later. Fills *out only on success. */
sw_status sw_terugval_new_indication(const struct sw_ctx *c, sw_date asked,
                                     struct sw_new_indication *out, struct sw_trace *tr,
                                     struct sw_err *err) __attribute__((warn_unused_result));

#endif
