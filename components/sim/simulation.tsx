import { loadPreset } from "@/lib/content";
import type { Dictionary } from "@/lib/i18n";
import { SimulationClient } from "./simulation-client";

/** Server side of <Simulation preset="…" />: the preset is read and normalised by the engine's parser. */
export function Simulation({ preset, t }: { preset: string; t: Dictionary }) {
  const scenario = loadPreset(preset);
  const title = (t.presets as Record<string, string>)[preset] ?? preset;
  return <SimulationClient name={preset} title={title} scenario={scenario} labels={t.sim} eventLabels={t.events} terms={t.terms} />;
}
