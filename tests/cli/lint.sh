#!/bin/sh
# Source rules that the compiler does not check, following the layout: no banned
# C functions anywhere; and in the core (src/core/, the library) no floating point
# (money is int64 cents, rates exact ppm), no clock, no I/O, no header of a
# front end (src/app/), no global variable, and in the rules and the engine no
# legal value written as a number (see literals() below).
#
#   sh tests/cli/lint.sh                    every check on the source tree
#   sh tests/cli/lint.sh --literals FILE... only the number check, on FILEs
#                                           (tests/cli/lint_literals.sh plants
#                                           a literal in a copy this way)
top=$(pwd)
cd "$top" || exit 2
bad=0

# "No legal value in C code": every amount, percentage, age, duration and date
# comes from tables/*.xml. literals FILE... prints each code line (comments,
# strings and character constants taken out) of the C files that holds a number
# outside this allowlist, as FILE:LINE:NUMBERS: the code on it:
#   0 1 2                 counts, indexes, halves and doubles (a couple is two)
#   10 100 1000 10000     powers of ten: unit scales (cents in a euro, hundredths
#   100000 1000000          of an hour or a percent, ppm, decimal digits)
#   12                    the months of a calendar year (the toeslagen's
#                           spread over a year is awir.months_per_year)
#   0x...                 hexadecimal: bit patterns and hash constants
#   [N]                   a number alone between brackets: an array's size or
#                           an index into a fixed array
# (a suffix u, l, ull ... is ignored). Lines not looked at: #include, #pragma,
# a __attribute__((format(...))) line, and `#define NAME NUMBER` with a comment
# on it or ending on the line above (a named constant, its meaning in the
# comment; a cast around the number is allowed, an expression is looked at).
# Any other number is a legal value until its line says why it is not, in a
# comment of one of three kinds:
#   /* calendar: ... */    a fact of the calendar (7 days a week, 3 months a
#                           quarter, a four-week period of 28 days)
#   /* structural: ... */  the code's own shape (a buffer or block size, a
#                           search step, a bound of what a table can hold)
#   /* unit: ... */        a unit's scale (1e-5 euro in 1e-8 units, ...)
# A legal value goes into the tables instead (with its from date and source).
literals() {
    awk '
    FNR == 1 { inc = 0; prev = "" }
    {
        above = prev; prev = $0
        raw = $0; s = $0; out = ""; i = 1; n = length(s)
        # Blank comments, strings and character constants (a block comment
        # may span lines).
        while (i <= n) {
            c = substr(s, i, 1); d = substr(s, i, 2)
            if (inc) {
                if (d == "*/") { inc = 0; i += 2; out = out "  " } else { out = out " "; i++ }
            } else if (d == "/*") { inc = 1; i += 2; out = out "  "
            } else if (d == "//") { break
            } else if (c == "\"" || c == "\047") {
                q = c; out = out " "; i++
                while (i <= n) {
                    c = substr(s, i, 1)
                    if (c == "\\") { i += 2; out = out "  "; continue }
                    i++; out = out " "
                    if (c == q) break
                }
            } else { out = out c; i++ }
        }
        if (out ~ /^[ \t]*#[ \t]*(include|pragma)/ || out ~ /__attribute__[ \t]*\(\(format/)
            next
        # A named constant: one number (a cast around it allowed), its
        # meaning in a comment on the line or ending on the line above.
        named = out ~ /^[ \t]*#[ \t]*define[ \t]+[A-Za-z_0-9]+[ \t]+[()A-Za-z_0-9 \t]*$/
        if (named && (raw ~ /\/[*\/]/ || above ~ /\*\/[ \t]*$/))
            next
        if (raw ~ /(\/\*|\/\/)[ \t]*(calendar|structural|unit):/)
            next
        gsub(/\[[ \t]*[0-9]+[uUlL]*[ \t]*\]/, "[]", out)
        found = ""; rest = out
        while (match(rest, /(^|[^A-Za-z0-9_.])[0-9][0-9A-Za-z_.]*/)) {
            t = substr(rest, RSTART, RLENGTH); rest = substr(rest, RSTART + RLENGTH)
            sub(/^[^0-9]/, "", t)
            if (t ~ /^0[xX]/)
                continue
            v = t; sub(/[uUlL]+$/, "", v)
            if (v !~ /^(0|1|2|10|100|1000|10000|100000|1000000|12)$/)
                found = found " " t
        }
        if (found != "") {
            sub(/^[ \t]+/, "", out); gsub(/[ \t]+/, " ", out)
            print FILENAME ":" FNR ":" found ": " out
        }
    }' "$@"
}

if [ "${1:-}" = "--literals" ]; then
    shift
    if literals "$@" | grep .; then
        echo "not ok - a number in code that may be a legal value (see above)"
        exit 1
    fi
    echo "ok - no legal value written as a number"
    exit 0
fi
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
# The rules, the engine, the what-ifs and the scenario's fields: a number is a
# legal value unless the allowlist or a marker comment says otherwise
# (literals() above). Not scenario_read.c: the JSON text reader itself (UTF-8,
# number syntax), infrastructure as src/core/base and src/core/tables are.
checked=$(find src/core/rules src/core/engine src/core/whatif -name '*.[ch]' | sort)
checked="$checked src/core/scenario/scenario.c src/core/scenario/scenario_pay.c"
if literals $checked | grep .; then
    echo "not ok - a number in the rules, the engine, a what-if or the scenario's fields that may be a legal value: take it from the tables, or say why it is not one (calendar:, structural:, unit:; see tests/cli/lint.sh)"
    bad=1
else
    echo "ok - no legal value written as a number in the rules, the engine, the what-ifs and the scenario's fields"
fi
exit $bad
