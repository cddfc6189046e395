// validate.js SCHEMA FILE... - exit 0 when every FILE matches the JSON Schema,
// 1 otherwise; prints "valid FILE" or "invalid FILE: reason" per file.
'use strict';
const fs = require('fs');
const Ajv = require('ajv');

const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv({allErrors: true, strict: true, strictTypes: false});
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
let bad = 0;
for (const f of files) {
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(f, 'utf8'));
  } catch (e) {
    console.log(`invalid ${f}: not JSON`);
    bad++;
    continue;
  }
  if (validate(doc)) {
    console.log(`valid ${f}`);
  } else {
    const e = validate.errors[0];
    console.log(`invalid ${f}: ${e.instancePath || '/'} ${e.message}`);
    bad++;
  }
}
process.exit(bad ? 1 : 0);
