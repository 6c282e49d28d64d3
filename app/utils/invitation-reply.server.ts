// The answer to a sent invitation, the same on the three pages that invite. Where this server delivers email
// the inviter goes back to the page with a toast; where it does not (a production server without SMTP_URL),
// the page answers with the link itself, once, for the inviter to pass on: otherwise nobody could ever join.
// The link is in that one response only (never in a cookie, the log or the audit event), and the inviter could
// already send such an invitation to any address of their choosing.
import { reply } from "~/utils/forms.server";
import { deliversEmail } from "~/utils/mailer.server";
import { redirectWithToast } from "~/utils/toast.server";

export type InviteLink = { email: string; url: string };

export function replyInvitationSent<Extra extends Record<string, unknown>>(
  submission: Parameters<typeof reply>[0],
  link: InviteLink,
  extra: Extra,
  toast: { to: string; key: string },
) {
  if (deliversEmail()) return redirectWithToast(toast.to, { key: toast.key, values: { email: link.email } });
  return reply(submission, { status: 200, resetForm: true }, { ...extra, inviteLink: link });
}
