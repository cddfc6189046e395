#!/bin/sh
# tests/cgi/api.sh - the API without a web server: the CGI environment and
# standard input as lighttpd would set them, including hostile requests. Every
# answer is JSON with the right status and headers; nothing of the request goes
# to stderr (a web server copies that into its error log) or to disk.
#
# SWITCHSIM_FRONT=cgi (default): switchsim.cgi, one process per request.
# SWITCHSIM_FRONT=fastcgi: the same requests to one switchsim.fcgi process
# for all of them, over the FastCGI protocol (cgi-fcgi of libfcgi-bin turns each
# CGI request into a FastCGI one); the process's standard error is reported
# with the request that caused it.
. tests/lib.sh
. tests/lib_cgi.sh

# A scenario within the published tables (the first half of 2026).
cat >"$TMPD/ok.json" <<'EOF'
{
  "version": 1,
  "start_month": "2026-01",
  "months": 6,
  "municipality": "amersfoort",
  "household": {"composition": "single", "birth_date": "1994-05-01", "rent": 65000},
  "before": {"benefit": "participatiewet", "dagbesteding_dagdelen_per_week": 6},
  "job": {"kind": "beschut", "start": "2026-03-01", "hours_per_week": 36,
          "loonwaarde": [{"from": "2026-03-01", "percent": 50}]},
  "toeslagen": {"zorgtoeslag": true, "huurtoeslag": true}
}
EOF
: >"$TMPD/empty"

# --- a valid scenario ---
post /simulate "$TMPD/ok.json"
expect_status "simulate: a valid scenario" 200
expect_json "simulate: version" .version 1
expect_json "simulate: tables sha256" '.tables.sha256 | test("^[0-9a-f]{64}$")' true
expect_json "simulate: 6 months with the job" '.scenario.months | length' 6
expect_json "simulate: 6 months staying" '.baseline.months | length' 6
expect_json "simulate: month fields of the contract" \
    '.scenario.months[0] | [has("month","status","gross_wage","holiday_pay","loonheffing","net_wage","bijstand_norm","vrijlating","bijstand_entitled","bijstand_paid","bijstand_holiday_allowance_paid","zorgtoeslag_entitled","zorgtoeslag_paid","huurtoeslag_entitled","huurtoeslag_paid","wmo_eigen_bijdrage","recovery_collected","received","set_aside","safe_to_spend","lks")] | all' true
expect_json "simulate: recoveries, warnings, actions" '[has("recoveries","warnings","actions","totals")] | .[0:3] | all' true
expect_json "simulate: a recovery has the contract's fields" \
    '.recoveries[0] | [has("kind","for_period","amount","expected","avoidable_by")] | all' true
expect_json "simulate: the headline sentence" \
    '.headline | test("^In een gewone maand na de overstap houdt u € [0-9.]+,[0-9]{2} (meer|minder) over dan zonder deze baan( \\(voorlopig\\))?\\.$")' true
expect_json "simulate: same answer as the CLI" .average_gain \
    "$("$SWITCHSIM" simulate "$TMPD/ok.json" --json --tables "$TABLES" | jq .average_gain)"
expect_json "simulate: no traces unless asked" '.scenario.months[0] | has("traces")' false
expect_quiet "simulate: nothing on stderr"

post /simulate "$TMPD/ok.json" "trace=1&month=2026-03"
expect_status "simulate: trace of one month" 200
expect_json "trace: the month asked has traces" '.scenario.months[2].traces.bijstand_paid.rule | length > 0' true
expect_json "trace: parameters have source and description" \
    '[.scenario.months[2].traces.bijstand_norm.parameters[] | (.source | length > 0) and (.description | length > 0)] | all' true
expect_json "trace: the stay run too" '.baseline.months[2] | has("traces")' true
expect_json "trace: other months have none" '.scenario.months[1] | has("traces")' false
# Every month's traces for 36 months: an answer of megabytes, more FastCGI
# records than switchsim.fcgi writes at once (64 of 8 KiB, fcgi_main.c): all of
# it arrives, in order.
jq '.months = 36' "$TMPD/ok.json" >"$TMPD/ok36.json"
post /simulate "$TMPD/ok36.json" "trace=1"
expect_status "trace of every month of 36: the whole answer" 200
size=$(wc -c <"$OUT" | tr -d ' ')
if [ "$size" -gt 600000 ]; then ok "trace of every month of 36: $size bytes"; else
    not_ok "trace of every month of 36: only $size bytes"; fi
