import type { Dictionary } from "@/lib/i18n";
import { getKafkaConfig } from "@/lib/kafka/configs";

/**
 * <Config name="acks" />: a setting named in running text with its current default and, when the
 * default changed, the version and the old value, all from lib/kafka/configs.ts (lessons never
 * type a default by hand). The compiler has already checked that the name exists.
 */
export function Config({ name, t }: { name: string; t: Dictionary }) {
  const c = getKafkaConfig(name);
  if (!c) return <code>{name}</code>;
  const latest = c.history[0];
  const note = latest
    ? t.config.inlineChanged.replace("{default}", c.default).replace("{version}", latest.version).replace("{before}", latest.before)
    : t.config.inline.replace("{default}", c.default);
  return (
    <span className="config-ref">
      <a href={c.sourceUrl}>
        <code>{c.name}</code>
      </a>{" "}
      <span className="meta">{note}</span>
    </span>
  );
}
