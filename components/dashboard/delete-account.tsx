"use client";
import { signOut } from "next-auth/react";
import { useState } from "react";
import type { Dictionary } from "@/lib/i18n";

/** Deletes the learner's account and data after an explicit confirmation, then signs out. */
export function DeleteAccount({ locale, labels }: { locale: string; labels: Dictionary["dashboard"] }) {
  const [sure, setSure] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  async function remove(e: React.FormEvent) {
    e.preventDefault();
    if (!sure) return;
    setBusy(true);
    setError("");
    try {
      const res = await fetch("/api/account/delete", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ confirm: "delete" }) });
      const body = await res.json();
      if (!res.ok) throw new Error(body.error ?? res.statusText);
      if (body.signedIn) await signOut({ callbackUrl: `/${locale}` });
      else window.location.assign(`/${locale}`);
    } catch (err) {
      setError(labels.deleteFailed.replace("{message}", (err as Error).message));
      setBusy(false);
    }
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
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