expect_json "trace of every month of 36: the last month of both runs has traces" \
    '[.scenario.months[35], .baseline.months[35]] | map(has("traces")) | all' true
post /simulate "$TMPD/ok.json" "trace=2"
expect_status "trace=2" 422
expect_error "trace=2: names the query key" invalid trace
post /simulate "$TMPD/ok.json" "trace=1&month=2027-01"
expect_status "trace of a month outside the scenario" 422
post /simulate "$TMPD/ok.json" "debug=1"
expect_status "unknown query parameter" 400
expect_error "unknown query parameter: named" malformed debug
post /simulate "$TMPD/ok.json" "trace=1&trace=1"
expect_status "query parameter twice" 400
post /simulate "$TMPD/ok.json" "trace=%ZZ"
expect_status "malformed percent-encoding" 400

# --- methods ---
req GET /simulate - "$TMPD/empty"
expect_status "GET /simulate" 405
if grep -qx 'Allow: POST' "$HDRS"; then ok "405 has Allow: POST"; else not_ok "405 has Allow: POST"; fi
expect_error "405 body" method_not_allowed ""
for m in PUT DELETE OPTIONS PATCH; do
    req "$m" /simulate - "$TMPD/empty"
    expect_status "$m /simulate" 405
done
req POST /tables 2 "$TMPD/empty"
expect_status "POST /tables" 405
if grep -qx 'Allow: GET, HEAD' "$HDRS"; then ok "405 has Allow: GET, HEAD"; else not_ok "405 has Allow: GET, HEAD"; fi
req "" /tables - "$TMPD/empty"
expect_status "no REQUEST_METHOD" 405

# --- CONTENT_LENGTH ---
req POST /simulate - "$TMPD/ok.json"
expect_status "missing CONTENT_LENGTH" 400
expect_error "missing CONTENT_LENGTH: named" malformed Content-Length
for cl in "" abc -1 "+5" " 12" "12 " 1e3 0x10 "12,5"; do
    req POST /simulate "$cl" "$TMPD/ok.json"
    expect_status "CONTENT_LENGTH '$cl'" 400
done
req POST /simulate 65537 "$TMPD/ok.json"
expect_status "CONTENT_LENGTH over 64 KiB" 413
expect_error "413: named" too_big Content-Length
req POST /simulate 99999999999999999999999999999 "$TMPD/ok.json"
expect_status "CONTENT_LENGTH beyond any integer" 413
head -c 70000 /dev/zero | tr '\0' ' ' >"$TMPD/big"
post /simulate "$TMPD/big"
expect_status "a 70 KB body" 413
{ printf '{"version": 1, "overrides": {"x": "'; head -c 65400 /dev/zero | tr '\0' 'a'; printf '"}}'; } >"$TMPD/limit.json"
post /simulate "$TMPD/limit.json"
expect_status "a body just under 64 KiB is read (and judged)" 422
n=$(wc -c <"$TMPD/ok.json" | tr -d ' ')
req POST /simulate $((n + 100)) "$TMPD/ok.json"
expect_status "body shorter than CONTENT_LENGTH" 400
expect_error "short body: named" malformed Content-Length
req POST /simulate $((n - 10)) "$TMPD/ok.json"
expect_status "CONTENT_LENGTH shorter than the body (cut JSON)" 400
req POST /simulate 0 "$TMPD/empty"
expect_status "empty body" 400

