import { checkProgress, recordProgress } from "@/lib/progress";
import { learnerPost } from "../learner-post";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Records that the learner opened a lesson ("started") or reached its end ("read"). */
export const POST = api(async function POST(req: Request) {
  return learnerPost(req, checkProgress, recordProgress);
});
