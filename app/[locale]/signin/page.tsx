import type { Metadata } from "next";
import { pageLocale } from "@/components/layout/locale";
import { AuthForm } from "@/components/auth/auth-form";
import { getDictionary, isLocale } from "@/lib/i18n";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getDictionary(locale).auth.signInTitle } : {};
}

export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  return (
    <div className="narrow">
      <h1>{t.auth.signInTitle}</h1>
      
      <AuthForm mode="signin" locale={locale} t={t.auth} />
    </div>
  );
}
