import { z } from "zod";
import { endMock } from "@/lib/mock";
import { learnerPost } from "../../../learner-post";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

const empty = z.strictObject({});

/** Ends the interview early; the report covers what was answered. */
export const POST = api(async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return learnerPost(
    req,
    (body) => {
      const parsed = empty.safeParse(body);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, result: { status: 400, body: { error: "body: expected {}" } } };
    },
    (db, userId, _body, now) => endMock(db, userId, id, now),
    { createGuest: false },
  );
});
