import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { pageLocale } from "@/components/layout/locale";
import { MockHistory } from "@/components/mock/mock-history";
import { MockStart } from "@/components/mock/mock-start";
import { getActor } from "@/lib/auth";
import { requestNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { getDictionary, isLocale } from "@/lib/i18n";
import { listMocks } from "@/lib/mock";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getDictionary(locale).mock.title } : {};
}

/** Start a timed mock interview (or resume the running one), and the list of earlier ones. */
export default async function MockPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  const actor = await getActor();
  const rows = actor ? await listMocks(db, actor.userId, await requestNow()) : [];
  const running = rows.find((r) => r.running);
  return (
    <>
      <h1>{t.mock.title}</h1>
      <p className="lead">{t.mock.lead}</p>
      {running ? (
        <p className="callout info">
          {t.mock.resume} <Link href={`/${locale}/mock/${running.id}`}>{t.mock.resumeLink}</Link>
        </p>
      ) : (
        <MockStart locale={locale} labels={t.mock} />
      )}
      <h2>{t.mock.history}</h2>
      <MockHistory rows={rows} locale={locale} t={t} />
    </>
  );
}
