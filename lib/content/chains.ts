import "server-only";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { chainFileSchema, type Chain } from "@/lib/mock/schema";
import { CONTENT_DIR } from "./paths";
import { findQuestion } from "./questions";

export const CHAINS_FILE = path.join(CONTENT_DIR, "mock", "chains.yaml");

let cache: Chain[] | null = null;

/** Problems of a chain against the question bank (unknown ids, level rules). */
export function chainProblems(chain: Chain): string[] {
  const problems: string[] = [];
  const difficulty = (id: string) => findQuestion(id)?.question.difficulty;
  for (const [i, step] of chain.steps.entries())
    for (const id of [step.question, ...(step.ifWrong ? [step.ifWrong] : [])]) if (!findQuestion(id)) problems.push(`step ${i + 1}: no question "${id}" in the bank`);
  if (problems.length) return problems;
  if (chain.level === "junior" && difficulty(chain.steps[0]!.question)! > 2) problems.push("a junior chain starts at difficulty 1 or 2");
  if (chain.level === "senior" && !chain.steps.some((s) => difficulty(s.question) === 3)) problems.push("a senior chain asks at least one difficulty-3 question");
  return problems;
}

/** content/mock/chains.yaml, validated against the question bank; a broken file throws with the chain at fault. */
export function loadChains(): Chain[] {
  if (cache && process.env.NODE_ENV === "production") return cache;
  if (!existsSync(CHAINS_FILE)) return (cache = []);
  const parsed = chainFileSchema.safeParse(YAML.parse(readFileSync(CHAINS_FILE, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`content/mock/chains.yaml: ${issue.path.join(".")}: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const chain of parsed.data.chains) {
    if (seen.has(chain.id)) throw new Error(`content/mock/chains.yaml: chain id "${chain.id}" is used twice`);
    seen.add(chain.id);
    const problems = chainProblems(chain);
    if (problems.length) throw new Error(`content/mock/chains.yaml: chain ${chain.id}: ${problems[0]}`);
  }
  return (cache = parsed.data.chains);
}
