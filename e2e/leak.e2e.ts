/**
 * Answer-leak scan: every page's HTML and its React Server Components payload (`RSC: 1`), and
 * every JSON or SSE payload a browser gets before answering — quiz state, a mock interview in
 * progress, a live session's learner and host feeds during an open question — must hold no
 * question's explanation, model answer, rubric, or key (correct option ids, true/false or
 * numeric answers, the authored order, which bucket a part falls in, a config-fix solution or
 * goal checks). The bank is read from content/ through lib/content. The scanner is shown to find
 * both where they are legitimately revealed (after answering, in a finished report).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { listLessons } from "@/lib/content/lessons";
import { loadQuestionFiles } from "@/lib/content/questions";
import type { Question } from "@/lib/quiz/schema";
import { Client, firstEvent, signUpInstructor, signUpLearner, type Sent } from "./http";
import { pageRoutes, ROOT } from "./routes";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const LOCALES = ["en", "zh"] as const;
const DAY = 86_400_000;

const bank: Question[] = [...loadQuestionFiles().values()].flatMap((f) => f.questions);
const byId = new Map(bank.map((q) => [q.id, q]));

/**
 * Words (runs of letters and digits), lower case, one space apart and around: the same text
 * whether it sits in HTML, escaped JSON or an RSC line. Chinese runs between punctuation count as one word.
 */
