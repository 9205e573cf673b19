"use client";
import { useState } from "react";
import type { Dictionary } from "@/lib/i18n";
import { messageFates, messageStory } from "@/lib/sim/story";
import type { Audit, SimEvent } from "@/lib/sim/types";
import { narrate } from "./narrate";

/** Picks a message (from the audit, or by number) and tells everything that happened to it. */
export function MessageStory({ id, onPick, events, audit, maxId, labels, eventLabels, terms }: { id: number | null; onPick: (id: number) => void; events: readonly SimEvent[]; audit: Audit; maxId: number; labels: Dictionary["sim"]; eventLabels: Dictionary["events"]; terms: Dictionary["terms"] }) {
  const [typed, setTyped] = useState(id === null ? "" : String(id));
  const story = id === null ? [] : messageStory(events, id);
  return (
    <div className="sim-story">
      <form
        className="sim-story-pick"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(typed);
          if (Number.isInteger(n) && n >= 1 && n <= maxId) onPick(n);
        }}
      >
        <label>
          {labels.storyPick}{" "}
          <input type="number" min={1} max={maxId} value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <button type="submit" className="button secondary">
          {labels.storyShow}
        </button>
      </form>
      {id !== null && (
        <section aria-live="polite" className="sim-story-body">
          <h5>{labels.story.replace("{id}", `#${id}`)}</h5>
          {story.length === 0 ? (
            <p className="meta">{labels.storyNone}</p>
          ) : (
            <ol>
              {story.map((e, i) => (
                <li key={i}>
                  <span className="meta">{(e.atMs / 1000).toFixed(3)} s</span> {narrate({ ...e, ...(e.messages ? { messages: [id, id] as [number, number] } : {}) }, eventLabels, terms)}
                </li>
              ))}
            </ol>
          )}
          <p>
            <strong>{labels.fate.replace("{fates}", messageFates(audit, id).map((f) => labels.fates[f]).join(", "))}</strong>
          </p>
        </section>
      )}
    </div>
  );
}
