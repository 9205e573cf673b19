import "server-only";
import { subscribe, type Channel } from "./bus";

/**
 * Every open stream, so that a stopping server can end them. On SIGTERM `next start` stops
 * accepting connections and waits for the open ones to finish before it exits; a live screen's
 * stream never finishes by itself, so without this a restart would hang until every phone and
 * projector went away. Streams are sent with `Connection: close`, so an ended stream also ends
 * its connection: the browser's EventSource then reconnects on a new connection, which reaches
 * the restarted server, rather than on a kept-alive one to the stopping server. A stream asked
 * for while the server stops is ended at once for the same reason.
 */
const g = globalThis as unknown as { __losslessSse?: { open: Set<() => void>; hooked: boolean; stopping: boolean } };
const streams = (g.__losslessSse ??= { open: new Set(), hooked: false, stopping: false });
if (!streams.hooked) {
  streams.hooked = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => closeAllStreams());
}

/** Ends every open live stream, and every one opened from now on (the server is stopping). */
export function closeAllStreams(): number {
  streams.stopping = true;
  const all = [...streams.open];
  for (const close of all) close();
  return all.length;
}

/**
 * A Server-Sent Events response: the current view at once, then a fresh view whenever the
 * session announces a change on one of `channels`, and a comment line every 15 s so proxies keep
 * the connection open. A browser that loses the connection reconnects by itself (EventSource)
 * and gets the current view again. Renders never overlap; changes during a render cause one more.
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
      close = () => {
        if (closed) return;
        closed = true;
        streams.open.delete(close);
        unsubscribe();
        clearInterval(heartbeat);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      streams.open.add(close);
      signal.addEventListener("abort", close);
      write("retry: 1000\n\n");
      if (streams.stopping) return close();
      await send();
    },
    cancel() {
      close();
    },
  });
  return new Response(stream, { headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store, no-transform", "x-accel-buffering": "no", connection: "close" } });
}
