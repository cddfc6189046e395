#!/bin/sh
# Privacy: scenarios posted through lighttpd (web/serve's configuration, the CGI
# under test) leave no input value in the access or error log, and nothing of
# them is written anywhere: every file lighttpd and the CGI open for writing,
# create, rename or remove is traced (strace -f) and must be the server's own
# (its generated configuration, the log on standard error, /dev/null).
. tests/lib.sh

top=$(pwd)
CGI=${SWITCHSIM_CGI:-$top/bin/switchsim.cgi}
for tool in strace curl; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        ok "# SKIP $tool is not installed"
        exit 0
    fi
done
if ! command -v lighttpd >/dev/null 2>&1 && [ ! -x /usr/sbin/lighttpd ]; then
    ok "# SKIP lighttpd is not installed"
    exit 0
fi

LOGDIR="$TMPD/log"
SERVE_TMP="$TMPD/serve-tmp"
mkdir -p "$LOGDIR" "$SERVE_TMP"
BIRTH=1971-03-17          # distinctive values that must show up nowhere
RENT=87654
MARK=privacymarkerq7

jq --arg b "$BIRTH" --argjson r "$RENT" \
    '.household.birth_date = $b | .household.rent = $r | .toeslagen.huurtoeslag = true' \
    tests/cases/seed_resident.json >"$TMPD/good.json"
jq --arg b "$BIRTH" --argjson r "$RENT" --arg m "$MARK" \
    '.household.birth_date = $b | .household.rent = $r | .[$m] = 1' \
    tests/cases/seed_resident.json >"$TMPD/unknown-field.json"
jq --arg b "$BIRTH" '.household.birth_date = $b | .job.hours_per_week = 99' \
    tests/cases/seed_resident.json >"$TMPD/invalid.json"
printf '{"version": 1, "household": {"birth_date": "%s", "rent": %s}, "%s": ' \
    "$BIRTH" "$RENT" "$MARK" >"$TMPD/malformed.json"
{
    printf '{"version": 1, "household": {"birth_date": "%s"}, "%s": "' "$BIRTH" "$MARK"
    head -c 70000 /dev/zero | tr '\0' a
    printf '"}'
} >"$TMPD/too-large.json"

# SRV is strace; its child, web/serve, stops lighttpd on TERM, and strace ends
# with its last tracee.
stop() {
    if [ -n "${SRV:-}" ]; then
        for c in $(pgrep -P "$SRV" 2>/dev/null); do
            kill "$c" 2>/dev/null
        done
        i=0
        while kill -0 "$SRV" 2>/dev/null && [ "$i" -lt 150 ]; do
            sleep 0.2
            i=$((i + 1))
        done
        kill "$SRV" 2>/dev/null
        wait "$SRV" 2>/dev/null
        SRV=
    fi
}
trap 'stop; rm -rf "$TMPD"' EXIT

started=0
attempt=0
while [ "$attempt" -lt 10 ] && [ "$started" = 0 ]; do
    attempt=$((attempt + 1))
    r=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
    PORT=$((20000 + r % 40000))
    BASE="http://127.0.0.1:$PORT"
    rm -f "$LOGDIR/strace".*
    # Appending, like lighttpd's own logs on the same file: a writer with its own
    # offset (the shell) would otherwise overwrite lines lighttpd appended.
    : >"$LOGDIR/server.log"
    # LeakSanitizer cannot run under ptrace: a sanitizer build of the CGI
    # checks leaks in the other tests.
    ASAN_OPTIONS=detect_leaks=0 TMPDIR="$SERVE_TMP" SWITCHSIM_CGI="$CGI" SWITCHSIM_TABLES="$top/tables" \
        PATH="$PATH:/usr/sbin" strace -f -qq -o "$LOGDIR/strace" -ff \
        -e trace=open,openat,creat,rename,renameat,renameat2,mkdir,mkdirat,unlink,unlinkat,link,linkat,symlink,truncate \
        sh web/serve "$PORT" >>"$LOGDIR/server.log" 2>&1 &
    SRV=$!
    i=0
    while [ "$i" -lt 100 ]; do
        sleep 0.2
        i=$((i + 1))
        kill -0 "$SRV" 2>/dev/null || break
        if curl -s --max-time 30 -o /dev/null "$BASE/api/tables"; then
            started=1
            break
        fi
    done
    [ "$started" = 1 ] || stop
done
if [ "$started" = 0 ]; then
    not_ok "lighttpd did not start"
    sed 's/^/    /' "$LOGDIR/server.log" | head -n 20
    exit 1
fi
ok "lighttpd with the CGI started under strace on port $PORT"

