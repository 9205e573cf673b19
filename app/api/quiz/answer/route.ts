import { answerQuestion, checkAnswer } from "@/lib/progress";
import { learnerPost } from "../../learner-post";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Grades one answer on the server and records it for the current learner (guest or signed in). */
export const POST = api(async function POST(req: Request) {
  return learnerPost(req, checkAnswer, answerQuestion, { createGuest: true, attemptIdOf: (answer) => answer.request.clientAttemptId });
});
