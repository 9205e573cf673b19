"use client";
import { useState } from "react";
import { FormError, sendJson, useSubmit } from "@/components/ui/submit";
import type { Dictionary } from "@/lib/i18n";

/** Turns a report's share link on or off; the link is shown with a copy button while it exists. */
export function ShareControl({ id, locale, initial, labels }: { id: string; locale: string; initial: string | null; labels: Dictionary["mock"] }) {
  const [token, setToken] = useState(initial);
  const [copied, setCopied] = useState(false);
  const { busy, error, run } = useSubmit({ format: (m) => labels.error.replace("{message}", m) });
  const url = token ? `${typeof window === "undefined" ? "" : window.location.origin}/${locale}/mock/shared/${token}` : "";
  const toggle = (enabled: boolean) =>
    run(async () => {
      setToken((await sendJson<{ shareToken: string | null }>(`/api/mock/${id}/share`, { enabled })).shareToken);
      setCopied(false);
    });
  return (
    <section className="card mock-share" aria-labelledby="share-title">
      <h2 id="share-title">{labels.share}</h2>
      <p className="meta">{labels.shareHelp}</p>
      {token ? (
        <>
          <p>
            <input className="share-url" readOnly value={url} aria-label={labels.share} onFocus={(e) => e.currentTarget.select()} />
          </p>
          <button
            type="button"
            className="button secondary small"
            onClick={() => {
              void navigator.clipboard?.writeText(url).then(() => setCopied(true));
            }}
          >
            {copied ? labels.copied : labels.copy}
          </button>{" "}
          <button type="button" className="button secondary small" disabled={busy} onClick={() => void toggle(false)}>
            {labels.shareOff}
          </button>
        </>
      ) : (
        <button type="button" className="button secondary" disabled={busy} onClick={() => void toggle(true)}>
          {labels.shareOn}
        </button>
      )}
      <FormError message={error} />
    </section>
  );
}
