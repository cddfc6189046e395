#!/bin/sh
# tests/e2e/browser.sh - the page in headless Chromium against lighttpd and the CGI
# under test (tests/e2e/browser.mjs drives it). Screenshots and the printed PDF
# are kept in tests/artifacts/. Chromium or Node missing is a failure, not a skip.
. tests/lib.sh
. tests/e2e/serverlib

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM
if [ ! -x "$CHROMIUM" ]; then
    echo "not ok - chromium is not installed at '$CHROMIUM' (sh .ci/install-deps)"
    exit 1
fi
if ! command -v node >/dev/null 2>&1; then
    echo "not ok - node is not installed (sh .ci/install-deps)"
    exit 1
fi
ok "chromium and node are installed"

start_server || exit 1
mkdir -p "$top/tests/artifacts"
node "$top/tests/e2e/browser.mjs" "$BASE" "$top/tests/artifacts"
rc=$?
stop_server
exit $rc
