#!/bin/sh
# tests/e2e/http.sh - lighttpd (the configuration web/serve generates) with the CGI
# under test, on a free loopback port, spoken to by the libcurl client: status
# codes, security headers, bodies, and that nothing of a request reaches the logs.
. tests/lib.sh
. tests/e2e/serverlib

start_server || exit 1

# A scenario (CONTRACT.md) within the published tables (the first half of 2026).
# Settled as a voorschot: Amersfoort's own table settles op de maand, under which no
# bijstand is paid too much, and the checks below look for the March recovery.
cat >"$TMPD/scenario.json" <<'EOF'
{
  "version": 1,
  "start_month": "2026-01",
  "months": 6,
  "municipality": "amersfoort",
  "household": {"composition": "single", "birth_date": "1994-05-01", "rent": 65000},
  "before": {"benefit": "participatiewet", "dagbesteding_dagdelen_per_week": 6},
  "job": {"kind": "beschut", "start": "2026-03-01", "hours_per_week": 36,
          "loonwaarde": [{"from": "2026-03-01", "percent": 50}]},
  "settlement": {"method": "voorschot"},
  "toeslagen": {"zorgtoeslag": true, "huurtoeslag": true}
}
EOF
jq '.household.birth_date = "1987-06-15" | .job.hours_per_week = 99' \
    "$TMPD/scenario.json" >"$TMPD/invalid.json"
# Malformed JSON with a marker that must never show up in a log.
printf '{"version": 1, "start_month": "2026-01", "municipality": "privacymarker" ' >"$TMPD/broken.json"

csp_has() {
    expect_header_has "$1: CSP default-src none" Content-Security-Policy "default-src 'none'"
    expect_header_has "$1: CSP scripts only from self" Content-Security-Policy "script-src 'self';"
    expect_header_has "$1: CSP styles only from self" Content-Security-Policy "style-src 'self';"
    expect_header_has "$1: CSP no framing" Content-Security-Policy "frame-ancestors 'none'"
    if grep -i '^Content-Security-Policy:' "$HDRS.txt" | grep -q "unsafe"; then
        not_ok "$1: CSP allows something unsafe"
    else
        ok "$1: CSP has no unsafe-inline or unsafe-eval"
    fi
    expect_header "$1: nosniff" X-Content-Type-Options nosniff
    expect_header "$1: no referrer" Referrer-Policy no-referrer
    expect_header "$1: no framing" X-Frame-Options DENY
}

# --- the static page ---
http "$BASE/"
expect_status "GET / serves the page" 200
expect_header "page is HTML in UTF-8" Content-Type "text/html; charset=utf-8"
csp_has "page"
expect_out "page is in Dutch" '<html lang="nl">'
if grep -q '<script>' "$OUT" || grep -q ' style="' "$OUT" || grep -Eqi '[[:space:]]on[a-z]+=' "$OUT"; then
    not_ok "page has no inline script, style or handler"
else
    ok "page has no inline script, style or handler"
fi
if grep -Eq '(src|href)="(https?:)?//' "$OUT"; then
    not_ok "page loads no external resources"
else
    ok "page loads no external resources"
fi

# Every script the page loads, in the order index.html names them.
for js in $(sed -n 's/.*<script src="\([a-z]*\.js\)".*/\1/p' "$top/web/index.html"); do
    http "$BASE/$js"
    expect_status "GET /$js" 200
    expect_header "$js is JavaScript" Content-Type "text/javascript; charset=utf-8"
    expect_header "$js: nosniff" X-Content-Type-Options nosniff
done
http "$BASE/style.css"
expect_status "GET /style.css" 200
expect_header "style.css is CSS" Content-Type "text/css; charset=utf-8"
http "$BASE/openapi.json"
expect_status "GET /openapi.json: the API description served with the page" 200
expect_header "openapi.json is JSON" Content-Type "application/json; charset=utf-8"
expect_json "openapi.json: OpenAPI 3 with the page's API" '(.openapi | startswith("3.")) and (.paths | has("/simulate"))' true
http "$BASE/serve"
expect_status "the serve script is not served" 403
http "$BASE/nothing.html"
expect_status "unknown file" 404

