"use client";
import type { Dictionary } from "@/lib/i18n";
import { COMMIT_STRATEGIES } from "@/lib/sim/scenario-names";

type Section = Record<string, unknown>;

/** Settings with a fixed set of values; every other setting is a number or a yes/no. */
const CHOICES: Record<string, readonly string[]> = {
  acks: ["all", "1", "0"],
  commit: COMMIT_STRATEGIES,
  autoOffsetReset: ["latest", "earliest"],
};
/** Settings whose absence means "Kafka decides" (e.g. idempotence follows acks and retries). */
const OPTIONAL = ["enableIdempotence", "deliveryTimeoutMs"];
/** Settings where an empty field means "never" / "no committed offset". */
const NULLABLE = ["flushIntervalMessages", "flushIntervalMs", "initialCommittedOffset"];

/**
 * Every setting of one section of the scenario contract, generated from the engine's defaults:
 * what the learner typed wins, otherwise the normalised value is shown.
 */
export function ConfigFields({ section, legend, input, normalised, onChange, t, terms }: { section: string; legend: string; input: Section; normalised: Section; onChange: (section: Section) => void; t: Dictionary["lab"]; terms: Dictionary["terms"] }) {
  const set = (key: string, value: unknown) => {
    const next = { ...input };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  return (
    <fieldset className="lab-config">
      <legend>{legend}</legend>
      {Object.keys(normalised).map((key) => {
        const shown = key in input ? input[key] : normalised[key];
        const id = `cfg-${section}-${key}`;
        let control;
        if (key === "enableIdempotence")
          control = (
            <select id={id} value={key in input ? String(input[key]) : ""} onChange={(e) => set(key, e.target.value === "" ? undefined : e.target.value === "true")}>
              <option value="">{`${t.unset} (${String(normalised[key])})`}</option>
              <option value="true">true</option>
              <option value="false">false</option>
            </select>
          );
        else if (CHOICES[key])
          control = (
            <select id={id} value={String(shown)} onChange={(e) => set(key, e.target.value)}>
              {CHOICES[key]!.map((v) => (
                <option key={v} value={v}>
                  {(terms as Record<string, string>)[v] ?? v}
                </option>
              ))}
            </select>
          );
        else if (typeof normalised[key] === "boolean") control = <input id={id} type="checkbox" checked={Boolean(shown)} onChange={(e) => set(key, e.target.checked)} />;
        else
          control = (
            <input
              id={id}
              type="number"
              min={0}
              value={shown === null || shown === undefined ? "" : Number(shown)}
              placeholder={NULLABLE.includes(key) ? t.never : OPTIONAL.includes(key) ? t.unset : undefined}
              onChange={(e) => {
                if (e.target.value === "") return set(key, NULLABLE.includes(key) ? null : undefined);
                set(key, Number(e.target.value));
              }}
            />
          );
        return (
          <div key={key} className="lab-field">
            <label htmlFor={id}>
              <code>{key}</code>
            </label>
            {control}
          </div>
        );
      })}
    </fieldset>
  );
}
