import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { updateLocale } from "~/models/user.server";
import { getUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { safeRedirect } from "~/utils/http";
import { localeCookie } from "~/utils/i18next.server";
import { readForm } from "~/utils/security.server";
import { localeSwitchSchema } from "~/models/account-schema";

/** The language switch posts here: remember the choice and go back to the page it came from. */
export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await readForm(request));
  const parsed = localeSwitchSchema().safeParse(form);
  const to = safeRedirect(typeof form.redirectTo === "string" ? form.redirectTo : null);
  if (!parsed.success) return redirect(to);
  // a signed-in person's emails follow the language they chose
  const user = await getUser(request);
  if (user && user.locale !== parsed.data.lng)
    await updateLocale({ prisma: await getPrisma(), userId: user.id, locale: parsed.data.lng });
  return redirect(to, { headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.lng) } });
}

export async function loader() {
  return redirect("/");
}
