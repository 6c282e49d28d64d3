import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signOut } from "~/models/user.server";
import { getUser } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { readForm } from "~/utils/security.server";
import { clearSessionCookie } from "~/utils/session.server";
import { logoutSchema } from "~/models/session-schema";

/** Signs out of this browser, or with scope=everywhere out of every device (every session row goes). */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { scope } = logoutSchema().parse(Object.fromEntries(form));
  const user = await getUser(request);
  if (user)
    await signOut({
      prisma: await getPrisma(),
      userId: user.id,
      sessionId: user.sessionId,
      everywhere: scope === "everywhere",
    });
  return redirect("/", { headers: { "Set-Cookie": await clearSessionCookie() } });
}

export async function loader() {
  return redirect("/");
}
