"use client";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { SimulationClient } from "@/components/sim/simulation-client";
import type { Dictionary } from "@/lib/i18n";
import { decodeLink, encodeLink } from "@/lib/sim/link";
import type { ParseResult, Scenario } from "@/lib/sim/scenario";
import type { Overrides } from "./compare-panel";
import { ConfigFields } from "./config-fields";
import { newFault } from "@/components/sim/new-fault";
import { FaultEditor } from "./fault-editor";

type Input = Record<string, unknown> & { cluster?: Record<string, unknown>; producer?: Record<string, unknown>; consumer?: Record<string, unknown>; faults?: Record<string, unknown>[] };
type Labels = Pick<Dictionary, "lab" | "sim" | "events" | "terms">;
/** One preset as the server hands it over (lib/content loadPresetChoices). */
type PresetChoice = { title: string; note: string; input: Record<string, unknown> };

/**
 * Compare mode runs the engine on this page to audit two configurations; it is off until the
 * learner ticks it, so its code (the engine among it) loads only then, not with the Lab.
 */
const ComparePanel = lazy(() => import("./compare-panel").then((m) => ({ default: m.ComparePanel })));

/** What the Lab opens with, validated on the server: the first preset's scenario and the defaults. */
export interface LabStart {
  preset: string;
  scenario: Scenario;
  defaults: Scenario;
}

/**
 * The scenario validator (zod, the largest part of the Lab's code), loaded the first time it is
 * needed — an edit, another preset, a shared link — or when the learner reaches for the
 * controls, not with the page: the Lab opens on a preset the server has already validated.
 */
function useParser(): [((input: unknown) => ParseResult) | null, () => void] {
  const [parse, setParse] = useState<((input: unknown) => ParseResult) | null>(null);
  const requested = useRef(false);
  const request = useCallback(() => {
    if (requested.current) return;
    requested.current = true;
    void import("@/lib/sim/scenario").then((m) => setParse(() => m.parseScenario));
  }, []);
  return [parse, request];
}

/**
 * The Lab: any preset, every setting of the scenario contract, an editable fault list, and the
 * player. The whole state lives in the URL (?s=…), so a copied link reopens exactly this run.
 */
