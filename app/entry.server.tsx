import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { startApp, stopApp } from "~/boot/boot.server";
import { DocumentDrawings } from "~/components/charts/chart-figure";
import { startOutboxWorker } from "~/boot/outbox-worker.server";
import { getLocale, translator } from "~/utils/i18next.server";
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
  loadContext: AppLoadContext,
) {
  const instance = await translator(await getLocale(request));

  const nonce = createNonce();
  applySecurityHeaders(responseHeaders, nonce);
  // No page suspends on its own data, so the whole page is ready when its shell is (Remix's hydration data is
  // the one part that streams): it is written out in one piece rather than in React's 2 KB chunks.
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={instance}>
          <DocumentDrawings.Provider value={loadContext.documentDrawings}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
          </DocumentDrawings.Provider>
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          const chunks: Buffer[] = [];
          const page = new Writable({
            write(chunk: Buffer, _encoding, done) {
              chunks.push(chunk);
              done();
            },
            final(done) {
              clearTimeout(timeout);
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
              done();
            },
          });
          pipe(page);
        },
        onShellError(error: unknown) {
          clearTimeout(timeout);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    const timeout = setTimeout(abort, ABORT_DELAY + 1_000);
  });
}

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  applySecurityHeaders(response.headers);
  return response;
};

// Remix reports here what it answers with an error of its own, not only what a loader or action throws. What
// anyone can ask for is not logged, so requests cannot fill the log: only errors of the server itself are.
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  // a client's mistake that Remix answers with a 4xx: an address no route matches (404), a post to a page
  // without an action (405), a `_data` route that is not on the address (403)
  if (isRouteErrorResponse(error) && error.status < 500) return;
  // NOTE: with single fetch Remix still answers the old `?_data=<route>` requests, which this app's pages never
  // make, and first reports each one here as an Error with a stack: it is a client's choice, not an error.
  if (error instanceof Error && error.message.includes("should not be making ?_data requests")) return;
  // a cross-site document post, refused before any action runs: one line
  if (error instanceof Error && error.message.includes("does not match `origin` header")) {
    console.warn(`[north-star] refused a cross-site ${request.method} to ${new URL(request.url).pathname}`);
    return;
  }
  console.error(error);
};
