import { db } from "@/lib/db";
import { api, log } from "@/lib/log";

export const dynamic = "force-dynamic";

/** How long the database may take before the app counts as unhealthy. */
const DB_TIMEOUT_MS = 2_000;

/**
 * 200 {ok:true, db:"ok"} when the database answers a real query on an app table (so a missing or
 * unmigrated database fails too); 503 {ok:false, db:"unreachable", reason} otherwise, the reason
 * saying what went wrong (also logged), for a load balancer or an operator.
 */
export const GET = api(async function GET() {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.user.findFirst({ select: { id: true } }),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`the database did not answer within ${DB_TIMEOUT_MS} ms`)), DB_TIMEOUT_MS))),
    ]);
    return Response.json({ ok: true, db: "ok" });
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    log.error({ err }, "health check: database unreachable");
    // The first line of the driver's message is enough to act on; the stack is in the log.
    const reason = message.split("\n").find((l) => l.trim())?.trim().slice(0, 200) ?? "unknown error";
    return Response.json({ ok: false, db: "unreachable", reason }, { status: 503 });
  } finally {
    clearTimeout(timer);
  }
});
