"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ASSIGNABLE_ROLES, roleChangeSchema, type AssignableRole } from "@/lib/roles";
import type { Dictionary } from "@/lib/i18n";

/** One account's role: a select and a save button, sent to the server-checked API. */
export function RoleForm({ userId, email, role, labels }: { userId: string; email: string; role: AssignableRole; labels: Dictionary["admin"] }) {
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState<AssignableRole>(role);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function save() {
    const checked = roleChangeSchema.safeParse({ role: value });
    if (!checked.success) return setMessage({ ok: false, text: labels.error.replace("{message}", checked.error.issues[0]!.message) });
    setBusy(true);
    setMessage(null);
    const res = await fetch(`/api/admin/users/${encodeURIComponent(userId)}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(checked.data) }).catch(() => null);
    const body = res ? ((await res.json().catch(() => ({}))) as { error?: string }) : { error: "network" };
    setBusy(false);
    if (res?.ok) {
      setMessage({ ok: true, text: labels.saved.replace("{email}", email).replace("{role}", labels.roles[value]) });
      router.refresh();
    } else setMessage({ ok: false, text: labels.error.replace("{message}", body.error ?? String(res?.status)) });
  }

  return (
    <form
      className="admin-role"
      data-role-form={email}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {labels.roleFor.replace("{email}", email)}
      </label>
      <select id={id} value={value} onChange={(e) => setValue(e.target.value as AssignableRole)} disabled={busy}>
        {ASSIGNABLE_ROLES.map((r) => (
          <option key={r} value={r}>
            {labels.roles[r]}
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="button small" disabled={busy || value === role} aria-label={`${busy ? labels.saving : labels.save} · ${labels.roleFor.replace("{email}", email)}`}>
        {busy ? labels.saving : labels.save}
      </button>
      {message && (
        <p className={message.ok ? "ok-text" : "alert"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      )}
    </form>
  );
}
