import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/utils/auth.server";
import { fixedT } from "~/utils/i18next.server";

/** A person in several organizations picks the one they are working in. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.memberships.length === 1) throw redirect(`/o/${user.memberships[0].organization.slug}`);
  const t = await fixedT(request, "auth");
  return {
    title: t("orgs.title"),
    organizations: user.memberships.map((m) => ({
      slug: m.organization.slug,
      name: m.organization.name,
      role: m.role,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · North Star` }];

export default function Orgs() {
  const { organizations } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  return (
    <div className="container narrow section stack">
      <h1>{t("orgs.title")}</h1>
      {organizations.length ? (
        <>
          <p>{t("orgs.intro")}</p>
          <ul className="card-list">
            {organizations.map((o) => (
              <li key={o.slug}>
                <Link to={`/o/${o.slug}`} className="card link-card">
                  <strong>{o.name}</strong>
                  <span>{t(`account.role${o.role}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="empty-state">{t("orgs.none")}</p>
      )}
    </div>
  );
}
