import { notFound } from "next/navigation";
import { getDictionary, isLocale, type Dictionary, type Locale } from "@/lib/i18n";

/** Reads the [locale] segment; anything but en/zh is a 404. */
export async function pageLocale(params: Promise<{ locale: string }>): Promise<{ locale: Locale; t: Dictionary }> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return { locale, t: getDictionary(locale) };
}
