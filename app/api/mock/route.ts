import { checkStart, startMock } from "@/lib/mock";
import { learnerPost } from "../learner-post";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Starts a mock interview for the current learner (or resumes the one still running). */
export const POST = api(async function POST(req: Request) {
  return learnerPost(req, checkStart, startMock);
});
