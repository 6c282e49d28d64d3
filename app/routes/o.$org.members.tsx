import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "~/utils/zod.server";
import { ConfirmStep } from "~/components/confirm-step";
import { ErrorList, Field } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { createInvitation, listOrganizationInvitations, revokeInvitation } from "~/models/invitation.server";
import { handOverLead, listMembers, removeMember } from "~/models/membership.server";
import { notFound, requireOrgPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { readEnv } from "~/utils/env.server";
import { parseForm } from "~/utils/forms.server";
import i18next from "~/utils/i18next.server";
import { orgRoleCan } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { confirmField, emailField } from "~/utils/form-fields";
import { useFormat } from "~/components/use-format";

const idField = () => z.string({ error: "validation.required" }).check(z.minLength(1, { error: "validation.required" }), z.maxLength(40, { error: "validation.invalidChoice" }));

const schema = () =>
  z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("invite"), email: emailField(), role: z.enum(["MEMBER", "LEAD"], { error: "validation.invalidChoice" }) }),
    z.object({ intent: z.literal("revoke"), invitationId: idField() }),
    z.object({ intent: z.literal("remove"), membershipId: idField(), confirm: confirmField() }),
    z.object({ intent: z.literal("handOver"), membershipId: idField() }),
  ],
  { error: "validation.invalidChoice" },
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { organization, role } = requireOrgPermission(user, params.org, "read:member");
  const canManage = orgRoleCan(role, "manage:member");
  const prisma = await getPrisma();
  const [members, invitations, t] = await Promise.all([
    listMembers({ prisma, organizationId: organization.id }),
    canManage ? listOrganizationInvitations({ prisma, organizationId: organization.id }) : Promise.resolve([]),
    i18next.getFixedT(request, "org"),
  ]);
  return json({
    title: t("members.title"),
    organization: organization.name,
    canManage,
    members: members.map((m) => ({ id: m.id, role: m.role, name: m.user.name, email: m.user.email, since: m.createdAt.toISOString(), self: m.user.id === user.id })),
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.membershipRole, expiresAt: i.expiresAt.toISOString() })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · ${data?.organization ?? ""} · North Star` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // members without the right get the same 404 as a stranger, whatever they post
  const { organization } = requireOrgPermission(user, params.org, "manage:member");
  const submission = await parseForm(request, schema());
  const intent = typeof submission.payload.intent === "string" ? submission.payload.intent : "";
  // one answer shape, so the page's types see the confirmation step beside the form results
  const answer = (result: ReturnType<typeof submission.reply>, status = 400, confirm: { membershipId: string; name: string; email: string } | null = null) =>
    json({ intent, result, confirm }, { status });
  if (submission.status !== "success") return answer(submission.reply());
  const prisma = await getPrisma();
  const here = `/o/${organization.slug}/members`;
  const value = submission.value;
  const refuse = (error: string) => answer(submission.reply({ formErrors: [error] }));

  switch (value.intent) {
    case "invite": {
      const target = { organizationId: organization.id, role: value.role };
      const sent = await createInvitation({ prisma, inviterId: user.id, email: value.email, target, appUrl: readEnv().APP_URL });
      if (!sent) notFound();
      if (!sent.ok) return answer(submission.reply({ fieldErrors: { email: [sent.error] } }));
      return redirectWithToast(here, { key: "org:members.invite.sent", values: { email: value.email } });
    }
    case "revoke": {
      const revoked = await revokeInvitation({ prisma, invitationId: value.invitationId, organizationId: organization.id, actorId: user.id });
      if (!revoked) notFound();
      return redirectWithToast(here, { key: "org:members.pending.revoked" });
    }
    case "remove": {
      // the first post only asks: it names who would lose access and changes nothing
      if (!value.confirm) {
        const member = (await listMembers({ prisma, organizationId: organization.id })).find((m) => m.id === value.membershipId);
        if (!member) notFound();
        return answer(submission.reply(), 200, { membershipId: member.id, name: member.user.name, email: member.user.email });
      }
      const removed = await removeMember({ prisma, organizationId: organization.id, membershipId: value.membershipId, actorId: user.id });
      if (removed.status === "notFound") notFound();
      if (removed.status === "lastLead") return refuse("org:members.errors.lastLead");
      // a lead who removed themself no longer has this page
      if (removed.userId === user.id) return redirectWithToast("/", { key: "org:members.left", values: { organization: organization.name } });
      return redirectWithToast(here, { key: "org:members.removed", values: { name: removed.name, organization: organization.name } });
    }
    case "handOver": {
      const done = await handOverLead({ prisma, organizationId: organization.id, toMembershipId: value.membershipId, actorId: user.id });
      if (done.status === "notFound") notFound();
      if (done.status === "error") return refuse(done.error);
      return redirectWithToast(here, { key: "org:members.handOver.done", values: { name: done.name } });
    }
  }
}

export default function Members() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("org");
  // a new location after a successful send: the form starts empty again
  const location = useLocation();
  const [inviteForm, inviteFields] = useForm({ id: "invite-member", lastResult: actionData?.intent === "invite" ? actionData.result : undefined });
  const [rowForm] = useForm({ id: "member-actions", lastResult: actionData && actionData.intent !== "invite" ? actionData.result : undefined });
  const format = useFormat();
  const others = data.members.filter((m) => !m.self && m.role === "MEMBER");
  const confirm = actionData?.confirm ?? null;
  return (
    <div className="container section stack">
      <h1>{t("members.title")}</h1>
      <p className="section-intro">{t("members.intro", { organization: data.organization })}</p>
      <ErrorList id={rowForm.errorId} errors={rowForm.errors} />
      {confirm ? (
        <ConfirmStep
          id="confirm-remove"
          title={t("members.confirmRemove.title", { name: confirm.name, organization: data.organization })}
          fields={{ intent: "remove", membershipId: confirm.membershipId }}
          confirmLabel={t("members.confirmRemove.submit", { name: confirm.name })}
        >
          <p>{t("members.confirmRemove.body", { name: confirm.name, email: confirm.email, organization: data.organization })}</p>
          <p>{t("members.confirmRemove.undo")}</p>
        </ConfirmStep>
      ) : null}
      <p className="field-help" id="members-count">
        {t("members.caption", { count: data.members.length })}
      </p>
      <div className="table-wrap">
        <table className="data cards" aria-describedby="members-count">
          <thead>
            <tr>
              <th scope="col">{t("members.table.name")}</th>
              <th scope="col">{t("members.table.email")}</th>
              <th scope="col">{t("members.table.role")}</th>
              <th scope="col">{t("members.table.since")}</th>
              {data.canManage ? <th scope="col">{t("members.table.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.members.map((m) => (
              <tr key={m.id}>
                <td className="cell-title">
                  {m.name} {m.self ? <span className="field-help">{t("members.you")}</span> : null}
                </td>
                <td data-label={t("members.table.email")}>{m.email}</td>
                <td data-label={t("members.table.role")}>
                  <span className="badge">{t(`members.roles.${m.role}`)}</span>
                </td>
                <td data-label={t("members.table.since")}>{format.date(m.since)}</td>
                {data.canManage ? (
                  <td data-label={t("members.table.actions")} className={m.self ? "cell-empty" : undefined}>
                    {m.self ? null : (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="membershipId" value={m.id} />
                        <button type="submit" className="button small secondary" aria-label={t("members.removeNamed", { name: m.name })}>
                          {t("members.remove")}
                        </button>
                      </Form>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {data.canManage ? (
        <>
          <section aria-labelledby="pending-heading" className="stack">
            <h2 id="pending-heading">{t("members.pending.title")}</h2>
            {data.invitations.length ? (
              <ul className="plain-list">
                {data.invitations.map((i) => (
                  <li key={i.id} className="form-actions">
                    <span>
                      {i.email} · {i.role ? t(`members.roles.${i.role}`) : null} · {t("members.pending.expires", { date: format.date(i.expiresAt) })}
                    </span>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={i.id} />
                      <button type="submit" className="button small secondary" aria-label={t("members.pending.revokeNamed", { email: i.email })}>
                        {t("members.pending.revoke")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="empty-state">{t("members.pending.empty")}</p>
            )}
          </section>

          <section aria-labelledby="invite-heading" className="narrow stack">
            <h2 id="invite-heading">{t("members.invite.title")}</h2>
            <p>{t("members.invite.intro")}</p>
            <Form key={location.key} method="post" className="stack card-form" {...getFormProps(inviteForm)}>
              <ErrorList id={inviteForm.errorId} errors={inviteForm.errors} />
              <input type="hidden" name="intent" value="invite" />
              <Field label={t("members.invite.email")} meta={inviteFields.email}>
                <input {...getInputProps(inviteFields.email, { type: "email" })} autoComplete="off" maxLength={254} required />
              </Field>
              <Field label={t("members.invite.role")} meta={inviteFields.role}>
                <select {...getSelectProps(inviteFields.role)}>
                  <option value="MEMBER">{t("members.roles.MEMBER")}</option>
                  <option value="LEAD">{t("members.roles.LEAD")}</option>
                </select>
              </Field>
              <SubmitButton>{t("members.invite.submit")}</SubmitButton>
            </Form>
          </section>

          <section aria-labelledby="handover-heading" className="narrow stack">
            <h2 id="handover-heading">{t("members.handOver.title")}</h2>
            <p>{t("members.handOver.intro")}</p>
            {others.length ? (
              <Form method="post" className="stack card-form">
                <input type="hidden" name="intent" value="handOver" />
                <div className="field">
                  <label htmlFor="handover-to">{t("members.handOver.to")}</label>
                  <select id="handover-to" name="membershipId" required>
                    {others.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.name} ({m.email})
                      </option>
                    ))}
                  </select>
                </div>
                <div className="form-actions">
                  <SubmitButton className="button secondary">{t("members.handOver.submit")}</SubmitButton>
                </div>
              </Form>
            ) : (
              <p className="empty-state">{t("members.handOver.none")}</p>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
