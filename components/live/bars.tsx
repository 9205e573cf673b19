import type { Dictionary } from "@/lib/i18n";
import type { Bar } from "@/lib/live/state";

/** The room's answers as horizontal bars; after the reveal the right ones are marked. */
export function Bars({ bars, labels, caption }: { bars: Bar[]; labels: Dictionary["live"]; caption: string }) {
  const total = bars.reduce((n, b) => n + b.count, 0);
  const max = Math.max(1, ...bars.map((b) => b.count));
  const text = (b: Bar) => {
    const s = typeof b.text === "string" ? b.text : "";
    return s === "true" ? labels.trueLabel : s === "false" ? labels.falseLabel : s === "right" ? labels.right : s === "partly" ? labels.partly : s === "wrong" ? labels.wrong : s;
  };
  return (
    <figure className="live-bars" aria-label={caption}>
      <figcaption className="meta">{caption}</figcaption>
      <ul>
        {bars.map((b) => (
          <li key={b.id} data-bar={b.id} data-count={b.count} className={b.correct === true ? "is-right" : b.correct === false ? "is-other" : ""}>
            <span className="live-bar-label">
              {b.correct === true && <span aria-label="✓">✓ </span>}
              {text(b)}
            </span>
            <span className="live-bar-track" aria-hidden="true">
              <span className="live-bar" style={{ width: `${(b.count / max) * 100}%` }} />
            </span>
            <span className="live-bar-count">
              {b.count}
              {total > 0 && <span className="meta"> ({Math.round((b.count / total) * 100)}%)</span>}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