# --- malformed and invalid bodies ---
printf '{"version": 1,' >"$TMPD/cut.json"
post /simulate "$TMPD/cut.json"
expect_status "invalid JSON" 400
expect_error "invalid JSON: code" malformed ""
printf '[1, 2, 3]' >"$TMPD/array.json"
post /simulate "$TMPD/array.json"
expect_status "a JSON array" 400
printf '"scenario"' >"$TMPD/string.json"
post /simulate "$TMPD/string.json"
expect_status "a JSON string" 400
printf '{"version": 1}\000{}' >"$TMPD/nul.json"
post /simulate "$TMPD/nul.json"
expect_status "a NUL byte in the body" 400
{ cat "$TMPD/ok.json"; printf ' {"months": 1}'; } >"$TMPD/two.json"
post /simulate "$TMPD/two.json"
expect_status "two JSON values (trailing data)" 400
{ cat "$TMPD/ok.json"; printf ' \r\n\t '; } >"$TMPD/ws.json"
post /simulate "$TMPD/ws.json"
expect_status "trailing white space is fine" 200
printf '{"version": 1, "municipality": "amers\351"}' >"$TMPD/latin1.json"
post /simulate "$TMPD/latin1.json"
expect_status "Latin-1 instead of UTF-8" 400
printf '{"x": "\355\240\200"}' >"$TMPD/surrogate.json"
post /simulate "$TMPD/surrogate.json"
expect_status "an encoded surrogate (not UTF-8)" 400
printf '{"x": "\300\257"}' >"$TMPD/overlong.json"
post /simulate "$TMPD/overlong.json"
expect_status "an overlong UTF-8 form" 400
jq '.municipality = "gemeente \u20ac \ud83d\ude00"' "$TMPD/ok.json" >"$TMPD/utf8.json"
post /simulate "$TMPD/utf8.json"
expect_status "valid UTF-8 (euro sign, emoji) reaches the scenario check" 422
printf '\377\376{"version": 1}' >"$TMPD/bin.json"
post /simulate "$TMPD/bin.json"
expect_status "binary garbage" 400
head -c 20000 /dev/zero | tr '\0' '[' >"$TMPD/deep.json"
post /simulate "$TMPD/deep.json"
expect_status "20000 nested arrays" 400
{ printf '{"overrides": '; head -c 900 /dev/zero | tr '\0' '['; head -c 900 /dev/zero | tr '\0' ']'; printf '}'; } \
    >"$TMPD/deep2.json"
post /simulate "$TMPD/deep2.json"
expect_status "900 nested arrays inside a scenario" 422
{ printf '{"a": '; head -c 30000 /dev/zero | tr '\0' '{' | sed 's/{/{"a":/g' | head -c 60000; } >"$TMPD/deep3.json"
post /simulate "$TMPD/deep3.json"
expect_status "deeply nested objects" 400

jq '.job.hours_per_week = 99 | .household.birth_date = "1994-02-30"' "$TMPD/ok.json" >"$TMPD/bad.json"
post /simulate "$TMPD/bad.json"
expect_status "invalid values" 422
expect_json "422: the first problem's JSON path" .error.field household.birth_date
expect_json "422: every problem with its JSON path" '[.error.problems[].field] | sort | join(",")' \
    "household.birth_date,job.hours_per_week"
jq '.job.loonwaarde[0].percent = 150' "$TMPD/ok.json" >"$TMPD/lw.json"
post /simulate "$TMPD/lw.json"
expect_status "loonwaarde over 100" 422
expect_json "422: an array element's path" .error.field "job.loonwaarde[0].percent"
jq '.typo = 1' "$TMPD/ok.json" >"$TMPD/typo.json"
post /simulate "$TMPD/typo.json"
expect_status "an unknown key" 422
jq '.start_month = "2035-01" | .job.start = "2035-03-01" | .job.loonwaarde[0].from = "2035-03-01"' \
    "$TMPD/ok.json" >"$TMPD/future.json"
post /simulate "$TMPD/future.json"
expect_status "months past the published values: an answer by default" 200
expect_json "... with what is projected" '.tables.projected | length > 0' true
expect_json "... and each month marked" '[.scenario.months[] | has("projected")] | all' true
jq '.strict = true' "$TMPD/future.json" >"$TMPD/future_strict.json"
post /simulate "$TMPD/future_strict.json"
expect_status "months the tables do not cover, strict" 422
expect_json "no_value: names the parameter and the date" \
    '.error.code == "no_value" and (.error.message | test("2035"))' true
post /employer "$TMPD/future.json"
expect_status "employer past the published values: an answer by default" 200
post /employer "$TMPD/future_strict.json"
expect_status "employer past the published values, strict" 422
post /municipality "$TMPD/future.json"
expect_status "municipality past the published values: an answer by default" 200
post /municipality "$TMPD/future_strict.json"
expect_status "municipality past the published values, strict" 422

