import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** 200 {"ok":true,"db":"ok"} when the database answers; 503 otherwise. */
export async function GET() {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return Response.json({ ok: true, db: "ok" });
  } catch {
    return Response.json({ ok: false, db: "unreachable" }, { status: 503 });
  }
}
