// One-time confirmation messages ("toasts") carried across a redirect in a short-lived cookie. The
// message is an i18n key, translated on the page that shows it.
// The cookie is signed like the session's: a toast can carry a form (undo) that the page posts when clicked,
// so a cookie set by anyone but this server (a sibling subdomain, say) is ignored, never shown.
import { createCookie, redirect } from "@remix-run/node";
import { z } from "zod";
import { sessionSecrets } from "~/utils/session.server";

const TOAST_COOKIE_NAME = "north-star-toast";

function toastCookie() {
  return createCookie(TOAST_COOKIE_NAME, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production",
    maxAge: 60,
    secrets: sessionSecrets(),
  });
}

const toastSchema = z.object({
  key: z.string().max(100),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  type: z.enum(["success", "error"]).default("success"),
  /** a form the toast offers, e.g. undoing a delete: posted to `action` with `fields` */
  // a path on this site: "//host" and "/\\host" would be another site to the browser
  undo: z
    .object({
      action: z
        .string()
        .regex(/^\/(?![/\\])/)
        .max(300),
      fields: z.record(z.string(), z.string().max(200)),
    })
    .optional(),
});
export type Toast = z.infer<typeof toastSchema>;

export async function redirectWithToast(
  url: string,
  toast: z.input<typeof toastSchema>,
  init?: { headers?: HeadersInit },
) {
  const headers = new Headers(init?.headers);
  headers.append("Set-Cookie", await toastCookie().serialize(toast));
  return redirect(url, { headers });
}

/** The pending toast, if any, and the header that clears the cookie once read; a forged or garbled one is cleared unread. */
export async function readToast(request: Request): Promise<{ toast: Toast | null; clear: string | null }> {
  const header = request.headers.get("Cookie");
  const cookie = toastCookie();
  const raw = await cookie.parse(header);
  const present = raw || (header ?? "").split(";").some((c) => c.trim().startsWith(`${TOAST_COOKIE_NAME}=`));
  if (!present) return { toast: null, clear: null };
  const parsed = toastSchema.safeParse(raw);
  return { toast: parsed.success ? parsed.data : null, clear: await cookie.serialize("", { maxAge: 0 }) };
}