# --- the API ---
http "$BASE/api/tables"
expect_status "GET /api/tables" 200
expect_header "tables: JSON" Content-Type "application/json; charset=utf-8"
expect_header "tables: no-store" Cache-Control no-store
csp_has "api"
want=$("$SWITCHSIM" tables list --json --tables "$SWITCHSIM_TABLES" | jq -r .sha256)
expect_json "tables: sha256 as tables list" .sha256 "$want"
expect_json "tables: municipalities listed" '[.municipalities[].id] | index("amersfoort") != null' true

http -X HEAD "$BASE/api/tables"
expect_status "HEAD /api/tables" 200
if [ -s "$BODY" ]; then not_ok "HEAD has no body"; else ok "HEAD has no body"; fi

http -d "$TMPD/scenario.json" -H 'Content-Type: application/json' "$BASE/api/simulate"
expect_status "POST /api/simulate" 200
expect_header "simulate: JSON" Content-Type "application/json; charset=utf-8"
expect_header "simulate: no-store" Cache-Control no-store
expect_header "simulate: nosniff" X-Content-Type-Options nosniff
expect_json "simulate: version" .version 1
expect_json "simulate: 6 months switch" '.scenario.months | length' 6
expect_json "simulate: 6 months stay" '.baseline.months | length' 6
expect_json "simulate: headline" '.headline | test("^In een gewone maand na de overstap houdt u € [0-9.]+,[0-9]{2} (meer|minder) over dan zonder deze baan( \\(voorlopig\\))?\\.$")' true
expect_json "simulate: bijstand recovery for March" '[.recoveries[] | select(.kind == "bijstand") | .for_period] | index("2026-03") != null' true
expect_json "simulate: actions have dates" '[.actions[].before | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")] | all' true
expect_json "simulate: same figures as the CLI" .average_gain \
    "$("$SWITCHSIM" simulate "$TMPD/scenario.json" --json --tables "$SWITCHSIM_TABLES" | jq .average_gain)"

http -c -d "$TMPD/scenario.json" -H 'Content-Type: application/json' "$BASE/api/simulate"
expect_status "chunked POST (lighttpd sets CONTENT_LENGTH)" 200
expect_json "chunked POST: the same answer" '.scenario.months | length' 6

http -d "$TMPD/scenario.json" "$BASE/api/simulate?trace=1&month=2026-03"
expect_status "simulate with trace" 200
expect_json "trace: March has the bijstand rule" '.scenario.months[2].traces.bijstand_norm.rule | test("Participatiewet")' true
expect_json "trace: parameters have a source" '[.scenario.months[2].traces.bijstand_norm.parameters[].source | length > 0] | all' true
expect_json "trace: only the month asked" '.scenario.months[0] | has("traces")' false

http -d "$TMPD/scenario.json" "$BASE/api/employer?loonwaarde=30,50"
expect_status "POST /api/employer" 200
expect_json "employer: plan + 2 variants" '.variants | length' 3
http -d "$TMPD/scenario.json" "$BASE/api/municipality"
expect_status "POST /api/municipality" 200
expect_json "municipality: 6 months" '.months | length' 6
http -d "$TMPD/scenario.json" "$BASE/api/sweep?hours=8:16:4"
expect_status "POST /api/sweep" 200
expect_json "sweep: 3 steps" '.steps | length' 3
http -d "$TMPD/scenario.json" "$BASE/api/wayback?after=3"
expect_status "POST /api/wayback" 200
expect_json "wayback: 1 step" '.steps | length' 1
printf '{"tasks": [{"name": "inpakken", "share": 100, "tempo": 80, "kwaliteit": 90, "inzetbaarheid": 100}]}' \
    >"$TMPD/loonwaarde.json"
