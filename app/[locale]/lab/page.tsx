import type { Metadata } from "next";
import { LabClient, type LabStart } from "@/components/lab/lab-client";
import { pageLocale } from "@/components/layout/locale";
import { listLessons, loadPresetChoices, presetsByLesson } from "@/lib/content";
import { getDictionary, isLocale } from "@/lib/i18n";
import { parseScenario } from "@/lib/sim/scenario";

/** The preset the Lab opens with when the address names none. */
const FIRST_PRESET = "acks-1-leader-crash";

/** The first preset's scenario and the defaults, validated here so that the Lab's page need not ship the validator to show them. */
function labStart(input: unknown): LabStart {
  const scenario = parseScenario(input);
  const defaults = parseScenario({});
  if (!scenario.ok || !defaults.ok) throw new Error(`the Lab's first preset does not parse: ${scenario.ok ? "" : scenario.error}`);
  return { preset: FIRST_PRESET, scenario: scenario.scenario, defaults: defaults.scenario };
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getDictionary(locale).lab.title } : {};
}

export default async function Lab({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  // The preset picker groups scenarios by the lesson that uses them first; the rest come last.
  const usage = presetsByLesson();
  const seen = new Set<string>();
  const groups = listLessons(locale).map((l) => ({ label: `${l.order}. ${l.title}`, presets: usage[l.slug]!.filter((p) => !seen.has(p) && seen.add(p)) }));
  const presets = loadPresetChoices(locale);
  groups.push({ label: t.lab.morePresets, presets: Object.keys(presets).filter((p) => !seen.has(p)) });
  return (
    <>
      <h1>{t.lab.title}</h1>
      <p className="lead">{t.lab.lead}</p>
      <LabClient presets={presets} groups={groups.filter((g) => g.presets.length > 0)} start={labStart(presets[FIRST_PRESET]?.input)} t={{ lab: t.lab, sim: t.sim, events: t.events, terms: t.terms }} />
    </>
  );
}
