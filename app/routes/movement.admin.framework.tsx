import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/ui/field";
import { getFrameworkForAdmin, moveFrameworkItem, setValueArchived } from "~/models/framework-admin.server";
import { notFound, requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { parseForm, reply } from "~/utils/forms.server";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { redirectWithToast } from "~/utils/toast.server";
import { frameworkListSchema } from "~/models/framework-schema";

/** The framework's admin pages: coalition admins only; staff and everyone else get a 404. */
async function requireAdmin(request: Request) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "manage:framework");
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [framework, locale, t] = await Promise.all([
    getFrameworkForAdmin({ prisma: await getPrisma() }),
    getLocale(request),
    fixedT(request, "framework"),
  ]);
  return {
    title: t("title"),
    fromYear: framework.fromYear,
    values: framework.values.map((v) => ({
      id: v.id,
      archived: v.archived,
      name: v.name[locale],
      description: v.description[locale],
    })),
    freedoms: framework.freedoms.map((f) => ({ id: f.id, name: f.name[locale], description: f.description[locale] })),
    levels: framework.levels.map((l) => ({ level: l.level, name: l.name[locale], description: l.description[locale] })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · North Star` }];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const submission = await parseForm(request, frameworkListSchema());
  if (submission.status !== "success") return reply(submission);
  const prisma = await getPrisma();
  const here = "/movement/admin/framework";
  const value = submission.value;
  if (value.intent === "move") {
    if (
      !(
        await moveFrameworkItem({
          prisma,
          actorId: user.id,
          kind: value.kind,
          id: value.id,
          direction: value.direction,
        })
      ).ok
    )
      notFound();
    return redirectWithToast(here, { key: "framework:toast.moved" });
  }
  const archived = value.intent === "archive";
  if (!(await setValueArchived({ prisma, actorId: user.id, id: value.id, archived })).ok) notFound();
  return redirectWithToast(here, { key: archived ? "framework:toast.archived" : "framework:toast.restored" });
}

type Item = { id: string; name: string; description: string; archived?: boolean };

function ItemList({ kind, items }: { kind: "value" | "freedom"; items: Item[] }) {
  const { t } = useTranslation("framework");
  return (
    <ol className="framework-list">
      {items.map((item, i) => (
        <li key={item.id} className="card framework-item">
          <div className="framework-text">
            <h3>
              {item.name} {item.archived ? <span className="badge muted-badge">{t("archived")}</span> : null}
            </h3>
            <p>{item.description}</p>
          </div>
          <div className="form-actions">
            <Link
              className="button small secondary"
              to={`/movement/admin/framework/${kind === "value" ? "values" : "freedoms"}/${item.id}`}
              aria-label={t("actions.editNamed", { name: item.name })}
            >
              {t("actions.edit")}
            </Link>
            {(["up", "down"] as const).map((direction) => (
              <Form key={direction} method="post" className="inline-form">
                <input type="hidden" name="intent" value="move" />
                <input type="hidden" name="kind" value={kind} />
                <input type="hidden" name="id" value={item.id} />
                <input type="hidden" name="direction" value={direction} />
                <button
                  type="submit"
                  className="button small secondary"
                  disabled={direction === "up" ? i === 0 : i === items.length - 1}
                  aria-label={t(`actions.${direction}Named`, { name: item.name })}
                >
                  <span aria-hidden="true">{direction === "up" ? "↑" : "↓"}</span> {t(`actions.${direction}`)}
                </button>
              </Form>
            ))}
            {kind === "value" ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value={item.archived ? "restore" : "archive"} />
                <input type="hidden" name="id" value={item.id} />
                <button
                  type="submit"
                  className="button small secondary"
                  aria-label={t(item.archived ? "actions.restoreNamed" : "actions.archiveNamed", { name: item.name })}
                >
                  {t(item.archived ? "actions.restore" : "actions.archive")}
                </button>
              </Form>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

export default function FrameworkAdmin() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("framework");
  return (
    <div className="container section stack">
      <h1>{t("title")}</h1>
      <p className="section-intro">{t("intro")}</p>
      <p className="notice">
        {t("appliesFrom", { year: data.fromYear })} {t("atOnce")}
      </p>
      <ErrorList errors={lastResult?.error?.[""]} />

      <section aria-labelledby="values-heading" className="stack">
        <div className="page-heading">
          <h2 id="values-heading">{t("values.title")}</h2>
          <Link className="button" to="/movement/admin/framework/values/new">
            {t("values.add")}
          </Link>
        </div>
        <p className="field-help">{t("values.archivedHelp")}</p>
        <ItemList kind="value" items={data.values} />
      </section>

      <section aria-labelledby="freedoms-heading" className="stack">
        <h2 id="freedoms-heading">{t("freedoms.title")}</h2>
        <ItemList kind="freedom" items={data.freedoms} />
      </section>

      <section aria-labelledby="rubric-heading" className="stack">
        <h2 id="rubric-heading">{t("rubric.title")}</h2>
        <p className="field-help">{t("rubric.intro")}</p>
        <ol className="framework-list">
          {data.levels.map((l) => (
            <li key={l.level} className="card framework-item">
              <div className="framework-text">
                <h3>
                  {t("rubric.level", { level: l.level })} · {l.name}
                </h3>
                <p>{l.description}</p>
              </div>
              <div className="form-actions">
                <Link
                  className="button small secondary"
                  to={`/movement/admin/framework/levels/${l.level}`}
                  aria-label={t("actions.editNamed", { name: l.name })}
                >
                  {t("actions.edit")}
                </Link>
              </div>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
