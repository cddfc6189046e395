#!/bin/sh
# The bad-input catalogue: hostile or mistaken scenarios (tests/catalogue/*.json,
# expectations in tests/catalogue/scenarios.tsv) and command lines. Each is
# refused with exit 1 (2 for usage, 3 for tables), a message naming the field or
# option, and nothing on stdout.
. tests/lib.sh

# bad NAME EXIT TEXT CMD...: the exit code, TEXT on stderr, nothing on stdout.
bad() {
    n=$1
    code=$2
    text=$3
    shift 3
    run "$@"
    if [ "$RC" -eq "$code" ] && [ ! -s "$OUT" ] && grep -qF -- "$text" "$ERR"; then
        ok "$n (exit $code, '$text')"
    else
        not_ok "$n: expected exit $code, '$text' on stderr and empty stdout"
    fi
}

# bad_in NAME EXIT TEXT FILE CMD...: the same with FILE on standard input.
bad_in() {
    n=$1
    code=$2
    text=$3
    f=$4
    shift 4
    run_in "$f" "$@"
    if [ "$RC" -eq "$code" ] && [ ! -s "$OUT" ] && grep -qF -- "$text" "$ERR"; then
        ok "$n (exit $code, '$text')"
    else
        not_ok "$n: expected exit $code, '$text' on stderr and empty stdout"
    fi
}

# --- scenarios ---
count=0
tab=$(printf '\t')
while IFS="$tab" read -r file code text; do
    case $file in '#'* | '') continue ;; esac
    if [ ! -f "tests/catalogue/$file" ]; then
        not_ok "catalogue file $file is missing"
        continue
    fi
    bad "scenario $file" "$code" "$text" "$SWITCHSIM" simulate "tests/catalogue/$file" --json
    count=$((count + 1))
