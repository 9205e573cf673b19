"use client";
import { useState } from "react";
import { signOutTo } from "./sign-out";

export function SignOutButton({ to, label }: { to: string; label: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button secondary"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        // On a network failure the button comes back so the learner can try again.
        signOutTo(to).catch(() => setBusy(false));
      }}
    >
      {label}
    </button>
  );
}
