#!/bin/sh
# `switchsim tables`: the shipped tables pass; every broken table in
# tests/tables/invalid is refused with exit 3, its file named and its own message.
. tests/lib.sh

run "$SWITCHSIM" tables check
expect_rc "shipped tables pass check" 0
expect_out "check reports ok" "tables ok:"

run "$SWITCHSIM" tables list --json
expect_rc "tables list --json" 0
expect_json "list names a sha256" '.sha256 | length' 64
expect_json "list names wml.xml" '[.documents[].file] | index("tables/wml.xml") != null' true

run "$SWITCHSIM" tables show wml.hourly --date 2025-08-01 --json
expect_rc "tables show on a date" 0
expect_json "WML 2025-07-01 is 14.40 (Stcrt. 2025, 12264)" '.value' 1440
expect_json "show gives the valid-from date" '.from' 2025-07-01
expect_json "show gives the source" '.source | test("12264")' true

run "$SWITCHSIM" tables show wml.hourly
expect_rc "tables show timeline" 0
expect_out "timeline lists 2024-01-01" "from 2024-01-01  13.27 euro"

fail_input "show of an unknown id" "nope.nope" "$SWITCHSIM" tables show nope.nope
fail_input "show before the first value" "2019-01-01" "$SWITCHSIM" tables show wml.hourly --date 2019-01-01
fail_input "show with an impossible date" "--date" "$SWITCHSIM" tables show wml.hourly --date 2025-02-30

run "$SWITCHSIM" tables frobnicate
expect_rc "unknown action is a usage error" 2

run "$SWITCHSIM" tables check --tables /nonexistent/dir
expect_rc "missing tables directory" 3
expect_no_out "missing tables directory"

