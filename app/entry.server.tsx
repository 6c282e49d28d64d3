import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { createInstance } from "i18next";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { NAMESPACES, resources } from "~/locales/resources";
import { startApp, stopApp } from "~/boot/boot.server";
import { startOutboxWorker } from "~/boot/outbox-worker.server";
import i18n from "~/utils/i18n";
import { getLocale } from "~/utils/i18next.server";
import { NonceProvider } from "~/utils/nonce-provider";
import { applySecurityHeaders, createNonce } from "~/utils/security.server";

// server.mjs awaits this before it listens: the database is opened, migrated and seeded before any request,
// and the answer says where the server may listen.
export { startApp };
// and calls this on SIGTERM/SIGINT once the requests under way have finished
export { stopApp };
// server.mjs adds the same headers to every response that does not come from here (static files, 405s)
export { applySecurityHeaders };
startOutboxWorker();

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  const instance = createInstance();
  const lng = await getLocale(request);
  await instance.use(initReactI18next).init({ ...i18n, lng, ns: NAMESPACES, resources });

  const nonce = createNonce();
  applySecurityHeaders(responseHeaders, nonce);
  const userAgent = request.headers.get("user-agent");
  const waitForAll = userAgent ? isbot(userAgent) : false;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1_000);
  });
}

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  applySecurityHeaders(response.headers);
  return response;
};

// Remix refuses a cross-site document post before any action runs and reports it here; one line is enough.
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  // an address no route matches is an ordinary 404, not an error
  if (isRouteErrorResponse(error) && error.status === 404) return;
  if (error instanceof Error && error.message.includes("does not match `origin` header")) {
    console.warn(`[north-star] refused a cross-site ${request.method} to ${new URL(request.url).pathname}`);
    return;
  }
  console.error(error);
};
