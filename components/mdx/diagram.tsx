import { readDiagram } from "@/lib/content/diagrams";
import type { Locale } from "@/lib/i18n";

/**
 * <Diagram name="…" />: an SVG from content/diagrams/NAME.LOCALE.svg, inlined so it follows the
 * page's colours (light and dark) through CSS classes; its <title> is the accessible name and
 * the caption. The files are checked when lessons compile (lib/content/diagrams.ts).
 */
export function Diagram({ name, locale }: { name: string; locale: Locale }) {
  const d = readDiagram(name, locale);
  return (
    <figure className="diagram">
      <div className="diagram-svg" dangerouslySetInnerHTML={{ __html: d.svg }} />
      <figcaption>{d.title}</figcaption>
    </figure>
  );
}