http -d "$TMPD/loonwaarde.json" "$BASE/api/loonwaarde"
expect_status "POST /api/loonwaarde" 200
expect_json "loonwaarde: 80 % x 90 % x 100 % = 72 %" .loonwaarde 72

# --- errors ---
http "$BASE/api/simulate"
expect_status "GET /api/simulate" 405
expect_header "405 names the method" Allow POST
expect_json "405 body" .error.code method_not_allowed
http -X DELETE "$BASE/api/tables"
expect_status "DELETE /api/tables" 405
expect_header "405 on tables" Allow "GET, HEAD"

http -d "$TMPD/broken.json" "$BASE/api/simulate"
expect_status "invalid JSON" 400
expect_json "invalid JSON: code" .error.code malformed
http -d "$TMPD/invalid.json" "$BASE/api/simulate"
expect_status "invalid value" 422
expect_json "invalid value: field is the JSON path" .error.field job.hours_per_week

head -c 70000 /dev/zero | tr '\0' ' ' >"$TMPD/big"
http -d "$TMPD/big" "$BASE/api/simulate"
expect_status "70 KB body: the CGI's limit" 413
expect_json "413 body" .error.code too_big
head -c 300000 /dev/zero | tr '\0' ' ' >"$TMPD/huge"
http -d "$TMPD/huge" "$BASE/api/simulate"
expect_status "300 KB body: lighttpd's limit" 413
expect_header "300 KB body: JSON, not lighttpd's page" Content-Type "application/json; charset=utf-8"
expect_json "300 KB body: the API's error" .error.code too_big

# An error lighttpd logs itself (the 300 KB body: "request-size too long") right
# after a request must not cost that request its access log line: both logs go to
# standard error, and with one file name lighttpd dropped the buffered access lines
# whenever it wrote an error line (web/serve). Five such pairs, then all five lines,
# waited for with a bounded poll (lighttpd flushes its access log every few seconds).
sweeps() { grep -c '"POST /api/sweep" 200' "$SERVER_LOG"; }
i=0
while [ "$(sweeps)" -lt 1 ] && [ "$i" -lt 150 ]; do   # the sweep above, logged
    sleep 0.2
    i=$((i + 1))
done
before=$(sweeps)
for k in 1 2 3 4 5; do
    http -d "$TMPD/scenario.json" "$BASE/api/sweep?hours=8:16:8"
    [ "$STATUS" = 200 ] || not_ok "sweep $k before a refused body: HTTP $STATUS"
    http -d "$TMPD/huge" "$BASE/api/simulate"
done
i=0
while [ "$(sweeps)" -lt $((before + 5)) ] && [ "$i" -lt 150 ]; do
    sleep 0.2
    i=$((i + 1))
done
if [ "$(sweeps)" -eq $((before + 5)) ]; then
    ok "an error line in the log loses no access line"
else
    not_ok "an error line in the log loses no access line: $(($(sweeps) - before)) of 5 logged"
fi

http "$BASE/api/nothing"
expect_status "unknown API path" 404
expect_json "404 body" .error.code not_found
http "$BASE/api/%2e%2e/serve"
expect_status "encoded .. does not escape" 403
http "$BASE/api/simulate/../tables"
expect_status "normalised path" 200

