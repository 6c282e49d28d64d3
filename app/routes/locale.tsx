import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { safeRedirect } from "~/utils/http";
import { localeCookie } from "~/utils/i18next.server";
import { LOCALES } from "~/utils/localized";

const schema = z.object({ lng: z.enum(LOCALES), redirectTo: z.string().optional() });

/** The language switch posts here: remember the choice and go back to the page it came from. */
export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const parsed = schema.safeParse(form);
  const to = safeRedirect(typeof form.redirectTo === "string" ? form.redirectTo : null);
  if (!parsed.success) return redirect(to);
  return redirect(to, { headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.lng) } });
}

export async function loader() {
  return redirect("/");
}
