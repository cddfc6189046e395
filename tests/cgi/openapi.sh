#!/bin/sh
# tests/cgi/openapi.sh - web/openapi.json against switchsim.cgi (issue 20, item
# 10): every endpoint the CGI routes (src/app/cgi/cgi.c) is in the document with
# its methods and query parameters, and every operation of the document answers
# as documented: each request of its x-requests gets the status it names (and
# the field an error names), every status code it documents is produced, and
# every answer has the documented headers and fits the documented schema
# (required fields present, typed as documented; checked with jq,
# tests/cgi/openapi.jq).
. tests/lib.sh
. tests/lib_cgi.sh

DOC=web/openapi.json
JQ="jq -L tests/cgi"
: >"$OUT"

# --- the document itself ---
if jq -e '(.openapi | startswith("3.")) and (.info.title | length > 0) and (.paths | length > 0)' \
    "$DOC" >/dev/null 2>&1; then
    ok "web/openapi.json is an OpenAPI 3 document"
else
    not_ok "web/openapi.json is not an OpenAPI 3 document"
    exit 1
fi
dangling=$($JQ -r 'include "openapi"; dangling_refs | join(" ")' "$DOC")
[ -z "$dangling" ] && ok "every \$ref resolves" || not_ok "unresolved \$ref: $dangling"
unknown=$($JQ -r 'include "openapi"; schema_keywords - ["type", "description", "enum", "pattern",
    "required", "properties", "additionalProperties", "items", "$ref", "title", "example"]
    | join(" ")' "$DOC")
[ -z "$unknown" ] && ok "the schemas use only keywords the check understands" ||
    not_ok "schema keywords the check would ignore: $unknown"
[ "$(jq -r '.components.examples.scenario.value.version' "$DOC")" = 1 ] &&
    ok "the example scenario is a version 1 scenario" || not_ok "no example scenario"

# --- the routes of the CGI against the paths of the document ---
# One line per route of cgi.c: PATH|ALLOW|query,keys
awk '/^static const struct route routes\[\] = \{/, /^\};/' src/app/cgi/cgi.c | tr -d '\n' |
    grep -o '{"/[a-z_]*", *"[A-Z]*", *"[A-Z, ]*",[^{]*{[^}]*}' |
    sed 's/^{"\([^"]*\)", *"[A-Z]*", *"\([^"]*\)",[^{]*{\(.*\)}$/\1|\2|\3/' |
    awk -F'|' '{ k = $3; gsub(/NULL|"| /, "", k); sub(/,$/, "", k); print $1 "|" $2 "|" k }' \
    >"$TMPD/routes"
n=$(wc -l <"$TMPD/routes" | tr -d ' ')
[ "$n" -ge 7 ] && ok "$n routes in src/app/cgi/cgi.c" || not_ok "only $n routes found in cgi.c"
jq -r '.paths | to_entries[] | "\(.key)|\(.value | keys | map(ascii_upcase) | sort | join(", "))"' \
    "$DOC" | sort >"$TMPD/doc_paths"
cut -d'|' -f1,2 "$TMPD/routes" | sort >"$TMPD/cgi_paths"
if cmp -s "$TMPD/doc_paths" "$TMPD/cgi_paths"; then
    ok "the document's paths and methods are the CGI's routes"
else
    not_ok "paths and methods differ (document < > cgi.c): $(diff "$TMPD/doc_paths" "$TMPD/cgi_paths" | grep '^[<>]' | tr '\n' ' ')"
fi
while IFS='|' read -r path allow keys; do
    for m in $(echo "$allow" | tr -d ' ' | tr ',' ' ' | tr 'A-Z' 'a-z'); do
        want=$(echo "$keys" | tr ',' '\n' | grep . | sort | tr '\n' ' ')
        got=$(jq -r --arg p "$path" --arg m "$m" \
            '[.paths[$p][$m].parameters[]? | select(.in == "query") | .name] | sort | .[]' "$DOC" |
            tr '\n' ' ')
        # HEAD answers what GET answers; its query parameters are GET's.
        [ "$m" = head ] && got=$(jq -r --arg p "$path" \
            '[.paths[$p].get.parameters[]? | select(.in == "query") | .name] | sort | .[]' "$DOC" | tr '\n' ' ')
        [ "$got" = "$want" ] && ok "$m $path: the query parameters of the CGI ($want)" ||
            not_ok "$m $path: documented query parameters '$got', the CGI accepts '$want'"
    done
