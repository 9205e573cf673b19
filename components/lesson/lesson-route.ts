import { listLessons, type LessonSummary } from "@/lib/content";
import { isLocale, LOCALES } from "@/lib/i18n";

/** Every (locale, slug) pair, for the static lesson routes (the lesson and its quiz page). */
export function lessonStaticParams() {
  return LOCALES.flatMap((locale) => listLessons(locale).map((l) => ({ locale, slug: l.slug })));
}

/** The lesson a route's params name, or null (unknown locale or slug). */
export async function lessonFromParams(params: Promise<{ locale: string; slug: string }>): Promise<LessonSummary | null> {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return null;
  return listLessons(locale).find((l) => l.slug === slug) ?? null;
}
