import type { Metadata } from "next";
import { LabClient } from "@/components/lab/lab-client";
import { pageLocale } from "@/components/layout/locale";
import { loadPresetChoices } from "@/lib/content";
import { getDictionary, isLocale } from "@/lib/i18n";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getDictionary(locale).lab.title } : {};
}

export default async function Lab({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  return (
    <>
      <h1>{t.lab.title}</h1>
      <p className="lead">{t.lab.lead}</p>
      <LabClient presets={loadPresetChoices(locale)} t={{ lab: t.lab, sim: t.sim, events: t.events, terms: t.terms }} />
    </>
  );
}
