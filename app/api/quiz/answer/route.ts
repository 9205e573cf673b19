import { answerQuestion, checkAnswer } from "@/lib/progress";
import { learnerPost } from "../../learner-post";

export const dynamic = "force-dynamic";

/** Grades one answer on the server and records it for the current learner (guest or signed in). */
export async function POST(req: Request) {
  return learnerPost(req, checkAnswer, answerQuestion);
}
