#!/bin/sh
# The headline does not move with the window (issue 20): the ordinary month after
# the switch (tests/cases/steady_month.expect works it out by hand: April 2026,
# 2179.84 - 1331.43 = 848.41 a month more) is the same for an overview of 4, 6,
# 12 or 18 months; only the total over the window changes. The text, table and
# HTML outputs say it in the same words.
. tests/lib.sh

case=tests/cases/steady_month.json
for n in 4 6 12 18; do
    jq ".months = $n" "$case" >"$TMPD/s$n.json"
    run "$SWITCHSIM" simulate "$TMPD/s$n.json" --json
    got=$(jq -r '[.steady.month, .steady.gain, .first_months.average_gain] | map(tostring) | join(" ")' "$OUT")
    if [ "$RC" -eq 0 ] && [ "$got" = "2026-04 84841 101191" ]; then
        ok "$n months: ordinary month April 2026, 848.41 more, first months 1011.91"
    else
        not_ok "$n months: steady is '$got', expected '2026-04 84841 101191'"
    fi
    jq -r '.average_gain' "$OUT" >>"$TMPD/averages"
done
# ... while the old average over the window did move (why the headline changed).
if [ "$(sort -u "$TMPD/averages" | wc -l)" -gt 1 ]; then
    ok "the average over the window differs between the windows ($(tr '\n' ' ' <"$TMPD/averages"))"
else
    not_ok "the averages were expected to differ: $(tr '\n' ' ' <"$TMPD/averages")"
fi

# A window that starts a month earlier (December 2025, 8 months) gives the same ordinary month.
jq '.start_month = "2025-12" | .months = 8' "$case" >"$TMPD/late.json"
run "$SWITCHSIM" simulate "$TMPD/late.json" --json
got=$(jq -r '[.steady.month, .steady.gain] | map(tostring) | join(" ")' "$OUT")
if [ "$got" = "2026-04 84841" ]; then ok "window from December 2025: the same ordinary month"
else not_ok "window from December 2025: steady is '$got'"; fi

run "$SWITCHSIM" simulate "$TMPD/s4.json" --format table
expect_rc "table output" 0
expect_out "table: the headline names the ordinary month's gain" \
    "In een gewone maand na de overstap houdt u € 848,41 meer over dan zonder deze baan."
expect_out "table: which month, the first months and the total" \
    "Een gewone maand is hier april 2026"
expect_out "table: the first months" "In de eerste maanden (januari 2026 tot en met maart 2026) houdt u gemiddeld € 1.011,91 meer per maand."
expect_out "table: the total over the window" "Over de 4 maanden van dit overzicht houdt u samen"
run "$SWITCHSIM" simulate "$TMPD/s18.json" --format html
expect_out "html: the same headline" "In een gewone maand na de overstap houdt u € 848,41 meer over"

# A month past the published tables makes the headline voorlopig.
run "$SWITCHSIM" simulate tests/cases/next_year.json --format table
expect_out "a headline month in an unpublished year says voorlopig" "zonder deze baan (voorlopig)."
run "$SWITCHSIM" simulate tests/cases/next_year.json --json
if [ "$(jq '.steady.projected | length' "$OUT")" -gt 0 ]; then ok "json: steady.projected names the values carried forward"
else not_ok "json: steady.projected is empty"; fi

# A job that ends within the lookahead has no ordinary month: the old average, said so.
jq '.job.end = "2026-02-28"' "$case" >"$TMPD/end.json"
run "$SWITCHSIM" simulate "$TMPD/end.json" --json
if [ "$(jq -c '[.steady, .first_months]' "$OUT")" = "[null,null]" ]; then ok "job ending: steady and first_months are null"
else not_ok "job ending: $(jq -c '.steady' "$OUT")"; fi
