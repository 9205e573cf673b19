/** A horizontal bar per lesson: share of its questions answered right. Text carries the numbers too. */
export function AccuracyChart({ rows, label }: { rows: { title: string; correct: number; total: number }[]; label: string }) {
  const barHeight = 26;
  const gap = 12;
  const height = rows.length * (barHeight + gap);
  return (
    <svg viewBox={`0 0 400 ${height}`} width="100%" role="img" aria-label={label} className="chart" preserveAspectRatio="xMinYMin meet">
      {rows.map((r, i) => {
        const ratio = r.total ? r.correct / r.total : 0;
        const y = i * (barHeight + gap);
        return (
          <g key={r.title}>
            <rect x="0" y={y} width="400" height={barHeight} rx="6" className="chart-track" />
            <rect x="0" y={y} width={Math.max(ratio * 400, 2)} height={barHeight} rx="6" className="chart-bar" />
            <text x="8" y={y + barHeight / 2 + 5} className="chart-text">
              {`${r.title} — ${Math.round(ratio * 100)}% (${r.correct}/${r.total})`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
