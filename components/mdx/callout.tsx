import type { ReactNode } from "react";

export type CalloutType = "info" | "warning" | "interview" | "misconception" | "try";

export function Callout({ type, title, label, children }: { type: CalloutType; title?: string; label: string; children: ReactNode }) {
  return (
    <aside className={`callout ${type}`} aria-label={title ?? label}>
      <p className="callout-title">{title ?? label}</p>
      {children}
    </aside>
  );
}
