"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { SimulationClient } from "@/components/sim/simulation-client";
import type { Dictionary } from "@/lib/i18n";
import { decodeLink, encodeLink } from "@/lib/sim/link";
import { parseScenario } from "@/lib/sim/scenario";
import { ComparePanel, type Overrides } from "./compare-panel";
import { ConfigFields } from "./config-fields";
import { newFault } from "@/components/sim/new-fault";
import { FaultEditor } from "./fault-editor";

type Input = Record<string, unknown> & { cluster?: Record<string, unknown>; producer?: Record<string, unknown>; consumer?: Record<string, unknown>; faults?: Record<string, unknown>[] };
type Labels = Pick<Dictionary, "lab" | "sim" | "events" | "terms">;
/** One preset as the server hands it over (lib/content loadPresetChoices). */
type PresetChoice = { title: string; note: string; input: Record<string, unknown> };

const DEFAULT_PRESET = "acks-1-leader-crash";

/**
 * The Lab: any preset, every setting of the scenario contract, an editable fault list, and the
 * player. The whole state lives in the URL (?s=…), so a copied link reopens exactly this run.
 */
export function LabClient({ presets, groups, t }: { presets: Record<string, PresetChoice>; groups: { label: string; presets: string[] }[]; t: Labels }) {
  const [input, setInput] = useState<Input>(() => structuredClone(presets[DEFAULT_PRESET]?.input ?? {}) as Input);
  const [preset, setPreset] = useState<string | null>(DEFAULT_PRESET);
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

  const parsed = useMemo(() => parseScenario(input), [input]);
  const defaults = useMemo(() => {
    const d = parseScenario({});
    if (!d.ok) throw new Error(d.error);
    return d.scenario;
  }, []);
  const normalised = parsed.ok ? parsed.scenario : defaults;

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
    <div className="lab">
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
        </div>
        <div className="lab-player">
          <h2 className="visually-hidden">{t.lab.runHeading}</h2>
          {compare !== null && <ComparePanel input={input} overrides={compare} onChange={setCompare} t={t.lab} terms={t.terms} />}
          {parsed.ok ? (
            <SimulationClient
              name={preset ?? "lab"}
              title={preset ? (presets[preset]?.title ?? preset) : t.lab.custom}
              scenario={parsed.scenario}
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
              {t.lab.invalid.replace("{message}", parsed.error)}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