# --- privacy: request content stays out of stderr and off the disk ---
jq '.municipality = "privacymarker"' "$TMPD/ok.json" >"$TMPD/marker.json"
post /simulate "$TMPD/marker.json"
expect_status "unknown municipality" 422
expect_json "unknown municipality: field" .error.field municipality
expect_quiet "the 422 writes nothing to stderr"
printf '{"privacymarker": ' >"$TMPD/marker2.json"
post /simulate "$TMPD/marker2.json"
expect_quiet "malformed JSON writes nothing to stderr"
if [ "$FRONT" = cgi ]; then
(cd "$WORK" && env -i PATH="$PATH" SWITCHSIM_TABLES="$TMPD/no-tables" REQUEST_METHOD=POST \
    PATH_INFO=/simulate CONTENT_LENGTH="$(wc -c <"$TMPD/marker.json" | tr -d ' ')" "$CGI") \
    <"$TMPD/marker.json" >"$RESP" 2>"$ERR"
RC=$?
sed -n '1,/^\r\{0,1\}$/p' "$RESP" | tr -d '\r' >"$HDRS"
sed '1,/^\r\{0,1\}$/d' "$RESP" >"$OUT"
STATUS=$(sed -n 's/^Status: \([0-9][0-9]*\) .*/\1/p' "$HDRS")
expect_status "tables missing" 500
if [ -s "$ERR" ] && ! grep -q privacymarker "$ERR"; then
    ok "a tables problem is logged, without request content"
else
    not_ok "a tables problem is logged, without request content"
fi
else
    ok "# SKIP tables missing: FastCGI loads its tables once (tests/e2e/fastcgi.sh)"
fi
if [ -z "$(ls -A "$WORK")" ]; then ok "nothing written to disk"; else not_ok "nothing written to disk: $(ls -A "$WORK")"; fi

# --- paths ---
for p in "" / /nothing /simulate/ /SIMULATE /simulate/x /../simulate /simulate/../tables \
    /%2e%2e/tables /tables/../../etc/passwd //tables /api/simulate; do
    req GET "$p" - "$TMPD/empty"
    expect_status "unknown path '$p'" 404
done
expect_error "404 body" not_found ""

# --- tables ---
req GET /tables - "$TMPD/empty"
expect_status "GET /tables" 200
want=$("$SWITCHSIM" tables list --json --tables "$TABLES")
expect_json "tables: sha256 as tables list" .sha256 "$(echo "$want" | jq -r .sha256)"
expect_json "tables: the documents as tables list" '[.documents[].file] | join(",")' \
    "$(echo "$want" | jq -r '[.documents[].file] | join(",")')"
expect_json "tables: municipalities with products" \
    '[.municipalities[] | select(.id == "amersfoort") | .products | index("jaartraject") != null] | .[0]' true
expect_json "tables: the newest prices, the page's defaults (Amersfoort dagdeel 51.20)" \
    '.municipalities[] | select(.id == "amersfoort") | .prices[] | select(.name == "dagbesteding") | [.per, .amount] | map(tostring) | join(" ")' "dagdeel 5120"
expect_json "tables: the kostendelersnorm age for the intake (27, Pw art. 19a)" .facts.cost_sharer_min_age.value 27
get_len=$(wc -c <"$OUT" | tr -d ' ')
cp "$RESP" "$TMPD/tables.first"
req HEAD /tables - "$TMPD/empty"
if [ "$RC" -eq 0 ] && [ "$STATUS" = 200 ] && [ ! -s "$OUT" ] &&
    grep -qx "Content-Length: $get_len" "$HDRS"; then
    ok "HEAD /tables: 200, the GET's Content-Length, no body"
else
    not_ok "HEAD /tables: 200, the GET's Content-Length ($get_len), no body"
fi
req GET /tables - "$TMPD/empty" "x=1"
expect_status "GET /tables with a query" 400
# FastCGI keeps the answer with its tables: the next ones are the same, headers too.
req GET /tables - "$TMPD/empty"
req GET /tables - "$TMPD/empty"
if cmp -s "$RESP" "$TMPD/tables.first"; then ok "GET /tables again: the same answer"; else
    not_ok "GET /tables again: another answer"; fi

# --- employer and municipality ---
post /employer "$TMPD/ok.json" "loonwaarde=30,50"
expect_status "employer" 200
expect_json "employer: plan + one variant per loonwaarde" '[.variants[].label] | join(",")' "plan,30,50"
expect_json "employer: 4 employed months (March to June)" '.variants[1].months | length' 4
expect_json "employer: lower loonwaarde, more LKS" \
    '.variants[1].totals.lks > .variants[2].totals.lks' true
expect_json "employer: net cost = labour cost - LKS - LKV" \
    '.variants[2].totals | .net_cost == .labour_cost - .lks - .lkv' true
