// Who is asking, and may they? Every loader and action goes through these helpers.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { createSession, findSessionUser, type SessionUser } from "~/utils/session-store.server";
import { getPrisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { readForm } from "~/utils/security.server";
import { coalitionRoleCan, orgRoleCan, type CoalitionPermission, type OrgPermission } from "~/utils/permissions";
import { clearSessionCookie, commitSessionCookie, readSessionToken, rememberDevice } from "~/utils/session.server";

export type { SessionUser };

// One lookup per request: the loaders, the language detection and the document all ask for the user.
const users = new WeakMap<Request, Promise<SessionUser | null>>();

/** The signed-in user, or null. */
export function getUser(request: Request): Promise<SessionUser | null> {
  let user = users.get(request);
  if (!user) users.set(request, (user = findUser(request)));
  return user;
}

async function findUser(request: Request): Promise<SessionUser | null> {
  const token = await readSessionToken(request);
  if (!token) return null;
  const env = getEnv();
  return findSessionUser({ prisma: await getPrisma(), token, idleMinutes: env.SESSION_IDLE_MINUTES });
}

/** The signed-in user; otherwise a redirect to sign in that comes back here, clearing a dead cookie. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const back = request.method === "GET" ? url.pathname + url.search : "/";
  const params = back === "/" ? "" : `?${new URLSearchParams({ redirectTo: back })}`;
  const hadCookie = (request.headers.get("Cookie") ?? "").includes("north-star-session");
  throw redirect(`/login${params}`, hadCookie ? { headers: { "Set-Cookie": await clearSessionCookie() } } : undefined);
}

export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/**
 * The organization named in the URL, when the user is a member with the permission. Anything else, an
 * unknown slug, another organization's, or a missing right, is the same 404: it never confirms that a
 * record exists.
 */
export function requireOrgPermission(user: SessionUser, orgSlug: string | undefined, permission: OrgPermission) {
  const membership = user.memberships.find((m) => m.organization.slug === orgSlug);
  if (!membership || !orgRoleCan(membership.role, permission)) notFound();
  return { organization: membership.organization, role: membership.role };
}

/** Coalition pages: staff and admins by their rights; anyone else gets a 404. */
export function requireCoalitionPermission(user: SessionUser, permission: CoalitionPermission) {
  if (!coalitionRoleCan(user.coalitionRole, permission)) notFound();
}

/**
 * The action of a coalition page that takes no posts: it answers first what a GET of the page would (a 404 to
 * whoever may not see it, for a page that does not exist or an id that is not there; sign-in for nobody), so a
 * post cannot tell which pages exist; then it reads the form through the limits like every action, and the
 * rest is 405.
 */
export async function readOnlyAction(
  args: ActionFunctionArgs,
  loader: (args: LoaderFunctionArgs) => Promise<unknown>,
): Promise<never> {
  await loader({ ...args, request: new Request(args.request.url, { headers: args.request.headers }) });
  await readForm(args.request);
  throw new Response("Method Not Allowed", { status: 405, headers: { Allow: "GET, HEAD" } });
}

/** Where a user starts: the movement for coalition staff, their organization, or the organization picker. */
export function homePath(user: SessionUser) {
  if (user.coalitionRole !== "NONE") return "/movement";
  if (user.memberships.length === 1) return `/o/${user.memberships[0].organization.slug}`;
  return "/orgs";
}

/**
 * Signs the browser in as `userId` once a password has been checked or set (sign-in, an accepted invitation,
 * a reset password): a new session replacing the one the browser held, its cookie, this browser remembered
 * for `email`, and the person's home to redirect to.
 */
export async function startSession({ request, userId, email }: { request: Request; userId: string; email: string }) {
  const prisma = await getPrisma();
  const env = getEnv();
  const session = await createSession({
    prisma,
    userId,
    maxDays: env.SESSION_MAX_DAYS,
    userAgent: request.headers.get("User-Agent"),
    replacing: await readSessionToken(request),
  });
  const user = await findSessionUser({ prisma, token: session.token, idleMinutes: env.SESSION_IDLE_MINUTES });
  const headers = new Headers();
  headers.append("Set-Cookie", await commitSessionCookie(session.token, session.expiresAt));
  headers.append("Set-Cookie", await rememberDevice(request, email));
  return { headers, home: user ? homePath(user) : "/" };
}
