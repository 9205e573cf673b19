/** The content the build compiles: every lesson, question file and preset must be valid. */
import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { getLesson, listLessons, loadQuestionFiles, questionsForLesson } from "./index";

describe("content", () => {
  it("every lesson exists in both languages with valid frontmatter, in a consistent order", () => {
    const en = listLessons("en");
    const zh = listLessons("zh");
    expect(en.map((l) => l.slug)).toEqual(zh.map((l) => l.slug));
    expect(en.map((l) => l.order)).toEqual(zh.map((l) => l.order));
    expect(en.some((l) => l.slug === "acks")).toBe(true);
  });

  it("every lesson compiles in both languages", async () => {
    for (const locale of ["en", "zh"] as const)
      for (const l of listLessons(locale)) {
        const compiled = await getLesson(l.slug, locale);
        expect(compiled?.code.length).toBeGreaterThan(100);
      }
  });

  it("question files are valid and the acks quiz has at least 8 questions", () => {
    expect(loadQuestionFiles().size).toBeGreaterThan(0);
    expect(questionsForLesson("acks").length).toBeGreaterThanOrEqual(8);
  });
});

describe("a broken lesson fails compilation with a message naming the file", () => {
  async function compileWith(mdx: string) {
    const root = mkdtempSync(path.join(tmpdir(), "lossless-content-"));
    cpSync(path.join(process.cwd(), "content/scenarios"), path.join(root, "content/scenarios"), { recursive: true });
    mkdirSync(path.join(root, "content/lessons/01-broken"), { recursive: true });
    writeFileSync(path.join(root, "content/lessons/01-broken/index.mdx"), mdx);
    writeFileSync(path.join(root, "content/lessons/01-broken/index.zh.mdx"), mdx);
    vi.resetModules();
    const spy = vi.spyOn(process, "cwd").mockReturnValue(root);
    try {
      const mod = await import("./lessons");
      return await mod.getLesson("broken", "en");
    } finally {
      spy.mockRestore();
    }
  }
  const fm = '---\ntitle: "T"\nsummary: "S"\norder: 1\nobjectives: ["o"]\nsources: [{ title: "K", url: "https://kafka.apache.org/documentation/" }]\n---\n';

  it("an unknown component", async () => {
    await expect(compileWith(`${fm}\n# Hi\n\n<Magic />\n`)).rejects.toThrow(/content\/lessons\/01-broken\/index\.mdx:\d+: unknown component <Magic>/);
  });

  it("an unknown simulation preset", async () => {
    await expect(compileWith(`${fm}\n<Simulation preset="nope" />\n`)).rejects.toThrow(/01-broken\/index\.mdx:\d+: unknown simulation preset "nope"/);
  });

  it("an unknown config name", async () => {
    await expect(compileWith(`${fm}\n<ConfigTable names={["acks", "made.up"]} />\n`)).rejects.toThrow(/01-broken\/index\.mdx:\d+: <ConfigTable> names must come from/);
  });

  it("broken frontmatter", async () => {
    await expect(compileWith(`---\ntitle: "T"\norder: "first"\n---\nHello`)).rejects.toThrow(/01-broken\/index\.mdx: frontmatter/);
  });

  it("an unknown <Config> or a missing <Diagram>", async () => {
    await expect(compileWith(`${fm}\nSet <Config name="made.up" /> first.\n`)).rejects.toThrow(/01-broken\/index\.mdx:\d+: <Config name="…"> must name a setting/);
    await expect(compileWith(`${fm}\n<Diagram name="nowhere" />\n`)).rejects.toThrow(/01-broken\/index\.mdx:\d+: <Diagram>: content\/diagrams\/nowhere\.en\.svg does not exist/);
  });

  it("a valid lesson compiles", async () => {
    const lesson = await compileWith(`${fm}\n# Hi\n\n<Callout type="info">Hello</Callout>\n\n<Simulation preset="acks-1-leader-crash" />\n`);
    expect(lesson?.title).toBe("T");
  });
});
