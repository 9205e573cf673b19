import { getDictionary } from "@/lib/i18n";
import { answerMock, checkMockAnswer } from "@/lib/mock";
import { learnerPost } from "../../../learner-post";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Records the answer to the interview's current question and returns the next one. */
export const POST = api(async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return learnerPost(req, checkMockAnswer, (db, userId, body, now) => {
    const t = getDictionary(body.locale);
    return answerMock(db, userId, id, body, now, t.terms, t.quiz.setupWords);
  }, { createGuest: false });
});
