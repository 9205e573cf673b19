import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageLocale } from "@/components/layout/locale";
import { HostScreen } from "@/components/live/host-screen";
import { requireInstructorPage } from "@/components/teach/guard";
import { db } from "@/lib/db";
import { getDictionary, isLocale } from "@/lib/i18n";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getDictionary(locale).teach.title } : {};
}

/** The host screen of one live session (projector), or with ?remote=1 its phone remote. The host only. */
export default async function HostPage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, t } = await pageLocale(params);
  const me = await requireInstructorPage(locale);
  const { id } = await params;
  const session = await db.liveSession.findUnique({ where: { id }, select: { hostId: true, title: true } });
  if (!session || session.hostId !== me.userId) notFound();
  const remote = (await searchParams).remote === "1";
  return (
    <>
      <h1 className={remote ? undefined : "visually-hidden"}>{session.title}</h1>
      <HostScreen id={id} locale={locale} labels={t.live} remote={remote} sim={{ labels: t.sim, events: t.events, terms: t.terms }} />
    </>
  );
}
