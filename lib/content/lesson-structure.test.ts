import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CURRICULUM } from "./curriculum";
import { listLessons } from "./lessons";
import { checkOutline, compareOutlines, lessonOutline } from "./lesson-structure";
import { LESSONS_DIR } from "./paths";

const good = `---
title: x
---
## One
<Simulation preset="a" />
<Callout type="try">Do it</Callout>
## Two
<Simulation preset="b" />
## Three
<Callout type="try" title="t">Do it</Callout>
<Diagram name="d" />
## Four
<Callout type="interview">Say</Callout>
<Callout type="misconception">No</Callout>
## Five
<ConfigTable names={["acks"]} />
\`\`\`
<Simulation preset="in-code" />
\`\`\`
<Quiz />
`;

describe("lesson structure checker", () => {
  it("reads the outline and accepts a complete lesson", () => {
    const outline = lessonOutline(good);
    expect(outline).toEqual(["h2", "Simulation:a", "Callout:try", "h2", "Simulation:b", "h2", "Callout:try", "Diagram:d", "h2", "Callout:interview", "Callout:misconception", "h2", "ConfigTable", "Quiz"]);
    expect(checkOutline(outline)).toEqual([]);
  });

  it("names each missing part", () => {
    const problems = checkOutline(lessonOutline(good.replace('<Callout type="try" title="t">Do it</Callout>', "").replace("<Quiz />", "").replace('<Callout type="interview">Say</Callout>', "")));
    expect(problems).toEqual([
      'Simulation:b is not followed by a <Callout type="try"> (what to try and what to notice)',
      'needs exactly one <Callout type="interview"> (the model answer and follow-ups), has 0',
      "needs exactly one <Quiz />, at the end",
    ]);
  });

  it("finds where two languages part ways", () => {
    expect(compareOutlines(["h2", "Quiz"], ["h2", "Quiz"])).toEqual([]);
    expect(compareOutlines(["h2", "Simulation:a", "Quiz"], ["h2", "Quiz"])).toEqual(['English and Chinese differ at part 2: "Simulation:a" vs "Quiz"']);
  });
});

describe("every lesson has the full structure, the same in both languages", () => {
  const lessons = listLessons("en");
  const dirs = Object.fromEntries(lessons.map((l) => [l.slug, path.join(LESSONS_DIR, `${String(l.order).padStart(2, "0")}-${l.slug}`)]));
  it.each(lessons.map((l) => l.slug))("%s", (slug) => {
    const en = lessonOutline(readFileSync(path.join(dirs[slug]!, "index.mdx"), "utf8"));
    const zh = lessonOutline(readFileSync(path.join(dirs[slug]!, "index.zh.mdx"), "utf8"));
    expect(checkOutline(en)).toEqual([]);
    expect(compareOutlines(en, zh)).toEqual([]);
  });

  it("all twelve lessons of the curriculum exist, in order, and every lesson after the first names what to read first", () => {
    expect(lessons.map((l) => l.slug)).toEqual([...CURRICULUM]);
    for (const l of lessons.slice(1)) expect(l.prerequisites.length, `${l.slug}: prerequisites`).toBeGreaterThan(0);
  });

  it("each lesson sits at its place in the curriculum; prerequisites exist and come earlier", () => {
    for (const l of lessons) {
      expect(CURRICULUM.indexOf(l.slug as (typeof CURRICULUM)[number]) + 1, `${l.slug}: order`).toBe(l.order);
      for (const p of l.prerequisites) expect(CURRICULUM.indexOf(p as (typeof CURRICULUM)[number]) + 1, `${l.slug}: prerequisite ${p}`).toBeLessThan(l.order);
    }
  });
});
