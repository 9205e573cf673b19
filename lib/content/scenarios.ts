import "server-only";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseScenario, type Scenario } from "@/lib/sim";
import { SCENARIOS_DIR } from "./paths";

export function listPresetNames(): string[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

/** Every preset as written (the scenario input), for the Lab's preset picker. */
export function loadPresetInputs(): Record<string, unknown> {
  return Object.fromEntries(listPresetNames().map((name) => [name, JSON.parse(readFileSync(path.join(SCENARIOS_DIR, `${name}.json`), "utf8"))]));
}

/** A named preset, normalised by the engine's own parser. Throws with the file name when broken. */
export function loadPreset(name: string): Scenario {
  if (!/^[a-z0-9-]+$/.test(name) || !listPresetNames().includes(name)) throw new Error(`unknown simulation preset "${name}" (content/scenarios/${name}.json does not exist)`);
  const file = path.join(SCENARIOS_DIR, `${name}.json`);
  const parsed = parseScenario(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.ok) throw new Error(`content/scenarios/${name}.json: ${parsed.error}`);
  return parsed.scenario;
}