# --- what lighttpd refuses before the CGI: the API's JSON all the same ---
# raw NAME FORMAT: one request byte for byte (printf FORMAT), which libcurl will
# not send; sets STATUS, $HDRS.txt and $OUT.
raw() {
    # shellcheck disable=SC2059
    printf "$2" >"$TMPD/raw.req"
    STATUS=$(python3 "$top/tests/e2e/raw.py" "$PORT" "$TMPD/raw.req" "$HDRS.txt" "$BODY")
    RC=$?
    cp "$BODY" "$OUT"
}
# expect_api_error NAME STATUS CODE: the documented {"error": {"code", "field",
# "message"}} with this status, as JSON, with the API's headers.
expect_api_error() {
    problems=""
    [ "$STATUS" = "$2" ] || problems="$problems status '$STATUS';"
    grep -qix 'Content-Type: application/json; charset=utf-8' "$HDRS.txt" ||
        problems="$problems content-type '$(grep -i '^Content-Type:' "$HDRS.txt")';"
    grep -qix 'Cache-Control: no-store' "$HDRS.txt" || problems="$problems no-store;"
    grep -qix 'X-Content-Type-Options: nosniff' "$HDRS.txt" || problems="$problems nosniff;"
    jq -e --arg c "$3" '(.error | .code == $c and (.field | type) == "string" and
        (.message | type) == "string") and (keys == ["error"])' "$OUT" >/dev/null 2>&1 ||
        problems="$problems body '$(head -c 120 "$OUT")';"
    if [ -z "$problems" ]; then ok "$1 (HTTP $2, JSON $3)"; else not_ok "$1:$problems"; fi
}
H='Host: 127.0.0.1\r\nConnection: close\r\n'
if command -v python3 >/dev/null 2>&1; then
    raw "POST without Content-Length" "POST /api/simulate HTTP/1.1\r\n$H\r\n"
    expect_api_error "POST without Content-Length" 411 malformed
    expect_json "... names Content-Length" .error.field Content-Length
    raw "a huge Content-Length" "POST /api/simulate HTTP/1.1\r\n${H}Content-Length: 99999999999\r\n\r\n{}"
    expect_api_error "a huge Content-Length" 413 too_big
    raw "two Content-Length headers" \
        "POST /api/simulate HTTP/1.1\r\n${H}Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}"
    expect_api_error "two Content-Length headers" 400 malformed
    raw "broken chunked encoding" \
        "POST /api/simulate HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"
    expect_api_error "broken chunked encoding" 400 malformed
    raw "%00 in the path" "GET /api/sim%%00ulate HTTP/1.1\r\n$H\r\n"
    expect_api_error "%00 in the path" 400 malformed
    raw "not an HTTP request line" "NOT HTTP AT ALL\r\n\r\n"
    expect_api_error "not an HTTP request line" 400 malformed
    raw "a raw GET /api/tables still answers" "GET /api/tables HTTP/1.1\r\n$H\r\n"
    expect_json "a raw GET /api/tables (HTTP $STATUS)" '.sha256 | length' 64
    raw "GET /api/error from a client" "GET /api/error HTTP/1.1\r\n$H\r\n"
    expect_api_error "GET /api/error from a client is an unknown path" 404 not_found
    raw "a refusal cannot be asked for" \
        "GET /api/error HTTP/1.1\r\n${H}Redirect-Status: 413\r\n\r\n"
    expect_api_error "a Redirect-Status header does not fake a refusal" 404 not_found
else
    not_ok "python3 is needed for the raw requests (sh .ci/install-deps)"
fi
http "$BASE/nothing.html"
expect_header "outside /api/ lighttpd's own error page stays" Content-Type "text/html"

# --- nothing about a resident in the logs ---
# lighttpd buffers its access log (about a second): wait for the line, bounded.
i=0
while ! grep -q '"POST /api/simulate" 200' "$SERVER_LOG" && [ "$i" -lt 150 ]; do
    sleep 0.2
    i=$((i + 1))
done
stop_server
if grep -q 'privacymarker' "$SERVER_LOG"; then
    not_ok "request content stays out of the server log"
else
    ok "request content stays out of the server log"
fi
if grep -q 'trace=1\|loonwaarde=' "$SERVER_LOG"; then
    not_ok "the access log records no query strings"
else
    ok "the access log records no query strings"
fi
if grep -q '"POST /api/simulate" 200' "$SERVER_LOG"; then
    ok "the access log records method, path and status"
else
    not_ok "the access log records method, path and status"
    sed 's/^/    /' "$SERVER_LOG" | head -n 10
fi
if [ -z "$(ls -A "$SERVE_TMP")" ]; then
    ok "web/serve leaves no files behind"
else
    not_ok "web/serve leaves no files behind: $(ls -A "$SERVE_TMP")"
fi
