/**
 * Lesson diagrams: hand-written SVG files, one per language (content/diagrams/NAME.en.svg and
 * NAME.zh.svg). They are our own content, but they are inlined into pages, so they are held to
 * a safe subset: no scripts, event handlers, external references or foreignObject; a viewBox so
 * they scale to a phone; a <title> that names them. Colours come from CSS classes (d-…) in
 * app/globals.css so dark mode works.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "@/lib/i18n";
import { CONTENT_DIR } from "./paths";

export const DIAGRAMS_DIR = path.join(CONTENT_DIR, "diagrams");

const FORBIDDEN: [RegExp, string][] = [
  [/<script/i, "<script>"],
  [/<foreignObject/i, "<foreignObject>"],
  [/\son[a-z]+\s*=/i, "event handler attributes (on…=)"],
  [/(?:xlink:)?href\s*=\s*["'](?!#)/i, "links to anything outside the file"],
  [/url\(\s*["']?(?!#)/i, "url() outside the file"],
  [/<!DOCTYPE|<!ENTITY/i, "DOCTYPE or entities"],
];

export function diagramFile(name: string, locale: Locale): string {
  return path.join(DIAGRAMS_DIR, `${name}.${locale}.svg`);
}

/** Checks one diagram file; returns the problem, or null when it is fine. */
export function checkDiagram(text: string): string | null {
  const svg = text.trim().replace(/^<\?xml[^>]*>\s*/, "");
  if (!svg.startsWith("<svg")) return "must start with <svg";
  if (!/<svg[^>]*\sviewBox="[^"]+"/.test(svg)) return "the <svg> element needs a viewBox (so it scales to a phone)";
  if (/<svg[^>]*\s(width|height)="/.test(svg)) return "the <svg> element must not set width or height (CSS sizes it)";
  if (!/<title>[^<]+<\/title>/.test(svg)) return "needs a <title> (the accessible name and caption)";
  for (const [re, what] of FORBIDDEN) if (re.test(svg)) return `must not contain ${what}`;
  return null;
}

export function readDiagram(name: string, locale: Locale): { svg: string; title: string } {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`diagram name "${name}" must be lowercase letters, digits and dashes`);
  const file = diagramFile(name, locale);
  if (!existsSync(file)) throw new Error(`content/diagrams/${name}.${locale}.svg does not exist`);
  const text = readFileSync(file, "utf8");
  const problem = checkDiagram(text);
  if (problem) throw new Error(`content/diagrams/${name}.${locale}.svg: ${problem}`);
  const svg = text.trim().replace(/^<\?xml[^>]*>\s*/, "");
  const title = /<title>([^<]+)<\/title>/.exec(svg)![1]!.trim();
  // role="img" + the title as its name; the figure caption repeats it for sighted readers.
  return { svg: svg.replace(/^<svg/, `<svg role="img" aria-label="${title.replace(/"/g, "&quot;")}" class="diagram-img"`), title };
}
