import type { Dictionary, Locale } from "@/lib/i18n";

type Week = ({ date: string; count: number } | null)[];

const level = (n: number) => (n === 0 ? 0 : n <= 2 ? 1 : n <= 5 ? 2 : n <= 9 ? 3 : 4);

/**
 * A calendar heatmap of answers per day (weeks as columns, Monday on top). Each cell has a
 * tooltip; the active days are also listed in a table for screen readers and exact numbers.
 */
export function ActivityHeatmap({ weeks, locale, t }: { weeks: Week[]; locale: Locale; t: Dictionary["dashboard"] }) {
  const cell = 12;
  const gap = 3;
  const top = 14;
  const active = weeks.flat().filter((d): d is { date: string; count: number } => d !== null && d.count > 0);
  const month = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleString(locale === "zh" ? "zh-CN" : "en-GB", { month: "short", timeZone: "UTC" });
  return (
    <figure className="heatmap">
      {/* On a narrow screen the calendar scrolls, starting at the latest weeks (CSS direction trick). */}
      <div className="heatmap-scroll" tabIndex={0} role="group" aria-label={t.activityLabel}>
        <svg width={weeks.length * (cell + gap)} height={top + 7 * (cell + gap)} role="img" aria-label={`${t.activityLabel}: ${active.length}`}>
          {weeks.map((week, w) => {
            const first = week.find((d) => d !== null);
            const showMonth = first && (w === 0 || first.date.slice(8) <= "07");
            return (
              <g key={w} transform={`translate(${w * (cell + gap)} 0)`}>
                {showMonth && w < weeks.length - 1 && (
                  <text x="0" y="10" className="heatmap-month">
                    {month(first.date)}
                  </text>
                )}
                {week.map((d, i) =>
                  d ? (
                    <rect key={d.date} y={top + i * (cell + gap)} width={cell} height={cell} rx="2" className={`heat-${level(d.count)}`} data-date={d.date} data-count={d.count}>
                      <title>{t.activityDay.replace("{date}", d.date).replace("{n}", String(d.count))}</title>
                    </rect>
                  ) : null,
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="meta heatmap-legend">
        {t.less}{" "}
        {[0, 1, 2, 3, 4].map((l) => (
          <svg key={l} width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" rx="2" className={`heat-${l}`} />
          </svg>
        ))}{" "}
        {t.more}
      </figcaption>
      {active.length > 0 && (
        <details>
          <summary>{t.activityTable}</summary>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.day}</th>
                  <th scope="col">{t.answers}</th>
                </tr>
              </thead>
              <tbody>
                {[...active].reverse().map((d) => (
                  <tr key={d.date}>
                    <th scope="row">{d.date}</th>
                    <td>{d.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}
