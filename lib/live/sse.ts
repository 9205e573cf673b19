import "server-only";
import { onDrain } from "@/lib/shutdown";
import { subscribe, type Channel } from "./bus";

/**
 * A Server-Sent Events response: the current view at once, then a fresh view whenever the
 * session announces a change on one of `channels`, and a comment line every 15 s so proxies keep
 * the connection open. A browser that loses the connection reconnects by itself (EventSource)
 * and gets the current view again. Renders never overlap; changes during a render cause one more.
 * When the server shuts down (lib/shutdown), open streams end so that it can stop; browsers then
 * reconnect to whichever server answers. The connection closes with its stream (no keep-alive),
 * so an ended stream leaves no idle connection for a stopping server to wait for.
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
      await send();
    },
    cancel() {
      close();
    },
  });
  return new Response(stream, { headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store, no-transform", "x-accel-buffering": "no", connection: "close" } });
}
