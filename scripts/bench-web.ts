/**
 * `npm run bench:web`: the web app's performance figures on this machine, against a production
 * build (started as `npm start` does, on a throwaway database):
 *   1. first-load JavaScript per route (gzip; the scripts Chromium asks for before the load event on
 *      a phone-sized page, not the prefetches for the links on screen that follow), against
 *      the budgets (home ≤ 120 KB, lesson ≤ 200 KB) — and how much of it is Next.js and React;
 *   2. a lesson page under 100 connections (autocannon) side by side with a static file served by
 *      the same server, and the ratio;
 *   3. the answer endpoint with 200 concurrent learners (each its own guest session) answering
 *      one question after another: latency p50/p95/p99 and answers/s;
 *   4. Lighthouse (mobile profile, Debian's Chromium) on the home page, a lesson and the Lab:
 *      performance and accessibility, the median of LIGHTHOUSE_RUNS runs (3) with their range.
 * Prints figures and whether each target is met; it asserts nothing. Sections can be chosen:
 * `npm run bench:web -- js http answers lighthouse` (all by default). Traffic goes to 127.0.0.1.
 */
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { launch as launchChrome } from "chrome-launcher";
import lighthouse from "lighthouse";
import { loadQuestionFiles } from "../lib/content/questions";
import { chromium } from "playwright-core";
import { startApp } from "./app-server";
import { pct } from "./percentile";

const SECTIONS = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const want = (s: string) => SECTIONS.length === 0 || SECTIONS.includes(s);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const LESSON = "/en/lessons/replication";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

/** Bytes of JavaScript (gzip) a page loads until the network is idle, split framework / app. */
async function firstLoadJs(base: string) {
  const routes: { path: string; budget?: number }[] = [
    { path: "/en", budget: 120 },
    { path: LESSON, budget: 200 },
    { path: `${LESSON}/quiz` },
    { path: "/en/lab" },
    { path: "/en/lessons" },
    { path: "/en/mock" },
    { path: "/zh" },
  ];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });
  const lines: string[] = [];
  // Next.js and React: the chunks every route loads, whatever the app's own code does.
  const seen: Set<string>[] = [];
  const sizes = new Map<string, number>();
  const perRoute: { path: string; budget?: number; files: string[] }[] = [];
  try {
    for (const route of routes) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
      const page = await context.newPage();
      const files: string[] = [];
      const reads: Promise<void>[] = [];
      // First-load JS: what the page asks for until its load event. Scripts fetched afterwards are
      // prefetches for the links on screen (Next.js fetches the next pages' code while idle) or
      // code loaded on demand, such as the simulation player.
      let loaded = false;
      page.on("load", () => (loaded = true));
      page.on("request", (req) => {
        if (loaded || req.resourceType() !== "script") return;
        const url = new URL(req.url()).pathname;
        files.push(url);
        reads.push(
          req.response().then(
            (res) => res?.body().then((b) => void sizes.set(url, gzipSync(b).length)),
            () => {},
          ) as Promise<void>,
        );
      });
      await page.goto(base + route.path, { waitUntil: "load" });
      await Promise.all(reads);
      await context.close();
      const unique = [...new Set(files)];
      perRoute.push({ ...route, files: unique });
      seen.push(new Set(unique));
    }
  } finally {
    await browser.close();
  }
  const framework = new Set([...seen[0]!].filter((f) => seen.every((s) => s.has(f))));
  const sum = (fs: Iterable<string>) => [...fs].reduce((a, f) => a + (sizes.get(f) ?? 0), 0);
  lines.push(`shared by every route (Next.js, React and the site header): ${kb(sum(framework))}`);
  for (const r of perRoute) {
    const total = sum(r.files);
    const own = sum(r.files.filter((f) => !framework.has(f)));
    const budget = r.budget ? `  budget ${r.budget} KB: ${verdict(total <= r.budget * 1024)}` : "";
    lines.push(`${r.path.padEnd(34)} ${kb(total).padStart(9)}  (route's own ${kb(own)}, ${r.files.length} files)${budget}`);
  }
  return lines;
}

/** autocannon against one path; latencies of every response, in ms. */
async function load(url: string, connections: number, seconds: number) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers: { "accept-encoding": "gzip" } }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on("response", (_client, _status, _bytes, time) => latencies.push(time));
  });
  return { latencies, rps: result.requests.average, non2xx: result.non2xx, errors: result.errors };
}

async function pageVersusStatic(base: string) {
  const html = await (await fetch(base + LESSON)).text();
  const css = html.match(/href="(\/_next\/static\/[^"]+\.css)"/)?.[1];
  if (!css) throw new Error("no stylesheet link in the lesson page");
  // Warm both paths (compiled MDX cache, file handles) before measuring.
  await load(base + LESSON, 10, 3);
  const page = await load(base + LESSON, 100, 15);
  const file = await load(base + css, 100, 15);
  const row = (name: string, r: typeof page) =>
    `${name.padEnd(28)} p50 ${ms(pct(r.latencies, 50)).padStart(9)}  p95 ${ms(pct(r.latencies, 95)).padStart(9)}  ${r.rps.toFixed(0).padStart(6)} req/s  (non-2xx ${r.non2xx}, errors ${r.errors})`;
  return [
    `100 connections, 15 s each`,
    row(`lesson page ${LESSON}`, page),
    row(`static file (stylesheet)`, file),
    `ratio lesson/static: p50 ${(pct(page.latencies, 50) / pct(file.latencies, 50)).toFixed(1)}×, p95 ${(pct(page.latencies, 95) / pct(file.latencies, 95)).toFixed(1)}×, throughput ${(file.rps / page.rps).toFixed(1)}× lower`,
  ];
}

