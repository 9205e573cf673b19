"use client";
import { useEffect, useState } from "react";
import type { Dictionary } from "@/lib/i18n";
import { narrate } from "./narrate";
import type { MessageStoryView } from "./player-core";

/** Picks a message (from the audit, the record strips, or by number) and tells everything that happened to it. */
export function MessageStory({ story, maxId, onPick, labels, eventLabels, terms }: { story: MessageStoryView | null; maxId: number; onPick: (id: number) => void; labels: Dictionary["sim"]; eventLabels: Dictionary["events"]; terms: Dictionary["terms"] }) {
  const [typed, setTyped] = useState(story ? String(story.id) : "");
  useEffect(() => {
    if (story) setTyped(String(story.id));
  }, [story]);
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
      {story && (
        <section aria-live="polite" className="sim-story-body">
          <h5>{labels.story.replace("{id}", `#${story.id}`)}</h5>
          {story.events.length === 0 ? (
            <p className="meta">{labels.storyNone}</p>
          ) : (
            <ol>
              {story.events.map((e, i) => (
                <li key={i}>
                  <span className="meta">{(e.atMs / 1000).toFixed(3)} s</span> {narrate({ ...e, ...(e.messages ? { messages: [story.id, story.id] as [number, number] } : {}) }, eventLabels, terms)}
                </li>
              ))}
            </ol>
          )}
          <p>
            <strong>{labels.fate.replace("{fates}", story.fates.map((f) => labels.fates[f]).join(", "))}</strong>
          </p>
        </section>
      )}
    </div>
  );
}