done <"$TMPD/routes"

# --- every operation answers as documented ---
# check_answer OP_KEY METHOD PATH: the status is documented for the operation,
# and the body fits the documented schema (HEAD: no body). Records the status.
check_answer() {
    key=$1
    echo "$key $STATUS" >>"$TMPD/seen"
    schema=$(jq -c --arg p "$3" --arg m "$2" --arg s "$STATUS" \
        '. as $d | .paths[$p][$m].responses[$s] // null
         | if . == null then null else (if has("$ref") then . as $r | $d | getpath($r["$ref"] | ltrimstr("#/") | split("/")) else . end)
           | .content["application/json"].schema // "none" end' "$DOC")
    if [ "$schema" = null ]; then
        not_ok "$key: status $STATUS is not documented"
        return
    fi
    if [ "$2" = head ] || [ "$schema" = '"none"' ]; then
        [ -s "$OUT" ] && not_ok "$key $STATUS: a body where none is documented" || ok "$key $STATUS: no body"
        return
    fi
    errs=$($JQ -r --slurpfile d "$DOC" --argjson s "$schema" \
        'include "openapi"; [errors($d[0]; $s; "")] | .[0:5] | join("; ")' "$OUT" 2>&1)
    [ -z "$errs" ] && ok "$key $STATUS: the answer fits the documented schema" ||
        not_ok "$key $STATUS: not as documented: $errs"
    if ! grep -qx 'Content-Type: application/json; charset=utf-8' "$HDRS" ||
        ! grep -qx 'Cache-Control: no-store' "$HDRS" || ! grep -qx 'X-Content-Type-Options: nosniff' "$HDRS"; then
        not_ok "$key $STATUS: the documented headers"
    fi
}

: >"$TMPD/seen"
jq -r '.paths | to_entries[] | .key as $p | .value | keys[] | "\($p) \(.)"' "$DOC" >"$TMPD/ops"
while read -r path m; do
    M=$(echo "$m" | tr 'a-z' 'A-Z')
    key="$m $path"
    allow=$(jq -r --arg p "$path" '.paths[$p] | keys | map(ascii_upcase) | sort | join(", ")' "$DOC")
    # The requests the document lists, with the status and field each gets.
    count=$(jq --arg p "$path" --arg m "$m" '.paths[$p][$m]["x-requests"] | length' "$DOC")
    [ "$count" -gt 0 ] && ok "$key: $count requests in x-requests" || not_ok "$key: no x-requests"
    i=0
    while [ "$i" -lt "$count" ]; do
        jq -c --arg p "$path" --arg m "$m" --argjson i "$i" '.paths[$p][$m]["x-requests"][$i]' "$DOC" >"$TMPD/x"
        want=$(jq -r .status "$TMPD/x")
        query=$(jq -r '.query // ""' "$TMPD/x")
        what=$(jq -r .summary "$TMPD/x")
        ref=$(jq -r '.body["$ref"] // ""' "$TMPD/x")
        if [ -n "$ref" ]; then
            jq -c --arg r "$ref" 'getpath($r | ltrimstr("#/") | split("/")) | .value' "$DOC" >"$TMPD/body"
            req "$M" "$path" "$(wc -c <"$TMPD/body" | tr -d ' ')" "$TMPD/body" "$query"
        else
            : >"$TMPD/body"
            req "$M" "$path" - "$TMPD/body" "$query"
        fi
        [ "$STATUS" = "$want" ] && ok "$key ($what): $want" ||
            not_ok "$key ($what): status $STATUS, documented $want"
        check_answer "$key" "$m" "$path"
        field=$(jq -r '.field // empty' "$TMPD/x")
        if [ -n "$field" ]; then
            expect_json "$key ($what): names $field" .error.field "$field"
        fi
        i=$((i + 1))
    done
    # What every operation answers alike.
    if [ "$m" = post ]; then
        jq -c '.components.examples.scenario.value' "$DOC" >"$TMPD/body"
        [ "$path" = /loonwaarde ] && jq -c '.components.examples.loonwaarde.value' "$DOC" >"$TMPD/body"
        len=$(wc -c <"$TMPD/body" | tr -d ' ')
        printf '{"version": 1,' >"$TMPD/cut"
        req POST "$path" 14 "$TMPD/cut"
        [ "$STATUS" = 400 ] && ok "$key: malformed JSON is a 400" || not_ok "$key: malformed JSON: $STATUS"
        check_answer "$key" "$m" "$path"
        req POST "$path" 65537 "$TMPD/body"
        [ "$STATUS" = 413 ] && ok "$key: over 64 KiB is a 413" || not_ok "$key: over 64 KiB: $STATUS"
        check_answer "$key" "$m" "$path"
    else
        : >"$TMPD/body"
        len=-
    fi
    req "$M" "$path" "$len" "$TMPD/body" "zz_unknown=1"
    [ "$STATUS" = 400 ] && ok "$key: an unknown query parameter is a 400" ||
        not_ok "$key: unknown query parameter: $STATUS"
    check_answer "$key" "$m" "$path"
    [ "$m" != head ] && expect_json "$key: the 400 names the parameter" .error.field zz_unknown
    saved=$TABLES
    TABLES="$TMPD/no-such-tables"
    req "$M" "$path" "$len" "$TMPD/body"
    TABLES=$saved
    [ "$STATUS" = 500 ] && ok "$key: without its tables a 500" || not_ok "$key: without tables: $STATUS"
    check_answer "$key" "$m" "$path"
    # Every other method: 405 with Allow naming the documented ones.
    for other in GET POST PUT DELETE PATCH OPTIONS HEAD; do
        echo ", $allow," | grep -q ", $other," && continue
        req "$other" "$path" - "$TMPD/body"
        if [ "$STATUS" = 405 ] && grep -qx "Allow: $allow" "$HDRS"; then
            echo "$key 405" >>"$TMPD/seen"
        else
            not_ok "$other $path: status $STATUS, Allow '$(sed -n 's/^Allow: //p' "$HDRS")'; documented 405, Allow: $allow"
        fi
    done
    grep -q "^$key 405\$" "$TMPD/seen" && ok "$key: other methods get 405 with Allow: $allow"
    # Every documented status was seen, and nothing undocumented.
    documented=$(jq -r --arg p "$path" --arg m "$m" '.paths[$p][$m].responses | keys | join(" ")' "$DOC")
    seen=$(grep "^$key " "$TMPD/seen" | awk '{print $NF}' | sort -u | tr '\n' ' ' | sed 's/ $//')
    [ "$seen" = "$documented" ] && ok "$key: every documented status answered ($documented)" ||
        not_ok "$key: documented '$documented', answered '$seen'"
done <"$TMPD/ops"

# Beyond the examples: every reference scenario's simulate answer (children,
# partners, the way back, months past the published values...) fits the
# documented schema too, so a new recovery kind or status cannot go undocumented.
schema=$(jq -c '.paths["/simulate"].post.responses["200"].content["application/json"].schema' "$DOC")
for f in tests/cases/*.json; do
    post /simulate "$f"
    [ "$STATUS" = 200 ] || continue
    errs=$($JQ -r --slurpfile d "$DOC" --argjson s "$schema" \
        'include "openapi"; [errors($d[0]; $s; "")] | .[0:5] | join("; ")' "$OUT" 2>&1)
    [ -z "$errs" ] && ok "simulate $(basename "$f"): fits the documented schema" ||
        not_ok "simulate $(basename "$f"): not as documented: $errs"
done

# HEAD /tables sends the GET's Content-Length.
: >"$TMPD/empty"
req GET /tables - "$TMPD/empty"
get_len=$(wc -c <"$OUT" | tr -d ' ')
req HEAD /tables - "$TMPD/empty"
grep -qx "Content-Length: $get_len" "$HDRS" && ok "head /tables: the GET's Content-Length" ||
    not_ok "head /tables: Content-Length $(sed -n 's/^Content-Length: //p' "$HDRS"), GET sent $get_len"

# A path the document does not have is a 404.
req GET /openapi - "$TMPD/empty"
[ "$STATUS" = 404 ] && ok "a path outside the document: 404" || not_ok "/openapi: $STATUS"
