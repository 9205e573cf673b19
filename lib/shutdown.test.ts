/** The SIGTERM sequence of lib/shutdown.ts, on a stand-in process (the real one is tested by npm run test:crash). */
import { EventEmitter } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { draining, installShutdown, onDrain, onExit } from "./shutdown";

/** A process as far as installShutdown uses it: signals, and an exit that records its code. */
function fakeProcess() {
  const proc = new EventEmitter() as unknown as NodeJS.Process & { exited: number[] };
  proc.exited = [];
  proc.exit = ((code?: number) => void proc.exited.push(code ?? 0)) as NodeJS.Process["exit"];
  return proc;
}
const settle = () => new Promise((r) => setTimeout(r, 20));

describe("graceful shutdown", () => {
  it("on SIGTERM ends the streams, waits for Next's exit, closes the database, and exits 0", async () => {
    const proc = fakeProcess();
    const lines: string[] = [];
    installShutdown({ graceMs: 5_000, proc, log: (l) => lines.push(l) });
    const ended: string[] = [];
    onDrain(() => ended.push("stream 1"));
    const unregister = onDrain(() => ended.push("stream that closed by itself"));
    unregister();
    const closed = vi.fn(async () => {});
    onExit(closed);
    expect(draining()).toBe(false);

    proc.emit("SIGTERM");
    expect(draining()).toBe(true);
    expect(ended).toEqual(["stream 1"]);
    // A stream opened while draining ends at once.
    onDrain(() => ended.push("late stream"));
    await settle();
    expect(ended).toEqual(["stream 1", "late stream"]);
    expect(closed).not.toHaveBeenCalled();
    expect(proc.exited).toEqual([]);

    // Next has answered everything and exits with 143: the database closes first, then exit 0.
    proc.exit(143);
    await settle();
    expect(closed).toHaveBeenCalledTimes(1);
    expect(proc.exited).toEqual([0]);
    expect(lines.join("\n")).toMatch(/1 event stream\(s\) ended[\s\S]*requests finished; database closed/);
  });

  it("exits after the grace period when requests do not finish (here after Ctrl-C), closing the database all the same", async () => {
    const proc = fakeProcess();
    const lines: string[] = [];
    installShutdown({ graceMs: 100, proc, log: (l) => lines.push(l) });
    const closed = vi.fn(async () => {
      throw new Error("already closed");
    });
    onExit(closed);
    proc.emit("SIGINT");
    proc.emit("SIGTERM"); // a second signal changes nothing
    await settle();
    expect(proc.exited).toEqual([]);
    await new Promise((r) => setTimeout(r, 150));
    expect(closed).toHaveBeenCalled();
    expect(proc.exited).toEqual([0]);
    expect(lines[0]).toMatch(/^SIGINT: /);
    expect(lines.join("\n")).toMatch(/shutdown: already closed[\s\S]*still open after 0.1 s were cut/);
  });
});
