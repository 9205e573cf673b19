/**
 * The shape every lesson must have, checked on the MDX source (both languages): the same
 * sections and components in the same order in English and Chinese, at least two simulations
 * each followed by a "try this" task, an interview answer, misconceptions, a config table and
 * the quiz. Pure, so the content test and authors' tools share it.
 */
export type OutlineItem = string;

/** Headings (##) and block components in order, e.g. ["h2", "Simulation:acks-1-leader-crash", "Callout:try"]. */
export function lessonOutline(source: string): OutlineItem[] {
  const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---/, "");
  const out: OutlineItem[] = [];
  let fenced = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced) continue;
    if (/^## /.test(line)) out.push("h2");
    const tag = /^\s*<(Simulation|Callout|ConfigTable|Diagram|Quiz)\b([^>]*)>?/.exec(line);
    if (!tag) continue;
    const [, name, attrs] = tag;
    const key = name === "Simulation" ? /preset="([^"]+)"/.exec(attrs!)?.[1] : name === "Callout" ? /type="([^"]+)"/.exec(attrs!)?.[1] : name === "Diagram" ? /name="([^"]+)"/.exec(attrs!)?.[1] : undefined;
    out.push(key ? `${name}:${key}` : name!);
  }
  return out;
}

/** Problems with one language's outline (empty when it has every required part). */
export function checkOutline(outline: OutlineItem[]): string[] {
  const problems: string[] = [];
  const count = (prefix: string) => outline.filter((i) => i === prefix || i.startsWith(`${prefix}:`)).length;
  if (count("h2") < 5) problems.push(`has ${count("h2")} sections (## headings); a lesson needs at least 5`);
  const sims = outline.flatMap((item, i) => (item.startsWith("Simulation:") ? [i] : []));
  if (sims.length < 2) problems.push(`has ${sims.length} <Simulation>; a lesson needs at least 2`);
  sims.forEach((at, n) => {
    const end = sims[n + 1] ?? outline.length;
    if (!outline.slice(at + 1, end).includes("Callout:try")) problems.push(`${outline[at]} is not followed by a <Callout type="try"> (what to try and what to notice)`);
  });
  if (count("Callout:interview") !== 1) problems.push(`needs exactly one <Callout type="interview"> (the model answer and follow-ups), has ${count("Callout:interview")}`);
  if (count("Callout:misconception") < 1) problems.push('needs a <Callout type="misconception"> (common wrong or outdated answers)');
  if (count("ConfigTable") < 1) problems.push("needs a <ConfigTable> of the settings involved");
  if (count("Quiz") !== 1 || outline[outline.length - 1] !== "Quiz") problems.push("needs exactly one <Quiz />, at the end");
  return problems;
}

/** Problems comparing the two languages: they must have the same outline. */
export function compareOutlines(en: OutlineItem[], zh: OutlineItem[]): string[] {
  if (en.length === zh.length && en.every((item, i) => item === zh[i])) return [];
  const at = en.findIndex((item, i) => item !== zh[i]);
  const i = at === -1 ? Math.min(en.length, zh.length) : at;
  return [`English and Chinese differ at part ${i + 1}: "${en[i] ?? "(end)"}" vs "${zh[i] ?? "(end)"}"`];
}
