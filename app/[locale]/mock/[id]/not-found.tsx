"use client";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";
import { getDictionary, isLocale } from "@/lib/i18n";

/** The 404 of an interview page: there is no such interview, or it belongs to someone else (the page does not say which). */
export default function MockNotFound() {
  const segment = (usePathname() ?? "").split("/")[1];
  const locale = isLocale(segment) ? segment : "en";
  const t = getDictionary(locale);
  return (
    <>
      <title>{`404 · ${t.mock.title} · ${t.meta.siteName}`}</title>
      <h1>{t.mock.title}</h1>
      <p role="alert">{t.mock.notFound}</p>
      <p>
        <Link href={`/${locale}/mock`}>{t.mock.another}</Link>
      </p>
    </>
  );
}
