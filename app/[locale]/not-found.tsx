"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { getDictionary, isLocale } from "@/lib/i18n";

export default function NotFound() {
  const segment = (usePathname() ?? "").split("/")[1];
  const locale = isLocale(segment) ? segment : "en";
  const t = getDictionary(locale);
  return (
    <>
      <title>{`404 · ${t.meta.siteName}`}</title>
      <h1>404</h1>
      <p>{t.errors.notFound}</p>
      <p>
        <Link href={`/${locale}`}>{t.errors.goHome}</Link>
      </p>
    </>
  );
}