post /employer "$TMPD/ok.json" "loonwaarde=30%2C50"
expect_status "employer: encoded comma" 200
post /employer "$TMPD/ok.json" "loonwaarde=150"
expect_status "employer: loonwaarde 150" 422
expect_error "employer: names the query key" invalid loonwaarde
post /employer "$TMPD/ok.json" "loonwaarde=1,2,3,4,5,6,7,8,9"
expect_status "employer: too many loonwaarden" 422
post /employer "$TMPD/ok.json" "lkv=whatever"
expect_status "employer: unknown lkv" 422
post /employer "$TMPD/ok.json" "government=yes"
expect_status "employer: a flag must be 0 or 1" 422
post /employer "$TMPD/bad.json"
expect_status "employer: an invalid scenario" 422

post /municipality "$TMPD/ok.json" "after=jaartraject"
expect_status "municipality" 200
expect_json "municipality: 6 months" '.months | length' 6
expect_json "municipality: cost before = bijstand + dagbesteding + products" \
    '[.months[] | .cost_before == .bijstand_before + .dagbesteding_before + .products_before] | all' true
expect_json "municipality: the product with its source" '.products[0].source.source | length > 0' true
expect_json "municipality: totals add up" '.totals.saving == .totals.cost_before - .totals.cost_after' true
post /municipality "$TMPD/ok.json" "after=nosuchproduct"
expect_status "municipality: a product without a price" 422
expect_json "municipality: no_value names the parameter" .error.field gemeente.nosuchproduct.price_per_month
post /municipality "$TMPD/ok.json" "after=../etc"
expect_status "municipality: a bad product name" 422
post /municipality "$TMPD/ok.json" "dagdelen_after=11"
expect_status "municipality: dagdelen_after out of range" 422
# Issue 20: every municipality, with the user's prices. Amsterdam's table has no
# dagbesteding price: refused naming it, then computed with the price typed in:
# 51.20 x 6 dagdelen x 52 weeks / 12 = 1331.20 a month (gemeente.dagbesteding.
# weeks_per_year 52, wml.months_per_year 12).
jq '.municipality = "amsterdam" | .before.dagbesteding_dagdelen_per_week = 6' "$TMPD/ok.json" >"$TMPD/ams.json"
post /municipality "$TMPD/ams.json"
expect_status "municipality without a dagdeel price in its table" 422
expect_json "municipality without a dagdeel price: names it" .error.field gemeente.dagbesteding.price_per_dagdeel
post /municipality "$TMPD/ams.json" "prices=dagbesteding:51.20"
expect_status "municipality with the user's dagdeel price" 200
expect_json "user's dagdeel price: 6 dagdelen a month" '.months[0].dagbesteding_before' 133120
expect_json "user's dagdeel price: its source says so" '.dagdeel_price_source | [.source, .user] | map(tostring) | join(" ")' "zelf ingevuld true"
post /municipality "$TMPD/ams.json" "after=jobcoach&prices=dagbesteding:51.20,jobcoach:300"
expect_json "user's product price per month wins over the table's" '.products[0] | [.month_price, .source.user] | map(tostring) | join(" ")' "30000 true"
post /municipality "$TMPD/ams.json" "prices=dagbesteding:51,20"
expect_status "prices: a decimal comma inside the list is refused" 422
expect_json "prices: the field" .error.field prices
post /municipality "$TMPD/ams.json" "prices=dagbesteding:1,dagbesteding:2"
expect_status "prices: a name twice is refused" 422

# --- issue 19: echoes, server paths, a FIFO among the tables ---
# An unknown key with terminal escapes, 60 KB long: refused naming it, cut short
# and escaped, in field and message alike; nothing of it on stderr.
jq --arg k "$(printf '\033]0;title\007\033[31m')$(head -c 60000 /dev/zero | tr '\0' K)" \
    '.[$k] = 1' "$TMPD/ok.json" >"$TMPD/longkey.json"
post /simulate "$TMPD/longkey.json"
expect_status "a 60 KB unknown key with escape sequences" 422
expect_json "... the field is cut short" '.error.field | length < 100' true
expect_json "... and ends in ..." '.error.field | endswith("...")' true
expect_json "... the escapes are written out" '.error.field | startswith("\\u001b]0;title\\u0007")' true
expect_json "... no control character in the body" \
    '[.. | strings | test("[\u0000-\u001f\u007f]")] | any' false
