import { getActor } from "@/lib/auth";
import { requestNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { getDictionary } from "@/lib/i18n";
import { mockState } from "@/lib/mock";
import { api } from "@/lib/log";
import { localeQuery, readQuery } from "@/lib/progress";

export const dynamic = "force-dynamic";

/** The interview's current question and time left (never a key), or that it is over. Owner only. */
export const GET = api(async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const query = readQuery(req, localeQuery);
  if (!query.ok) return Response.json(query.result.body, { status: query.result.status });
  const lang = query.value.locale;
  const actor = await getActor();
  const t = getDictionary(lang);
  const state = actor ? await mockState(db, actor.userId, id, lang, await requestNow(), t.terms, t.quiz.setupWords) : null;
  if (!state) return Response.json({ error: "no such interview" }, { status: 404 });
  return Response.json(state, { headers: { "cache-control": "no-store" } });
});
