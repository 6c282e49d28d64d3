// The invitation UI of the three pages that invite (coalition people, an organization's admin page, its members
// page): the pending invitations with a withdraw button each, and the form that sends one. The forms post the
// intents of models/invitation-schema.ts (`invite`, `revoke`); each page passes its own wording.
import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useFormat } from "~/components/use-format";
import { ErrorList, Field } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";

export type PendingInvitation = { id: string; email: string; role: string | null; expiresAt: string };

/** Pending invitations; `empty` is said when there are none (nothing is shown without it). */
export function InvitationList({
  invitations,
  roleName,
  expires,
  revoke,
  revokeNamed,
  empty,
}: {
  invitations: PendingInvitation[];
  roleName: (role: string) => string;
  expires: (date: string) => string;
  revoke: string;
  revokeNamed: (email: string) => string;
  empty?: string;
}) {
  const format = useFormat();
  if (!invitations.length) return empty ? <p className="empty-state">{empty}</p> : null;
  return (
    <ul className="plain-list">
      {invitations.map((i) => (
        <li key={i.id} className="form-actions">
          <span>
            {i.email} · {i.role ? roleName(i.role) : null} · {expires(format.date(i.expiresAt))}
          </span>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="revoke" />
            <input type="hidden" name="invitationId" value={i.id} />
            <button type="submit" className="button small secondary" aria-label={revokeNamed(i.email)}>
              {revoke}
            </button>
          </Form>
        </li>
      ))}
    </ul>
  );
}

/**
 * An invitation's link, for the inviter to pass on where this server sends no email (replyInvitationSent,
 * which words it): shown once, in the answer to the invitation.
 */
function InviteLinkNotice({
  url,
  notSent,
  label,
  help,
}: {
  url: string;
  notSent: string;
  label: string;
  help: string;
}) {
  return (
    <div className="notice invite-link field" role="status">
      <strong>{notSent}</strong>
      <label htmlFor="invite-link">{label}</label>
      <input id="invite-link" type="url" readOnly value={url} />
      <p className="field-help">{help}</p>
    </div>
  );
}

/**
 * The form that sends an invitation: an email and, where there is a choice, the role (`roles`); a single role
 * rides along hidden. `children` come first inside the form (a heading or an introduction); `link` is the
 * invitation just made, where this server cannot email it.
 */
export function InviteForm({
  id,
  lastResult,
  roles,
  email,
  role,
  submit,
  link,
  children,
}: {
  id: string;
  lastResult: SubmissionResult<string[]> | undefined;
  roles: { value: string; label: string }[];
  email: string;
  role?: string;
  submit: string;
  link?: { url: string; notSent: string; label: string; help: string } | null;
  children?: ReactNode;
}) {
  // a new location after a successful send: the form starts empty again
  const location = useLocation();
  const [form, fields] = useForm({ id, lastResult });
  return (
    <Form key={location.key} method="post" className="stack card-form" {...getFormProps(form)}>
      {children}
      {link ? <InviteLinkNotice {...link} /> : null}
      <ErrorList id={form.errorId} errors={form.errors} reveal />
      <input type="hidden" name="intent" value="invite" />
      <Field label={email} meta={fields.email}>
        <input {...getInputProps(fields.email, { type: "email" })} autoComplete="off" maxLength={254} required />
      </Field>
      {roles.length > 1 ? (
        <Field label={role} meta={fields.role}>
          <select {...getSelectProps(fields.role)}>
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <input type="hidden" name="role" value={roles[0]?.value} />
      )}
      <SubmitButton>{submit}</SubmitButton>
    </Form>
  );
}
