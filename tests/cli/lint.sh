#!/bin/sh
# Source rules that the compiler does not check: no banned C functions, and no
# floating point in the core (money is int64 cents; rates are exact ppm).
top=$(pwd)
cd "$top" || exit 2
bad=0
if grep -n -E '\b(sprintf|vsprintf|strcpy|strcat|strtok|atoi|atol|gets|gmtime|localtime|ctime|asctime)\s*\(' src/*.c src/*.h include/switchsim/*.h; then
    echo "not ok - banned function used (see above)"
    bad=1
else
    echo "ok - no banned functions in src/ and include/"
fi
core=$(ls src/*.c | grep -v -E 'src/(cli|cgi|front_)[^/]*\.c$|src/fileio\.c$')
# Comment lines may say "no float or double"; code lines may not. The JSON
# boundary (scenario.c reads cJSON's doubles, json_out.c writes cents as
# numbers) converts exactly and is the one exception.
nojson=$(echo "$core" | grep -v -E 'src/(scenario|json_out)\.c$')
if grep -n -E '\b(float|double)\b|\bstrtod\b|\batof\b' $nojson include/switchsim/*.h |
    grep -v -E '^[^:]+:[0-9]+:[[:space:]]*(\*|/\*|//)'; then
    echo "not ok - floating point in the core (see above)"
    bad=1
else
    echo "ok - no floating point in the core"
fi
if grep -n -E '\b(time|clock_gettime|gettimeofday)\s*\(' $core; then
    echo "not ok - the core reads the clock"
    bad=1
else
    echo "ok - the core does not read the clock"
fi
if grep -n -E '\b(fopen|fread|fwrite|printf|fprintf|puts|getenv)\s*\(' $core | grep -v -E 'snprintf|vsnprintf'; then
    echo "not ok - I/O in the core"
    bad=1
else
    echo "ok - no I/O in the core"
fi
exit $bad
