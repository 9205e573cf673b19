import { z } from "zod";
import { shareMock } from "@/lib/mock";
import { learnerPost } from "../../../learner-post";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

const schema = z.strictObject({ enabled: z.boolean() });

/** Creates ({"enabled": true}) or removes ({"enabled": false}) the share link of a finished report. */
export const POST = api(async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return learnerPost(
    req,
    (body) => {
      const parsed = schema.safeParse(body);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, result: { status: 400, body: { error: 'body: expected {"enabled": true|false}' } } };
    },
    (db, userId, body, now) => shareMock(db, userId, id, body.enabled, now),
    { createGuest: false },
  );
});
