import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ParticipantCount } from "~/components/participant-count";
import { SubmitButton } from "~/components/ui/submit-button";
import { VisibilityBadge } from "~/components/visibility-field";
import { getFrameworkOptions } from "~/models/practice-options.server";
import { getPractice, setPracticeDeleted } from "~/models/practice.server";
import { notFound, requireOrgPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { getLocale } from "~/utils/i18next.server";
import { orgRoleCan } from "~/utils/permissions";
import { readForm } from "~/utils/security.server";
import { parseFormData, reply } from "~/utils/forms.server";
import { redirectWithToast } from "~/utils/toast.server";
import { recordParam } from "~/utils/http";
import { useFormat } from "~/components/use-format";
import { practiceIntentSchema } from "~/models/practice-schema";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { organization, role } = requireOrgPermission(user, params.org, "read:practice");
  const prisma = await getPrisma();
  const practice = await getPractice({ prisma, organizationId: organization.id, id: recordParam(params.practiceId) });
  // another organization's practice, or a deleted one, is not here (the undo posts to the action)
  if (!practice || practice.deleted) notFound();
  const lng = await getLocale(request);
  // archived values and freedoms too: an older practice keeps the names it was logged with
  const framework = await getFrameworkOptions({ prisma, locale: lng, includeArchived: true });
  const value = framework.values.find((v) => v.id === practice.valueId);
  return {
    organization: { slug: organization.slug, name: organization.name },
    practice: {
      id: practice.id,
      title: practice.title,
      notes: practice.notes,
      occurredOn: practice.occurredOn,
      participants: practice.participants,
      impactedParticipants: practice.impactedParticipants,
      visibility: practice.visibility,
      consentToQuote: practice.consentToQuote,
      commitment:
        practice.commitmentId && practice.commitmentTitle
          ? { id: practice.commitmentId, title: practice.commitmentTitle }
          : null,
    },
    value: value ? { slug: value.slug, name: value.name, color: value.color } : null,
    freedoms: framework.freedoms
      .filter((f) => practice.freedomIds.includes(f.id))
      .map(({ id, name, color }) => ({ id, name, color })),
    canWrite: orgRoleCan(role, "write:practice"),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.practice.title ?? ""} · ${data?.organization.name ?? ""} · North Star` },
];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { organization } = requireOrgPermission(user, params.org, "write:practice");
  const prisma = await getPrisma();
  const id = recordParam(params.practiceId);
  const existing = await getPractice({ prisma, organizationId: organization.id, id });
  if (!existing) notFound();
  const formData = await readForm(request);
  // a deleted practice answers only to its undo
  if (existing.deleted && formData.get("intent") !== "restore") notFound();
  const submission = parseFormData(formData, practiceIntentSchema());
  if (submission.status !== "success") return reply(submission);
  const list = `/o/${organization.slug}/practices`;
  const deleted = submission.value.intent === "delete";
  const result = await setPracticeDeleted({ prisma, organizationId: organization.id, actorId: user.id, id, deleted });
  if (!result.ok) notFound();
  return deleted
    ? redirectWithToast(list, {
        key: "practice:toast.deleted",
        undo: { action: `${list}/${id}`, fields: { intent: "restore" } },
      })
    : redirectWithToast(`${list}/${id}`, { key: "practice:toast.restored" });
}

export default function PracticePage() {
  const { organization, practice: p, value, freedoms, canWrite } = useLoaderData<typeof loader>();
  const { t } = useTranslation("practice");
  const format = useFormat();
  const list = `/o/${organization.slug}/practices`;
  return (
    <div className="container narrow section stack">
      <p>
        <Link to={list}>← {t("edit.backToList")}</Link>
      </p>
      <header className="stack commitment-head" style={{ "--tag": value?.color } as React.CSSProperties}>
        {value ? (
          <p>
            <Link
              to={`/o/${organization.slug}/values/${value.slug}`}
              className="value-tag"
              style={{ "--tag": value.color } as React.CSSProperties}
            >
              {value.name}
            </Link>
          </p>
        ) : null}
        <h1>{p.title}</h1>
      </header>
      {canWrite ? (
        <p>
          <Link to={`${list}/${p.id}/edit`} className="button secondary">
            {t("view.edit")}
          </Link>
        </p>
      ) : null}

      <dl className="commitment-facts card-form">
        <div>
          <dt>{t("view.date")}</dt>
          <dd>
            <time dateTime={p.occurredOn}>{format.date(p.occurredOn, "full")}</time>
          </dd>
        </div>
        <div>
          <dt>{t("view.people")}</dt>
          <dd>
            <ParticipantCount participants={p.participants} impacted={p.impactedParticipants} stacked />
          </dd>
        </div>
        <div>
          <dt>{t("view.freedoms")}</dt>
          <dd>
            {freedoms.length ? (
              <ul className="tag-list">
                {freedoms.map((f) => (
                  <li key={f.id} className="freedom-name" style={{ "--tag": f.color } as React.CSSProperties}>
                    {f.name}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="field-help">{t("list.noFreedoms")}</span>
            )}
          </dd>
        </div>
        {p.commitment ? (
          <div>
            <dt>{t("view.commitment")}</dt>
            <dd>
              <Link to={`/o/${organization.slug}/commitments/${p.commitment.id}`}>{p.commitment.title}</Link>
            </dd>
          </div>
        ) : null}
        {/* the whole width: the badge and what it means read as one line */}
        <div style={{ gridColumn: "1 / -1" }}>
          <dt>{t("view.visibility")}</dt>
          <dd>
            <VisibilityBadge visibility={p.visibility} />{" "}
            <span className="field-help">
              {p.visibility === "PUBLIC"
                ? t(p.consentToQuote ? "quote.named" : "quote.anonymous")
                : t(`common:visibility.${p.visibility}_help`)}
            </span>
          </dd>
        </div>
      </dl>

      <section aria-labelledby="notes-heading" className="stack">
        <h2 id="notes-heading">{t("view.notes")}</h2>
        {p.notes ? <p className="entry-text">{p.notes}</p> : <p className="field-help">{t("view.noNotes")}</p>}
      </section>

      {canWrite ? (
        <section aria-labelledby="delete-heading" className="stack practice-delete">
          <h2 id="delete-heading">{t("delete.title")}</h2>
          <p className="field-help">{t("delete.help")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <SubmitButton className="button small danger">{t("delete.button")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
