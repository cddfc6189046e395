# tests/lib.sh - helpers for the shell tests: run a command, then check its exit
# code, stdout and stderr. Each check prints "ok - NAME" or "not ok - NAME".
# Source it; $SWITCHSIM is the binary under test.

SWITCHSIM=${SWITCHSIM:-bin/switchsim}
TMPD=$(mktemp -d)
trap 'rm -rf "$TMPD"' EXIT
# The table snapshot cache is on by default in the user's cache directory: a
# test uses its own (fresh for each test file), never the real home's.
unset SWITCHSIM_CACHE
export XDG_CACHE_HOME="$TMPD/xdg-cache"
OUT="$TMPD/out"
ERR="$TMPD/err"
RC=0

# run CMD...: run it with stdin from /dev/null, keep rc, stdout, stderr
run() {
    "$@" >"$OUT" 2>"$ERR" </dev/null
    RC=$?
}

# run_in FILE CMD...: the same with stdin from FILE
run_in() {
    f=$1
    shift
    "$@" >"$OUT" 2>"$ERR" <"$f"
    RC=$?
}

ok() { echo "ok - $1"; }
not_ok() {
    echo "not ok - $1"
    echo "    exit code: $RC"
    echo "    stdout: $(head -c 400 "$OUT")"
    echo "    stderr: $(head -c 400 "$ERR")"
}

# expect_rc NAME CODE
expect_rc() {
    if [ "$RC" -eq "$2" ]; then ok "$1 (exit $2)"; else not_ok "$1: expected exit $2"; fi
}

# expect_out NAME TEXT: stdout contains TEXT (fixed string)
expect_out() {
    if grep -qF -- "$2" "$OUT"; then ok "$1"; else not_ok "$1: stdout lacks '$2'"; fi
}

# expect_err NAME TEXT: stderr contains TEXT
expect_err() {
    if grep -qF -- "$2" "$ERR"; then ok "$1"; else not_ok "$1: stderr lacks '$2'"; fi
}

# expect_no_out NAME: nothing at all on stdout
expect_no_out() {
    if [ ! -s "$OUT" ]; then ok "$1 (stdout empty)"; else not_ok "$1: stdout not empty"; fi
}

# expect_json NAME JQ_FILTER EXPECTED: jq -r FILTER on stdout equals EXPECTED
expect_json() {
    got=$(jq -r "$2" "$OUT" 2>/dev/null)
    if [ "$got" = "$3" ]; then ok "$1"; else not_ok "$1: $2 = '$got', expected '$3'"; fi
}

# fail_input NAME FIELD CMD...: exit 1, stderr names FIELD, nothing on stdout
fail_input() {
    n=$1
    fld=$2
    shift 2
    run "$@"
    if [ "$RC" -eq 1 ] && [ ! -s "$OUT" ] && grep -qF -- "$fld" "$ERR"; then
        ok "$n (exit 1, names '$fld')"
    else
        not_ok "$n: expected exit 1 naming '$fld' and empty stdout"
    fi
}
