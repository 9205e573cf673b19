/**
 * `npm run bench:player`: measures the simulation player in a real browser (Chromium from apt),
 * against a production build, on a 10,000-message scenario with five brokers:
 *   - load: from navigation to the first drawn state;
 *   - seek: from moving the scrubber to the new moment on screen (in the page, no CDP round
 *     trips), before and after the worker has built its checkpoints, backwards and forwards;
 *   - playback: frame intervals and main-thread long tasks while the run plays.
 * Prints figures; it asserts nothing (targets: seek within 100 ms, smooth playback).
 */
import { chromium } from "playwright-core";
import { encodeLink } from "../lib/sim/link";
import { startApp } from "./app-server";
import { pct } from "./percentile";

const SCENARIO = {
  durationMs: 60_000,
  cluster: { brokers: 5, replicationFactor: 5, minInsyncReplicas: 2 },
  producer: { messages: 10_000, intervalMs: 5 },
  faults: [
    { atMs: 20_000, type: "pause-replication", broker: "followers", durationMs: 5_000 },
    { atMs: 30_000, type: "crash-broker", broker: "leader", restartAfterMs: 10_000 },
  ],
};

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "—");

const app = await startApp(process.env.BENCH_PORT ?? "3219");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const started = Date.now();
  await page.goto(`${app.baseUrl}/en/lab?s=${encodeLink({ input: SCENARIO, atMs: 0 })}`);
  await page.locator(".sim-brokers").waitFor();
  const loadMs = Date.now() - started;
  const where = await page.locator(".sim").getAttribute("data-where");

  // In-page code is passed as text: the TypeScript loader would otherwise wrap its named
  // functions in a helper that does not exist in the page.
  const SEEKS = `async (ts) => {
    const input = document.querySelector(".sim-scrub input");
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    const out = [];
    for (const t of ts) {
      const want = "t = " + (t / 1000).toFixed(1) + " s";
      const t0 = performance.now();
      setValue.call(input, String(t));
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((resolve) => {
        const check = () => (document.querySelector(".sim-now strong")?.textContent?.startsWith(want) ? resolve() : requestAnimationFrame(check));
        check();
      });
      out.push([performance.now() - t0, Number(document.querySelector(".sim").dataset.elapsed)]);
    }
    return out;
  }`;
  /** Seeks in the page and waits for the new moment to be drawn; returns [ms on screen, ms in the engine] per seek. */
  const seeks = (targets: number[]): Promise<[number, number][]> => page.evaluate(`(${SEEKS})(${JSON.stringify(targets)})`);
  const summary = (xs: [number, number][]) => {
    const screen = xs.map((x) => x[0]);
    const engine = xs.map((x) => x[1]);
    return `p50 ${fmt(pct(screen, 50))} · p95 ${fmt(pct(screen, 95))} · max ${fmt(Math.max(...screen))} ms on screen (engine p50 ${fmt(pct(engine, 50))} · max ${fmt(Math.max(...engine))} ms)`;
  };

  const backAndForth = [50_000, 10_000, 45_000, 5_000, 59_000, 21_000, 33_000, 2_000, 40_000, 15_000, 55_000, 25_000];
  const cold = await seeks([58_000, 3_000]);
  await page.waitForTimeout(4_000); // the worker builds its checkpoints while idle
  const warm = await seeks(backAndForth);
  const small = await seeks(Array.from({ length: 12 }, (_, i) => 30_000 + i * 500));

  // Playback at 1x: frame intervals and long tasks on the main thread for 3 s.
  await seeks([1_000]);
  const speed = page.locator(".sim-speed input");
  await speed.fill(String(9)); // 1x on the log scale
  const play: { frames: number[]; longTasks: number[]; distinctTimes: number } = await page.evaluate(`(async () => {
    const longTasks = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    observer.observe({ type: "longtask", buffered: false });
    const frames = [];
    const times = new Set();
    document.querySelector(".sim-controls button").click();
    let last = performance.now();
    const end = last + 3000;
    await new Promise((resolve) => {
      const tick = (now) => {
        frames.push(now - last);
        last = now;
        times.add(document.querySelector(".sim")?.getAttribute("data-at") ?? "");
        if (now < end) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    document.querySelector(".sim-controls button").click();
    observer.disconnect();
    return { frames, longTasks, distinctTimes: times.size };
  })()`);

  console.log(`Player benchmark: 10,000 messages, 5 brokers, engine in: ${where}`);
  console.log(`  first state drawn after navigation: ${loadMs} ms`);
  console.log(`  seek, before checkpoints (2):  ${cold.map((x) => fmt(x[0])).join(", ")} ms on screen`);
  console.log(`  seek, far back and forth (12): ${summary(warm)}`);
  console.log(`  seek, 0.5 s steps (12):        ${summary(small)}`);
  const f = play.frames.slice(1);
  console.log(`  playback 3 s at 1x: ${f.length} frames, interval p50 ${fmt(pct(f, 50))} · p95 ${fmt(pct(f, 95))} · max ${fmt(Math.max(...f))} ms; ${f.filter((x) => x > 50).length} frames over 50 ms; ${play.distinctTimes} distinct moments drawn (one per engine answer)`);
  console.log(`  main-thread long tasks during playback: ${play.longTasks.length} (longest ${fmt(Math.max(0, ...play.longTasks))} ms)`);
} finally {
  await browser.close();
  app.stop();
}
