// The HTTP server (server.mjs) in front of a small Remix build: which address loaders see, odd methods, and the
// security headers on responses Remix does not make. The built app's own pages are covered by tests/e2e.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { applySecurityHeaders } from "~/utils/security.server";
import { rawRequest } from "../raw-http";
import { createApp, loadContext, refuseOddMethods } from "../../server.mjs";
import { expectConsoleError } from "../setup/console";

// The smallest build Remix serves: a root and two resource routes.
const build = {
  mode: "production",
  entry: { module: { default: () => new Response("page", { headers: { "Content-Type": "text/html" } }) } },
  routes: {
    root: { id: "root", path: "", module: { default: () => null } },
    "routes/whoami": {
      id: "routes/whoami",
      parentId: "root",
      path: "whoami",
      module: {
        loader: ({ context }: { context: { clientAddress: unknown; peerAddress: unknown } }) =>
          Response.json({ clientAddress: context.clientAddress, peerAddress: context.peerAddress }),
      },
    },
    "routes/forwarded": {
      id: "routes/forwarded",
      parentId: "root",
      path: "forwarded",
      module: {
        loader: ({ request }: { request: Request }) =>
          Response.json({
            host: new URL(request.url).host,
            forwardedHost: request.headers.get("x-forwarded-host"),
            forwarded: request.headers.get("forwarded"),
          }),
      },
    },
    "routes/away": {
      id: "routes/away",
      parentId: "root",
      path: "away",
      module: { loader: () => new Response(null, { status: 302, headers: { Location: "/whoami" } }) },
    },
  },
  assets: { entry: { imports: [], module: "/build/entry.js" }, routes: {}, url: "/build/manifest.js", version: "1" },
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  future: { v3_singleFetch: true },
  isSpaMode: false,
};

const servers: Server[] = [];

