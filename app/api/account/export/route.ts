import { getActor } from "@/lib/auth";
import { requestNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { exportData } from "@/lib/progress";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Everything kept about the current learner, as a JSON download (nothing for a new visitor). */
export const GET = api(async function GET() {
  const actor = await getActor();
  const data = actor ? await exportData(db, actor.userId, await requestNow()) : null;
  if (!data) return Response.json({ error: "there is no data for this browser yet" }, { status: 404 });
  const day = data.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="lossless-${day}.json"`, "cache-control": "no-store" },
  });
});
