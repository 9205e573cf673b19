"use client";
import type { Dictionary } from "@/lib/i18n";
import type { Audit } from "@/lib/sim/types";
import { MessageStory } from "./message-story";
import type { MessageStoryView } from "./player-core";

type Row = [key: keyof Audit["messages"], label: string, ids: number[]];

/**
 * The audit at the end of a run: each count with the messages behind it. Choosing a row marks
 * those records in the broker strips (and the offsets they once held); choosing a message tells
 * its story.
 */
export function AuditPanel({
  audit,
  highlighted,
  story,
  maxId,
  labels,
  eventLabels,
  terms,
  onHighlight,
  onStory,
}: {
  audit: Audit | null;
  highlighted: number[];
  story: MessageStoryView | null;
  maxId: number;
  labels: Dictionary["sim"];
  eventLabels: Dictionary["events"];
  terms: Dictionary["terms"];
  onHighlight: (ids: number[]) => void;
  onStory: (id: number) => void;
}) {
  if (!audit) return <p className="meta">{labels.auditPending}</p>;
  const rows: Row[] = [
    ["lostAcknowledged", labels.lostAcknowledged, audit.messages.lostAcknowledged],
    ["unavailableAcknowledged", labels.unavailableAcknowledged, audit.messages.unavailableAcknowledged],
    ["duplicates", labels.duplicates, audit.messages.duplicates],
    ["outOfOrder", labels.outOfOrder, audit.messages.outOfOrder],
    ["missedByConsumer", labels.consumerMissed, audit.messages.missedByConsumer],
    ["processedTwice", labels.consumerDuplicates, audit.messages.processedTwice],
    ["failed", labels.failedRow, audit.messages.failed],
  ];
  const isShown = (ids: number[]) => ids.length > 0 && highlighted.length === Math.min(ids.length, 1000) && highlighted[0] === ids[0];
  return (
    <div className="sim-audit card" role="status">
      <h4>{labels.audit}</h4>
      <table>
        <tbody>
          {rows.map(([key, label, ids]) => (
            <tr key={key} className={isShown(ids) ? "is-highlighted" : undefined}>
              <th scope="row">{label}</th>
              <td>
                <span className={`badge ${ids.length ? "bad" : "ok"}`}>
                  <span aria-hidden="true">{ids.length ? "✕ " : "✓ "}</span>
                  <span data-audit={key}>{ids.length}</span>
                </span>
              </td>
              <td>
                {ids.length > 0 && (
                  <button type="button" className="link-button" aria-pressed={isShown(ids)} onClick={() => onHighlight(isShown(ids) ? [] : ids)}>
                    {isShown(ids) ? labels.unmark : labels.markInLogs}
                  </button>
                )}
              </td>
              <td className="sim-ids">
                {ids.slice(0, 8).map((id) => (
                  <button key={id} type="button" className="link-button" aria-pressed={story?.id === id} onClick={() => onStory(id)}>
                    #{id}
                  </button>
                ))}
                {ids.length > 8 ? " …" : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <MessageStory story={story} maxId={maxId} onPick={onStory} labels={labels} eventLabels={eventLabels} terms={terms} />
    </div>
  );
}
