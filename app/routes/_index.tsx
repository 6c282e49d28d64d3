import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getPublicFramework } from "~/models/framework.server";
import { getPrisma } from "~/utils/db.server";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { freedomColor, valueColor } from "~/utils/palette";

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const [framework, t] = await Promise.all([
    getPrisma().then((prisma) => getPublicFramework({ prisma, locale })),
    fixedT(locale),
  ]);
  return { framework, title: t("landing.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "North Star" },
  { name: "description", content: data?.framework.vision ?? "" },
];

export default function Landing() {
  const { framework } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const empty = framework.values.length === 0 && framework.freedoms.length === 0;
  return (
    <>
      <section className="hero container" aria-labelledby="landing-heading">
        <h1 id="landing-heading">{t("landing.heading")}</h1>
        <p className="lede">{t("landing.lede")}</p>
        <blockquote className="quote">{t("landing.quote")}</blockquote>
      </section>

      {empty ? (
        <div className="container section">
          <p className="empty-state">{t("landing.empty")}</p>
        </div>
      ) : null}

      {framework.vision ? (
        <section className="container section" aria-labelledby="vision-heading">
          <h2 id="vision-heading">{t("landing.visionHeading")}</h2>
          <p className="vision" data-testid="vision">
            {framework.vision}
          </p>
        </section>
      ) : null}

      <FrameworkSection
        id="values"
        heading={t("landing.valuesHeading")}
        intro={t("landing.valuesIntro")}
        grid="four"
        items={framework.values.map((v, i) => ({ ...v, color: valueColor(v.slug, i) }))}
      />
      <FrameworkSection
        id="freedoms"
        heading={t("landing.freedomsHeading")}
        intro={t("landing.freedomsIntro")}
        grid="five"
        items={framework.freedoms.map((f, i) => ({ ...f, color: freedomColor(f.slug, i) }))}
      />

      <section className="container section" aria-labelledby="privacy-heading">
        <div className="notice">
          <div>
            <h2 id="privacy-heading">{t("landing.privacyHeading")}</h2>
            <p>{t("landing.privacy")}</p>
          </div>
        </div>
      </section>
    </>
  );
}

/** The values or the freedoms as cards, each in its stable colour; nothing when there are none. */
function FrameworkSection({
  id,
  heading,
  intro,
  grid,
  items,
}: {
  id: string;
  heading: string;
  intro: string;
  grid: "four" | "five";
  items: { slug: string; name: string; description: string; color: string }[];
}) {
  if (!items.length) return null;
  return (
    <section className="container section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p className="section-intro">{intro}</p>
      <ul className={`card-grid ${grid}`} data-testid={id}>
        {items.map((item) => (
          <li key={item.slug} className="card" style={{ "--card-accent": item.color } as React.CSSProperties}>
            <h3>{item.name}</h3>
            <p>{item.description}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
