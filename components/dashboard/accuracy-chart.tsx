/**
 * A bar per lesson: the share of its questions answered right the first time. Plain HTML, so the
 * text stays readable at any width and the numbers are in the accessible name of each bar.
 */
export function AccuracyChart({ rows, label }: { rows: { title: string; correct: number; total: number }[]; label: string }) {
  return (
    <figure className="chart" aria-label={label}>
      <ul>
        {rows.map((r) => {
          const pct = r.total ? Math.round((r.correct / r.total) * 100) : 0;
          return (
            <li key={r.title}>
              <span className="chart-label">{r.title}</span>
              <span className="chart-track" role="img" aria-label={`${pct}% (${r.correct}/${r.total})`}>
                <span className="chart-bar" style={{ width: `${pct}%` }} />
              </span>
              <span className="chart-value">
                {pct}% ({r.correct}/{r.total})
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
