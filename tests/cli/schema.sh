#!/bin/sh
# The JSON Schema of the scenario (web/schema/scenario.v1.json) and the parser agree:
# every reference case matches the schema and parses; every scenario in
# tests/schema/invalid is refused by both (the schema via Ajv, the parser with exit 1
# naming a field and nothing on stdout).
. tests/lib.sh

if [ ! -d tests/schema/node_modules/ajv ]; then
    (cd tests/schema && npm ci --no-audit --no-fund --silent >/dev/null 2>&1)
fi
if [ ! -d tests/schema/node_modules/ajv ]; then
    not_ok "ajv could not be installed from the npm registry (tests/schema)"
    exit 1
fi
ok "ajv available"

for f in tests/cases/*.json; do
    if node tests/schema/validate.js web/schema/scenario.v1.json "$f" >/dev/null; then
        ok "schema accepts $(basename "$f")"
    else
        not_ok "schema refuses $(basename "$f"): $(node tests/schema/validate.js web/schema/scenario.v1.json "$f")"
    fi
done
for f in tests/schema/invalid/*.json; do
    if node tests/schema/validate.js web/schema/scenario.v1.json "$f" >/dev/null; then
        not_ok "schema accepts invalid $(basename "$f")"
    else
        ok "schema refuses $(basename "$f")"
    fi
    run "$SWITCHSIM" simulate "$f" --json
    if [ "$RC" -eq 1 ] && [ ! -s "$OUT" ] && grep -qE 'switchsim: [a-z_][][a-z0-9_.]*: ' "$ERR"; then
        ok "parser refuses $(basename "$f") naming the field"
    else
        not_ok "parser on $(basename "$f")"
    fi
done
