"use client";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";

export interface NotFoundTexts {
  siteName: string;
  notFound: string;
  goHome: string;
}

/**
 * The 404 body. A not-found file gets no route parameters, so the locale is read from the path
 * here; the server passes only the few strings this needs, for each locale.
 */
export function NotFoundView({ texts }: { texts: Record<string, NotFoundTexts> }) {
  const segment = (usePathname() ?? "").split("/")[1] ?? "";
  const locale = segment in texts ? segment : "en";
  const t = texts[locale]!;
  return (
    <>
      <title>{`404 · ${t.siteName}`}</title>
      <h1>404</h1>
      <p>{t.notFound}</p>
      <p>
        <Link href={`/${locale}`}>{t.goHome}</Link>
      </p>
    </>
  );
}
