import { Form, Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BrandMark } from "~/components/brand-mark";
import { LanguageSwitch } from "~/components/language-switch";

export type HeaderUser = {
  name: string;
  isCoalition: boolean;
  organizations: { slug: string; name: string }[];
};

export function SiteHeader({ user, locale }: { user: HeaderUser | null; locale: string }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link to="/" className="brand">
          <BrandMark />
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.mainMenu")} className="main-nav">
          {user ? (
            <>
              {user.organizations.map((o) => (
                <NavLink key={o.slug} to={`/o/${o.slug}`} className="org-link" title={o.name}>
                  {o.name}
                </NavLink>
              ))}
              {user.isCoalition ? <NavLink to="/movement">{t("nav.movement")}</NavLink> : null}
              <NavLink to="/account">{t("nav.account")}</NavLink>
              <Form method="post" action="/logout" className="inline-form">
                <button type="submit" className="link-button">
                  {t("nav.signOut")}
                </button>
              </Form>
            </>
          ) : (
            <NavLink to="/login">{t("nav.signIn")}</NavLink>
          )}
        </nav>
        <LanguageSwitch current={locale} />
      </div>
    </header>
  );
}