expect_json "... the message is as short" '.error.message | length < 130' true
expect_quiet "... nothing on stderr"
# A tables problem is a 500 whose body names no server path (the error log does).
if [ "$FRONT" = cgi ]; then
(cd "$WORK" && env -i PATH="$PATH" SWITCHSIM_TABLES="$TMPD/no-tables" REQUEST_METHOD=GET \
    PATH_INFO=/tables "$CGI") </dev/null >"$RESP" 2>"$ERR"
RC=$?
sed -n '1,/^\r\{0,1\}$/p' "$RESP" | tr -d '\r' >"$HDRS"
sed '1,/^\r\{0,1\}$/d' "$RESP" >"$OUT"
STATUS=$(sed -n 's/^Status: \([0-9][0-9]*\) .*/\1/p' "$HDRS")
expect_status "tables missing: 500" 500
if grep -q "$TMPD" "$OUT" || grep -q '/schema/' "$OUT"; then
    not_ok "a 500 body names no server path: $(cat "$OUT")"
else
    ok "a 500 body names no server path"
fi
expect_json "... says what kind of problem" .error.code table
grep -q "$TMPD/no-tables" "$ERR" && ok "... the error log has the path" ||
    not_ok "the error log has the path"
# A FIFO named *.xml among the tables: refused at once (500, logged), never waited on.
mkdir -p "$TMPD/fifo-tables"
cp -r "$TABLES/." "$TMPD/fifo-tables/"
rm -f "$TMPD/fifo-tables/.sources"
mkfifo "$TMPD/fifo-tables/zz-fifo.xml"
start=$(date +%s)
(cd "$WORK" && env -i PATH="$PATH" ASAN_OPTIONS="${ASAN_OPTIONS:-}" \
    UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" SWITCHSIM_TABLES="$TMPD/fifo-tables" REQUEST_METHOD=POST \
    PATH_INFO=/simulate CONTENT_LENGTH="$(wc -c <"$TMPD/ok.json" | tr -d ' ')" \
    timeout 60 "$CGI") <"$TMPD/ok.json" >"$RESP" 2>"$ERR"
RC=$?
took=$(($(date +%s) - start))
sed -n '1,/^\r\{0,1\}$/p' "$RESP" | tr -d '\r' >"$HDRS"
sed '1,/^\r\{0,1\}$/d' "$RESP" >"$OUT"
STATUS=$(sed -n 's/^Status: \([0-9][0-9]*\) .*/\1/p' "$HDRS")
expect_status "a FIFO among the tables: 500, not a hang" 500
[ "$took" -lt 30 ] && ok "... answered in ${took}s" || not_ok "a FIFO among the tables took ${took}s"
grep -q 'zz-fifo.xml' "$ERR" && ok "... the error log names the FIFO" ||
    not_ok "the error log names the FIFO"
else
    ok "# SKIP tables missing or a FIFO: FastCGI loads its tables once (tests/e2e/fastcgi.sh)"
fi

# --- overrides (issue 19): only what the tables mark overridable, within its
# range; a refused one is a 422 naming the field "overrides.ID", never a crash
# (SIGFPE) or a 500.
for ov in '"wml.months_per_year": 0' '"awir.months_per_year": 0' '"awir.months_per_year": 1' \
    '"awir.months_per_year": 1000' '"loonheffing.table.periods_per_year": 0' \
    '"loonheffing.table.annual_step": 0' '"wml.hourly": 1' '"zorgtoeslag.standaardpremie": "0"'; do
    id=$(echo "$ov" | sed 's/^"\([^"]*\)".*/\1/')
    jq --argjson o "{$ov}" '.overrides = $o' "$TMPD/ok.json" >"$TMPD/ov.json"
    post /simulate "$TMPD/ov.json"
    expect_status "override {$ov} refused" 422
    expect_error "override {$ov} names the field" invalid "overrides.$id"
done
jq '.overrides = {"wml.hourly": 1500, "zorgtoeslag.standaardpremie": "200000"}' "$TMPD/ok.json" >"$TMPD/ov.json"
post /simulate "$TMPD/ov.json"
expect_status "overrides within their range" 200

if [ -n "$APP_PID" ]; then
    kill -0 "$APP_PID" 2>/dev/null && ok "one FastCGI process answered every request" ||
        not_ok "the FastCGI process is gone"
fi
