/** Live streams end when the server stops, so `next start` can exit on SIGTERM and screens reconnect. */
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { installShutdown } from "@/lib/shutdown";
import { publish } from "./bus";
import { sseResponse } from "./sse";

const decoder = new TextDecoder();

describe("sseResponse", () => {
  it("sends the view at once and on every change, and ends when the server stops", async () => {
    // A stand-in process: SIGTERM on it starts the same shutdown as in the server (lib/shutdown).
    const proc = new EventEmitter() as unknown as NodeJS.Process;
    proc.exit = (() => undefined) as never;
    installShutdown({ graceMs: 60_000, proc, log: () => {} });

    let n = 0;
    const res = sseResponse(new AbortController().signal, "session-sse-test", ["phase"], async () => ({ n: ++n }));
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("connection")).toBe("close");
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes('"n":1')) text += decoder.decode((await reader.read()).value);
    expect(text).toContain("retry: 1000");
    publish("session-sse-test", "phase");
    while (!text.includes('"n":2')) text += decoder.decode((await reader.read()).value);

    proc.emit("SIGTERM");
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
    }
    // An ended stream stops listening for changes.
    publish("session-sse-test", "phase");
    await new Promise((r) => setTimeout(r, 20));
    expect(n).toBe(2);

    // A screen reconnecting while the server stops is ended at once, and its connection closed.
    const late = sseResponse(new AbortController().signal, "session-sse-test", ["phase"], async () => ({ n: ++n }));
    expect(late.headers.get("connection")).toBe("close");
    expect(await new Response(late.body).text()).toBe("retry: 1000\n\n");
    expect(n).toBe(2);
  });
});
