"use client";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";
import { switchLocalePath, type Locale } from "@/lib/i18n/config";

/** Links to the same page in the other language. */
export function LanguageSwitch({ locale, label }: { locale: Locale; label: string }) {
  const pathname = usePathname() ?? `/${locale}`;
  const other: Locale = locale === "en" ? "zh" : "en";
  return (
    <nav aria-label={label} className="lang-switch">
      <Link href={switchLocalePath(pathname, other)} hrefLang={other === "zh" ? "zh-CN" : "en"} lang={other === "zh" ? "zh-CN" : "en"}>
        {other === "zh" ? "中文" : "English"}
      </Link>
    </nav>
  );
}
