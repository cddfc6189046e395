#!/bin/sh
# Source rules that the compiler does not check, following the layout: no banned
# C functions anywhere; and in the core (src/core/, the library) no floating point
# (money is int64 cents, rates exact ppm), no clock, no I/O, and no header of a
# front end (src/app/).
top=$(pwd)
cd "$top" || exit 2
bad=0
all=$(find src include -name '*.[ch]' | sort)
core=$(find src/core -name '*.[ch]' | sort)
# A comment line of grep -n output: "/*", "//" or a block comment's " * " first
# (not "*p = ...", which is code).
comment='^[^:]+:[0-9]+:[[:space:]]*(\*([[:space:]]|/|$)|/\*|//)'
if grep -n -E '\b(sprintf|vsprintf|strcpy|strcat|strtok|atoi|atol|gets|gmtime|localtime|ctime|asctime)\s*\(' $all; then
    echo "not ok - banned function used (see above)"
    bad=1
else
    echo "ok - no banned functions in src/ and include/"
fi
# Comment lines may say "no float or double"; code lines may not (the scenario
# parser reads every number exactly from the JSON text, not through a double).
if grep -n -E '\b(float|double)\b|\bstrtod\b|\batof\b' $core include/switchsim/*.h |
    grep -v -E "$comment"; then
    echo "not ok - floating point in the core (see above)"
    bad=1
else
    echo "ok - no floating point in the core"
fi
if grep -n -E '\b(time|clock_gettime|gettimeofday|localtime_r|gmtime_r)\s*\(' $core |
    grep -v -E "$comment"; then
    echo "not ok - the core reads the clock"
    bad=1
else
    echo "ok - the core does not read the clock"
fi
if grep -n -E '\b(fopen|fread|fwrite|printf|fprintf|puts|getenv|open|read|write)\s*\(' $core |
    grep -v -E 'snprintf|vsnprintf' | grep -v -E "$comment"; then
    echo "not ok - I/O in the core"
    bad=1
else
    echo "ok - no I/O in the core"
fi
# The core may not reach into a front end: only its own folders and include/.
app_headers=$(find src/app -name '*.h' -exec basename {} \; | sort -u | tr '\n' '|' | sed 's/|$//')
if [ -n "$app_headers" ] && grep -n -E "#include \"($app_headers)\"" $core; then
    echo "not ok - the core includes a front end's header (see above)"
    bad=1
else
    echo "ok - the core includes no front end's header"
fi
# Globals: no file-scope variable in the core that is not const.
if grep -n -E '^(static[[:space:]]+)?(struct[[:space:]]+[a-z_]+|int|int64_t|size_t|bool|char|unsigned)[[:space:]]+[*a-z_0-9\[\]]+[[:space:]]*(=|;)' $core |
    grep -v -E '\bconst\b'; then
    echo "not ok - a global variable in the core (see above)"
    bad=1
else
    echo "ok - no global variables in the core"
fi
exit $bad
