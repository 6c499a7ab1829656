// Checks Jiaohe's served OpenAPI description (tests/api/openapi_*_httptest.cpp run it):
//   node validate.mjs <openapi.json> [<answers.json>]
// 1. the document against the OpenAPI 3.1 schema (@seriousme/openapi-schema-validator);
// 2. every schema in it compiles as JSON Schema 2020-12 in ajv's strict mode (a misspelt
//    keyword is an error, where the OpenAPI schema alone lets any keyword through);
// 3. each answer a test saw ([{method, route, status, content_type, body}]) has its status
//    documented for its operation, its media type among the documented ones, and a JSON body
//    that matches the documented schema;
// 4. every operation's success status declares its body's schema, and an answer of 2xx with a
//    body where none is declared is an error.
// Prints every error and exits 1 if there is one.
import { readFile } from "node:fs/promises";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [documentFile, answersFile] = process.argv.slice(2);
const errors = [];

const validator = new Validator();
const result = await validator.validate(JSON.parse(await readFile(documentFile, "utf8")));
if (!result.valid) errors.push("not a valid OpenAPI 3.1 document: " + JSON.stringify(result.errors, null, 1));
if (validator.version !== "3.1") errors.push("the document is OpenAPI " + validator.version + ", not 3.1");

const ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: true });
addFormats(ajv);
const compiled = new Map();  // "get /v1/x 200 application/json" -> validate function
const compile = (where, schema) => {
  try {
    return ajv.compile(schema);
  } catch (e) {
    errors.push(where + ": the schema does not compile: " + e.message);
    return null;
  }
};

if (result.valid) {
  const doc = validator.resolveRefs();  // every $ref replaced by what it names
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) {
      for (const p of op.parameters ?? []) compile(`${method} ${path} parameter ${p.name}`, p.schema);
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {}))
        compile(`${method} ${path} request ${type}`, media.schema);
      for (const [status, response] of Object.entries(op.responses))
        for (const [type, media] of Object.entries(response.content ?? {})) {
          const where = `${method} ${path} ${status} ${type}`;
          compiled.set(where, media.schema ? compile(where, media.schema) : null);
        }
      // Every success answer is described: a media type with a schema (strings for text).
      for (const [status, response] of Object.entries(op.responses))
        if (/^2\d\d$/.test(status) && !Object.values(response.content ?? {}).some((m) => m.schema))
          errors.push(`${method} ${path} ${status}: the success answer declares no body schema`);
    }

  const answers = answersFile ? JSON.parse(await readFile(answersFile, "utf8")) : [];
  for (const a of answers) {
    const method = a.method.toLowerCase();
    const op = doc.paths[a.route]?.[method];
    const what = `${a.method} ${a.route} answered ${a.status}`;
    if (!op) {
      errors.push(what + ": no such operation in the document");
      continue;
    }
    const response = op.responses[String(a.status)];
    if (!response) {
      errors.push(what + ": the status is not documented (" + Object.keys(op.responses).join(", ") + ")");
      continue;
    }
    const types = Object.keys(response.content ?? {});
    if (types.length === 0) {
      // A success with a body must say what the body is; a problem or a 304 says it elsewhere.
      if (a.status >= 200 && a.status < 300 && (a.body ?? "").length > 0)
        errors.push(what + ": a success with a body, but its operation declares no body schema for it");
      continue;
    }
    const type = (a.content_type ?? "").split(";")[0].trim();
    const documented = types.find((t) => t.split(";")[0].trim() === type);
    if (!documented) {
      errors.push(what + ": media type " + type + " is not documented (" + types.join(", ") + ")");
      continue;
    }
    const check = compiled.get(`${method} ${a.route} ${a.status} ${documented}`);
    if (!check || !type.endsWith("json")) continue;
    let body;
    try {
      body = JSON.parse(a.body);
    } catch (e) {
      errors.push(what + ": the body is not JSON");
      continue;
    }
    if (!check(body))
      errors.push(what + ": the body does not match its schema: " + ajv.errorsText(check.errors) +
                  "\n  body: " + a.body.slice(0, 600));
  }
  console.log(`checked the document (${compiled.size} response schemas) and ${answers.length} answers`);
}

for (const e of errors) console.error(e);
process.exit(errors.length ? 1 : 0);
