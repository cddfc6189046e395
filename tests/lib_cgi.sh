# tests/lib_cgi.sh - requests to the API without a web server, for the tests in
# tests/cgi/: the CGI environment and standard input as lighttpd would set them,
# and checks of the answer. Source it after tests/lib.sh.
#
# SWITCHSIM_FRONT=cgi (default): switchsim.cgi, one process per request.
# SWITCHSIM_FRONT=fastcgi: the same requests to one switchsim.fcgi process
# for all of them, over the FastCGI protocol (cgi-fcgi of libfcgi-bin turns each
# CGI request into a FastCGI one); the process's standard error is reported
# with the request that caused it.

CGI=${SWITCHSIM_CGI:-bin/switchsim.cgi}
TABLES=${SWITCHSIM_TABLES:-tables}
FRONT=${SWITCHSIM_FRONT:-cgi}
RESP="$TMPD/resp"
HDRS="$TMPD/headers"
WORK="$TMPD/cwd"      # the CGI's working directory and TMPDIR: must stay empty
mkdir -p "$WORK"

APP_PID=
if [ "$FRONT" = fastcgi ]; then
    FCGI=${SWITCHSIM_FCGI:-bin/switchsim.fcgi}
    if ! command -v cgi-fcgi >/dev/null 2>&1; then
        ok "# SKIP cgi-fcgi is not installed (libfcgi-bin; sh .ci/install-deps)"
        exit 0
    fi
    SOCK="$TMPD/api.sock"
    APPERR="$TMPD/app.err"
    # The listening socket on standard input, as a FastCGI server hands it over.
    (cd "$WORK" && exec env -i PATH="$PATH" ASAN_OPTIONS="${ASAN_OPTIONS:-}" \
        UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" TMPDIR="$WORK" SWITCHSIM_TABLES="$TABLES" \
        python3 -c 'import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(sys.argv[1])
s.listen(16)
os.dup2(s.fileno(), 0)
os.execv(sys.argv[2], [sys.argv[2]])' "$SOCK" "$FCGI") 2>>"$APPERR" &
    APP_PID=$!
    trap 'kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null; rm -rf "$TMPD"' EXIT
    i=0
    while [ ! -S "$SOCK" ] && [ $i -lt 300 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    cat >"$TMPD/via-fcgi" <<EOF
#!/bin/sh
cgi-fcgi -bind -connect "$SOCK"
rc=\$?
cat "$APPERR" >&2
: >"$APPERR"
exit \$rc
EOF
    chmod +x "$TMPD/via-fcgi"
    CGI="$TMPD/via-fcgi"
fi

# req METHOD PATH CONTENT_LENGTH|- BODYFILE [QUERY]: one request. "-" leaves
# CONTENT_LENGTH out. Sets RC, STATUS, $HDRS (no CRs) and $OUT (the body).
req() {
    if [ "$3" = "-" ]; then
        (cd "$WORK" && env -i PATH="$PATH" ASAN_OPTIONS="${ASAN_OPTIONS:-}" \
            UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" TMPDIR="$WORK" SWITCHSIM_TABLES="$TABLES" \
            GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD="$1" PATH_INFO="$2" QUERY_STRING="${5:-}" \
            "$CGI") <"$4" >"$RESP" 2>"$ERR"
    else
        (cd "$WORK" && env -i PATH="$PATH" ASAN_OPTIONS="${ASAN_OPTIONS:-}" \
            UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" TMPDIR="$WORK" SWITCHSIM_TABLES="$TABLES" \
            GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD="$1" PATH_INFO="$2" QUERY_STRING="${5:-}" \
            CONTENT_LENGTH="$3" "$CGI") <"$4" >"$RESP" 2>"$ERR"
    fi
    RC=$?
    sed -n '1,/^\r\{0,1\}$/p' "$RESP" | tr -d '\r' >"$HDRS"
    sed '1,/^\r\{0,1\}$/d' "$RESP" >"$OUT"
    STATUS=$(sed -n 's/^Status: \([0-9][0-9]*\) .*/\1/p' "$HDRS")
}

# post PATH FILE [QUERY]: a POST with the file's true length
post() {
    req POST "$1" "$(wc -c <"$2" | tr -d ' ')" "$2" "${3:-}"
}

# expect_status NAME CODE: the status, exit 0, JSON headers, a JSON object body
# whose length is Content-Length
expect_status() {
    problems=""
    [ "$RC" -eq 0 ] || problems="$problems exit $RC;"
    [ "$STATUS" = "$2" ] || problems="$problems status '$STATUS';"
    grep -qx 'Content-Type: application/json; charset=utf-8' "$HDRS" || problems="$problems content-type;"
    grep -qx 'Cache-Control: no-store' "$HDRS" || problems="$problems cache-control;"
    grep -qx 'X-Content-Type-Options: nosniff' "$HDRS" || problems="$problems nosniff;"
    len=$(sed -n 's/^Content-Length: //p' "$HDRS")
    [ "$len" = "$(wc -c <"$OUT" | tr -d ' ')" ] || problems="$problems content-length '$len';"
    jq -e 'type == "object"' "$OUT" >/dev/null 2>&1 || problems="$problems body not a JSON object;"
    if [ -z "$problems" ]; then ok "$1 ($2)"; else not_ok "$1: expected $2:$problems"; fi
}

# expect_error NAME CODE FIELD: {"error": {"code": CODE, "field": FIELD, "message": ...}}
expect_error() {
    got=$(jq -r '[.error.code, .error.field, (.error.message | type)] | join(" ")' "$OUT" 2>/dev/null)
    if [ "$got" = "$2 $3 string" ]; then ok "$1"; else not_ok "$1: error = '$got', expected '$2 $3 string'"; fi
}

expect_quiet() {
    if [ ! -s "$ERR" ]; then ok "$1 (stderr empty)"; else not_ok "$1: stderr not empty"; fi
}

