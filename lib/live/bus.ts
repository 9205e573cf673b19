import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { databaseUrl, isPostgresUrl } from "@/lib/db/url";

/**
 * How live events reach the connected screens (decision 013). Events carry no data: subscribers
 * re-read the state from the database, which is the source of truth and survives restarts.
 *
 * On SQLite (one app process) an in-process EventEmitter tells this process's subscribers. On
 * PostgreSQL (decision 016) events go through NOTIFY on one channel, and each process LISTENs on
 * one dedicated connection and tells its own subscribers — so with several app processes behind
 * a load balancer, an answer posted to one process redraws host screens connected to any other.
 *
 * "answers" events are coalesced per session in the publishing process (at most one per
 * ANSWER_COALESCE_MS), so a room of hundreds answering at once does not redraw the host screen
 * hundreds of times.
 */
export type Channel = "phase" | "answers";
export const ANSWER_COALESCE_MS = 100;
/** The PostgreSQL notification channel; the payload is `<sessionId>:<channel>`. */
export const PG_CHANNEL = "lossless_live";

export interface Bus {
  publish(sessionId: string, channel: Channel): void;
  subscribe(sessionId: string, channels: Channel[], listener: () => void): () => void;
  close(): Promise<void>;
}

/** Subscribers of this process, and the coalescing of "answers" before `send`. */
function localFanout(send: (event: string) => void) {
  const emitter = new EventEmitter().setMaxListeners(0);
  const pending = new Map<string, NodeJS.Timeout>();
  return {
    emitter,
    publish(sessionId: string, channel: Channel) {
      if (channel === "phase") return send(`${sessionId}:phase`);
      if (pending.has(sessionId)) return;
      pending.set(
        sessionId,
        setTimeout(() => {
          pending.delete(sessionId);
          send(`${sessionId}:answers`);
        }, ANSWER_COALESCE_MS),
      );
    },
    subscribe(sessionId: string, channels: Channel[], listener: () => void) {
      for (const c of channels) emitter.on(`${sessionId}:${c}`, listener);
      return () => {
        for (const c of channels) emitter.off(`${sessionId}:${c}`, listener);
      };
    },
    clear() {
      for (const t of pending.values()) clearTimeout(t);
      pending.clear();
    },
  };
}

/** One process's bus: events reach only this process's subscribers. */
export function createLocalBus(): Bus {
  const local = localFanout((event) => local.emitter.emit(event));
  return { publish: local.publish, subscribe: local.subscribe, close: async () => local.clear() };
}

/**
 * A bus shared by every process using the PostgreSQL database at `url`: publish sends NOTIFY,
 * and one LISTEN connection per bus relays every notification (its own included) to this
 * process's subscribers. When that connection drops it reconnects, and then tells every
 * subscriber to redraw, since events may have been missed meanwhile.
 */
export function createPgBus(url: string, log: (message: string) => void = (m) => console.error(m)): Bus {
  const local = localFanout((event) => void notify(event));
  /** The LISTEN connection, once it listens. */
  let client: pg.Client | null = null;
  /** The connection being opened or in use; events from any older one are ignored. */
  let current: pg.Client | null = null;
  let ready: Promise<pg.Client> | null = null;
  let closed = false;
  let retryMs = 250;
  let retry: NodeJS.Timeout | null = null;

  const connect = (): Promise<pg.Client> => {
    ready ??= (async () => {
      const c = new pg.Client({ connectionString: url, application_name: "lossless-live-bus" });
      current = c;
      c.on("notification", (msg) => {
        if (msg.channel === PG_CHANNEL && msg.payload) local.emitter.emit(msg.payload);
      });
      c.on("error", (err) => lost(c, err));
      c.on("end", () => lost(c, null));
      try {
        await c.connect();
        await c.query(`LISTEN ${PG_CHANNEL}`);
      } catch (err) {
        lost(c, err as Error);
        throw err;
      }
      client = c;
      retryMs = 250;
      return c;
    })();
    return ready;
  };

  const lost = (c: pg.Client, err: Error | null) => {
    if (closed || c !== current) return;
    current = null;
    client = null;
    ready = null;
    c.removeAllListeners("notification");
    c.end().catch(() => {});
    log(`live events: lost the PostgreSQL LISTEN connection${err ? ` (${err.message})` : ""}; reconnecting in ${retryMs} ms`);
    retry ??= setTimeout(() => {
      retry = null;
      connect().then(
        () => {
          // Whatever was published while we were away: every screen re-reads the database.
          for (const event of local.emitter.eventNames()) local.emitter.emit(event);
        },
        () => {},
      );
    }, retryMs);
    retryMs = Math.min(retryMs * 2, 10_000);
  };

  const notify = async (event: string) => {
    try {
      const c = client ?? (await connect());
      await c.query("SELECT pg_notify($1, $2)", [PG_CHANNEL, event]);
    } catch (err) {
      // PostgreSQL is unreachable: at least this process's screens learn of the change.
      log(`live events: NOTIFY failed (${(err as Error).message}); delivered in this process only`);
      local.emitter.emit(event);
    }
  };

  connect().catch(() => {});
  return {
    publish: local.publish,
    subscribe: local.subscribe,
    async close() {
      closed = true;
      local.clear();
      if (retry) clearTimeout(retry);
      const c = client ?? (await ready?.catch(() => null));
      client = null;
      ready = null;
      await c?.end().catch(() => {});
    },
  };
}

const g = globalThis as unknown as { __losslessLiveBus?: Bus };

/** This process's bus: PostgreSQL LISTEN/NOTIFY when DATABASE_URL is PostgreSQL, in-process otherwise. */
function bus(): Bus {
  if (!g.__losslessLiveBus) {
    const url = databaseUrl();
    g.__losslessLiveBus = isPostgresUrl(url) ? createPgBus(url) : createLocalBus();
  }
  return g.__losslessLiveBus;
}

export function publish(sessionId: string, channel: Channel): void {
  bus().publish(sessionId, channel);
}

export function subscribe(sessionId: string, channels: Channel[], listener: () => void): () => void {
  return bus().subscribe(sessionId, channels, listener);
}
