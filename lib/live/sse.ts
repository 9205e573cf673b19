import "server-only";
import { draining, onDrain } from "@/lib/shutdown";
import { subscribe, type Channel } from "./bus";

/**
 * A Server-Sent Events response: the current view at once, then a fresh view whenever the
 * session announces a change on one of `channels`, and a comment line every 15 s so proxies keep
 * the connection open. A browser that loses the connection reconnects by itself (EventSource)
 * and gets the current view again. Renders never overlap; changes during a render cause one more.
 * When the server shuts down (lib/shutdown), open streams end so that `next start` can stop (a
 * live screen's stream never finishes by itself), and a stream asked for while it stops ends at
 * once. The connection closes with its stream (`Connection: close`), so the browser's EventSource
 * reconnects on a new connection, which reaches the restarted server, instead of on a kept-alive
 * one to the stopping server.
 */
export function sseResponse(signal: AbortSignal, sessionId: string, channels: Channel[], render: () => Promise<unknown>): Response {
  const encoder = new TextEncoder();
  let close = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      let running = false;
      let again = false;
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const send = async () => {
        if (running) {
          again = true;
          return;
        }
        running = true;
        try {
          do {
            again = false;
            const view = await render();
            write(`data: ${JSON.stringify(view)}\n\n`);
          } while (again && !closed);
        } catch (err) {
          write(`event: problem\ndata: ${JSON.stringify({ error: (err as Error).message })}\n\n`);
        } finally {
          running = false;
        }
      };
      const unsubscribe = subscribe(sessionId, channels, () => void send());
      const heartbeat = setInterval(() => write(": keep-alive\n\n"), 15_000);
      let undrain = () => {};
      close = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        undrain();
        clearInterval(heartbeat);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      signal.addEventListener("abort", close);
      undrain = onDrain(close);
      write("retry: 1000\n\n");
      if (draining()) return close();
      await send();
    },
    cancel() {
      close();
    },
  });
  return new Response(stream, { headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store, no-transform", "x-accel-buffering": "no", connection: "close" } });
}
