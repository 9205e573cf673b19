"use client";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

/** Main navigation; the link for the current section carries aria-current. */
export function NavLinks({ items, label }: { items: { href: string; label: string; badge?: string }[]; label: string }) {
  const pathname = usePathname() ?? "";
  // The review count comes from the server after the page loads, so pages stay static.
  const [due, setDue] = useState(0);
  const wantsCount = items.some((i) => i.badge);
  useEffect(() => {
    if (!wantsCount) return;
    let live = true;
    fetch("/api/review/count")
      .then((r) => (r.ok ? r.json() : { due: 0 }))
      .then((d: { due: number }) => live && setDue(Number(d.due) || 0))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [pathname, wantsCount]);
  return (
    <nav aria-label={label}>
      <ul className="nav">
        {items.map((item) => {
          const current = pathname === item.href || (item.href.split("/").length > 2 && pathname.startsWith(`${item.href}/`));
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={current ? "page" : undefined}>
                {item.label}
                {item.badge && due > 0 && (
                  <span className="nav-badge" data-due={due}>
                    <span aria-hidden="true">{due}</span>
                    <span className="visually-hidden"> ({item.badge.replace("{n}", String(due))})</span>
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