export function LabClient({ presets, groups, start, t }: { presets: Record<string, PresetChoice>; groups: { label: string; presets: string[] }[]; start: LabStart; t: Labels }) {
  const [input, setInput] = useState<Input>(() => structuredClone(presets[start.preset]?.input ?? {}) as Input);
  const startInput = useRef(input);
  const [preset, setPreset] = useState<string | null>(start.preset);
  // The moment the player shows. A ref, not state: the player reports it many times a second
  // while playing or scrubbing, and re-rendering the whole settings panel each time is wasted work.
  const atMsRef = useRef(0);
  const [openAt, setOpenAt] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [compare, setCompare] = useState<Overrides | null>(null);

  // Open what the URL asks for: a shared link (?s=) or a named preset (?preset=).
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const link = params.get("s");
    const named = params.get("preset");
    if (link) {
      const decoded = decodeLink(link);
      if (decoded.ok && typeof decoded.state.input === "object" && decoded.state.input !== null) {
        setInput(decoded.state.input as Input);
        setPreset(null);
        setOpenAt(decoded.state.atMs);
        if (decoded.state.compare) setCompare(decoded.state.compare as Overrides);
      } else setLinkError(decoded.ok ? "the link holds no scenario" : decoded.error);
    } else if (named && presets[named]) {
      setInput(structuredClone(presets[named].input) as Input);
      setPreset(named);
    }
    setLoaded(true);
  }, [presets]);

  const [parse, requestParser] = useParser();
  const unchanged = input === startInput.current;
  useEffect(() => {
    if (!unchanged) requestParser();
  }, [unchanged, requestParser]);
  // null while the validator loads after the first change; the player keeps the last valid run.
  const parsed: ParseResult | null = useMemo(() => (unchanged ? { ok: true, scenario: start.scenario } : parse ? parse(input) : null), [unchanged, start.scenario, parse, input]);
  const lastValid = useRef(start.scenario);
  if (parsed?.ok) lastValid.current = parsed.scenario;
  const scenario = parsed === null || parsed.ok ? lastValid.current : null;
  const normalised = scenario ?? start.defaults;

  // Keep the address bar a faithful, shareable copy of the state (the moment included).
  const writeUrl = useCallback(() => {
    window.history.replaceState(null, "", `?s=${encodeLink({ input, atMs: atMsRef.current, ...(compare ? { compare } : {}) })}`);
  }, [input, compare]);
  useEffect(() => {
    if (!loaded) return;
    writeUrl();
    setCopied(false);
  }, [loaded, writeUrl]);

  // An edit keeps the learner at the same moment: the run is recomputed and reopened there.
  const edit = (next: Input) => {
    setInput(next);
    setPreset(null);
    setOpenAt(atMsRef.current);
  };
  const faults = input.faults ?? [];
  const moveFault = (index: number, to: number) => edit({ ...input, faults: faults.map((f, i) => (i === index ? { ...f, atMs: to } : f)) });
  const removeFault = (index: number) => edit({ ...input, faults: faults.filter((_, i) => i !== index) });
  const onTime = useCallback(
    (ms: number) => {
      atMsRef.current = ms;
      if (loaded) writeUrl();
    },
    [loaded, writeUrl],
  );
  // A fault injected from the player joins the scenario at the current moment; the run is
  // replayed from the seed to that moment, so everything stays deterministic and shareable.
  const inject = (fault: Record<string, unknown>) => {
    setInput({ ...input, faults: [...(input.faults ?? []), fault] });
    setPreset(null);
    setOpenAt(Number(fault.atMs));
  };

  return (
    <div className="lab" onFocus={requestParser} onPointerDown={requestParser}>
      {linkError && (
        <p className="alert" role="alert">
          {t.lab.linkError.replace("{message}", linkError)}
        </p>
      )}
      <div className="lab-controls">
        <label className="lab-field">
          {t.lab.preset}
          <select
            value={preset ?? ""}
            onChange={(e) => {
              if (!presets[e.target.value]) return;
              setInput(structuredClone(presets[e.target.value]!.input) as Input);
              setPreset(e.target.value);
              setOpenAt(0);
            }}
          >
            {preset === null && <option value="">{t.lab.custom}</option>}
            {groups.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.presets.map((name) => (
                  <option key={name} value={name}>
                    {presets[name]!.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(window.location.href).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          {t.lab.copyLink}
        </button>
        <label className="meta lab-compare-toggle">
          <input type="checkbox" checked={compare !== null} onChange={(e) => setCompare(e.target.checked ? {} : null)} /> {t.lab.compare}
        </label>
        <span role="status" className="meta">
          {copied ? t.lab.copied : ""}
        </span>
      </div>
      {preset && presets[preset] && <p className="lab-note">{presets[preset].note}</p>}
      <div className="lab-grid">
        <div className="lab-settings">
          <h2 className="visually-hidden">{t.lab.settingsHeading}</h2>
          {/* Boundaries let React hydrate the settings and the player as separate pieces of work,
              yielding to the browser between them, instead of in one long task. */}
          <Suspense>
            <ConfigFields section="run" legend={t.lab.run} input={input} normalised={{ seed: normalised.seed, durationMs: normalised.durationMs }} onChange={(s) => edit({ ...input, ...s })} t={t.lab} terms={t.terms} />
            {(["cluster", "producer", "consumer"] as const).map((section) => (
              <ConfigFields
                key={section}
                section={section}
                legend={t.lab[section]}
                input={input[section] ?? {}}
                normalised={normalised[section] as unknown as Record<string, unknown>}
                onChange={(s) => edit({ ...input, [section]: s })}
                t={t.lab}
                terms={t.terms}
              />
            ))}
            <FaultEditor faults={(input.faults ?? []) as never} brokers={normalised.cluster.brokers} onChange={(faults) => edit({ ...input, faults })} t={t.lab} terms={t.terms} />
            <button type="button" className="button secondary" onClick={() => edit({ ...input, faults: [...(input.faults ?? []), newFault("crash-broker", Math.min(Math.round(atMsRef.current / 100) * 100, normalised.durationMs))] })}>
              {t.lab.addFault}
            </button>
          </Suspense>
        </div>
        <div className="lab-player">
          <h2 className="visually-hidden">{t.lab.runHeading}</h2>
          {compare !== null && (
            <Suspense fallback={<p className="meta">{t.sim.loading}</p>}>
              <ComparePanel input={input} overrides={compare} onChange={setCompare} t={t.lab} terms={t.terms} />
            </Suspense>
          )}
          <Suspense>
            {scenario ? (
              <SimulationClient
                name={preset ?? "lab"}
                title={preset ? (presets[preset]?.title ?? preset) : t.lab.custom}
                scenario={scenario}
                labels={t.sim}
                eventLabels={t.events}
                terms={t.terms}
                initialAtMs={openAt}
                onTimeChange={onTime}
                onInjectFault={inject}
                onMoveFault={moveFault}
                onRemoveFault={removeFault}
              />
            ) : (
              <p className="alert" role="alert">
                {t.lab.invalid.replace("{message}", parsed && !parsed.ok ? parsed.error : "")}
              </p>
            )}
          </Suspense>
        </div>
      </div>
    </div>
  );
}