# post NAME FILE EXPECTED_STATUS [QUERY]
post() {
    s=$(curl -s --max-time 60 -o "$OUT" -w '%{http_code}' -H 'Content-Type: application/json' \
        --data-binary "@$2" "$BASE/api/simulate${4:-}")
    [ "$s" = "$3" ] && ok "$1 (HTTP $3)" || not_ok "$1: HTTP $s, expected $3"
}
post "a scenario with a distinctive birth date and rent" "$TMPD/good.json" 200
grep -q "$BIRTH" "$OUT" && not_ok "the answer echoes the birth date" ||
    ok "the answer does not echo the birth date"
post "the same with a trace" "$TMPD/good.json" 200 "?trace=1"
post "an unknown field named after a marker" "$TMPD/unknown-field.json" 422
post "an invalid value" "$TMPD/invalid.json" 422
post "malformed JSON" "$TMPD/malformed.json" 400
post "a body over 64 KiB" "$TMPD/too-large.json" 413
post "a marker in the query string" "$TMPD/good.json" 400 "?$MARK=$BIRTH"
s=$(curl -s --max-time 60 -o "$OUT" -w '%{http_code}' -H 'Content-Type: application/json' \
    --data-binary "@$TMPD/good.json" "$BASE/api/employer?loonwaarde=17,30")
[ "$s" = 200 ] && ok "employer what-if (HTTP 200)" || not_ok "employer what-if: HTTP $s"
# lighttpd buffers its access log and writes it out every few seconds (and on a
# graceful stop): wait for the lines, bounded, rather than racing a busy machine
# by stopping the server at once.
logged() {
    [ "$(grep -c '"POST /api/' "$LOGDIR/server.log" 2>/dev/null)" -ge 8 ]
}
i=0
while ! logged && [ "$i" -lt 300 ]; do
    sleep 0.2
    i=$((i + 1))
done
stop

# The logs: requests are there, their content is not.
logged && ok "the access log records the requests" ||
    not_ok "no access log lines ($(grep -c '"POST /api/' "$LOGDIR/server.log") of 8 requests)"
for v in "$BIRTH" "$RENT" "876.54" "876,54" "$MARK"; do
    if grep -rqF -- "$v" "$LOGDIR/server.log"; then
        not_ok "the log holds '$v'"
        grep -F -- "$v" "$LOGDIR/server.log" | head -n 3 | sed 's/^/    /'
    else
        ok "the log does not hold '$v'"
    fi
done

# Every write, create, rename or removal by the server and the CGI.
cat "$LOGDIR"/strace.* >"$LOGDIR/trace" 2>/dev/null
n=$(grep -c 'execve\|open' "$LOGDIR/trace")
[ "$n" -gt 0 ] && ok "strace recorded $n calls" || not_ok "strace recorded nothing"
# Files opened for writing (that exist), and what was renamed, made or removed.
grep -E 'O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND' "$LOGDIR/trace" | grep -v '= -1 ' |
    sed -n 's/^[a-z0-9]*([A-Z_]*,* *"\([^"]*\)".*/\1/p' | sort -u >"$LOGDIR/written"
grep -E '^(rename|renameat2?|mkdir|mkdirat|link|linkat|symlink|truncate)\(' "$LOGDIR/trace" |
    grep -v '= -1 ' >"$LOGDIR/changed"
# lighttpd keeps a request body in a temporary file in its upload directory
# (/dev/shm, memory-backed) that it unlinks at once, before writing to it: no
# name ever holds the body. Each must be unlinked, and none may be left.
spooled=0
outside=
for f in $(cat "$LOGDIR/written"); do
    case $f in
    /dev/null | /dev/stderr | /dev/stdout | /dev/fd/[12] | /dev/tty | /dev/pts/* | "$SERVE_TMP"/*) ;;
    /dev/shm/lighttpd-upload-* | "$SERVE_TMP"/lighttpd-upload-*)
        if grep -qF "unlink(\"$f\") = 0" "$LOGDIR/trace" && [ ! -e "$f" ]; then
            spooled=$((spooled + 1))
        else
            outside="$outside $f"
        fi
        ;;
    *) outside="$outside $f" ;;
    esac
done
while read -r line; do
    case $line in
    *"\"$SERVE_TMP/"*) ;;
    *) outside="$outside [$line]" ;;
    esac
done <"$LOGDIR/changed"
if [ -z "$outside" ]; then
    ok "nothing written outside the server's own log and configuration ($spooled request bodies spooled to unlinked files)"
else
    not_ok "written outside the log:$(echo "$outside" | cut -c1-400)"
fi
if grep -rlF -e "$BIRTH" -e "$MARK" "$SERVE_TMP" /dev/shm 2>/dev/null | grep -q .; then
    not_ok "a marker is in a file of the server's temporary directory or /dev/shm"
else
    ok "no marker in the server's temporary directory or /dev/shm"
fi
