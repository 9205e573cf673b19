"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError, sendJson, useSubmit } from "@/components/ui/submit";
import type { Dictionary } from "@/lib/i18n";

/** Code and nickname; on success the learner's screen opens (a cookie remembers them for rejoining). */
export function JoinForm({ locale, labels, initialCode, initialName }: { locale: string; labels: Dictionary["live"]; initialCode: string; initialName: string }) {
  const router = useRouter();
  const [code, setCode] = useState(initialCode);
  const [nickname, setNickname] = useState(initialName);
  const { busy, error, run } = useSubmit({ stayBusy: true });
  function join(e: React.FormEvent) {
    e.preventDefault();
    void run(async () => router.push(`/${locale}/join/${(await sendJson<{ code: string }>("/api/live/join", { code, nickname })).code}`));
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
      <FormError message={error} />
    </form>
  );
}
