#!/bin/sh
# Replays every fuzz corpus (tests/fuzz/corpus/TARGET, the seeds and the inputs
# that once crashed) through its harness linked to tests/fuzz/standalone.c
# ($BUILD/test/replay_TARGET, built by `make test-build` with the sanitizers):
# no crash, no sanitizer report, no failed invariant.
. tests/lib.sh

B=${BUILD:-build}
for t in scenario tables cgi parse snapshot overrides; do
    bin="$B/test/replay_$t"
    if [ ! -x "$bin" ]; then
        not_ok "replay harness $bin is missing (make test-build)"
        continue
    fi
    n=$(ls "tests/fuzz/corpus/$t" | wc -l)
    run "$bin" "tests/fuzz/corpus/$t"
    if [ "$RC" -eq 0 ] && grep -q "standalone: $n inputs replayed" "$ERR"; then
        ok "fuzz corpus '$t' replays clean ($n inputs)"
    else
        not_ok "fuzz corpus '$t' ($n inputs)"
        grep -E 'ERROR|SUMMARY|invariant|runtime error' "$ERR" | head -n 5 | sed 's/^/    /'
    fi
done
# The inputs that once crashed are kept.
for f in parse/crash-decimal-overflow parse/crash-override-scale-message \
    parse/crash-override-long-id cgi/head-tables cgi/head-unknown-path \
    snapshot/crash-rate-out-of-range snapshot/crash-duplicate-param; do
    [ -f "tests/fuzz/corpus/$f" ] && ok "regression input $f kept" || not_ok "regression input $f missing"
done
