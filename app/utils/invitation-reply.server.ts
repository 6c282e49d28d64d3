// The answer to a sent invitation, the same on the three pages that invite. Where this server delivers email
// the inviter goes back to the page with a toast; where it does not (a production server without SMTP_URL),
// the page answers with the link itself, once, for the inviter to pass on: otherwise nobody could ever join.
// The link is in that one response only (never in a cookie, the log or the audit event), and the inviter could
// already send such an invitation to any address of their choosing.
// The notice comes worded from here, so the pages carry no code for it beyond its markup.
import { reply } from "~/utils/forms.server";
import { fixedT } from "~/utils/i18next.server";
import { emailDelivery } from "~/utils/mailer.server";
import { redirectWithToast } from "~/utils/toast.server";

/** The link and the notice's words, in the sender's language. */
export type InviteLink = { email: string; url: string; notSent: string; label: string; help: string };

export async function replyInvitationSent<Extra extends Record<string, unknown>>(
  request: Request,
  submission: Parameters<typeof reply>[0],
  sent: { email: string; url: string; days: number },
  extra: Extra,
  toast: { to: string; key: string },
) {
  // the toast says what became of the email: sent, or kept in the try-out's outbox (the context of its text)
  const delivery = emailDelivery();
  if (delivery !== "NONE")
    return redirectWithToast(toast.to, { key: toast.key, values: { email: sent.email, context: delivery } });
  const t = await fixedT(request, "invite");
  const inviteLink: InviteLink = {
    email: sent.email,
    url: sent.url,
    notSent: t("link.notSent", { email: sent.email }),
    label: t("link.label"),
    help: t("link.help", { count: sent.days }),
  };
  return reply(submission, { status: 200, resetForm: true }, { ...extra, inviteLink });
}
