import "server-only";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { bundleMDX } from "mdx-bundler";
import YAML from "yaml";
import { z } from "zod";
import type { Locale } from "@/lib/i18n";
import { checkLessonComponents } from "./mdx-components-check";
import { LESSONS_DIR } from "./paths";

/**
 * All MDX compilation goes through this module (docs/decisions/004-mdx-compile-and-cache.md):
 * lessons are folders content/lessons/NN-slug/ with index.mdx (English) and index.zh.mdx.
 * Frontmatter is validated; an unknown component, an unknown preset or config name, or broken
 * frontmatter throws an error that names the file, which fails `next build`.
 */
export const frontmatterSchema = z.strictObject({
  title: z.string().min(1),
  summary: z.string().min(1),
  order: z.number().int().min(1),
  /** Slugs of the lessons to read first (the page links them). */
  prerequisites: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
  objectives: z.array(z.string().min(1)).min(1),
  sources: z.array(z.strictObject({ title: z.string().min(1), url: z.string().url() })).min(1),
});
export type LessonFrontmatter = z.infer<typeof frontmatterSchema>;

export interface LessonSummary extends LessonFrontmatter {
  slug: string;
  /** Estimated reading time, computed from the text (never typed by hand). */
  minutes: number;
}

export interface TocEntry {
  id: string;
  text: string;
}

export interface CompiledLesson extends LessonSummary {
  code: string;
  /** The lesson's ## sections, with the ids their headings get. */
  toc: TocEntry[];
}

/** Bumped when the compile pipeline changes, so cached output is not reused across versions. */
const COMPILER_VERSION = "2";
const compiled = new Map<string, CompiledLesson>();

function lessonDirs(): { slug: string; dir: string }[] {
  if (!existsSync(LESSONS_DIR)) return [];
  return readdirSync(LESSONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d\d-[a-z0-9-]+$/.test(d.name))
    .map((d) => ({ slug: d.name.slice(3), dir: path.join(LESSONS_DIR, d.name) }));
}

function sourceFile(dir: string, locale: Locale): string {
  return path.join(dir, locale === "en" ? "index.mdx" : "index.zh.mdx");
}

function relative(file: string): string {
  return path.relative(process.cwd(), file);
}

/** Splits and validates the YAML frontmatter without compiling the body (cheap, for lists). */
function readFrontmatter(file: string): LessonFrontmatter & { minutes: number } {
  const text = readFileSync(file, "utf8");
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) throw new Error(`${relative(file)}: missing frontmatter (--- … ---)`);
  const parsed = frontmatterSchema.safeParse(yamlParse(match[1]!, file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${relative(file)}: frontmatter ${issue.path.join(".") || ""}: ${issue.message}`);
  }
  return { ...parsed.data, minutes: readingMinutes(text.slice(match[0].length)) };
}

/**
 * Reading time: about 220 English words or 400 Chinese characters a minute, plus two minutes for
 * each simulation to run and explore. Never less than one minute.
 */
export function readingMinutes(body: string): number {
  const text = body.replace(/<[^>]+>/g, " ").replace(/`[^`]*`/g, " x ");
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const words = (text.replace(/\p{Script=Han}/gu, " ").match(/[A-Za-z0-9][\w'.=-]*/g) ?? []).length;
  const simulations = (body.match(/<Simulation\b/g) ?? []).length;
  return Math.max(1, Math.round(words / 220 + han / 400 + simulations * 2));
}

/** A remark plugin: gives every ## heading an id (s-1, s-2… in order, the same in both languages) and collects the table of contents. */
function collectToc(toc: TocEntry[]) {
  interface MdNode {
    type: string;
    depth?: number;
    value?: string;
    children?: MdNode[];
    data?: { hProperties?: Record<string, string> };
  }
  const textOf = (n: MdNode): string => (n.value ?? "") + (n.children ?? []).map(textOf).join("");
  return () => (tree: MdNode) => {
    for (const node of tree.children ?? [])
      if (node.type === "heading" && node.depth === 2) {
        const id = `s-${toc.length + 1}`;
        node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
        toc.push({ id, text: textOf(node).trim() });
      }
  };
}

function yamlParse(text: string, file: string): unknown {
  try {
    return YAML.parse(text);
  } catch (err) {
    throw new Error(`${relative(file)}: frontmatter is not valid YAML: ${(err as Error).message.split("\n")[0]}`);
  }
}

export function listLessons(locale: Locale): LessonSummary[] {
  return lessonDirs()
    .map(({ slug, dir }) => {
      const file = sourceFile(dir, locale);
      if (!existsSync(file)) throw new Error(`${relative(file)}: missing (every lesson needs index.mdx and index.zh.mdx)`);
      return { slug, ...readFrontmatter(file) };
    })
    .sort((a, b) => a.order - b.order);
}

/** The presets each lesson embeds, in order of appearance (read from the English source). */
export function presetsByLesson(): Record<string, string[]> {
  return Object.fromEntries(
    lessonDirs().map(({ slug, dir }) => {
      const text = readFileSync(sourceFile(dir, "en"), "utf8");
      return [slug, [...new Set(Array.from(text.matchAll(/<Simulation\s+preset="([a-z0-9-]+)"/g), (m) => m[1]!))]];
    }),
  );
}

export function lessonExists(slug: string): boolean {
  return lessonDirs().some((d) => d.slug === slug);
}

export async function getLesson(slug: string, locale: Locale): Promise<CompiledLesson | null> {
  const entry = lessonDirs().find((d) => d.slug === slug);
  if (!entry) return null;
  const file = sourceFile(entry.dir, locale);
  const source = readFileSync(file, "utf8");
  const key = createHash("sha256").update(COMPILER_VERSION).update(file).update(source).digest("hex");
  const hit = compiled.get(key);
  if (hit) return hit;
  const frontmatter = readFrontmatter(file);
  const toc: TocEntry[] = [];
  const result = await bundleMDX({
    source,
    cwd: entry.dir,
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), checkLessonComponents(relative(file)), collectToc(toc)];
      return options;
    },
  }).catch((err: Error) => {
    throw new Error(`${relative(file)}: ${err.message}`);
  });
  const lesson = { slug, ...frontmatter, code: result.code, toc };
  compiled.set(key, lesson);
  return lesson;
}
