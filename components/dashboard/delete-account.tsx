"use client";
import { useState } from "react";
import { FormError, sendJson, useSubmit } from "@/components/ui/submit";
import { signOutTo } from "@/components/layout/sign-out";
import type { Dictionary } from "@/lib/i18n";

/** Deletes the learner's account and data after an explicit confirmation, then signs out. */
export function DeleteAccount({ locale, labels }: { locale: string; labels: Dictionary["dashboard"] }) {
  const [sure, setSure] = useState(false);
  const { busy, error, run } = useSubmit({ format: (m) => labels.deleteFailed.replace("{message}", m), stayBusy: true });
  function remove(e: React.FormEvent) {
    e.preventDefault();
    if (!sure) return;
    void run(async () => {
      const { signedIn } = await sendJson<{ signedIn: boolean }>("/api/account/delete", { confirm: "delete" });
      if (signedIn) await signOutTo(`/${locale}`);
      else window.location.assign(`/${locale}`);
    });
  }
  return (
    <form className="card danger-zone" onSubmit={remove}>
      <h3>{labels.deleteTitle}</h3>
      <p className="meta">{labels.deleteHelp}</p>
      <label className="option">
        <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} /> <span className="option-text">{labels.deleteConfirm}</span>
      </label>
      <button type="submit" className="button danger" disabled={!sure || busy}>
        {busy ? labels.deleting : labels.deleteButton}
      </button>
      <FormError message={error} />
    </form>
  );
}
