import { IntentLink as Link } from "@/components/ui/intent-link";
import type { Dictionary, Locale } from "@/lib/i18n";
import type { listMocks } from "@/lib/mock/db";

type Row = Awaited<ReturnType<typeof listMocks>>[number];

export const formatDate = (d: Date, locale: Locale) => d.toLocaleString(locale === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
/** A mock interview's setup ("20:mixed:junior") in words: "20 min · Mixed · Junior". */
export function mockSetupText(target: string, t: Dictionary): string {
  const [minutes, focus, level] = target.split(":");
  return [t.mock.minutes.replace("{n}", minutes ?? ""), t.mock.focuses[focus as keyof Dictionary["mock"]["focuses"]] ?? focus, t.mock.levels[level as keyof Dictionary["mock"]["levels"]] ?? level].join(" · ");
}

export const percent = (x: number | null | undefined) => (x === null || x === undefined ? "—" : `${Math.round(x * 100)}%`);

/** The learner's mock interviews, newest first, each linking to its report (or back into it while it runs). */
export function MockHistory({ rows, locale, t }: { rows: Row[]; locale: Locale; t: Dictionary }) {
  if (rows.length === 0) return <p>{t.mock.noHistory}</p>;
  return (
    <div className="table-wrap">
      <table className="mock-history">
        <thead>
          <tr>
            <th scope="col">{t.mock.date}</th>
            <th scope="col">{t.mock.setup}</th>
            <th scope="col">{t.mock.score}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-mock={r.id}>
              <th scope="row">
                <Link href={`/${locale}/mock/${r.id}`}>{formatDate(r.startedAt, locale)}</Link>
              </th>
              <td>
                {t.mock.minutes.replace("{n}", String(r.minutes))} · {t.mock.focuses[r.focus as keyof Dictionary["mock"]["focuses"]] ?? r.focus} · {t.mock.levels[r.level as keyof Dictionary["mock"]["levels"]] ?? r.level}
              </td>
              <td>{r.running ? t.mock.inProgress : `${percent(r.summary.overall)} (${r.summary.answered + r.summary.skipped}/${r.summary.planned})`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
