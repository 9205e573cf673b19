"use client";
import { useMemo } from "react";
import type { Dictionary } from "@/lib/i18n";
import { createRun } from "@/lib/sim/engine";
import { encodeLink } from "@/lib/sim/link";
import { parseScenario } from "@/lib/sim/scenario";
import type { Audit } from "@/lib/sim/types";
import { ConfigFields } from "./config-fields";

type Input = Record<string, unknown>;
export type Overrides = { producer?: Input; cluster?: Input; consumer?: Input };

/** The settings compare mode lets B change; everything else, and the faults, are A's. */
const KNOBS = { producer: ["acks", "enableIdempotence", "maxInFlight", "retries"], cluster: ["minInsyncReplicas", "uncleanLeaderElection", "flushIntervalMessages"], consumer: ["commit"] } as const;

export function withOverrides(input: Input, overrides: Overrides): Input {
  const out: Input = { ...input };
  for (const section of ["producer", "cluster", "consumer"] as const)
    if (overrides[section]) out[section] = { ...((input[section] as Input | undefined) ?? {}), ...overrides[section] };
  return out;
}

function audit(input: Input): { ok: true; audit: Audit } | { ok: false; error: string } {
  const parsed = parseScenario(input);
  if (!parsed.ok) return parsed;
  const run = createRun({ ...parsed.scenario, eventLog: "none" });
  run.runToEnd();
  return { ok: true, audit: run.audit() };
}

/** The same faults on two configurations, side by side, with the differences marked. */
export function ComparePanel({ input, overrides, onChange, t, terms }: { input: Input; overrides: Overrides; onChange: (o: Overrides) => void; t: Dictionary["lab"]; terms: Dictionary["terms"] }) {
  const b = useMemo(() => withOverrides(input, overrides), [input, overrides]);
  const results = useMemo(() => [audit(input), audit(b)] as const, [input, b]);
  const normalisedB = parseScenario(b);
  const rows: [string, (a: Audit) => number][] = [
    [t.compareRows.acknowledged, (a) => a.producer.acknowledged],
    [t.compareRows.failed, (a) => a.producer.failed],
    [t.compareRows.lost, (a) => a.log.lostAcknowledged],
    [t.compareRows.unavailable, (a) => a.log.unavailableAcknowledged],
    [t.compareRows.duplicates, (a) => a.log.duplicates],
    [t.compareRows.outOfOrder, (a) => a.log.outOfOrder],
    [t.compareRows.missed, (a) => a.consumer.missed],
    [t.compareRows.processedTwice, (a) => a.consumer.duplicates],
    [t.compareRows.rebalances, (a) => a.consumer.rebalances],
    [t.compareRows.offlineMs, (a) => a.cluster.offlineMs],
  ];
  return (
    <section className="lab-compare card" aria-labelledby="compare-title">
      <h2 id="compare-title">{t.compareTitle}</h2>
      <p className="meta">{t.compareLead}</p>
      <div className="lab-settings">
        {(Object.keys(KNOBS) as (keyof typeof KNOBS)[]).map((section) => {
          const base = normalisedB.ok ? (normalisedB.scenario[section] as unknown as Input) : {};
          return (
            <ConfigFields
              key={section}
              section={`b-${section}`}
              legend={`B · ${t[section]}`}
              input={(overrides[section] as Input | undefined) ?? {}}
              normalised={Object.fromEntries(KNOBS[section].map((k) => [k, base[k]]))}
              onChange={(s) => onChange({ ...overrides, [section]: s })}
              t={t}
              terms={terms}
            />
          );
        })}
      </div>
      {results.some((r) => !r.ok) ? (
        <p className="alert" role="alert">
          {t.invalid.replace("{message}", results.map((r) => (r.ok ? "" : r.error)).join(" "))}
        </p>
      ) : (
        <div className="table-wrap">
          <table data-compare>
            <thead>
              <tr>
                <th scope="col">{t.compareMetric}</th>
                <th scope="col">A</th>
                <th scope="col">B</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, pick]) => {
                const [va, vb] = results.map((r) => (r.ok ? pick(r.audit) : 0));
                return (
                  <tr key={label} className={va !== vb ? "differs" : undefined}>
                    <th scope="row">{label}</th>
                    <td>{va}</td>
                    <td>
                      {vb}
                      {va !== vb ? <span className="visually-hidden"> ({t.differs})</span> : null}
                      {va !== vb ? <span aria-hidden="true"> ◀</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={`?s=${encodeLink({ input: b, atMs: 0 })}`}>{t.openB}</a>
      </p>
    </section>
  );
}