async function listen(trustProxy: number) {
  const app = createApp({ getBuild: () => build, applySecurityHeaders, trustProxy, mode: "production" });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  refuseOddMethods(server, applySecurityHeaders);
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let plain: string;
let behindProxy: string;
beforeAll(async () => {
  [plain, behindProxy] = await Promise.all([listen(0), listen(1)]);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe("the address loaders see", () => {
  test("without TRUST_PROXY a client's X-Forwarded-For is ignored: the socket's peer is the client", async () => {
    const context = await (await fetch(`${plain}/whoami`, { headers: { "X-Forwarded-For": "203.0.113.9" } })).json();
    expect(context).toEqual({ clientAddress: "127.0.0.1", peerAddress: "127.0.0.1" });
  });

  test("with TRUST_PROXY=1 the address the proxy appended counts, never the client-supplied first entry", async () => {
    const context = await (
      await fetch(`${behindProxy}/whoami`, { headers: { "X-Forwarded-For": "203.0.113.9, 198.51.100.7" } })
    ).json();
    expect(context).toEqual({ clientAddress: "198.51.100.7", peerAddress: "127.0.0.1" });
    const direct = await (await fetch(`${behindProxy}/whoami`)).json();
    expect(direct.clientAddress).toBe("127.0.0.1");
  });
});

describe("the drawings a page's first request shows", () => {
  // a chart's drawing goes into the page's HTML only; the data a navigation in the browser fetches carries it
  const request = (method: string, path: string) => ({
    method,
    path,
    ip: "127.0.0.1",
    socket: { remoteAddress: "127.0.0.1" },
  });
  test("a page's GET or HEAD gets a place for them; a navigation's data, a post or a .data HEAD do not", () => {
    expect(loadContext(request("GET", "/movement")).documentDrawings).toBeInstanceOf(Map);
    expect(loadContext(request("HEAD", "/movement")).documentDrawings).toBeInstanceOf(Map);
    expect(loadContext(request("GET", "/movement.data")).documentDrawings).toBeUndefined();
    expect(loadContext(request("HEAD", "/movement.data")).documentDrawings).toBeUndefined();
    expect(loadContext(request("POST", "/movement")).documentDrawings).toBeUndefined();
  });
});

describe("odd methods", () => {
  test("TRACE and methods outside the app's set answer 405 with Allow and the security headers", async () => {
    // OPTIONS too: the app answers no preflight, and Remix would log a stack for every one
    for (const method of ["TRACE", "PROPFIND", "PURGE", "OPTIONS"]) {
      const answer = await rawRequest(
        plain,
        `${method} /whoami HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
      );
      expect(answer, method).toMatch(/^HTTP\/1\.1 405 /);
      expect(answer.toLowerCase()).toContain("allow: get, head, post, put, patch, delete\r\n");
      expect(answer.toLowerCase()).toContain("x-frame-options: deny");
    }
  });

  test("TRACK (unknown to Node's parser) and CONNECT answer 405 too", async () => {
    const track = await rawRequest(plain, "TRACK / HTTP/1.1\r\nHost: localhost\r\n\r\n");
    expect(track).toMatch(/^HTTP\/1\.1 405 /);
    expect(track.toLowerCase()).toContain("x-content-type-options: nosniff");
    const connect = await rawRequest(plain, "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n");
    expect(connect).toMatch(/^HTTP\/1\.1 405 /);
  });

  test("a path with a malformed percent-encoding is a 400 with the headers, never a 500", async () => {
    for (const path of ["/%", "/o/%E0%A4%A", "/favicon.svg%"]) {
      const res = await fetch(`${plain}${path}`);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(await res.text()).toBe("Bad Request");
    }
  });

  test("a request target that is not a path (absolute form, *) is a 400, never a 500", async () => {
    for (const target of ["http://evil.example/", "*"]) {
      const answer = await rawRequest(plain, `GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
      expect(answer, target).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer.toLowerCase()).toContain("x-content-type-options: nosniff");
    }
  });

  test("without TRUST_PROXY a client's X-Forwarded-Host does not make a cross-site POST look same-site", async () => {
    const res = await fetch(`${plain}/`, {
      method: "POST",
      headers: {
        Origin: "http://evil.example",
        "X-Forwarded-Host": "evil.example",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "a=b",
    });
    expect(res.status).toBe(403);
  });

  test("without TRUST_PROXY a client's X-Forwarded-Host builds no URL, yet still reads as forwarded", async () => {
    const seen = await (await fetch(`${plain}/forwarded`, { headers: { "X-Forwarded-Host": "evil.example" } })).json();
    expect(seen.host).toBe(new URL(plain).host);
    expect(seen.forwardedHost).toBeNull();
    // the try-out's outbox refuses anything forwarded: the signal survives as Forwarded
    expect(seen.forwarded).toBe('host="evil.example"');
    const plainRequest = await (await fetch(`${plain}/forwarded`)).json();
    expect(plainRequest.forwarded).toBeNull();
  });

  test("a cross-site or malformed Origin on a page's POST is a 403 with the headers, never Remix's empty 500", async () => {
    const host = new URL(plain).host;
    for (const origin of ["https://evil.example", "null", "not a url", `http://${host}.evil.example`]) {
      const res = await fetch(`${plain}/`, {
        method: "POST",
        headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
        body: "a=b",
      });
      expect(res.status, origin).toBe(403);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
    // the page's own origin, and a client that sends none, still reach Remix (this build's page answers them)
    for (const headers of [{ Origin: `http://${host}` }, {}] as Record<string, string>[]) {
      // the stub build's root has no action, and Remix logs that it got a POST: proof the request reached it
      const { result: res, logged } = await expectConsoleError(() =>
        fetch(`${plain}/`, {
          method: "POST",
          headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
          body: "a=b",
        }),
      );
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("page");
      expect(logged.join("\n")).toContain("did not provide an `action`");
    }
  });

  test("the app's own methods still reach it", async () => {
    expect((await fetch(`${plain}/whoami`)).status).toBe(200);
    expect((await fetch(`${plain}/whoami`, { method: "HEAD" })).status).toBe(200);
  });
});

describe("security headers on responses Remix does not make", () => {
  const expectHeaders = (res: Response) => {
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-powered-by")).toBeNull();
  };

  test("a resource route, a redirect and a static file", async () => {
    const resource = await fetch(`${plain}/whoami`);
    expectHeaders(resource);
    const redirect = await fetch(`${plain}/away`, { redirect: "manual" });
    expect(redirect.status).toBe(302);
    expectHeaders(redirect);
    const file = await fetch(`${plain}/favicon.svg`);
    expect(file.status).toBe(200);
    expectHeaders(file);
    // a static file keeps its own caching
    expect(file.headers.get("cache-control")).toBe("public, max-age=3600");
  });

  test("the 405 answer", async () => {
    const res = await fetch(`${plain}/whoami`, { method: "PROPFIND" });
    expect(res.status).toBe(405);
    expectHeaders(res);
  });
});
