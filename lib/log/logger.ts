import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Structured logs: one JSON object per line on stdout (pino), at the level named by LOG_LEVEL
 * (info by default). Request bodies are never logged; the redaction list is a second guard for
 * fields that must never reach a log even when someone logs an object carelessly.
 */
export const REDACTED_FIELDS = ["password", "passwordHash", "response", "answer", "token", "cookie", "authorization", "body"];

/** What is known about the request being handled, for its log line. */
export interface RequestContext {
  requestId: string;
  userId?: string;
}
export const requestContext = new AsyncLocalStorage<RequestContext>();

export function levelFrom(value: string | undefined): pino.LevelWithSilent {
  const level = value?.trim().toLowerCase();
  return level === "silent" || (level && level in pino.levels.values) ? (level as pino.LevelWithSilent) : "info";
}

/** Unit tests run quiet unless LOG_LEVEL asks otherwise. */
const defaultLevel = () => levelFrom(process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : undefined));

export function createLogger(destination: DestinationStream = process.stdout, level = defaultLevel()): Logger {
  return pino(
    {
      level,
      // Anything logged while a request is handled carries its request id and user.
      mixin: () => {
        const ctx = requestContext.getStore();
        return ctx ? { requestId: ctx.requestId, ...(ctx.userId ? { userId: ctx.userId } : {}) } : {};
      },
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]), censor: "[redacted]" },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

const g = globalThis as unknown as { __losslessLog?: Logger };
/** The process's logger. */
export const log: Logger = (g.__losslessLog ??= createLogger());

/** Notes who is making the current request (called where the actor is resolved). */
export function noteRequestUser(userId: string): void {
  const ctx = requestContext.getStore();
  if (ctx) ctx.userId = userId;
}
