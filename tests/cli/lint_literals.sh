#!/bin/sh
# The lint's number check ("no legal value in C code", tests/cli/lint.sh
# --literals): a number planted in a copy of a rules file fails it, with the
# file, line and number named; what the allowlist, a marker comment or a named
# constant covers passes; numbers in comments and strings are not code.
. tests/lib.sh

lint() { run sh tests/cli/lint.sh --literals "$@"; }
f="$TMPD/planted.c"

# plant TEXT: a copy of a real rules file with TEXT added as code at its end
plant() {
    cp src/core/rules/terugval.c "$f"
    printf '%s\n' "$1" >>"$f"
}

cp src/core/rules/terugval.c "$f"
lint "$f"
expect_rc "an unchanged copy of terugval.c passes" 0

plant 'static int young(int age) { return age >= 27; }'
lint "$f"
expect_rc "a planted age >= 27 fails" 1
line=$(wc -l <"$f" | tr -d ' ')
if grep -q "^$f:$line: 27: " "$OUT"; then ok "the planted 27 is named with its file and line"
else not_ok "the planted 27 is named with its file and line" && sed 's/^/#   /' "$OUT"; fi

plant 'static int young(int age) { return age >= 27; } /* calendar: a test */'
lint "$f"
expect_rc "a marker comment (calendar:) lets the line pass" 0

plant 'static int young(int age) { return age >= 27; } /* the age limit */'
lint "$f"
expect_rc "a comment that is no marker does not" 1

plant 'static const char *t(void) { return "27 \\"weeks\\" 0.5 %"; /* 27 */ } // 27'
lint "$f"
expect_rc "numbers in strings and comments are not code" 0

printf '/* a block comment\n * over lines, age 27\n */\nstatic char c = %s;\n' "'7'" >"$f"
lint "$f"
expect_rc "a block comment over lines and a character constant are not code" 0

plant 'static int k[27], m = 0x1B, n = 100 * 12 + 2, p = 1000000ULL;'
lint "$f"
expect_rc "an array size, hexadecimal and the allowlist pass" 0

plant '#define AGE_LIMIT 27'
lint "$f"
expect_rc "a #define of a number without a comment fails" 1

plant '#define AGE_LIMIT 27 /* the room of a buffer */'
lint "$f"
expect_rc "a #define of one number with its comment passes" 0

plant '#define AGE_LIMIT (27 + 1) /* an expression */'
lint "$f"
expect_rc "a #define of an expression is looked at" 1

# The source tree itself passes (the full lint runs it too, tests/cli/lint.sh).
lint $(find src/core/rules src/core/engine src/core/whatif -name '*.[ch]' | sort)
expect_rc "the rules, the engine and the what-ifs pass" 0
