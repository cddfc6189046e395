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

# axe-core (tests/e2e/package.json, pinned) checks the page for accessibility.
if [ ! -f tests/e2e/node_modules/axe-core/axe.min.js ]; then
    (cd tests/e2e && npm ci --no-audit --no-fund --silent >/dev/null 2>&1)
fi
if [ ! -f tests/e2e/node_modules/axe-core/axe.min.js ]; then
    echo "not ok - axe-core could not be installed from the npm registry (tests/e2e)"
    exit 1
fi
AXE_JS="$top/tests/e2e/node_modules/axe-core/axe.min.js"
export AXE_JS

start_server || exit 1
mkdir -p "$top/tests/artifacts"
node "$top/tests/e2e/browser.mjs" "$BASE" "$top/tests/artifacts"
rc=$?
stop_server
exit $rc
