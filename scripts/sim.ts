/**
 * `npm run --silent sim -- scenario.json`: runs one scenario (or a content/scenarios preset file)
 * and prints its audit as JSON.
 * Exit codes: 0 with the audit on stdout; 2 with a one-line message on stderr (bad arguments,
 * unreadable file, malformed JSON, or a scenario field that fails validation). Nothing is
 * written to stdout on error.
 */
import { readFileSync } from "node:fs";
import { isPresetFile } from "../lib/content/preset-file";
import { runScenario } from "../lib/sim";

function fail(message: string): never {
  process.stderr.write(`sim: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.length !== 1 || args[0] === "--help" || args[0] === "-h") fail("usage: npm run --silent sim -- path/to/scenario.json (use - for standard input)");
const path = args[0]!;
let text: string;
try {
  text = readFileSync(path === "-" ? 0 : path, "utf8");
} catch (err) {
  fail(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
}
let input: unknown;
try {
  input = JSON.parse(text);
} catch (err) {
  fail(`${path} is not valid JSON: ${(err as Error).message}`);
}
// A preset file from content/scenarios wraps its scenario with a title, a note and expectations.
const result = runScenario(isPresetFile(input) ? input.scenario : input);
if (!result.ok) fail(`invalid scenario: ${result.error}`);
process.stdout.write(JSON.stringify(result.output) + "\n");
