// Generates src/generated/ from openapi/openapi.json (the committed document):
//   schema.ts   types of every path, schema and webhook (openapi-typescript)
//   catalog.ts  the event types (from the document's `webhooks`) and the role
//               each operation requires (`x-required-role`), as runtime values
// Usage: node scripts/generate.mjs [--out <dir>]   (default: src/generated)
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const here = fileURLToPath(new URL(".", import.meta.url));
const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const out = outIndex >= 0 ? resolve(args[outIndex + 1]) : resolve(here, "../src/generated");
const source = resolve(here, "../../openapi.json");
const banner =
  "// Generated from openapi/openapi.json by scripts/generate.mjs (`make sdk`). Do not edit.\n";

const doc = JSON.parse(await readFile(source, "utf8"));
const ast = await openapiTS(doc, {
  rootTypes: true, // `export type ContactOut = components["schemas"]["ContactOut"]`
  rootTypesNoSchemaPrefix: true,
});

const eventTypes = Object.keys(doc.webhooks ?? {}).sort();
const methods = ["get", "put", "post", "delete", "patch"];
const roles = {};
for (const [path, item] of Object.entries(doc.paths)) {
  for (const method of methods) {
    const role = item[method]?.["x-required-role"];
    if (role) roles[`${method.toUpperCase()} ${path}`] = role;
  }
}
const catalog = `${banner}
/** Every event type of the catalog: the document's \`webhooks\`, one per type. */
export const EVENT_TYPES = ${JSON.stringify(eventTypes, null, 2)} as const;

/** The role each authenticated operation requires (\`x-required-role\`), by \`"METHOD /path"\`. */
export const REQUIRED_ROLES = ${JSON.stringify(roles, null, 2)} as const;
`;

await mkdir(out, { recursive: true });
await writeFile(resolve(out, "schema.ts"), banner + astToString(ast));
await writeFile(resolve(out, "catalog.ts"), catalog);
console.log(`generated ${out} from ${source}: ${Object.keys(doc.paths).length} paths, ${eventTypes.length} event types`);