/** 200 learners, each a guest with its own cookie, answering as fast as the server replies. */
async function answers(base: string, learners = 200, seconds = 15) {
  const questions = [...loadQuestionFiles().values()].flatMap((f) => f.questions).filter((q) => q.type === "single");
  const pick = (i: number) => {
    const q = questions[i % questions.length]! as { id: string; options: { id: string }[] };
    return { questionId: q.id, response: { choice: q.options[i % q.options.length]!.id }, locale: "en" };
  };
  const post = (cookie: string, body: unknown) => fetch(`${base}/api/quiz/answer`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) });
  // Each learner's first answer makes its guest session (a cookie), as in the browser.
  const cookies = await Promise.all(
    Array.from({ length: learners }, async (_, i) => {
      const res = await post("", pick(i));
      if (!res.ok) throw new Error(`first answer failed: ${res.status} ${await res.text()}`);
      return res.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");
    }),
  );
  /** Every learner waits `thinkMs()`, answers, and again, for `seconds` (0: no pause at all). */
  const phase = async (thinkMs: () => number) => {
    const latencies: number[] = [];
    let failed = 0;
    const end = Date.now() + seconds * 1000;
    await Promise.all(
      cookies.map(async (cookie, i) => {
        const first = thinkMs();
        if (first > 0) await new Promise((r) => setTimeout(r, first));
        for (let n = 1; Date.now() < end; n++) {
          const t0 = performance.now();
          const res = await post(cookie, { ...pick(i + n * 7), clientAttemptId: randomUUID() });
          await res.arrayBuffer();
          latencies.push(performance.now() - t0);
          if (!res.ok) failed++;
          const wait = thinkMs();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
      }),
    );
    return `${latencies.length} answers (${(latencies.length / seconds).toFixed(0)}/s), ${failed} failed; latency p50 ${ms(pct(latencies, 50))}  p95 ${ms(pct(latencies, 95))}  p99 ${ms(pct(latencies, 99))}`;
  };
  return [
    `${learners} learners for ${seconds} s each phase`,
    `a class answering, 2–6 s between answers:   ${await phase(() => 2000 + Math.random() * 4000)}`,
    `saturation, no pause between answers:       ${await phase(() => 0)}`,
  ];
}

/** Lighthouse runs per page: single runs move by several points, so the median of these is judged, and the range shown. */
const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

async function lighthouseScores(base: string) {
  const lines: string[] = [];
  for (const path of ["/en", LESSON, "/en/lab"]) {
    const runs: { perf: number; a11y: number; metrics: string; failed: string[] }[] = [];
    for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
      // A fresh browser per run, so no run starts with another's cache. The default profile is
      // a mid-range phone on a slow 4G connection, CPU slowed 4×.
      const chrome = await launchChrome({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
      try {
        const result = await lighthouse(base + path, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
        const lhr = result!.lhr;
        // A run Lighthouse itself could not complete (no paint recorded) has no score; it is reported, not counted.
        if (lhr.categories.performance?.score == null) {
          lines.push(`${path.padEnd(26)} run ${i + 1}: Lighthouse could not score it (${lhr.runtimeError?.code ?? "no score"})`);
          continue;
        }
        const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
        const metric = (id: string) => lhr.audits[id]?.displayValue ?? "—";
        const failed = Object.entries(lhr.audits)
          .filter(([id, audit]) => audit.score === 0 && lhr.categories.accessibility?.auditRefs.some((r) => r.id === id))
          .map(([id, audit]) => `${id} — ${audit.title}`);
        runs.push({ perf: score("performance"), a11y: score("accessibility"), metrics: `FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}`, failed });
      } finally {
        await chrome.kill();
      }
    }
    if (runs.length === 0) continue;
    const sorted = [...runs].sort((a, b) => a.perf - b.perf);
    const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
    const a11y = Math.min(...runs.map((r) => r.a11y));
    lines.push(
      `${path.padEnd(26)} performance median ${String(median.perf).padStart(3)} (${verdict(median.perf >= 90)}; runs ${runs.map((r) => r.perf).join(", ")})  accessibility ${String(a11y).padStart(3)} (${verdict(a11y === 100)})  median run: ${median.metrics}`,
    );
    for (const f of new Set(runs.flatMap((r) => r.failed))) lines.push(`    accessibility: ${f}`);
  }
  return lines;
}

const app = await startApp(process.env.BENCH_PORT ?? "3231");
const base = app.baseUrl.replace("localhost", "127.0.0.1");
console.log(`Lossless bench:web — ${new Date().toISOString()}, node ${process.version}, against ${base} (production build)`);
try {
  const sections: [string, string, () => Promise<string[]>][] = [
    ["js", "First-load JavaScript (gzip, Chromium, phone viewport)", () => firstLoadJs(base)],
    ["http", "Lesson page against a static file (autocannon)", () => pageVersusStatic(base)],
    ["answers", "Answer endpoint, 200 concurrent learners", () => answers(base)],
    ["lighthouse", "Lighthouse, mobile profile (targets: performance ≥ 90, accessibility 100)", () => lighthouseScores(base)],
  ];
  for (const [key, title, run] of sections) {
    if (!want(key)) continue;
    console.log(`\n== ${title}`);
    const started = Date.now();
    for (const line of await run()) console.log(`  ${line}`);
    console.log(`  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
} finally {
  app.stop();
}
