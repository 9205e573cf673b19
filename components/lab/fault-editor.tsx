"use client";
import { DURATION_FAULTS, newFault, RESTART_FAULTS, type FaultDraft as Fault } from "@/components/sim/new-fault";
import type { Dictionary } from "@/lib/i18n";
import { FAULT_TYPES } from "@/lib/sim/scenario-names";

/** The scenario's fault list as an editable table: type, time, target, duration, restart. */
export function FaultEditor({ faults, brokers, onChange, t, terms }: { faults: Fault[]; brokers: number; onChange: (faults: Fault[]) => void; t: Dictionary["lab"]; terms: Dictionary["terms"] }) {
  const update = (i: number, f: Fault) => onChange(faults.map((x, j) => (j === i ? f : x)));
  const num = (v: string) => Math.max(0, Math.round(Number(v) || 0));
  const targets = ["leader", "followers", "last-crashed", ...Array.from({ length: brokers }, (_, i) => String(i))];
  const targetLabel = (v: string) => (/^\d+$/.test(v) ? `${t.broker} ${v}` : (terms as Record<string, string>)[v] ?? v);
  const toRef = (v: string) => (/^\d+$/.test(v) ? Number(v) : v);
  const targetOptions = targets.map((v) => (
    <option key={v} value={v}>
      {targetLabel(v)}
    </option>
  ));
  return (
    <fieldset className="lab-faults">
      <legend>{t.faults}</legend>
      {faults.length === 0 && <p className="meta">{t.noFaults}</p>}
      <ol>
        {faults.map((f, i) => (
          <li key={i} className="lab-fault">
            <label>
              {t.type}
              <select value={f.type} onChange={(e) => update(i, newFault(e.target.value, f.atMs))}>
                {FAULT_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {(terms as Record<string, string>)[type] ?? type}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t.at}
              <input type="number" min={0} step={100} value={f.atMs} onChange={(e) => update(i, { ...f, atMs: num(e.target.value) })} />
            </label>
            {"broker" in f && (
              <label>
                {t.broker}
                <select value={String(f.broker)} onChange={(e) => update(i, { ...f, broker: toRef(e.target.value) })}>
                  {targetOptions}
                </select>
              </label>
            )}
            {f.type === "power-loss" && (
              <label>
                {t.brokers}
                <select
                  value={f.brokers === "all" ? "all" : String((f.brokers as unknown[])[0])}
                  onChange={(e) => update(i, { ...f, brokers: e.target.value === "all" ? "all" : [toRef(e.target.value)] })}
                >
                  <option value="all">{t.all}</option>
                  {targetOptions}
                </select>
              </label>
            )}
            {DURATION_FAULTS.includes(f.type) && (
              <label>
                {t.duration}
                <input type="number" min={1} step={100} value={Number(f.durationMs)} onChange={(e) => update(i, { ...f, durationMs: Math.max(1, num(e.target.value)) })} />
              </label>
            )}
            {RESTART_FAULTS.includes(f.type) && (
              <label>
                {t.restartAfter}
                <input
                  type="number"
                  min={0}
                  step={100}
                  placeholder={t.never}
                  value={f.restartAfterMs === undefined ? "" : Number(f.restartAfterMs)}
                  onChange={(e) => {
                    const { restartAfterMs: _drop, ...rest } = f;
                    update(i, e.target.value === "" ? (rest as Fault) : { ...f, restartAfterMs: num(e.target.value) });
                  }}
                />
              </label>
            )}
            <button type="button" className="button secondary" onClick={() => onChange(faults.filter((_, j) => j !== i))}>
              {t.remove}
            </button>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
