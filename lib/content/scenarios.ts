import "server-only";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Locale } from "@/lib/i18n";
import { parseScenario, type Scenario } from "@/lib/sim";
import { parsePresetFile, type PresetFile } from "./preset-file";
import { SCENARIOS_DIR } from "./paths";

export function listPresetNames(): string[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

/** A preset file, validated (title, note, expectations, scenario input). Throws naming the file. */
export function loadPresetFile(name: string): PresetFile {
  if (!/^[a-z0-9-]+$/.test(name) || !listPresetNames().includes(name)) throw new Error(`unknown simulation preset "${name}" (content/scenarios/${name}.json does not exist)`);
  const file = path.join(SCENARIOS_DIR, `${name}.json`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`content/scenarios/${name}.json: ${(err as Error).message}`);
  }
  return parsePresetFile(json, name);
}

/** What the Lab's preset picker needs, in one language: each preset's title, note and input. */
export interface PresetChoice {
  title: string;
  note: string;
  input: Record<string, unknown>;
}

export function loadPresetChoices(locale: Locale): Record<string, PresetChoice> {
  return Object.fromEntries(
    listPresetNames().map((name) => {
      const p = loadPresetFile(name);
      return [name, { title: p.title[locale], note: p.note[locale], input: p.scenario }];
    }),
  );
}

/** A named preset, normalised by the engine's own parser, with its title. Throws with the file name when broken. */
export function loadPreset(name: string): { scenario: Scenario; title: PresetFile["title"] } {
  const p = loadPresetFile(name);
  const parsed = parseScenario(p.scenario);
  if (!parsed.ok) throw new Error(`content/scenarios/${name}.json: scenario.${parsed.error}`);
  return { scenario: parsed.scenario, title: p.title };
}
