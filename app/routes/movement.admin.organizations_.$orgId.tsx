import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganizationFields } from "~/components/organization-fields";
import { ConfirmStep } from "~/components/confirm-step";
import { ErrorList } from "~/components/ui/field";
import { organizationPageSchema } from "~/models/organization-schema";
import { InvitationList, InviteForm } from "~/components/invitations";
import { SubmitButton } from "~/components/ui/submit-button";
import { createInvitation, listOrganizationInvitations, revokeInvitation } from "~/models/invitation.server";
import {
  archiveOrganization,
  getOrganizationForAdmin,
  listFocusFreedomOptions,
  restoreOrganization,
  updateOrganization,
} from "~/models/organization.server";
import { timeZoneChoices } from "~/models/organization-time-zone.server";
import { listRegionChoices, regionName } from "~/models/region.server";
import { notFound, requireCoalitionPermission, requireUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { parseForm, reply, replyFailure, replyInvitationSent, type InviteLink } from "~/utils/forms.server";
import { fixedT, getLocale } from "~/utils/i18next.server";
import { redirectWithToast } from "~/utils/toast.server";
import { recordParam } from "~/utils/http";
import { formatDate } from "~/utils/format";
import { emailDelivery } from "~/utils/mailer.server";

/** One organization's metadata for coalition admins: never its practices, commitments or reflections. */
async function loadOrganization(request: Request, orgId: string | undefined) {
  const user = await requireUser(request);
  requireCoalitionPermission(user, "manage:organization");
  const organization = await getOrganizationForAdmin({ prisma: await getPrisma(), id: recordParam(orgId) });
  if (!organization) notFound();
  return { user, organization };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization: o } = await loadOrganization(request, params.orgId);
  const prisma = await getPrisma();
  const locale = await getLocale(request);
  const t = await fixedT(locale, "admin");
  const [freedoms, invitations, regions] = await Promise.all([
    listFocusFreedomOptions({ prisma, locale }),
    listOrganizationInvitations({ prisma, organizationId: o.id }),
    listRegionChoices({ prisma, locale, keep: o.region }),
  ]);
  return {
    organization: {
      slug: o.slug,
      name: o.name,
      region: o.region ?? "",
      regionName: regionName(o.regionRef, locale),
      sizeBand: o.sizeBand,
      timeZone: o.timeZone,
      impactedLed: o.impactedLed,
      languages: o.languages,
      joinedAt: o.joinedAt.toISOString().slice(0, 10),
      archived: o.archivedAt !== null,
      version: o.version,
      focusFreedomIds: o.focusFreedoms.map((f) => f.freedomId),
      members: o._count.memberships,
      leads: o.memberships.map((m) => ({ id: m.id, name: m.user.name, email: m.user.email })),
    },
    // the edit form's starting values, shaped here so the page's script does not carry the shaping
    form: {
      name: o.name,
      region: o.region ?? "",
      sizeBand: o.sizeBand,
      timeZone: o.timeZone,
      impactedLed: o.impactedLed,
      languages: o.languages.join(", "),
      focusFreedomIds: o.focusFreedoms.map((f) => f.freedomId),
    },
    freedoms,
    regions,
    timeZones: timeZoneChoices({ locale, keep: o.timeZone }),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.membershipRole,
      expiresAt: i.expiresAt.toISOString(),
    })),
    mail: emailDelivery(),
    // worded here: the page's script stays within its budget
    inviteIntro: t("organizations.leads.inviteIntro", { context: emailDelivery() }),
    archive: o.archivedAt
      ? [
          t("organizations.archive.restoreTitle"),
          t("organizations.archive.restoreIntro"),
          t("organizations.archive.restore"),
        ]
      : [t("organizations.archive.title"), t("organizations.archive.intro"), t("organizations.archive.submit")],
    facts: [
      regionName(o.regionRef, locale) ?? t("organizations.noRegion"),
      t("organizations.edit.joined", { date: formatDate(locale, o.joinedAt.toISOString().slice(0, 10)) }),
      t("organizations.edit.members", { count: o._count.memberships }),
      t("organizations.edit.slug", { slug: o.slug }),
    ],
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.organization.name ?? ""} · North Star` },
];

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization } = await loadOrganization(request, params.orgId);
  const submission = await parseForm(request, organizationPageSchema());
  const intent = typeof submission.payload.intent === "string" ? submission.payload.intent : "";
  // one answer shape, so the page's types see the confirmation step beside the form results
  const form = { intent, confirm: false, inviteLink: null as InviteLink | null };
  if (submission.status !== "success") return reply(submission, {}, form);
  const prisma = await getPrisma();
  const here = `/movement/admin/organizations/${organization.id}`;
  const value = submission.value;
  const refuse = (error: string) => reply(submission, { formErrors: [error] }, form);

  switch (value.intent) {
    case "update": {
      const { intent: _intent, version, ...input } = value;
      const saved = await updateOrganization({ prisma, actorId: user.id, id: organization.id, version, input });
      if (!saved.ok) return replyFailure(submission, saved, {}, form);
      return redirectWithToast(here, { key: "admin:organizations.edit.saved" });
    }
    case "archive":
      // the first post only asks (the page names what archiving does) and changes nothing
      if (!value.confirm)
        return organization.archivedAt
          ? redirect(here)
          : reply(submission, { status: 200 }, { ...form, confirm: true });
    // falls through: confirmed
    case "restore": {
      const done = await (value.intent === "archive" ? archiveOrganization : restoreOrganization)({
        prisma,
        actorId: user.id,
        id: organization.id,
      });
      if (!done.ok) notFound();
      const key =
        value.intent === "archive" ? "admin:organizations.archive.done" : "admin:organizations.archive.restored";
      return redirectWithToast(here, { key, values: { name: done.value.name } });
    }
    case "invite": {
      if (organization.archivedAt) return refuse("admin:organizations.errors.archivedInvite");
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
      // archived since the check above
      if (!sent.ok && sent.error === "not-found") return refuse("admin:organizations.errors.archivedInvite");
      if (!sent.ok) return replyFailure(submission, sent, {}, form);
      return replyInvitationSent(request, submission, { ...sent.value, email: value.email }, form, {
        to: here,
        key: "admin:organizations.leads.sent",
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
      return redirectWithToast(here, { key: "admin:organizations.pending.revoked" });
    }
  }
}

export default function OrganizationAdmin() {
  const {
    organization: o,
    form: defaultValue,
    freedoms,
    regions,
    timeZones,
    invitations,
    inviteIntro,
    facts,
    archive: [archiveTitle, archiveIntro, archiveSubmit],
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const resultFor = (...intents: string[]) =>
    actionData && intents.includes(actionData.intent) ? actionData.result : undefined;
  const [form, fields] = useForm({
    id: "edit-organization",
    lastResult: resultFor("update"),
    defaultValue,
  });
  const [rowForm] = useForm({ id: "organization-actions", lastResult: resultFor("archive", "restore", "revoke") });
  const confirmArchive = Boolean(actionData?.confirm) && !o.archived;
  return (
    <div className="container section stack">
      <p>
        <Link to="/movement/admin/organizations">← {t("organizations.edit.back")}</Link>
      </p>
      <h1>{o.name}</h1>
      <p className="form-actions">
        <span className="badge">{o.archived ? t("organizations.archived") : t("organizations.active")}</span>
        {facts.map((fact) => (
          <span key={fact}>{fact}</span>
        ))}
      </p>
      <p className="section-intro">{t("organizations.edit.privacy")}</p>
      <ErrorList id={rowForm.errorId} errors={rowForm.errors} />
      {confirmArchive ? (
        <ConfirmStep
          id="confirm-archive"
          title={t("organizations.confirmArchive.title", { name: o.name })}
          fields={{ intent: "archive" }}
          confirmLabel={t("organizations.confirmArchive.submit")}
        >
          <p>{t("organizations.confirmArchive.body", { name: o.name, count: o.members })}</p>
          <p>{t("organizations.confirmArchive.undo")}</p>
        </ConfirmStep>
      ) : null}

      <section aria-labelledby="leads-heading" className="narrow stack">
        <h2 id="leads-heading">{t("organizations.leads.title")}</h2>
        {o.leads.length ? (
          <ul className="plain-list">
            {o.leads.map((l) => (
              <li key={l.id}>
                {l.name} · {l.email}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty-state">{t("organizations.leads.none")}</p>
        )}
        {invitations.length ? <h3>{t("organizations.pending.title")}</h3> : null}
        <InvitationList
          invitations={invitations}
          roleName={(role) => t(`roles.${role}`)}
          expires={(date) => t("organizations.pending.expires", { date })}
          revoke={t("organizations.pending.revoke")}
          revokeNamed={(email) => t("organizations.pending.revokeNamed", { email })}
        />
        {o.archived ? null : (
          <InviteForm
            id="invite-lead"
            lastResult={resultFor("invite")}
            roles={[{ value: "LEAD", label: t("roles.LEAD") }]}
            email={t("organizations.leads.email")}
            submit={t("organizations.leads.submit")}
            link={actionData?.inviteLink}
          >
            <h3>{t("organizations.leads.invite")}</h3>
            <p className="field-help">{inviteIntro}</p>
          </InviteForm>
        )}
      </section>

      <section aria-labelledby="edit-heading" className="narrow stack">
        <h2 id="edit-heading">{t("organizations.edit.title")}</h2>
        <Form method="post" className="stack card-form" {...getFormProps(form)}>
          <ErrorList id={form.errorId} errors={form.errors} reveal />
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="version" value={o.version} />
          <OrganizationFields fields={fields} freedoms={freedoms} regions={regions} timeZones={timeZones} />
          <SubmitButton>{t("organizations.edit.submit")}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="archive-heading" className="narrow stack">
        <h2 id="archive-heading">{archiveTitle}</h2>
        <p>{archiveIntro}</p>
        <Form method="post">
          <input type="hidden" name="intent" value={o.archived ? "restore" : "archive"} />
          <SubmitButton className={o.archived ? "button secondary" : "button danger"}>{archiveSubmit}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
