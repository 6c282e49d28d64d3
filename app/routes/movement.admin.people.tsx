import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmStep } from "~/components/confirm-step";
import { ErrorList } from "~/components/ui/field";
import { createInvitation, listCoalitionInvitations, revokeInvitation } from "~/models/invitation.server";
import { changeCoalitionRole, findPerson, listPeople, setDisabled, type PeopleChange } from "~/models/people.server";
import { notFound, requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { parseForm, reply, replyFailure, replyInvitationSent, type InviteLink } from "~/utils/forms.server";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { redirectWithToast } from "~/utils/toast.server";
import { parseListSearch } from "~/utils/form-fields";
import { filterParamsOf } from "~/utils/http";
import { peopleSchema } from "~/models/people-schema";
import { COALITION_ROLES, INVITED_COALITION_ROLES } from "~/models/people-options";
import { InvitationList, InviteForm } from "~/components/invitations";
import { AdminList } from "~/components/admin-list";
import { emailDelivery } from "~/utils/mailer.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "manage:people");
  const query = filterParamsOf(request);
  const search = parseListSearch(query);
  const prisma = await getPrisma();
  const [list, invitations, t] = await Promise.all([
    listPeople({ prisma, page: search.page, q: search.q }),
    listCoalitionInvitations({ prisma }),
    fixedT(request, "admin"),
  ]);
  return {
    title: t("people.title"),
    q: search.q ?? "",
    list: { ...list, people: list.people.map(({ id, ...p }) => ({ id, ...p, self: id === user.id })) },
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.coalitionRole,
      expiresAt: i.expiresAt.toISOString(),
    })),
    mail: emailDelivery(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · North Star` }];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "manage:people");
  const submission = await parseForm(request, peopleSchema());
  const intent = typeof submission.payload.intent === "string" ? submission.payload.intent : "";
  // one answer shape, so the page's types see the confirmation step beside the form results
  const form = {
    intent,
    confirm: null as { userId: string; name: string; email: string } | null,
    inviteLink: null as InviteLink | null,
  };
  if (submission.status !== "success") return reply(submission, {}, form);
  const prisma = await getPrisma();
  // back to the same search and page the admin was on
  const here = `/movement/admin/people${new URL(request.url).search}`;
  const value = submission.value;
  const answer = (change: PeopleChange, key: string) => {
    if (!change.ok) return replyFailure(submission, change, {}, form);
    return redirectWithToast(here, { key, values: { name: change.value.name } });
  };

  switch (value.intent) {
    case "invite": {
      const sent = await createInvitation({
        prisma,
        inviterId: user.id,
        email: value.email,
        target: { coalitionRole: value.role },
        appUrl: getEnv().APP_URL,
        // the email is in the language of the page the inviter invites from
        locale: await getLocale(request),
      });
      if (!sent.ok) return replyFailure(submission, sent, {}, form);
      return replyInvitationSent(request, submission, { ...sent.value, email: value.email }, form, {
        to: here,
        key: "admin:people.invite.sent",
      });
    }
    case "role":
      return answer(
        await changeCoalitionRole({ prisma, actorId: user.id, userId: value.userId, role: value.role }),
        "admin:people.roleChanged",
      );
    case "disable":
      // the first post only asks: it names whose account would stop working and changes nothing
      if (!value.confirm) {
        const person = await findPerson({ prisma, userId: value.userId });
        if (!person) notFound();
        if (person.id === user.id) return reply(submission, { formErrors: ["admin:people.errors.self"] }, form);
        return reply(
          submission,
          { status: 200 },
          { ...form, confirm: { userId: person.id, name: person.name, email: person.email } },
        );
      }
    // falls through: confirmed
    case "enable": {
      const disabled = value.intent === "disable";
      const change = await setDisabled({ prisma, actorId: user.id, userId: value.userId, disabled });
      return answer(change, disabled ? "admin:people.disabled" : "admin:people.enabled");
    }
    case "revoke": {
      const revoked = await revokeInvitation({
        prisma,
        invitationId: value.invitationId,
        organizationId: null,
        actorId: user.id,
      });
      if (!revoked.ok) notFound();
      return redirectWithToast(here, { key: "admin:people.pending.revoked" });
    }
  }
}

export default function People() {
  const { list, q, invitations, mail } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const [rowForm] = useForm({
    id: "people-actions",
    lastResult: actionData && actionData.intent !== "invite" ? actionData.result : undefined,
  });
  const confirm = actionData?.confirm ?? null;
  return (
    <div className="container section stack">
      <h1>{t("people.title")}</h1>
      <p className="section-intro">{t("people.intro")}</p>
      <AdminList
        id="people"
        q={q}
        searchLabel={t("people.search")}
        count={t("people.count", { count: list.total })}
        headings={[
          t("people.table.name"),
          t("people.table.email"),
          t("people.table.organizations"),
          t("people.table.role"),
          t("people.table.status"),
        ]}
        empty={q ? t("people.noResults", { q }) : t("people.empty")}
        page={list.page}
        pageCount={list.pageCount}
        notice={
          <>
            <ErrorList id={rowForm.errorId} errors={rowForm.errors} />
            {confirm ? (
              <ConfirmStep
                id="confirm-disable"
                title={t("people.confirmDisable.title", { name: confirm.name })}
                fields={{ intent: "disable", userId: confirm.userId }}
                confirmLabel={t("people.confirmDisable.submit")}
              >
                <p>{t("people.confirmDisable.body", { name: confirm.name, email: confirm.email })}</p>
                <p>{t("people.confirmDisable.undo")}</p>
              </ConfirmStep>
            ) : null}
          </>
        }
        rows={list.people.map((p) => (
          <tr key={p.id}>
            <td className="cell-title">
              {p.name} {p.self ? <span className="field-help">{t("people.you")}</span> : null}
            </td>
            <td data-label={t("people.table.email")}>{p.email}</td>
            <td data-label={t("people.table.organizations")}>{p.organizations}</td>
            <td data-label={t("people.table.role")}>
              {p.self ? (
                t(`roles.${p.coalitionRole}`)
              ) : (
                <Form method="post" className="form-actions">
                  <input type="hidden" name="intent" value="role" />
                  <input type="hidden" name="userId" value={p.id} />
                  <select name="role" defaultValue={p.coalitionRole} aria-label={t("people.roleFor", { name: p.name })}>
                    {COALITION_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`roles.${r}`)}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="button small secondary">
                    {t("people.changeRole")}
                  </button>
                </Form>
              )}
            </td>
            <td data-label={t("people.table.status")}>
              <div className="form-actions">
                <span className="badge">{p.disabled ? t("people.statusDisabled") : t("people.statusActive")}</span>
                {p.self ? null : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value={p.disabled ? "enable" : "disable"} />
                    <input type="hidden" name="userId" value={p.id} />
                    <button
                      type="submit"
                      className={p.disabled ? "button small secondary" : "button small danger"}
                      aria-label={t(p.disabled ? "people.enableNamed" : "people.disableNamed", { name: p.name })}
                    >
                      {p.disabled ? t("people.enable") : t("people.disable")}
                    </button>
                  </Form>
                )}
              </div>
            </td>
          </tr>
        ))}
      />

      <section aria-labelledby="pending-heading" className="stack">
        <h2 id="pending-heading">{t("people.pending.title")}</h2>
        <InvitationList
          invitations={invitations}
          roleName={(role) => t(`roles.${role}`)}
          expires={(date) => t("people.pending.expires", { date })}
          revoke={t("people.pending.revoke")}
          revokeNamed={(email) => t("people.pending.revokeNamed", { email })}
          empty={t("people.pending.empty")}
        />
      </section>

      <section aria-labelledby="invite-heading" className="narrow stack">
        <h2 id="invite-heading">{t("people.invite.title")}</h2>
        <p>{t("people.invite.intro")}</p>
        <p>{t("people.invite.delivery", { context: mail })}</p>
        <InviteForm
          id="invite-staff"
          lastResult={actionData?.intent === "invite" ? actionData.result : undefined}
          roles={INVITED_COALITION_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          email={t("people.invite.email")}
          role={t("people.invite.role")}
          submit={t("people.invite.submit")}
          link={actionData?.inviteLink}
        />
      </section>
    </div>
  );
}
