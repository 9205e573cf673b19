"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** Main navigation; the link for the current section carries aria-current. */
export function NavLinks({ items, label }: { items: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label={label}>
      <ul className="nav">
        {items.map((item) => {
          const current = pathname === item.href || (item.href.split("/").length > 2 && pathname.startsWith(`${item.href}/`));
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={current ? "page" : undefined}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
