// One-time confirmation messages ("toasts") carried across a redirect in a short-lived cookie. The
// message is an i18n key, translated on the page that shows it.
import { createCookie, redirect } from "@remix-run/node";
import { z } from "zod";

const toastCookie = createCookie("north-star-toast", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: process.env.NODE_ENV === "production",
  maxAge: 60,
});

const toastSchema = z.object({
  key: z.string().max(100),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  type: z.enum(["success", "error"]).default("success"),
  /** a form the toast offers, e.g. undoing a delete: posted to `action` with `fields` */
  undo: z.object({ action: z.string().startsWith("/").max(300), fields: z.record(z.string(), z.string().max(200)) }).optional(),
});
export type Toast = z.infer<typeof toastSchema>;

export async function redirectWithToast(url: string, toast: z.input<typeof toastSchema>, init?: { headers?: HeadersInit }) {
  const headers = new Headers(init?.headers);
  headers.append("Set-Cookie", await toastCookie.serialize(toast));
  return redirect(url, { headers });
}

/** The pending toast, if any, and the header that clears it once shown. */
export async function readToast(request: Request): Promise<{ toast: Toast | null; clear: string | null }> {
  const raw = await toastCookie.parse(request.headers.get("Cookie"));
  if (!raw) return { toast: null, clear: null };
  const parsed = toastSchema.safeParse(raw);
  return { toast: parsed.success ? parsed.data : null, clear: await toastCookie.serialize("", { maxAge: 0 }) };
}