# The valid matrix: base + each valid document loads.
mkdir -p "$TMPD/valid/schema/v1"
cp tables/schema/v1/tables.xsd "$TMPD/valid/schema/v1/"
cp tests/tables/valid/*.xml "$TMPD/valid/"
run "$SWITCHSIM" tables check --tables "$TMPD/valid"
expect_rc "valid matrix loads (timeline split over two documents)" 0
run "$SWITCHSIM" tables show test.rate --date 2026-03-01 --tables "$TMPD/valid" --json
expect_json "later document continues the timeline" '.value' 300000
run "$SWITCHSIM" tables show test.amount --date 2027-03-01 --tables "$TMPD/valid"
expect_rc "no value after an explicit end" 1
expect_err "end is named" "no value for 'test.amount' on '2027-03-01'"

# tables status: until when the tables hold published values (issue 15). In the
# valid matrix test.indexed's next value is due on 2026-01-01 (unpublished),
# test.amount ends by law on 2027-01-01, test.rate has no end.
run "$SWITCHSIM" tables status --date 2025-11-15 --tables "$TMPD/valid" --json
expect_rc "status" 0
expect_json "status: due within 3 months is runs_out" \
    '.parameters[] | select(.id == "test.indexed") | "\(.status) \(.published_until)"' "runs_out 2026-01-01"
expect_json "status: an end by law is not something to add" \
    '.parameters[] | select(.id == "test.amount") | "\(.status) \(.ends)"' "ends 2027-01-01"
expect_json "status: no end is open" '.parameters[] | select(.id == "test.rate") | .status' open
run "$SWITCHSIM" tables status --date 2025-09-30 --tables "$TMPD/valid" --json
expect_json "status: due after 3 months is ok" '.parameters[] | select(.id == "test.indexed") | .status' ok
run "$SWITCHSIM" tables status --date 2025-09-30 --within 4 --tables "$TMPD/valid" --json
expect_json "status: --within widens the window" '.parameters[] | select(.id == "test.indexed") | .status' runs_out
run "$SWITCHSIM" tables status --date 2026-01-01 --tables "$TMPD/valid"
expect_rc "status text" 0
expect_out "status: run out on the due day (carried forward)" "RUN OUT   test.indexed: published from 2025-01-01; the next value is due on 2026-01-01"
run env SWITCHSIM_TODAY=2025-11-15 "$SWITCHSIM" tables status --tables "$TMPD/valid"
expect_out "status: today by default" "SOON      test.indexed"
fail_input "status: --within must be months" "--within" "$SWITCHSIM" tables status --within x --tables "$TMPD/valid"
run "$SWITCHSIM" tables show test.rate --within 3 --tables "$TMPD/valid"
expect_rc "--within is for status only" 2
# The shipped tables seen from 5 December 2026: the bijstand norms are due on
# 1 January 2027 and not published yet.
run env SWITCHSIM_TODAY=2026-12-05 "$SWITCHSIM" tables status --json
expect_json "shipped tables on 2026-12-05: the norm runs out on 2027-01-01" \
    '.parameters[] | select(.id == "participatiewet.norm.single") | "\(.status) \(.published_until)"' "runs_out 2027-01-01"

# A parameter declared without a value (tables/gemeenten/default.xml: what only
# a user may enter, e.g. a municipality's unpublished amount): the tables load,
# show says so, and a scenario may give it within its range, naming the field
# when outside it.
fail_input "show of a parameter without a value" "enter one in the scenario's \"overrides\"" \
    "$SWITCHSIM" tables show gemeente.zorgpolis.discount.adult
jq '. + {overrides: {"gemeente.zorgpolis.discount.adult": 20001}}' tests/cases/arnhem_armoedeval.json \
    >"$TMPD/polis-too-high.json"
fail_input "an entered polis amount above its range is refused" "overrides.gemeente.zorgpolis.discount.adult" \
    "$SWITCHSIM" simulate "$TMPD/polis-too-high.json"
jq '. + {overrides: {"gemeente.zorgpolis.discount.adult": 1250}}' tests/cases/arnhem_armoedeval.json \
    >"$TMPD/polis.json"
run "$SWITCHSIM" simulate "$TMPD/polis.json" --json
expect_json "an entered polis amount is used: 12,50 x 12 a year" \
    '.local_schemes[] | select(.scheme == "gemeentepolis") | "\(.year_value) \(.entered)"' "15000 true"
cat >"$TMPD/declared.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<tables xmlns="urn:switchsim:tables:1" schema="1" id="t" kind="national" version="2026-01-01" title="test">
  <param id="test.entered" unit="eurocent" overridable="true" min="0" max="100"><description>d</description></param>
</tables>
XML
d="$TMPD/declared"
mkdir -p "$d/schema/v1"
cp tables/schema/v1/tables.xsd "$d/schema/v1/"
cp tests/tables/valid/base.xml "$TMPD/declared.xml" "$d/"
run "$SWITCHSIM" tables check --tables "$d"
expect_rc "an overridable parameter without a value loads" 0
run env SWITCHSIM_CACHE="$TMPD/declared-cache" "$SWITCHSIM" tables check --tables "$d"
run env SWITCHSIM_CACHE="$TMPD/declared-cache" "$SWITCHSIM" tables check --tables "$d"
expect_rc "... and from the snapshot cache" 0

# The invalid matrix.
check_bad() {
    name=$1
    expect=$2
    d="$TMPD/bad-$name"
    rm -rf "$d"
    mkdir -p "$d/schema/v1"
    cp tables/schema/v1/tables.xsd "$d/schema/v1/"
    cp tests/tables/valid/base.xml "$d/"
    cp "tests/tables/invalid/$name.xml" "$d/zz-$name.xml" 2>/dev/null || cp "$TMPD/$name.xml" "$d/zz-$name.xml"
    run "$SWITCHSIM" tables check --tables "$d"
    if [ "$RC" -eq 3 ] && [ ! -s "$OUT" ] && grep -qF "zz-$name.xml" "$ERR" &&
        grep -qF -- "$expect" "$ERR"; then
        ok "broken table '$name' refused: $expect"
    else
        not_ok "broken table '$name': expected exit 3 naming the file and '$expect'"
    fi
}

n=0
for f in tests/tables/invalid/*.xml; do
    name=$(basename "$f" .xml)
    check_bad "$name" "$(cat "tests/tables/invalid/$name.err")"
    n=$((n + 1))
done
[ "$n" -ge 25 ] && ok "matrix has $n broken tables" || not_ok "matrix too small: $n"

# Over the size cap (1 MiB): generated here rather than kept in the repo.
{
    echo '<?xml version="1.0"?>'
    echo '<tables xmlns="urn:switchsim:tables:1"><!--'
    head -c 1100000 /dev/zero | tr '\0' x
    echo '--></tables>'
} >"$TMPD/too-large.xml"
check_bad too-large "larger than"

# The AOW ages the calculation handles (SW_AOW_AGE_YEARS_MIN/MAX in aow.h, 60 to
# 75 years and 0 to 11 months) tied to the tables: a copy of the shipped tables
# with an AOW age outside them, or with a declared range that is missing or
# wider, is refused naming the parameter (exit 3), and not from the snapshot
# cache on the second run either.
aow_copy() {
    d="$TMPD/aow-$1"
    rm -rf "$d"
    cp -R tables "$d"
    sed "$2" tables/aow.xml >"$d/aow.xml"
    cmp -s tables/aow.xml "$d/aow.xml" && not_ok "aow copy '$1': the edit changed nothing"
}
aow_refused() {
    for i in 1 2; do
        run env SWITCHSIM_CACHE="$TMPD/aow-cache" "$SWITCHSIM" tables check --tables "$d"
        if [ "$RC" -eq 3 ] && [ ! -s "$OUT" ] && grep -qF "aow.xml" "$ERR" &&
            grep -qF -- "$1" "$ERR"; then
            ok "shipped tables with $2 refused (run $i): $1"
        else
            not_ok "shipped tables with $2: expected exit 3 naming aow.xml and '$1'"
        fi
    done
}
aow_copy 59 '0,/amount="67"/s//amount="59"/'
aow_refused "amount '59' of 'aow.age_years' from 2024-01-01 is outside its range (60 to 75)" "AOW age 59"
aow_copy 76 's/amount="67"/amount="76"/g'
aow_refused "amount '76' of 'aow.age_years' from 2024-01-01 is outside its range (60 to 75)" "AOW age 76"
aow_copy wider 's/id="aow.age_years" unit="years" min="60"/id="aow.age_years" unit="years" min="55"/'
aow_refused "'aow.age_years' must declare a range (min and max) within 60 to 75, the values the calculation handles; it declares 55 to 75" "a wider range"
aow_copy none 's/id="aow.age_years" unit="years" min="60" max="75"/id="aow.age_years" unit="years"/'
aow_refused "'aow.age_years' must declare a range (min and max) within 60 to 75, the values the calculation handles; it declares none" "no range"
aow_copy months 's/id="aow.age_months" unit="months" min="0" max="11"/id="aow.age_months" unit="months" min="0" max="12"/'
aow_refused "'aow.age_months' must declare a range (min and max) within 0 to 11" "a months range to 12"
aow_copy narrower 's/id="aow.age_years" unit="years" min="60" max="75"/id="aow.age_years" unit="years" min="65" max="70"/'
run env SWITCHSIM_CACHE="$TMPD/aow-cache" "$SWITCHSIM" tables check --tables "$d"
expect_rc "shipped tables with a narrower AOW range load" 0

# --- overrides: only what the tables mark overridable, within its range (issue 19) ---
# What the rules divide by killed the process (SIGFPE) or failed as a tables
# problem (exit 3); now each is bad input naming the override.
fail_input "override of wml.months_per_year=0 refused" "'wml.months_per_year' cannot be overridden in '--override'" \
    "$SWITCHSIM" wml --date 2026-03-01 --hours 24 --override wml.months_per_year=0
for v in 0 1 1000; do
    fail_input "override of awir.months_per_year=$v refused" "'awir.months_per_year' cannot be overridden" \
        "$SWITCHSIM" zorgtoeslag --year 2026 --income 20000 --override awir.months_per_year=$v
done
fail_input "override of loonheffing.table.periods_per_year=0 refused" "'loonheffing.table.periods_per_year' cannot be overridden" \
    "$SWITCHSIM" net --gross 2000 --date 2026-03-01 --override loonheffing.table.periods_per_year=0
fail_input "override of loonheffing.table.annual_step=0 refused" "'loonheffing.table.annual_step' cannot be overridden" \
    "$SWITCHSIM" net --gross 2000 --date 2026-03-01 --override loonheffing.table.annual_step=0
fail_input "override outside its range refused" "value '149900' for 'wml.hourly' outside its range 663 to 3000 (unit eurocent) in '--override'" \
    "$SWITCHSIM" wml --date 2026-03-01 --hours 24 --override wml.hourly=149900
run "$SWITCHSIM" wml --date 2026-03-01 --hours 24 --override wml.hourly=1500 --json
expect_rc "override within its range" 0
expect_out "override within its range is used" '1500'
# In a scenario: exit 1 naming the field overrides.ID.
cat >"$TMPD/ov.json" <<'JSON'
{"version": 1, "start_month": "2026-01", "months": 3,
 "household": {"composition": "single", "birth_date": "1994-05-01"},
 "job": {"kind": "beschut", "start": "2026-02-01", "hours_per_week": 24},
 "overrides": {"wml.months_per_year": 0}}
JSON
fail_input "scenario override of wml.months_per_year refused" "overrides.wml.months_per_year" \
    "$SWITCHSIM" simulate "$TMPD/ov.json" --json
# Every scenario command refuses --override (it was silently ignored by
# employer, municipality and wayback): exit 2, the command named, nothing on stdout.
for cmd in simulate explain sweep employer municipality wayback; do
    run "$SWITCHSIM" $cmd tests/cases/seed_resident.json --override wml.hourly=2000
    if [ "$RC" = 2 ] && [ ! -s "$OUT" ] && grep -q "switchsim $cmd: put overrides in the scenario's \"overrides\"" "$ERR"; then
        ok "$cmd refuses --override (exit 2)"
    else
        not_ok "$cmd --override: exit $RC, stderr $(head -c 200 "$ERR")"
    fi
done
# The shipped tables: the divisors declare min >= 1 and are not overridable.
for id in wml.months_per_year awir.months_per_year loonheffing.table.periods_per_year \
    loonheffing.table.annual_step ww.dagloondagen_per_year wml.weeks_per_year; do
    f=$(grep -l "<param id=\"$id\"" tables/*.xml)
    if grep -q "<param id=\"$id\"[^>]* min=\"[1-9][0-9]*\"" "$f" &&
        ! grep -q "<param id=\"$id\"[^>]*overridable=\"true\"" "$f"; then
        ok "divisor $id declares min >= 1 and is not overridable"
    else
        not_ok "divisor $id: expected min >= 1 and no overridable in $f"
    fi
done

# --- a hostile schema (issue 19): parsed like a table - no network, no DTD, no
# entities - and self-contained. A loopback listener counts connections.
hostile_schema() {
    d="$TMPD/xsd-$1"
    rm -rf "$d"
    mkdir -p "$d/schema/v1"
    cp tests/tables/valid/*.xml "$d/"
    printf '%s\n' "$2" >"$d/schema/v1/tables.xsd"
    sed '1d' tables/schema/v1/tables.xsd | sed "s|elementFormDefault=\"qualified\">|elementFormDefault=\"qualified\">$3|" \
        >>"$d/schema/v1/tables.xsd"
    run "$SWITCHSIM" tables check --tables "$d"
}
if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8); s.settimeout(0.2)
open(sys.argv[1], "w").write(str(s.getsockname()[1]))
n = 0; end = time.time() + 60
while time.time() < end:
    try:
        c, _ = s.accept(); n += 1; c.close()
        open(sys.argv[2], "w").write(str(n))
    except socket.timeout:
        pass
' "$TMPD/port" "$TMPD/hits" &
    LPID=$!
    i=0
    while [ ! -s "$TMPD/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
    PORT=$(cat "$TMPD/port" 2>/dev/null)
    hostile_schema import '<?xml version="1.0" encoding="UTF-8"?>' \
        "<xs:import namespace=\"urn:x\" schemaLocation=\"http://127.0.0.1:$PORT/x.xsd\"/>"
    expect_rc "schema with an xs:import over http refused" 3
    expect_err "schema import named" "'import' of 'http://127.0.0.1:$PORT/x.xsd' is not allowed: the schema must be self-contained"
    hostile_schema pentity "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE xs:schema [<!ENTITY % ext SYSTEM \"http://127.0.0.1:$PORT/e.dtd\"> %ext;]>" ""
    expect_rc "schema with an external parameter entity refused" 3
    expect_err "schema DTD named" "a DTD is not allowed in the schema"
    sleep 0.3
    kill "$LPID" 2>/dev/null
    wait "$LPID" 2>/dev/null
    if [ ! -s "$TMPD/hits" ]; then
        ok "hostile schemas: no network access (no connection to 127.0.0.1:$PORT)"
    else
        not_ok "hostile schemas: $(cat "$TMPD/hits") connection(s) to 127.0.0.1:$PORT"
    fi
else
    not_ok "python3 is needed for the loopback listener"
fi
printf 'secret' >"$TMPD/secret.txt"
hostile_schema entity "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE xs:schema [<!ENTITY leak SYSTEM \"file://$TMPD/secret.txt\">]>" \
    '<xs:annotation><xs:documentation>\&leak;</xs:documentation></xs:annotation>'
expect_rc "schema with a file entity refused" 3
expect_err "schema file entity: the DTD named" "schema: a DTD is not allowed in the schema"
hostile_schema include '<?xml version="1.0" encoding="UTF-8"?>' \
    '<xs:include schemaLocation="../../../tables/schema/v1/tables.xsd"/>'
expect_rc "schema with an xs:include refused" 3
expect_err "schema include named" "'include' of"
