import "server-only";
import { cookies } from "next/headers";
import { z } from "zod";
import { getInstructor } from "@/lib/auth";
import { checkWith, localeQuery, readJson, readQuery } from "@/lib/progress/api";

/** Reads and validates a JSON body: a value, or the 4xx response to send. */
export async function body<T extends z.ZodType>(req: Request, schema: T): Promise<{ ok: true; value: z.infer<T> } | { ok: false; response: Response }> {
  const json = await readJson(req);
  if (!json.ok) return { ok: false, response: Response.json(json.result.body, { status: json.result.status }) };
  const checked = checkWith(schema, json.body);
  return checked.ok ? checked : { ok: false, response: Response.json(checked.result.body, { status: checked.result.status }) };
}

/** The instructor, or a 403 for anyone else (learners, guests, visitors). */
export async function instructorOr403() {
  const instructor = await getInstructor();
  return instructor ? { ok: true as const, instructor } : { ok: false as const, response: Response.json({ error: "only instructors can do this" }, { status: 403 }) };
}

/** Each session's rejoin token lives in its own cookie, so one phone can be in two sessions. */
export const liveCookie = (code: string) => `lossless_live_${code}`;
/** A rejoin cookie outlives any session (they end within hours). */
export const LIVE_COOKIE_MAX_AGE = 24 * 3600;

export async function liveToken(code: string): Promise<string | undefined> {
  return (await cookies()).get(liveCookie(code))?.value;
}

/** The language a live feed is rendered in (?locale=en|zh), or the 400 to send. */
export function langOf(req: Request): { ok: true; lang: "en" | "zh" } | { ok: false; response: Response } {
  const query = readQuery(req, localeQuery);
  return query.ok ? { ok: true, lang: query.value.locale } : { ok: false, response: Response.json(query.result.body, { status: query.result.status }) };
}
