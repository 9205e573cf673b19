import { db } from "@/lib/db";
import { sessionCsv } from "@/lib/live/db";
import { instructorOr403 } from "@/lib/live/http";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Every participant × question of a session, as CSV (host only). */
export const GET = api(async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const who = await instructorOr403();
  if (!who.ok) return who.response;
  const { id } = await params;
  const csv = await sessionCsv(db, who.instructor.userId, id);
  if (csv === null) return Response.json({ error: "no such session" }, { status: 404 });
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="live-session-${id}.csv"`, "cache-control": "no-store" } });
});
