/** Live streams end when the server stops, so `next start` can exit on SIGTERM and screens reconnect. */
import { describe, expect, it } from "vitest";
import { publish } from "./bus";
import { closeAllStreams, sseResponse } from "./sse";

const decoder = new TextDecoder();

describe("sseResponse", () => {
  it("sends the view at once and on every change, and ends when the server closes all streams", async () => {
    let n = 0;
    const res = sseResponse(new AbortController().signal, "session-sse-test", ["phase"], async () => ({ n: ++n }));
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes('"n":1')) text += decoder.decode((await reader.read()).value);
    expect(text).toContain("retry: 1000");
    publish("session-sse-test", "phase");
    while (!text.includes('"n":2')) text += decoder.decode((await reader.read()).value);

    expect(closeAllStreams()).toBe(1);
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
    }
    // Closed streams are forgotten, and stop listening for changes.
    expect(closeAllStreams()).toBe(0);
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
