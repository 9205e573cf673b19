import { loadPreset } from "@/lib/content";
import type { Dictionary, Locale } from "@/lib/i18n";
import { SimulationLazy } from "./simulation-lazy";

/** Server side of <Simulation preset="…" />: the preset is read and normalised by the engine's parser. */
export function Simulation({ preset, locale, t }: { preset: string; locale: Locale; t: Dictionary }) {
  const { scenario, title } = loadPreset(preset);
  return <SimulationLazy name={preset} title={title[locale]} scenario={scenario} labels={t.sim} eventLabels={t.events} terms={t.terms} labPath={`/${locale}/lab`} />;
}
