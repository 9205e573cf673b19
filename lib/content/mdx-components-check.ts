/**
 * A remark plugin that fails compilation on anything a lesson may not use: only the components
 * the lesson page provides, presets that exist, and config names from the Kafka facts table.
 * Errors name the file and the line, so `next build` points at the mistake.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { KAFKA_CONFIGS } from "@/lib/kafka/configs";
import { checkDiagram, diagramFile } from "./diagrams";
import { SCENARIOS_DIR } from "./paths";
import { readFileSync } from "node:fs";

export const LESSON_COMPONENTS = ["Simulation", "Quiz", "Callout", "ConfigTable", "Config", "Diagram"] as const;
export const CALLOUT_TYPES = ["info", "warning", "interview", "misconception", "try"] as const;

interface Node {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
}

function attr(node: Node, name: string): { literal?: string; expression?: string } | null {
  const a = node.attributes?.find((x) => x.type === "mdxJsxAttribute" && x.name === name);
  if (!a) return null;
  if (typeof a.value === "string") return { literal: a.value };
  if (a.value && typeof a.value === "object" && "value" in a.value) return { expression: String((a.value as { value: unknown }).value) };
  return {};
}

export function checkLessonComponents(file: string) {
  return () => (tree: Node) => {
    const fail = (node: Node, message: string): never => {
      throw new Error(`${file}:${node.position?.start.line ?? "?"}: ${message}`);
    };
    const visit = (node: Node) => {
      if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
        const name = node.name ?? "";
        if (!(LESSON_COMPONENTS as readonly string[]).includes(name))
          fail(node, `unknown component <${name || "fragment"}>; lessons may use ${LESSON_COMPONENTS.map((c) => `<${c}>`).join(", ")}`);
        if (name === "Simulation") {
          const preset = attr(node, "preset")?.literal;
          if (!preset) fail(node, '<Simulation> needs preset="name-of-a-content/scenarios-file"');
          if (!/^[a-z0-9-]+$/.test(preset!) || !existsSync(path.join(SCENARIOS_DIR, `${preset}.json`))) fail(node, `unknown simulation preset "${preset}"`);
        }
        if (name === "Callout") {
          const type = attr(node, "type")?.literal;
          if (!type || !(CALLOUT_TYPES as readonly string[]).includes(type)) fail(node, `<Callout type> must be one of ${CALLOUT_TYPES.join(", ")}`);
        }
        if (name === "Config") {
          const config = attr(node, "name")?.literal;
          if (!config || !(config in KAFKA_CONFIGS)) fail(node, `<Config name="…"> must name a setting from lib/kafka/configs.ts, not "${config ?? ""}"`);
        }
        if (name === "Diagram") {
          const diagram = attr(node, "name")?.literal;
          if (!diagram || !/^[a-z0-9-]+$/.test(diagram)) fail(node, '<Diagram name="…"> needs the name of a content/diagrams file');
          for (const locale of ["en", "zh"] as const) {
            const file = diagramFile(diagram!, locale);
            if (!existsSync(file)) fail(node, `<Diagram>: content/diagrams/${diagram}.${locale}.svg does not exist`);
            const problem = checkDiagram(readFileSync(file, "utf8"));
            if (problem) fail(node, `<Diagram>: content/diagrams/${diagram}.${locale}.svg ${problem}`);
          }
        }
        if (name === "ConfigTable") {
          const expr = attr(node, "names")?.expression;
          let names: unknown;
          try {
            names = JSON.parse(expr ?? "");
          } catch {
            fail(node, '<ConfigTable names={["acks", …]} /> needs a list of config names');
          }
          if (!Array.isArray(names) || names.some((n) => typeof n !== "string" || !(n in KAFKA_CONFIGS)))
            fail(node, `<ConfigTable> names must come from lib/kafka/configs.ts: ${Object.keys(KAFKA_CONFIGS).join(", ")}`);
        }
      }
      // mdx-bundler adds its own `export const frontmatter` (no position); authors may not.
      if (node.type === "mdxjsEsm" && node.position) fail(node, "imports and exports are not allowed in lessons");
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
