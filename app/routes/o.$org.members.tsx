import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmStep } from "~/components/confirm-step";
import { ErrorList } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { createInvitation, listOrganizationInvitations, revokeInvitation } from "~/models/invitation.server";
import { handOverLead, listMembers, removeMember } from "~/models/membership.server";
import { notFound, requireOrgPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { parseForm, reply, replyFailure, replyInvitationSent, type InviteLink } from "~/utils/forms.server";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { orgRoleCan } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { useFormat } from "~/components/use-format";
import { membersSchema } from "~/models/membership-schema";
import { INVITED_MEMBER_ROLES } from "~/models/people-options";
import { InvitationList, InviteForm } from "~/components/invitations";
import { emailDelivery } from "~/utils/mailer.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { organization, role } = requireOrgPermission(user, params.org, "read:member");
  const canManage = orgRoleCan(role, "manage:member");
  const prisma = await getPrisma();
  const [members, invitations, t] = await Promise.all([
    listMembers({ prisma, organizationId: organization.id }),
    canManage ? listOrganizationInvitations({ prisma, organizationId: organization.id }) : Promise.resolve([]),
    fixedT(request, "org"),
  ]);
  return {
    title: t("members.title"),
    organization: organization.name,
    canManage,
    members: members.map((m) => ({
      id: m.id,
      role: m.role,
      name: m.user.name,
      email: m.user.email,
      since: m.createdAt.toISOString(),
      self: m.user.id === user.id,
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.membershipRole,
      expiresAt: i.expiresAt.toISOString(),
    })),
    mail: emailDelivery(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} · ${data?.organization ?? ""} · North Star` },
];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // members without the right get the same 404 as a stranger, whatever they post
  const { organization } = requireOrgPermission(user, params.org, "manage:member");
  const submission = await parseForm(request, membersSchema());
  const intent = typeof submission.payload.intent === "string" ? submission.payload.intent : "";
  // one answer shape, so the page's types see the confirmation step beside the form results
  const form = {
    intent,
    confirm: null as { membershipId: string; name: string; email: string } | null,
    inviteLink: null as InviteLink | null,
  };
  if (submission.status !== "success") return reply(submission, {}, form);
  const prisma = await getPrisma();
  const here = `/o/${organization.slug}/members`;
  const value = submission.value;

  switch (value.intent) {
    case "invite": {
      const target = { organizationId: organization.id, role: value.role };
      const sent = await createInvitation({
        prisma,
        inviterId: user.id,
        email: value.email,
        target,
        appUrl: getEnv().APP_URL,
        // the email is in the language of the page the inviter invites from
        locale: await getLocale(request),
      });
      if (!sent.ok) return replyFailure(submission, sent, {}, form);
      return replyInvitationSent(request, submission, { ...sent.value, email: value.email }, form, {
        to: here,
        key: "org:members.invite.sent",
      });
    }
    case "revoke": {
      const revoked = await revokeInvitation({
        prisma,
        invitationId: value.invitationId,
        organizationId: organization.id,
        actorId: user.id,
      });
      if (!revoked.ok) notFound();
      return redirectWithToast(here, { key: "org:members.pending.revoked" });
    }
    case "remove": {
      // the first post only asks: it names who would lose access and changes nothing
      if (!value.confirm) {
        const member = (await listMembers({ prisma, organizationId: organization.id })).find(
          (m) => m.id === value.membershipId,
        );
        if (!member) notFound();
        return reply(
          submission,
          { status: 200 },
          { ...form, confirm: { membershipId: member.id, name: member.user.name, email: member.user.email } },
        );
      }
      const removed = await removeMember({
        prisma,
        organizationId: organization.id,
        membershipId: value.membershipId,
        actorId: user.id,
      });
      if (!removed.ok) return replyFailure(submission, removed, {}, form);
      // a lead who removed themself no longer has this page
      if (removed.value.userId === user.id)
        return redirectWithToast("/", { key: "org:members.left", values: { organization: organization.name } });
      return redirectWithToast(here, {
        key: "org:members.removed",
        values: { name: removed.value.name, organization: organization.name },
      });
    }
    case "handOver": {
      const done = await handOverLead({
        prisma,
        organizationId: organization.id,
        toMembershipId: value.membershipId,
        actorId: user.id,
      });
      if (!done.ok) return replyFailure(submission, done, {}, form);
      return redirectWithToast(here, { key: "org:members.handOver.done", values: { name: done.value.name } });
    }
  }
}

export default function Members() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("org");
  const [rowForm] = useForm({
    id: "member-actions",
    lastResult: actionData && actionData.intent !== "invite" ? actionData.result : undefined,
  });
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
          <p>
            {t("members.confirmRemove.body", {
              name: confirm.name,
              email: confirm.email,
              organization: data.organization,
            })}
          </p>
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
                        <button
                          type="submit"
                          className="button small secondary"
                          aria-label={t("members.removeNamed", { name: m.name })}
                        >
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
            <InvitationList
              invitations={data.invitations}
              roleName={(role) => t(`members.roles.${role}`)}
              expires={(date) => t("members.pending.expires", { date })}
              revoke={t("members.pending.revoke")}
              revokeNamed={(email) => t("members.pending.revokeNamed", { email })}
              empty={t("members.pending.empty")}
            />
          </section>

          <section aria-labelledby="invite-heading" className="narrow stack">
            <h2 id="invite-heading">{t("members.invite.title")}</h2>
            <p>{t("members.invite.intro", { context: data.mail })}</p>
            <InviteForm
              id="invite-member"
              lastResult={actionData?.intent === "invite" ? actionData.result : undefined}
              roles={INVITED_MEMBER_ROLES.map((r) => ({ value: r, label: t(`members.roles.${r}`) }))}
              email={t("members.invite.email")}
              role={t("members.invite.role")}
              submit={t("members.invite.submit")}
              link={actionData?.inviteLink}
            />
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
