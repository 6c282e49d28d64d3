// North Star's HTTP server: Express around the Remix build. docs/decisions/009-http-server.md says why the
// app has its own instead of remix-serve. It opens the database before it listens, listens on HOST
// (127.0.0.1 unless set) and PORT, believes X-Forwarded-For only from TRUST_PROXY hops, answers odd methods
// with 405 before Remix sees them, and puts the security headers on every response, static files included.
//   node server.mjs            the production build in build/
//   remix dev --manual -c "node server.mjs"   the same, re-importing the build after each rebuild
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";

const ROOT = path.dirname(url.fileURLToPath(import.meta.url));
const BUILD_PATH = path.join(ROOT, "build", "index.js");

/** Methods a page, a form or a fetch of this app uses; anything else is refused before Remix builds a Request. */
const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

const UNSAFE_METHODS = ["POST", "PUT", "PATCH", "DELETE"];

function originMatchesHost(origin, host) {
  if (!host || origin === "null") return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The Express app around a Remix build. `getBuild` returns the current build (development swaps it after each
 * rebuild); `applySecurityHeaders` fills a Headers object; `trustProxy` is the number of proxy hops whose
 * X-Forwarded-For entries are believed (0: none).
 */
/** What every loader and action gets as its context (remix.env.d.ts's AppLoadContext). */
export function loadContext(req) {
  return {
    // req.ip honours "trust proxy": the socket's peer, or the address the trusted proxy appended
    clientAddress: req.ip ?? null,
    peerAddress: req.socket.remoteAddress ?? null,
    // a page's first request (not a navigation's data, which ends in .data): its charts are in its HTML only
    documentDrawings:
      (req.method === "GET" || req.method === "HEAD") && !req.path.endsWith(".data") ? new Map() : undefined,
  };
}

export function createApp({ getBuild, applySecurityHeaders, trustProxy, mode = process.env.NODE_ENV, root = ROOT }) {
  const build = getBuild();
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy);

  // Every way a response leaves (static files, Remix, the 405 below, the 500 handler) writes its head through
  // writeHead, so the headers a response does not set itself (pages set a CSP with a nonce) are added there.
  app.use((req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (...args) {
      const wanted = new Headers();
      applySecurityHeaders(wanted);
      for (const [name, value] of wanted) if (!res.hasHeader(name)) res.setHeader(name, value);
      res.removeHeader("X-Powered-By");
      return writeHead.apply(this, args);
    };
    next();
  });

  // Without a proxy it was told about, the server takes no forwarded host from a client: Remix would build the
  // request's URL from it and the cross-site check would compare Origin with it.
  // (It stays visible as a Forwarded header, which nothing builds a URL from: the try-out's outbox still sees
  // that the request came through something that forwards.)
  if (!trustProxy)
    app.use((req, _res, next) => {
      const forwardedHost = req.headers["x-forwarded-host"];
      if (forwardedHost !== undefined) {
        delete req.headers["x-forwarded-host"];
        req.headers.forwarded ??= `host="${String(forwardedHost).replace(/["\\]/g, "")}"`;
      }
      next();
    });

  app.use((req, res, next) => {
    if (ALLOWED_METHODS.includes(req.method)) return next();
    res.setHeader("Allow", ALLOWED_METHODS.join(", "));
    res.status(405).type("text/plain").send("Method Not Allowed");
  });

  // A request target is a path: the absolute form ("GET http://elsewhere/") and "*" are for proxies, and Remix
  // would build no URL from them (a 500 with a stack in the log).
  app.use((req, res, next) => {
    if (req.url.startsWith("/")) return next();
    res.status(400).type("text/plain").send("Bad Request");
  });

  // Remix refuses a document POST whose Origin is not this host with an empty 500 (and a malformed Origin
  // throws): the same rule answered here as what it is, a refused cross-site request.
  app.use((req, res, next) => {
    if (!UNSAFE_METHODS.includes(req.method) || req.get("Origin") === undefined) return next();
    if (originMatchesHost(req.get("Origin"), req.get("X-Forwarded-Host")?.split(",")[0]?.trim() || req.get("Host")))
      return next();
    res.status(403).type("text/plain").send("Cross-site request refused");
  });

  app.use(compression());
  const statics = { index: false, redirect: false };
  // fingerprinted files from the build never change: a year in the cache
  app.use(
    build.publicPath,
    express.static(path.resolve(root, build.assetsBuildDirectory), { ...statics, immutable: true, maxAge: "1y" }),
  );
  app.use(express.static(path.join(root, "public"), { ...statics, maxAge: "1h" }));

  app.all(
    "*",
    createRequestHandler({
      build: mode === "development" ? getBuild : build,
      mode,
      getLoadContext: loadContext,
    }),
  );

  // Express knows an error handler by its four parameters
  app.use((error, _req, res, _next) => {
    if (res.headersSent) {
      console.error(error);
      return res.end();
    }
    // Express marks a client's mistake with a 4xx status (a path whose percent-encoding does not decode is a
    // URIError with status 400): the client hears it, and the log is not filled with its stack.
    const status = Number(error?.status ?? error?.statusCode);
    if (status >= 400 && status < 500)
      return res
        .status(status)
        .type("text/plain")
        .send(http.STATUS_CODES[status] ?? "Bad Request");
    console.error(error);
    res.status(500).type("text/plain").send("Internal Server Error");
  });
  return app;
}

/**
 * CONNECT never reaches Express (Node hands it to the server's "connect" event), and a method Node's parser
 * does not know (TRACK, say) arrives as a client error: both get the same 405 as the other odd methods.
 */
