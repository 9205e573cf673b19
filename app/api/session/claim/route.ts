import { claimGuest } from "@/lib/auth";

export const dynamic = "force-dynamic";

/** Called by the sign-in and sign-up forms once signed in: see claimGuest. */
export async function POST() {
  await claimGuest();
  return Response.json({ ok: true });
}
