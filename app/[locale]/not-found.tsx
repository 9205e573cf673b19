import { NotFoundView, type NotFoundTexts } from "@/components/layout/not-found-view";
import { getDictionary, LOCALES } from "@/lib/i18n";

export default function NotFound() {
  const texts: Record<string, NotFoundTexts> = Object.fromEntries(
    LOCALES.map((l) => {
      const t = getDictionary(l);
      return [l, { siteName: t.meta.siteName, notFound: t.errors.notFound, goHome: t.errors.goHome }];
    }),
  );
  return <NotFoundView texts={texts} />;
}
