"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError, sendJson, useSubmit } from "@/components/ui/submit";
import type { Dictionary } from "@/lib/i18n";

type Labels = Dictionary["mock"];

/** The setup form: length, focus and level, then the server starts the clock. */
export function MockStart({ locale, labels }: { locale: string; labels: Labels }) {
  const router = useRouter();
  const [minutes, setMinutes] = useState(20);
  const [focus, setFocus] = useState("mixed");
  const [level, setLevel] = useState("junior");
  const { busy, error, run } = useSubmit({ format: (m) => labels.error.replace("{message}", m), stayBusy: true });
  function start(e: React.FormEvent) {
    e.preventDefault();
    void run(async () => router.push(`/${locale}/mock/${(await sendJson<{ id: string }>("/api/mock", { minutes, focus, level })).id}`));
  }
  const group = <T extends string | number>(legend: string, name: string, values: readonly T[], current: T, set: (v: T) => void, text: (v: T) => string) => (
    <fieldset className="mock-choice">
      <legend>{legend}</legend>
      <span className="options inline">
        {values.map((v) => (
          <label key={String(v)} className="option">
            <input type="radio" name={name} value={String(v)} checked={current === v} onChange={() => set(v)} />
            <span className="option-text">{text(v)}</span>
          </label>
        ))}
      </span>
    </fieldset>
  );
  return (
    <form className="card mock-start" onSubmit={start}>
      {group(labels.length, "minutes", [10, 20, 30] as const, minutes as 10 | 20 | 30, setMinutes, (n) => labels.minutes.replace("{n}", String(n)))}
      {group(labels.focus, "focus", ["mixed", "producer", "broker", "consumer"] as const, focus as "mixed", setFocus, (f) => labels.focuses[f])}
      {group(labels.level, "level", ["junior", "senior"] as const, level as "junior", setLevel, (l) => labels.levels[l])}
      <p className="meta">{labels.rules}</p>
      <button type="submit" className="button" disabled={busy}>
        {busy ? labels.starting : labels.start}
      </button>
      <FormError message={error} />
    </form>
  );
}
