import type { AppLoadContext } from "@remix-run/node";
import crypto from "node:crypto";
import { FORM_LIMITS, formLimitProblem, withoutControls } from "~/utils/form-limits";

export function createNonce() {
  return crypto.randomBytes(16).toString("base64");
}

/**
 * Headers for every page and data response: a CSP with a per-response nonce for Remix's inline scripts,
 * no framing, no MIME sniffing, no referrer outside the site, HSTS in production, and no caching of pages
 * that may show a signed-in person's data.
 */
export function applySecurityHeaders(headers: Headers, nonce?: string) {
  const scriptSrc = nonce ? `'self' 'nonce-${nonce}'` : "'self'";
  headers.set(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src ${scriptSrc}`,
      // style attributes carry the freedom and value colours and Recharts' layout
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "same-origin");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  if (process.env.NODE_ENV === "production")
    headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  headers.delete("X-Powered-By");
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
}

/**
 * Refuses a state-changing request that a browser sent from another site. Browsers send Origin with every
 * POST; Sec-Fetch-Site backs it up. Requests without either come from non-browser clients, which cannot
 * carry a victim's cookies across sites.
 */
export function assertSameOrigin(request: Request) {
  if (request.method === "GET" || request.method === "HEAD") return;
  const origin = request.headers.get("Origin");
  const host = request.headers.get("X-Forwarded-Host") ?? request.headers.get("Host") ?? new URL(request.url).host;
  const site = request.headers.get("Sec-Fetch-Site");
  let ok = true;
  if (origin !== null) {
    try {
      ok = origin !== "null" && new URL(origin).host === host;
    } catch {
      ok = false;
    }
  } else if (site !== null) {
    ok = site === "same-origin" || site === "none";
  }
  if (!ok) throw new Response("Cross-site request refused", { status: 403 });
}

/**
 * Every action reads its form through this, so none can forget the cross-site check or the limits: the body
 * is read up to FORM_LIMITS.bytes (413 beyond), field names must be ones the app's forms could send (400
 * otherwise, before anything builds objects from them), and NUL characters are dropped from every value.
 */
export async function readForm(request: Request) {
  assertSameOrigin(request);
  const body = await readBody(request, FORM_LIMITS.bytes);
  let parsed: FormData;
  try {
    parsed = await new Response(body, {
      headers: { "Content-Type": request.headers.get("Content-Type") ?? "" },
    }).formData();
  } catch {
    // no body, or not a form: a client error, never a 500
    throw badRequest();
  }
  if (formLimitProblem(parsed.entries()) !== null) throw badRequest();
  const form = new FormData();
  // every value is text: formLimitProblem refuses files
  for (const [name, value] of parsed.entries())
    if (typeof value === "string") form.append(name, withoutControls(value));
  return form;
}

function badRequest() {
  return new Response("Bad request", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** The request's body, refused with 413 as soon as it is known to exceed `limit` bytes. */
async function readBody(request: Request, limit: number) {
  const tooLarge = () =>
    new Response("Request too large", { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (Number(request.headers.get("Content-Length")) > limit) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof Response) throw e;
    // the client went away mid-body
    throw badRequest();
  }
  return Buffer.concat(chunks);
}

/**
 * The client's address as the HTTP server saw it: the socket's peer, or the address a trusted proxy
 * appended (TRUST_PROXY hops). Request headers are never read here: any client can write them.
 */
export function clientAddress(context: AppLoadContext) {
  return context.clientAddress || null;
}
