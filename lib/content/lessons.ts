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
  minutes: z.number().int().min(1).max(120),
  objectives: z.array(z.string().min(1)).min(1),
  sources: z.array(z.strictObject({ title: z.string().min(1), url: z.string().url() })).min(1),
});
export type LessonFrontmatter = z.infer<typeof frontmatterSchema>;

export interface LessonSummary extends LessonFrontmatter {
  slug: string;
}

export interface CompiledLesson extends LessonSummary {
  code: string;
}

/** Bumped when the compile pipeline changes, so cached output is not reused across versions. */
const COMPILER_VERSION = "1";
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
function readFrontmatter(file: string): LessonFrontmatter {
  const text = readFileSync(file, "utf8");
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) throw new Error(`${relative(file)}: missing frontmatter (--- … ---)`);
  const parsed = frontmatterSchema.safeParse(yamlParse(match[1]!, file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${relative(file)}: frontmatter ${issue.path.join(".") || ""}: ${issue.message}`);
  }
  return parsed.data;
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
  const result = await bundleMDX({
    source,
    cwd: entry.dir,
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), checkLessonComponents(relative(file))];
      return options;
    },
  }).catch((err: Error) => {
    throw new Error(`${relative(file)}: ${err.message}`);
  });
  const lesson = { slug, ...frontmatter, code: result.code };
  compiled.set(key, lesson);
  return lesson;
}