const words = (s: string) => ` ${s.normalize("NFC").toLowerCase().replace(/\\u[0-9a-f]{4}|\\[nrt]/g, " ").replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;

/**
 * Everything anyone may read: the lessons, the scenario presets (the Lab lists every one with its
 * note, which often narrates what the run shows), and every question's prompt and choices.
 */
function contentFiles(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? contentFiles(path.join(dir, e.name), ext) : e.name.endsWith(ext) ? [readFileSync(path.join(dir, e.name), "utf8")] : []));
}
function publicTexts(q: Question): string[] {
  const texts: { en: string; zh: string }[] = [q.prompt];
  if (q.type === "single" || q.type === "multiple") texts.push(...q.options.map((o) => o.text));
  if (q.type === "order") texts.push(...q.items.map((i) => i.text));
  if (q.type === "numeric" && q.unit) texts.push(q.unit);
  if (q.type === "sim-predict") texts.push(...q.parts.flatMap((p) => [p.ask, ...p.buckets.map((b) => b.text)]));
  if (q.type === "config-fix") texts.push(q.goal.text);
  return texts.flatMap((t) => [t.en, t.zh]);
}
const PUBLIC = [...contentFiles(path.join(ROOT, "content", "lessons"), ".mdx"), ...contentFiles(path.join(ROOT, "content", "scenarios"), ".json"), ...bank.flatMap(publicTexts)].map(words).join("|");

/** HTML entities and (doubly) escaped JSON strings undone, so structure like "answer":"b" shows as written. */
function unescape(text: string): string {
  let t = text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
  for (let i = 0; i < 3; i++) t = t.replace(/\\u([0-9a-fA-F]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16))).replace(/\\(["\\/])/g, "$1").replace(/\\n/g, "\n");
  return t.replace(/\s+/g, "");
}

interface Needle {
  question: string;
  what: string;
  /** Matched against words(payload) when `prose`, else against unescape(payload). */
  text: string;
  prose: boolean;
}

/**
 * Up to two windows of prose (from its start and from its middle), each of whole words and long
 * enough to be nobody's common phrase (50 characters; 24 in Chinese, which says more per
 * character), chosen among those that appear nowhere public: explanations often repeat an
 * option or a sentence of the lesson, and those words are no secret. The rest still is.
 */
function prose(question: string, what: string, s: string): Needle[] {
  const tokens = words(s).trim().split(" ");
  const width = /[\u4e00-\u9fff]/.test(s) ? 24 : 50;
  const windows: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let w = "";
    for (let k = i; k < tokens.length && w.length < width; k++) w += ` ${tokens[k]}`;
    if (w.length >= width) windows.push(`${w} `);
  }
  const secret = (from: number) => windows.slice(from).find((w) => !PUBLIC.includes(w));
  const picked = [secret(0), secret(Math.floor(windows.length / 2))].filter((w): w is string => w !== undefined);
  return [...new Set(picked)].map((text) => ({ question, what, text, prose: true }));
}

const j = (v: unknown) => JSON.stringify(v);

/** Everything about a question that only an answer may reveal. */
function secretsOf(q: Question): Needle[] {
  const key = (what: string, text: string): Needle => ({ question: q.id, what, text, prose: false });
  const out: Needle[] = LOCALES.flatMap((l) => prose(q.id, `explanation (${l})`, q.explanation[l]));
  switch (q.type) {
    case "single":
      out.push(key("answer", `"answer":${j(q.answer)}`), key("answer", `"answer":${j([q.answer])}`));
      break;
    case "multiple":
      out.push(key("answer", `"answer":${j(q.answer)}`));
      break;
    case "true-false":
      out.push(key("answer", `"answer":${j(q.answer)}`));
      break;
    case "numeric":
      out.push(key("answer", `"answer":${j(q.answer)}`), key("tolerance", `"tolerance":${j(q.tolerance)}`));
      break;
    case "order":
      out.push(key("authored order", j(q.items.map((i) => i.id))));
      break;
    case "sim-predict":
      // Any part → bucket mapping: the key, whichever seed a review variant runs.
      for (const p of q.parts) for (const b of p.buckets) out.push(key(`part ${p.id}`, `${j(p.id)}:${j(b.id)}`), key(`bucket condition ${p.id}/${b.id}`, `"when":${j(b.when)}`));
      break;
    case "config-fix":
      out.push(key("solution", `"solution":`), key("solution", j(q.solution)), key("goal checks", j(q.goal.checks)));
      break;
    case "explain":
      // The rubric's concepts are facts the lessons teach in the same words, so they are looked
      // for as the rubric (the list an answer is graded by), not as prose.
      out.push(key("rubric", `"rubric":`), key("rubric", `"phrases":`), key("rubric", `"concepts":[{"id":${j(q.rubric[0]!.id)}`));
      for (const l of LOCALES) out.push(...prose(q.id, `model answer (${l})`, q.model[l]));
      break;
  }
  return out;
}

const SECRETS = bank.flatMap(secretsOf);

/**
 * Finds the needles in a payload: an index by the first 8 characters, one pass over the
 * payload, so thousands of needles cost little more than one.
 */
function scan(payload: string, allowed: Set<string> = new Set()): Needle[] {
  const forms = { prose: words(payload), key: unescape(payload) };
  const found: Needle[] = [];
  for (const kind of ["prose", "key"] as const) {
    const hay = forms[kind];
    const index = new Map<string, Needle[]>();
    for (const n of SECRETS) {
      if (n.prose !== (kind === "prose") || allowed.has(n.question)) continue;
      const head = n.text.slice(0, 8);
      index.set(head, [...(index.get(head) ?? []), n]);
    }
    // Needles start with a space (prose) or with JSON punctuation, so only those positions are tried.
    const starts = new Set([...index.keys()].map((k) => k[0]!));
    for (let i = 0; i + 8 <= hay.length; i++) {
      if (!starts.has(hay[i]!)) continue;
      const candidates = index.get(hay.slice(i, i + 8));
      if (candidates) for (const n of candidates) if (hay.startsWith(n.text, i)) found.push(n);
    }
  }
  return [...new Map(found.map((n) => [`${n.question}|${n.what}`, n])).values()];
}

function expectClean(payload: string, label: string, allowed?: Set<string>) {
  expect(payload.length, `${label}: empty payload`).toBeGreaterThan(0);
  expect(scan(payload, allowed).map((n) => `${n.question}: ${n.what} “${n.text.trim()}”`), label).toEqual([]);
}

async function page(client: Client, path: string, options: { cookies?: Record<string, string> } = {}): Promise<{ html: Sent; rsc: Sent }> {
  const html = await client.get(path, options);
  // What the router fetches on a client-side navigation; Next.js first asks for its cache-busting _rsc parameter.
  let rsc = await client.get(path, { ...options, headers: { RSC: "1" } });
  if (rsc.status === 307 && rsc.location?.includes("_rsc")) rsc = await client.get(rsc.location, { ...options, headers: { RSC: "1" } });
  expect(html.status, `${path}: ${html.text.slice(0, 200)}`).toBe(200);
  expect(rsc.status, `${path} (RSC)`).toBe(200);
  expect(rsc.headers.get("content-type"), `${path} (RSC)`).toContain("text/x-component");
  return { html, rsc };
}

describe("answer-leak scan", () => {
  const stamp = Date.now();
  const visitor = new Client(baseUrl, "visitor", false);
  let learner: Client;
  let instructor: Client;
  let admin: Client;
  let mock: string;
  let live: { id: string; code: string };
  let klass: string;
  const answered = bank.find((q) => q.type === "single")!;
  const later = { "lossless-test-now": String(Date.now() + 60 * DAY) };

  beforeAll(async () => {
    learner = await signUpLearner(baseUrl, "learner", `leak-${stamp}@example.com`, "Lea");
    instructor = await signUpInstructor(baseUrl, databaseUrl, "instructor", `leak-host-${stamp}@example.com`, "Hal");
    admin = await signUpInstructor(baseUrl, databaseUrl, "admin", `leak-admin-${stamp}@example.com`, "Ada", "admin");
    expect((await learner.post("/api/quiz/answer", { questionId: answered.id, response: { choice: answered.answer }, locale: "en" })).status).toBe(200);
    mock = ((await learner.post("/api/mock", { minutes: 20, focus: "mixed", level: "senior" })).json as { id: string }).id;
    // One of each type the live histogram draws differently, all open in turn.
    const types = ["single", "multiple", "true-false", "sim-predict", "order", "numeric", "config-fix", "explain"] as const;
    const ids = types.map((t) => bank.find((q) => q.type === t)!.id);
    live = (await instructor.post("/api/live", { title: "Leak check", questionIds: ids })).json as { id: string; code: string };
    expect((await learner.post("/api/live/join", { code: live.code, nickname: "Lea" })).status).toBe(201);
    klass = ((await instructor.post("/api/classes", { name: "Leak class" })).json as { id: string }).id;
  });

  it("the scanner finds explanations and keys where an answer reveals them", async () => {
    // Every explanation is looked for, in both languages, by words no lesson or question prints.
    for (const l of LOCALES) expect(new Set(SECRETS.filter((n) => n.what === `explanation (${l})`).map((n) => n.question)).size, l).toBe(bank.length);
    const res = await learner.post("/api/quiz/answer", { questionId: answered.id, response: { choice: answered.answer }, locale: "zh" });
    expect(scan(res.text).map((n) => n.what)).toEqual(expect.arrayContaining(["explanation (zh)", "answer"]));
    const state = await learner.get(`/api/quiz/state?lesson=${[...loadQuestionFiles()].find(([, f]) => f.questions.includes(answered))![0]}&locale=en`);
    expect(scan(state.text).some((n) => n.question === answered.id)).toBe(true);
    // ...and an explanation rendered into a page, HTML-escaped and inside the RSC payload, once a mock's report reveals it.
    const done = await signUpLearner(baseUrl, "reporter", `leak-report-${stamp}@example.com`, "Rep");
    const id = ((await done.post("/api/mock", { minutes: 10, focus: "mixed", level: "junior" })).json as { id: string }).id;
    await done.post(`/api/mock/${id}/answer`, { position: 0, skip: true, locale: "en" });
    await done.post(`/api/mock/${id}/end`, {});
    const report = await page(done, `/en/mock/${id}`);
    expect(scan(report.html.text).some((n) => n.what === "explanation (en)")).toBe(true);
    expect(scan(report.rsc.text).some((n) => n.what === "explanation (en)")).toBe(true);
  });

  it("no page holds a key or an explanation, in its HTML or its RSC payload", async () => {
    const covered = new Set<string>();
    for (const locale of LOCALES) {
      const slugs = listLessons(locale).map((l) => l.slug);
      const types = [...new Set(bank.map((q) => q.type))];
      const visits: [string, Client, string, Record<string, string>?][] = [
        ["/[locale]", visitor, `/${locale}`],
        ["/[locale]/lessons", visitor, `/${locale}/lessons`],
        ...slugs.flatMap((s): [string, Client, string][] => [
          ["/[locale]/lessons/[slug]", visitor, `/${locale}/lessons/${s}`],
          ["/[locale]/lessons/[slug]/quiz", visitor, `/${locale}/lessons/${s}/quiz`],
        ]),
        ["/[locale]/practice", visitor, `/${locale}/practice`],
        ...types.map((t): [string, Client, string] => ["/[locale]/practice", visitor, `/${locale}/practice?type=${t}`]),
        ...slugs.map((s): [string, Client, string] => ["/[locale]/practice", learner, `/${locale}/practice?lesson=${s}`]),
        ["/[locale]/lab", visitor, `/${locale}/lab`],
        ["/[locale]/signin", visitor, `/${locale}/signin`],
        ["/[locale]/signup", visitor, `/${locale}/signup`],
        ["/[locale]/join", visitor, `/${locale}/join`],
        ["/[locale]/classes/join", learner, `/${locale}/classes/join`],
        ["/[locale]/dashboard", learner, `/${locale}/dashboard`],
        ["/[locale]/mock", learner, `/${locale}/mock`],
        ["/[locale]/review", learner, `/${locale}/review`, later],
        ["/[locale]/mock/[id]", learner, `/${locale}/mock/${mock}`],
        ["/[locale]/teach", instructor, `/${locale}/teach`],
        ["/[locale]/teach/classes/[id]", instructor, `/${locale}/teach/classes/${klass}`],
        ["/[locale]/admin", admin, `/${locale}/admin`],
      ];
      for (const [route, client, path, cookies] of visits) {
        const { html, rsc } = await page(client, path, { cookies });
        expectClean(html.text, `${path} (HTML)`);
        expectClean(rsc.text, `${path} (RSC)`);
        covered.add(route);
      }
      // The review page did show the answered question again, as a fresh variant.
      expect((await learner.get(`/${locale}/review`, { cookies: later })).text).toContain(`data-question="${answered.id}"`);
    }
    // Pages that need a live question open are scanned in the next test; a shared report and the 404 page reveal nothing to scan for.
    const elsewhere = ["/[locale]/join/[code]", "/[locale]/teach/live/[id]", "/[locale]/mock/shared/[token]", "/[locale]/[...rest]"];
    expect(new Set([...covered, ...elsewhere])).toEqual(new Set(pageRoutes()));
  });

  it("a mock interview in progress: its page, its state and each answer's reply hold no key", async () => {
    for (let step = 0; step < 3; step++) {
      for (const locale of LOCALES) {
        const { html, rsc } = await page(learner, `/${locale}/mock/${mock}`);
        expectClean(html.text, `mock step ${step} ${locale} (HTML)`);
        expectClean(rsc.text, `mock step ${step} ${locale} (RSC)`);
        expectClean((await learner.get(`/api/mock/${mock}?locale=${locale}`)).text, `mock state ${step} ${locale}`);
      }
      const state = (await learner.get(`/api/mock/${mock}?locale=en`)).json as { status: string; position: number };
      expect(state.status).toBe("active");
      // "I don't know" moves on without grading anything the browser could learn from.
      const reply = await learner.post(`/api/mock/${mock}/answer`, { position: state.position, skip: true, locale: "zh" });
      expect(reply.status).toBe(200);
      expectClean(reply.text, `mock answer reply ${step}`);
    }
  });

  it("a live session during each open question: the learner's and the host's pages and feeds hold no key until the reveal", async () => {
    const itemCount = 8;
    for (let item = 0; item < itemCount; item++) {
      expect((await instructor.post(`/api/live/${live.id}/control`, { action: item === 0 ? "start" : "next" })).status).toBe(200);
      for (const locale of LOCALES) {
        for (const [client, path] of [
          [learner, `/${locale}/join/${live.code}`],
          [instructor, `/${locale}/teach/live/${live.id}`],
          [instructor, `/${locale}/teach/live/${live.id}?remote=1`],
        ] as const) {
          const { html, rsc } = await page(client, path);
          expectClean(html.text, `${path} item ${item} (HTML)`);
          expectClean(rsc.text, `${path} item ${item} (RSC)`);
        }
        const learnerFeed = await learner.get(`/api/live/join/${live.code}/events?locale=${locale}`, { streamMs: 3000 });
        const view = firstEvent(learnerFeed.text) as { phase: string; itemIndex: number; question: { id: string } | null };
        expect([view.phase, view.itemIndex, view.question !== null]).toEqual(["question", item, true]);
        expectClean(learnerFeed.text, `learner feed item ${item} ${locale}`);
        const hostFeed = await instructor.get(`/api/live/${live.id}/events?locale=${locale}`, { streamMs: 3000 });
        expect((firstEvent(hostFeed.text) as { phase: string }).phase).toBe("question");
        expectClean(hostFeed.text, `host feed item ${item} ${locale}`);
      }
      // The reveal does show the key (the scanner sees it), then the next question starts clean.
      expect((await instructor.post(`/api/live/${live.id}/control`, { action: "reveal" })).status).toBe(200);
      const revealed = await learner.get(`/api/live/join/${live.code}/events?locale=en`, { streamMs: 3000 });
      const shown = (firstEvent(revealed.text) as { question: { id: string } }).question.id;
      expect(scan(revealed.text).some((n) => n.question === shown && n.what.startsWith("explanation")), `reveal of ${shown}`).toBe(true);
      expect(byId.has(shown)).toBe(true);
    }
  });
});
