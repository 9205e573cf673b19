import type { Dictionary } from "@/lib/i18n";
import { getKafkaConfig } from "@/lib/kafka/configs";

/** Defaults from lib/kafka (checked against the engine), with the version that changed them. */
export function ConfigTable({ names, t }: { names: string[]; t: Dictionary }) {
  const rows = names.map((n) => getKafkaConfig(n)).filter((c) => c !== undefined);
  return (
    <div className="table-wrap">
      <table>
        <caption>{t.config.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.config.name}</th>
            <th scope="col">{t.config.scope}</th>
            <th scope="col">{t.config.default}</th>
            <th scope="col">{t.config.changed}</th>
            <th scope="col">{t.config.source}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.name}>
              <th scope="row">
                <code>{c.name}</code>
              </th>
              <td>{c.scope === "topic" ? t.config.topic : c.scope === "broker" ? t.config.broker : t.config[c.scope]}</td>
              <td>
                <code>{c.default}</code>
              </td>
              <td>{c.history.length ? c.history.map((h) => `${h.version}: ${h.before} → ${c.default} (${h.source})`).join("; ") : t.config.unchanged}</td>
              <td>
                <a href={c.sourceUrl}>{c.source}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
