/** Live event fan-out: in one process (SQLite), and across processes through PostgreSQL LISTEN/NOTIFY (npm run test:pg). */
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createPgDatabase, testPostgresUrl } from "@/lib/db/test-database";
import { ANSWER_COALESCE_MS, createLocalBus, createPgBus, type Bus } from "./bus";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds (or fails after `ms`). */
async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for a live event");
    await sleep(10);
  }
}

function counter(bus: Bus, sessionId: string, channels: ("phase" | "answers")[]) {
  const c = { n: 0, stop: () => {} };
  c.stop = bus.subscribe(sessionId, channels, () => c.n++);
  return c;
}

describe("live bus in one process", () => {
  it("tells a session's subscribers of its own channels only, coalesces answers, and stops after unsubscribe", async () => {
    const bus = createLocalBus();
    const phase = counter(bus, "s1", ["phase"]);
    const answers = counter(bus, "s1", ["answers"]);
    const other = counter(bus, "s2", ["phase", "answers"]);
    bus.publish("s1", "phase");
    expect(phase.n).toBe(1);
    for (let i = 0; i < 20; i++) bus.publish("s1", "answers");
    expect(answers.n).toBe(0);
    await sleep(ANSWER_COALESCE_MS + 50);
    expect(answers.n).toBe(1);
    expect(other.n).toBe(0);
    phase.stop();
    bus.publish("s1", "phase");
    expect(phase.n).toBe(1);
    await bus.close();
  });
});

const server = testPostgresUrl();

describe.skipIf(!server)("live bus across processes (PostgreSQL LISTEN/NOTIFY)", () => {
  const buses: Bus[] = [];
  let url = "";
  const newBus = async (log?: (m: string) => void) => {
    url ||= await createPgDatabase(server!);
    const bus = createPgBus(url, log ?? (() => {}));
    buses.push(bus);
    return bus;
  };
  afterAll(async () => {
    await Promise.all(buses.map((b) => b.close()));
  });

  it("delivers an event published by one process to the subscribers of every process, once each", async () => {
    const [a, b] = [await newBus(), await newBus()];
    const onA = counter(a, "room", ["phase"]);
    const onB = counter(b, "room", ["phase"]);
    const elsewhere = counter(b, "other-room", ["phase", "answers"]);
    await sleep(300); // both connections are listening
    a.publish("room", "phase");
    await until(() => onA.n === 1 && onB.n === 1);
    b.publish("room", "phase");
    await until(() => onA.n === 2 && onB.n === 2);
    await sleep(200);
    expect([onA.n, onB.n, elsewhere.n]).toEqual([2, 2, 0]);
  });

  it("coalesces a burst of answers in the publishing process into one event for the other", async () => {
    const [a, b] = [await newBus(), await newBus()];
    const onB = counter(b, "quiz", ["answers"]);
    const phaseOnB = counter(b, "quiz", ["phase"]);
    await sleep(300);
    for (let i = 0; i < 50; i++) a.publish("quiz", "answers");
    await until(() => onB.n === 1);
    await sleep(ANSWER_COALESCE_MS * 3);
    expect([onB.n, phaseOnB.n]).toEqual([1, 0]);
  });

  it("reconnects after its LISTEN connection is cut, tells its screens to redraw, and receives events again", async () => {
    const logs: string[] = [];
    const a = await newBus();
    const b = await newBus((m) => logs.push(m));
    const onB = counter(b, "lecture", ["phase"]);
    await sleep(300);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const cut = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lossless-live-bus' AND datname = current_database()");
    await admin.end();
    expect(cut.rowCount).toBeGreaterThanOrEqual(2);
    // The redraw after reconnecting: the subscriber hears of it although nothing was published.
    await until(() => onB.n >= 1, 10_000);
    expect(logs.join("\n")).toMatch(/lost the PostgreSQL LISTEN connection/);
    const before = onB.n;
    a.publish("lecture", "phase");
    await until(() => onB.n === before + 1, 10_000);
  });

  it("still tells its own process's screens when PostgreSQL cannot be reached", async () => {
    const logs: string[] = [];
    const bus = createPgBus("postgresql://nobody@127.0.0.1:1/none", (m) => logs.push(m));
    buses.push(bus);
    const on = counter(bus, "s", ["phase"]);
    bus.publish("s", "phase");
    await until(() => on.n === 1);
    expect(logs.join("\n")).toMatch(/NOTIFY failed/);
  });
});