export function refuseOddMethods(server, applySecurityHeaders) {
  const refuse = (socket, status, reason) => {
    if (!socket.writable) return socket.destroy();
    const headers = new Headers({
      Allow: ALLOWED_METHODS.join(", "),
      "Content-Type": "text/plain",
      Connection: "close",
    });
    applySecurityHeaders(headers);
    const head = [
      `HTTP/1.1 ${status} ${reason}`,
      ...[...headers].map(([k, v]) => `${k}: ${v}`),
      `Content-Length: ${reason.length}`,
    ];
    socket.end(`${head.join("\r\n")}\r\n\r\n${reason}`);
  };
  server.on("connect", (_req, socket) => refuse(socket, 405, "Method Not Allowed"));
  server.on("clientError", (error, socket) => {
    if (error.code === "HPE_INVALID_METHOD") refuse(socket, 405, "Method Not Allowed");
    else if (error.code === "ECONNRESET") socket.destroy();
    else refuse(socket, 400, "Bad Request");
  });
}

/** How long the requests under way may take to finish once the server is told to stop. */
const GRACE_MS = 10_000;

/**
 * Stops the process on SIGTERM or SIGINT: the server takes no new connections and lets the requests under way
 * finish (each answered with `Connection: close`, so no kept-alive connection holds it open), then `stopApp`
 * closes the database (the embedded one releases its data folder) and the process exits 0; 1 when stopping
 * fails. Requests still running after `graceMs` are cut. A second signal changes nothing: a terminal's Ctrl-C
 * reaches `npm start`'s process and this one, and `remix dev` sends two. Registered before the database opens,
 * so a signal during start-up closes it too; `serve(server)` hands over the server once it exists.
 */
export function stopOnSignal(stopApp, { graceMs = GRACE_MS } = {}) {
  let server = null;
  let stopping = false;
  const responses = new Set();
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const res of responses) if (!res.headersSent) res.shouldKeepAlive = false;
    const cut = setTimeout(() => server?.closeAllConnections(), graceMs);
    cut.unref();
    const closed = server?.listening ? new Promise((resolve) => server.close(resolve)) : Promise.resolve();
    closed
      .then(() => {
        clearTimeout(cut);
        return stopApp();
      })
      .then(
        () => process.exit(0),
        (e) => {
          console.error(`[north-star] Stopping failed: ${e?.message ?? e}`);
          process.exit(1);
        },
      );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  return {
    get stopping() {
      return stopping;
    },
    serve(s) {
      server = s;
      s.on("request", (_req, res) => {
        // a kept-alive connection's request during the stop is its last
        if (stopping) res.shouldKeepAlive = false;
        responses.add(res);
        res.on("close", () => responses.delete(res));
      });
    },
  };
}

/**
 * The demo coalition's start-up part (demo/start.ts). It is TypeScript outside app/, so the Remix compiler
 * never puts it in the server build (docs/decisions/018-start-up.md): tsx, a development package, compiles it
 * when the try-out needs it. A production install has neither tsx nor the demo folder, and never asks.
 */
async function loadDemo() {
  const { tsImport } = await import("tsx/esm/api");
  const demo = await tsImport("./demo/start.ts", import.meta.url);
  return demo.demoStart;
}

async function main() {
  // build/ holds a production build, so `node server.mjs` (npm run serve) runs in production unless told
  // otherwise; `remix dev` sets development itself. Without this the app's own settings would read as
  // development: no SESSION_SECRET required, reset links in the log, the outbox on.
  process.env.NODE_ENV ??= "production";
  const development = process.env.NODE_ENV === "development";
  const importBuild = () => import(`${url.pathToFileURL(BUILD_PATH).href}?t=${fs.statSync(BUILD_PATH).mtimeMs}`);
  let build = await importBuild();
  installGlobals({ nativeFetch: build.future.v3_singleFetch });
  const { startApp, stopApp, applySecurityHeaders } = build.entry.module;
  const stopper = stopOnSignal(stopApp);
  // opens, migrates and seeds the database; exits with one line when it cannot, or when HOST must be refused
  const ready = await startApp({ loadDemo, stopsOnSignal: true });
  if (stopper.stopping) return;

  const app = createApp({ getBuild: () => build, applySecurityHeaders, trustProxy: ready.trustProxy });
  const server = app.listen(ready.port, ready.host, () => {
    const { port } = server.address();
    ready.listening(port);
    const host = ready.host.includes(":") ? `[${ready.host}]` : ready.host;
    const everywhere = ready.host === "0.0.0.0" || ready.host === "::" ? ", every network interface" : "";
    console.log(`North Star is ready at http://${host}:${port} (${ready.database}${everywhere})`);
    for (const line of ready.notes) console.log(line);
    // only `remix dev` listens for it (and sets its origin); a development server started alone does not
    if (development && process.env.REMIX_DEV_ORIGIN) void broadcastDevReady(build);
  });
  server.on("error", (e) => {
    console.error(`[north-star] Cannot listen on ${ready.host}:${ready.port}: ${e.code ?? e.message}`);
    process.exit(1);
  });
  refuseOddMethods(server, applySecurityHeaders);
  stopper.serve(server);

  if (development) {
    // `remix dev` writes build/version.txt after each rebuild: import the new build and say it is ready
    fs.watchFile(path.join(ROOT, "build", "version.txt"), { interval: 200 }, async () => {
      build = await importBuild();
      if (process.env.REMIX_DEV_ORIGIN) void broadcastDevReady(build);
    });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === url.fileURLToPath(import.meta.url)) await main();
