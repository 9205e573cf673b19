import { getActor } from "@/lib/auth";
import { requestNow } from "@/lib/clock";
import { db, type PrismaClient } from "@/lib/db";
import { readJson, type ApiResult, type Checked } from "@/lib/progress";

/**
 * The shape of every learner write: read JSON, validate (400/404 before anyone is identified, so
 * junk creates no guest), then act as the current learner, creating a guest if needed.
 */
export async function learnerPost<T>(
  req: Request,
  check: (body: unknown) => Checked<T>,
  act: (db: PrismaClient, userId: string, value: T, now: Date) => Promise<ApiResult>,
  /**
   * createGuest: false for actions on something the learner already owns (an interview): a
   * visitor without an identity gets a 404 instead of a new guest. attemptIdOf: for answers, the
   * attempt id that names a visitor's first guest (lib/auth getActor).
   */
  options: { createGuest: boolean; attemptIdOf?: (value: T) => string | undefined } = { createGuest: true },
): Promise<Response> {
  const json = await readJson(req);
  if (!json.ok) return Response.json(json.result.body, { status: json.result.status });
  const checked = check(json.body);
  if (!checked.ok) return Response.json(checked.result.body, { status: checked.result.status });
  const actor = await getActor({ create: options.createGuest, firstAttemptId: options.attemptIdOf?.(checked.value) });
  if (!actor) return Response.json({ error: "not found" }, { status: 404 });
  const result = await act(db, actor.userId, checked.value, await requestNow());
  return Response.json(result.body, { status: result.status });
}
