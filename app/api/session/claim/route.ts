import { claimGuest } from "@/lib/auth";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Called by the sign-in and sign-up forms once signed in: see claimGuest. */
export const POST = api(async function POST() {
  await claimGuest();
  return Response.json({ ok: true });
});
