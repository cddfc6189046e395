# tests/cgi/openapi.jq - the JSON Schema subset web/openapi.json uses, as jq
# functions for tests/cgi/openapi.sh: type (a name or a list of names; an
# integer is also a number), enum, pattern, required, properties,
# additionalProperties (a schema), items and local $ref ("#/..."). Anything else
# in a schema is refused by schema_keywords, so nothing is silently unchecked.

def jtype: if type == "number" then (if . == floor then "integer" else "number" end) else type end;

def type_ok($t): jtype as $j | ($t == $j) or ($t == "number" and $j == "integer");

# The schema a "$ref" points at, followed until it is not a reference.
def deref($doc):
  if type == "object" and has("$ref") then
    .["$ref"] as $r | $doc | getpath($r | ltrimstr("#/") | split("/")) | deref($doc)
  else . end;

# Every way the value (the input) breaks schema $s0, as "path: what" strings.
def errors($doc; $s0; $p):
  . as $v | ($s0 | deref($doc)) as $s
  | (if $s | has("type") then
       (if [$s.type] | flatten | any(.[]; . as $t | $v | type_ok($t)) then empty
        else "\($p): \($v | jtype), not \($s.type | tojson)" end)
     else empty end),
    (if ($s | has("enum")) and (any($s.enum[]; . == $v) | not) then
       "\($p): \($v | tojson) is not one of \($s.enum | tojson)" else empty end),
    (if ($s | has("pattern")) and ($v | type) == "string" and ($v | test($s.pattern) | not) then
       "\($p): \($v | tojson) does not match \($s.pattern)" else empty end),
    (if ($v | type) == "object" then
       (($s.required // [])[] | select(. as $k | $v | has($k) | not) | "\($p).\(.): missing"),
       (($s.properties // {}) | to_entries[] | select(.key as $k | $v | has($k))
        | .key as $k | .value as $ps | $v[$k] | errors($doc; $ps; "\($p).\($k)")),
       (if ($s.additionalProperties | type) == "object" then
          ($v | to_entries[] | select(.key as $k | ($s.properties // {}) | has($k) | not)
           | .key as $k | .value | errors($doc; $s.additionalProperties; "\($p).\($k)"))
        else empty end)
     else empty end),
    (if ($v | type) == "array" and ($s | has("items")) then
       ($v | to_entries[] | .key as $i | .value | errors($doc; $s.items; "\($p)[\($i)]"))
     else empty end);

# The keywords used in the document's own schemas (components.schemas, the
# response schemas), to compare with those errors() understands.
def schema_keywords:
  def walk_s: (keys[]), ((.properties // {})[] | walk_s), ((.items // empty) | walk_s),
              (if (.additionalProperties | type) == "object" then .additionalProperties | walk_s
               else empty end);
  [(.components.schemas[] | walk_s),
   (.components.responses[].content["application/json"].schema // empty | walk_s),
   (.paths[][].responses[] | .content["application/json"].schema // empty | walk_s)] | unique;

# Every local $ref of the document, and whether it resolves.
def dangling_refs:
  . as $doc | [.. | objects | select(has("$ref")) | .["$ref"]
               | select(startswith("#/")) | select(. as $r | $doc | getpath($r | ltrimstr("#/") | split("/")) == null)]
  | unique;
