"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Dictionary } from "@/lib/i18n";

/** Code and nickname; on success the learner's screen opens (a cookie remembers them for rejoining). */
export function JoinForm({ locale, labels, initialCode, initialName }: { locale: string; labels: Dictionary["live"]; initialCode: string; initialName: string }) {
  const router = useRouter();
  const [code, setCode] = useState(initialCode);
  const [nickname, setNickname] = useState(initialName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  async function join(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError("");
    try {
      const res = await fetch("/api/live/join", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code, nickname }) });
      const body = await res.json();
      if (!res.ok) throw new Error(body.error ?? res.statusText);
      router.push(`/${locale}/join/${body.code}`);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  }
  return (
    <form className="card join-form" onSubmit={join}>
      <p>
        <label>
          {labels.code}
          <br />
          <input className="text-input code-input" value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} autoComplete="off" autoCapitalize="characters" inputMode="text" maxLength={12} required />
        </label>
      </p>
      <p>
        <label>
          {labels.nickname}
          <br />
          <input className="text-input" value={nickname} onChange={(e) => setNickname(e.target.value)} maxLength={30} required />
        </label>
      </p>
      <button type="submit" className="button" disabled={busy}>
        {busy ? labels.joining : labels.join}
      </button>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
