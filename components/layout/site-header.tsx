import { IntentLink as Link } from "@/components/ui/intent-link";
import type { Dictionary, Locale } from "@/lib/i18n";
import { AccountMenu } from "./account-menu";
import { LanguageSwitch } from "./language-switch";
import { NavLinks } from "./nav-links";

export function SiteHeader({ locale, t }: { locale: Locale; t: Dictionary }) {
  return (
    <header className="site-header">
      <div className="container">
        <Link href={`/${locale}`} className="brand">
          Loss<span>less</span>
        </Link>
        <NavLinks
          label={t.nav.home}
          items={[
            { href: `/${locale}`, label: t.nav.home },
            { href: `/${locale}/lessons`, label: t.nav.lessons },
            { href: `/${locale}/lab`, label: t.nav.lab },
            { href: `/${locale}/practice`, label: t.nav.practice },
            { href: `/${locale}/review`, label: t.nav.review, badge: t.review.badge },
            { href: `/${locale}/mock`, label: t.nav.mock },
            { href: `/${locale}/dashboard`, label: t.nav.dashboard },
          ]}
        />
        <LanguageSwitch locale={locale} label={t.nav.language} />
        <AccountMenu locale={locale} labels={{ teach: t.nav.teach, admin: t.nav.admin, signIn: t.nav.signIn, signUp: t.nav.signUp, signOut: t.nav.signOut, signedInAs: t.nav.signedInAs }} />
      </div>
    </header>
  );
}
