import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { ErrorTitle, GeneralErrorBoundary, usePageError } from "~/components/error-boundary";
import { SiteHeader } from "~/components/site-header";
import { Toast } from "~/components/ui/toast";
import styles from "~/styles/app.css";
import { getUser } from "~/utils/auth.server";
import { catalogUrl, getLocale } from "~/utils/i18next.server";
import { isLocale } from "~/utils/localized";
import { useNonce } from "~/utils/nonce-provider";
import { readToast } from "~/utils/toast.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, user, { toast, clear }] = await Promise.all([
    getLocale(request),
    getUser(request),
    readToast(request),
  ]);
  // only what the header shows: page data is visible to whoever sees the page
  const header = user
    ? {
        name: user.name,
        isCoalition: user.coalitionRole !== "NONE",
        organizations: user.memberships.map((m) => ({ slug: m.organization.slug, name: m.organization.name })),
      }
    : null;
  return data(
    { locale, catalog: catalogUrl(locale), user: header, toast },
    clear ? { headers: { "Set-Cookie": clear } } : undefined,
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const page = useRouteLoaderData<typeof loader>("root");
  const { t, i18n } = useTranslation();
  // Without root's data (an address no route matches, or root's loader failed) the page keeps the language
  // the request asked for: the server's i18n instance and the browser's both start in it.
  const locale = page?.locale ?? (isLocale(i18n.language) ? i18n.language : "en");
  const pageError = usePageError();
  const nonce = useNonce();
  useChangeLanguage(locale);
  return (
    <html lang={locale} dir={i18n.dir(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {page?.catalog ? (
          <>
            <meta name="i18n-catalog" content={page.catalog} />
            <link rel="preload" href={page.catalog} as="fetch" crossOrigin="anonymous" />
          </>
        ) : null}
        {/* first, so it wins over a route's title that assumed its data was there */}
        {pageError ? <ErrorTitle status={pageError.status} /> : null}
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        <SiteHeader user={page?.user ?? null} locale={locale} />
        <Toast key={JSON.stringify(page?.toast)} toast={page?.toast ?? null} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">{t("footer.text")}</div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
