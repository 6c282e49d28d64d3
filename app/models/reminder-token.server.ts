// The "stop these emails" link: the user's id and an HMAC of it, so the link works without signing in and
// cannot be forged for someone else. It only ever turns reminders off.
import crypto from "node:crypto";

const PURPOSE = "stop-cycle-reminders";

const mac = (secret: string, userId: string) =>
  crypto.createHmac("sha256", secret).update(`${PURPOSE}:${userId}`).digest("base64url");

export function stopRemindersToken({ secret, userId }: { secret: string; userId: string }) {
  return `${userId}.${mac(secret, userId)}`;
}

/** The user the token names, or null when it was not signed with this secret. */
export function readStopRemindersToken({ secret, token }: { secret: string; token: string }) {
  const [userId, signature, extra] = token.split(".");
  if (!userId || !signature || extra !== undefined || userId.length > 40) return null;
  const expected = Buffer.from(mac(secret, userId));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? userId : null;
}
