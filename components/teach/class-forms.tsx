"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError, sendJson, useSubmit } from "@/components/ui/submit";
import type { Dictionary } from "@/lib/i18n";

type Labels = Dictionary["classes"];

/** A class action: sent, then the page's server data refreshed; errors worded for this page. */
function useAction(labels: Labels) {
  const router = useRouter();
  const { busy, error, run } = useSubmit({ format: (m) => labels.error.replace("{message}", m) });
  const act = (fn: () => Promise<void>) =>
    run(async () => {
      await fn();
      router.refresh();
    });
  return { busy, run: act, alert: <FormError message={error} />, router };
}

export function CreateClass({ locale, labels }: { locale: string; labels: Labels }) {
  const [name, setName] = useState("");
  const { busy, run, alert, router } = useAction(labels);
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const r = await sendJson("/api/classes", { name });
          router.push(`/${locale}/teach/classes/${String(r.id)}`);
        });
      }}
    >
      <h3>{labels.newClass}</h3>
      <p>
        <label>
          {labels.name}
          <br />
          <input className="text-input" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required />
        </label>
      </p>
      <button type="submit" className="button" disabled={busy}>
        {labels.create}
      </button>
      {alert}
    </form>
  );
}

export function AddAssignment({ classId, labels, lessons }: { classId: string; labels: Labels; lessons: { slug: string; title: string }[] }) {
  const [kind, setKind] = useState<"lesson" | "practice" | "mock">("lesson");
  const [lesson, setLesson] = useState(lessons[0]?.slug ?? "");
  const [mock, setMock] = useState("20:mixed:junior");
  const [due, setDue] = useState(() => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  const { busy, run, alert } = useAction(labels);
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          await sendJson(`/api/classes/${classId}/assignments`, { kind, target: kind === "mock" ? mock : lesson, dueAt: due });
        });
      }}
    >
      <h3>{labels.addAssignment}</h3>
      <p className="inline-fields">
        <label>
          {labels.kind}{" "}
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            {(["lesson", "practice", "mock"] as const).map((k) => (
              <option key={k} value={k}>
                {labels.kinds[k]}
              </option>
            ))}
          </select>
        </label>
        {kind === "mock" ? (
          <label>
            {labels.mockSetup}{" "}
            <select value={mock} onChange={(e) => setMock(e.target.value)}>
              {["10", "20", "30"].flatMap((m) => ["mixed", "producer", "broker", "consumer"].flatMap((f) => ["junior", "senior"].map((l) => `${m}:${f}:${l}`))).map((v) => (
                <option key={v} value={v}>
                  {v.replaceAll(":", " · ")}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            {labels.target}{" "}
            <select value={lesson} onChange={(e) => setLesson(e.target.value)}>
              {lessons.map((l) => (
                <option key={l.slug} value={l.slug}>
                  {l.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {labels.due} <input className="text-input short-date" type="date" value={due} onChange={(e) => setDue(e.target.value)} required />
        </label>
      </p>
      <button type="submit" className="button" disabled={busy}>
        {labels.add}
      </button>
      {alert}
    </form>
  );
}

export function RemoveAssignment({ classId, id, labels }: { classId: string; id: string; labels: Labels }) {
  const { busy, run, alert } = useAction(labels);
  return (
    <>
      <button type="button" className="button secondary small" disabled={busy} onClick={() => void run(async () => void (await sendJson(`/api/classes/${classId}/assignments`, { id }, "DELETE")))}>
        {labels.remove}
      </button>
      {alert}
    </>
  );
}

export function JoinClassButton({ code, labels, text, locale }: { code: string; labels: Labels; text: string; locale: string }) {
  const [joined, setJoined] = useState<string | null>(null);
  const { busy, run, alert } = useAction(labels);
  if (joined)
    return (
      <p role="status">
        {labels.joined.replace("{name}", joined)} <a href={`/${locale}/dashboard`}>→</a>
      </p>
    );
  return (
    <>
      <button type="button" className="button" disabled={busy} onClick={() => void run(async () => setJoined(String((await sendJson("/api/classes/join", { code })).name)))}>
        {text}
      </button>
      {alert}
    </>
  );
}
