import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listAuditEvents } from "~/models/audit.server";
import { readOnlyAction, requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { fixedT } from "~/utils/i18next.server";
import { searchParamsOf } from "~/utils/http";
import { useFormat } from "~/components/use-format";
import { parseAuditSearch } from "~/models/audit-schema";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "read:audit");
  const { before } = parseAuditSearch(searchParamsOf(request));
  const [page, t] = await Promise.all([
    getPrisma().then((prisma) => listAuditEvents({ prisma, before })),
    fixedT(request, "admin"),
  ]);
  return {
    title: t("audit.title"),
    paged: before !== undefined,
    nextBefore: page.nextBefore,
    events: page.events.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      // worded here: an email's event says what became of it (sent, kept in the outbox, shown, printed)
      label: t(`audit.actions.${e.action}`, { defaultValue: e.action, context: deliveryOf(e.metadata) }),
      actor: e.actor,
      organization: e.organization?.name ?? null,
      entityType: e.entityType,
      // metadata names roles and record ids, never the sensitive text itself (see audit.server.ts)
      details: describe(e.metadata),
    })),
  };
}

// a post here is a 404 for whoever may not see the page, as every other method is
export function action(args: ActionFunctionArgs) {
  return readOnlyAction(args, loader);
}

/** Metadata as [key, value] text pairs; the page translates the keys and the role names it knows. */
function describe(metadata: unknown): [string, string][] {
  if (!metadata || typeof metadata !== "object" || Array.isArray(metadata)) return [];
  return Object.entries(metadata)
    .filter(([k]) => k !== "delivery")
    .map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : String(v)]);
}

/**
 * How an email event's email was delivered, recorded when it was written (emailDelivery, or PRINTED by
 * create-admin): the context of its words. SMTP, and events from before it was recorded, read "sent".
 */
function deliveryOf(metadata: unknown) {
  const delivery = metadata && typeof metadata === "object" && "delivery" in metadata ? metadata.delivery : null;
  return delivery === "OUTBOX" || delivery === "NONE" || delivery === "PRINTED" ? delivery : undefined;
}

const ROLE_VALUES = ["NONE", "STAFF", "ADMIN", "LEAD", "MEMBER"];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · North Star` }];

export default function Audit() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const format = useFormat();
  return (
    <div className="container section stack">
      <h1>{t("audit.title")}</h1>
      <p className="section-intro">{t("audit.intro")}</p>
      {data.events.length ? (
        <div className="table-wrap">
          <table className="data cards">
            <thead>
              <tr>
                <th scope="col">{t("audit.table.at")}</th>
                <th scope="col">{t("audit.table.action")}</th>
                <th scope="col">{t("audit.table.actor")}</th>
                <th scope="col">{t("audit.table.organization")}</th>
                <th scope="col">{t("audit.table.details")}</th>
              </tr>
            </thead>
            <tbody>
              {data.events.map((e) => (
                <tr key={e.id}>
                  <td className="cell-title">
                    <time dateTime={e.at}>{format.date(e.at, { dateStyle: "medium", timeStyle: "short" })}</time>
                  </td>
                  <td data-label={t("audit.table.action")}>{e.label}</td>
                  <td data-label={t("audit.table.actor")}>
                    {e.actor ? `${e.actor.name} (${e.actor.email})` : t("audit.noActor")}
                  </td>
                  <td data-label={t("audit.table.organization")}>{e.organization ?? "—"}</td>
                  <td data-label={t("audit.table.details")}>
                    {e.entityType ? <span className="field-help">{e.entityType}</span> : null}{" "}
                    {e.details
                      .map(
                        ([k, v]) =>
                          `${t(`audit.metadata.${k}`, { defaultValue: k })}: ${ROLE_VALUES.includes(v) ? t(`roles.${v}`) : v === "true" || v === "false" ? t(`audit.${v}`) : v}`,
                      )
                      .join(" · ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty-state">{t("audit.empty")}</p>
      )}
      <nav aria-label={t("pager.label")} className="form-actions">
        {data.paged ? <Link to="/movement/admin/audit">{t("audit.newest")}</Link> : null}
        {data.nextBefore ? <Link to={`?before=${data.nextBefore}`}>{t("audit.older")}</Link> : null}
      </nav>
    </div>
  );
}