done <tests/catalogue/scenarios.tsv
for f in tests/catalogue/*.json; do
    grep -q "^$(basename "$f")$tab" tests/catalogue/scenarios.tsv || not_ok "$f has no expectation"
done

# The same through standard input, and in the other output formats.
bad_in "scenario with a NUL byte on stdin" 1 "a NUL byte" tests/catalogue/nul-byte.json \
    "$SWITCHSIM" simulate -
bad_in "invalid UTF-8 on stdin" 1 "invalid UTF-8" tests/catalogue/invalid-utf8.json \
    "$SWITCHSIM" simulate - --format csv
bad "bad scenario as html" 1 "job.hours_per_week" \
    "$SWITCHSIM" simulate tests/catalogue/hours-too-many.json --format html
bad "bad scenario as a table" 1 "household.birth_date" \
    "$SWITCHSIM" simulate tests/catalogue/birth-impossible.json --format table

# Generated: over the 64 KiB limit.
{
    printf '{"version": 1, "start_month": "2026-01", "municipality": "'
    head -c 70000 /dev/zero | tr '\0' a
    printf '"}\n'
} >"$TMPD/too-large.json"
bad "scenario over 64 KiB" 1 "larger than 65536 bytes" "$SWITCHSIM" simulate "$TMPD/too-large.json"
bad_in "scenario over 64 KiB on stdin" 1 "larger than 65536 bytes" "$TMPD/too-large.json" \
    "$SWITCHSIM" simulate -
bad "scenario file that does not exist" 1 "$TMPD/nothing.json" \
    "$SWITCHSIM" simulate "$TMPD/nothing.json"
bad "scenario that is a directory" 1 "$TMPD" "$SWITCHSIM" simulate "$TMPD"
count=$((count + 8))

# Only the first, real problem: a refused rent is not followed by "toeslagen.huurtoeslag
# needs household.rent".
run "$SWITCHSIM" simulate tests/catalogue/rent-hidden-fraction.json --json
if [ "$(wc -l <"$ERR")" -eq 1 ] && ! grep -q 'needs household.rent' "$ERR"; then
    ok "a refused rent brings no follow-on error"
else
    not_ok "a refused rent brings no follow-on error"
fi
# What is echoed of the input is escaped and cut short: no terminal escape reaches
# stderr, however long the key.
esc=$(printf '\033')
bel=$(printf '\007')
rlo=$(printf '\342\200\256')   # U+202E, right-to-left override
run "$SWITCHSIM" simulate tests/catalogue/unknown-field-escapes.json --json
if grep -q -e "$esc" -e "$bel" -e "$rlo" "$ERR"; then
    not_ok "escape sequences in a key are not echoed raw"
else
    ok "escape sequences in a key are not echoed raw"
fi
jq --arg k "$(printf '\033[31m')$(head -c 60000 /dev/zero | tr '\0' K)" '.[$k] = 1' \
    tests/cases/seed_resident.json >"$TMPD/long-key.json"
bad "a 60 KB unknown key" 1 "\u001b[31mKKKK" "$SWITCHSIM" simulate "$TMPD/long-key.json" --json
if [ "$(wc -c <"$ERR")" -lt 200 ] && ! grep -q "$esc" "$ERR"; then
    ok "a 60 KB key is cut short on stderr ($(wc -c <"$ERR") bytes)"
else
    not_ok "a 60 KB key is cut short on stderr ($(wc -c <"$ERR") bytes)"
fi
# Exactly: 2^53 + 1 is not 2^53, and a digit far behind the point is still a decimal.
jq '.household.rent = 0' tests/cases/seed_resident.json |
    sed 's/"rent": 0/"rent": 9007199254740993/' >"$TMPD/rent-2-53.json"
bad "a number beyond 2^53 is reported as written" 1 "9007199254740993 is out of range" \
    "$SWITCHSIM" simulate "$TMPD/rent-2-53.json" --json
# Not a regular file: refused at once, never waited on (a FIFO blocks an open).
mkfifo "$TMPD/scenario.fifo"
bad "a FIFO as the scenario file" 1 "a FIFO, not a regular file" \
    timeout 60 "$SWITCHSIM" simulate "$TMPD/scenario.fifo"
bad "a device as the scenario file" 1 "a device, not a regular file" \
    timeout 60 "$SWITCHSIM" simulate /dev/zero
count=$((count + 5))

# A UTF-8 byte order mark is not an error (editors on Windows write one).
{ printf '\357\273\277'; cat tests/cases/seed_resident.json; } >"$TMPD/bom.json"
run "$SWITCHSIM" simulate "$TMPD/bom.json" --json
expect_rc "a scenario with a UTF-8 byte order mark is read" 0

# --- command lines ---
D=--date
bad "net: negative --gross" 1 "--gross" "$SWITCHSIM" net --gross -100 $D 2026-03-01
bad "net: --gross not a number" 1 "--gross" "$SWITCHSIM" net --gross abc $D 2026-03-01
bad "net: --gross with an exponent" 1 "--gross" "$SWITCHSIM" net --gross 1e5 $D 2026-03-01
bad "net: --gross with an ambiguous thousands separator" 1 "--gross" "$SWITCHSIM" net --gross 1.000 $D 2026-03-01
bad "net: --gross with English grouping" 1 "--gross" "$SWITCHSIM" net --gross 1,000.00 $D 2026-03-01
bad "net: enormous --gross" 1 "--gross" "$SWITCHSIM" net --gross 99999999999999999999 $D 2026-03-01
bad "net: --gross of 100 000 digits" 1 "--gross" \
    "$SWITCHSIM" net --gross "$(head -c 100000 /dev/zero | tr '\0' 9)" $D 2026-03-01
bad "net: empty --gross" 1 "--gross" "$SWITCHSIM" net --gross "" $D 2026-03-01
bad "net: --gross without a value" 2 "--gross" "$SWITCHSIM" net --gross
bad "net: --date without a value" 2 "--date" "$SWITCHSIM" net --gross 2000 --date
bad "net: unknown option" 2 "--frobnicate" "$SWITCHSIM" net --frobnicate
bad "net: stray argument" 2 "extra" "$SWITCHSIM" net --gross 2000 $D 2026-03-01 extra
bad "net: impossible date" 1 "--date" "$SWITCHSIM" net --gross 2000 $D 2026-02-30
bad "net: date outside the tables (--strict)" 1 "2040-03-01" "$SWITCHSIM" net --gross 2000 $D 2040-03-01 --strict
bad "wml: 29 February in a common year" 1 "--date" "$SWITCHSIM" wml $D 2025-02-29
bad "wml: date the tables have no value for yet (--strict)" 1 "no value for 'wml.hourly' on '2027-01-15'" \
    "$SWITCHSIM" wml $D 2027-01-15 --strict
bad "wml: a bad SWITCHSIM_TODAY" 2 "SWITCHSIM_TODAY" env SWITCHSIM_TODAY=2026-02-30 "$SWITCHSIM" wml
bad "wml: date before the first value" 1 "no value for 'wml.hourly' on '2019-01-01'" \
    "$SWITCHSIM" wml $D 2019-01-01
bad "wml: year 1850" 1 "--date" "$SWITCHSIM" wml $D 1850-01-01
bad "wml: date with a time" 1 "--date" "$SWITCHSIM" wml $D 2026-03-01T10:00
bad "wml: huge --hours" 1 "--hours" "$SWITCHSIM" wml $D 2026-03-01 --hours 100000
bad "wml: enormous --hours" 1 "--hours" "$SWITCHSIM" wml $D 2026-03-01 --hours 99999999999999999999999
bad "wml: negative --hours" 1 "--hours" "$SWITCHSIM" wml $D 2026-03-01 --hours -1
bad "wml: zero --hours" 1 "--hours" "$SWITCHSIM" wml $D 2026-03-01 --hours 0
bad "wml: birth date in the future" 1 "--birth-date" "$SWITCHSIM" wml $D 2026-03-01 --birth-date 2030-01-01
bad "bijstand: unknown household" 1 "--household" "$SWITCHSIM" bijstand $D 2026-03-01 --household alien
bad "bijstand: household in invalid UTF-8" 1 "--household" \
    "$SWITCHSIM" bijstand $D 2026-03-01 --household "$(printf '\377\376')"
bad "bijstand: enormous --cost-sharers" 1 "--cost-sharers" \
    "$SWITCHSIM" bijstand $D 2026-03-01 --household single --cost-sharers 99999999999
bad "bijstand: negative --net-income" 1 "--net-income" \
    "$SWITCHSIM" bijstand $D 2026-03-01 --household single --net-income -5
bad "bijstand: --vrijlating-month 0" 1 "--vrijlating-month" \
    "$SWITCHSIM" bijstand $D 2026-03-01 --household single --vrijlating-month 0
bad "zorgtoeslag: year 99999" 1 "--year" "$SWITCHSIM" zorgtoeslag --year 99999 --income 20000
bad "zorgtoeslag: empty --income" 1 "--income" "$SWITCHSIM" zorgtoeslag --year 2026 --income ""
bad "huurtoeslag: negative --rent" 1 "--rent" "$SWITCHSIM" huurtoeslag $D 2026-03-01 --rent -5 --income 20000
bad "lks: --loonwaarde 150" 1 "--loonwaarde" "$SWITCHSIM" lks $D 2026-03-01 --hours 28 --loonwaarde 150
bad "simulate: unknown --format" 2 "pdf" "$SWITCHSIM" simulate tests/cases/seed_resident.json --format pdf
bad "simulate: no file" 2 "scenario file" "$SWITCHSIM" simulate
bad "tables show: empty --date" 1 "--date" "$SWITCHSIM" tables show wml.hourly $D ""
bad "--override with a bad value" 1 "--override" "$SWITCHSIM" wml $D 2026-03-01 --override wml.hourly=abc
bad "--override without =" 1 "--override" "$SWITCHSIM" wml $D 2026-03-01 --override nonsense
bad "--override of an unknown id" 1 "--override" "$SWITCHSIM" wml $D 2026-03-01 --override no.such=1
bad "explain: month 13" 1 "--month" "$SWITCHSIM" explain tests/cases/seed_resident.json --month 2026-13 --item net_wage
bad "explain: unknown item" 1 "--item" "$SWITCHSIM" explain tests/cases/seed_resident.json --month 2026-03 --item nope
bad "loonwaarde: a task with 4 parts" 1 "--task" "$SWITCHSIM" loonwaarde --task "a:50:80:90"
bad "unknown command" 2 "nosuchcommand" "$SWITCHSIM" nosuchcommand
count=$((count + 43))

# --- tables ---
bad "--tables that does not exist" 3 "/nonexistent" "$SWITCHSIM" wml $D 2026-03-01 --tables /nonexistent
bad "--tables path too long" 3 "too long" \
    "$SWITCHSIM" wml $D 2026-03-01 --tables "/tmp/$(head -c 4000 /dev/zero | tr '\0' x)"
T="$TMPD/tables"
cp -r tables "$T"
printf '<tables' >"$T/zz-broken.xml"
bad "a broken table in the set" 3 "zz-broken.xml" "$SWITCHSIM" wml $D 2026-03-01 --tables "$T"
bad "simulate with a broken table in the set" 3 "zz-broken.xml" \
    "$SWITCHSIM" simulate tests/cases/seed_resident.json --tables "$T"
rm "$T/zz-broken.xml"
# A FIFO (or any file that is not a regular one) named *.xml: refused naming it,
# exit 3, at once - before, every command waited for a writer for ever.
mkfifo "$T/zz-fifo.xml"
bad "a FIFO among the tables: tables check" 3 "zz-fifo.xml: cannot read" \
    timeout 60 "$SWITCHSIM" tables check --tables "$T"
bad "a FIFO among the tables: simulate" 3 "a FIFO, not a regular file" \
    timeout 60 "$SWITCHSIM" simulate tests/cases/seed_resident.json --tables "$T"
rm "$T/zz-fifo.xml"
mkdir "$T/gemeenten/zz-dir.xml"
bad "a directory named *.xml among the tables" 3 "zz-dir.xml: cannot read" \
    timeout 60 "$SWITCHSIM" tables check --tables "$T"
rmdir "$T/gemeenten/zz-dir.xml"
mv "$T/schema/v1/tables.xsd" "$T/schema/v1/tables.xsd.real"
mkfifo "$T/schema/v1/tables.xsd"
bad "a FIFO as the schema" 3 "tables.xsd" timeout 60 "$SWITCHSIM" tables check --tables "$T"
rm "$T/schema/v1/tables.xsd"
mv "$T/schema/v1/tables.xsd.real" "$T/schema/v1/tables.xsd"
# Sizes are capped from the file's size, before reading: a 2 GB (sparse) table.
if truncate -s 2G "$T/zz-huge.xml" 2>/dev/null; then
    bad "a 2 GB table" 3 "larger than 1048576 bytes" timeout 60 "$SWITCHSIM" tables check --tables "$T"
else
    ok "# SKIP a 2 GB table: cannot make a sparse file here"
fi
rm -f "$T/zz-huge.xml"
count=$((count + 5))
# More table documents than the loader takes: refused, not silently cut short.
M="$TMPD/many"
mkdir -p "$M/schema/v1"
cp tables/schema/v1/tables.xsd "$M/schema/v1/"
i=0
while [ "$i" -lt 260 ]; do
    sed "s/id=\"base\"/id=\"d$i\"/; s/test\\./t$i./g" tests/tables/valid/base.xml >"$M/d$i.xml"
    i=$((i + 1))
done
bad "more than 256 table documents" 3 "more than 256 table documents" \
    "$SWITCHSIM" tables check --tables "$M"
count=$((count + 5))

[ "$count" -ge 100 ] && ok "catalogue has $count hostile or mistaken inputs" ||
    not_ok "catalogue too small: $count"
