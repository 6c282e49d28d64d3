// Preloaded into `remix dev` (`npm run dev`): its dev server calls `server.listen(port)`, which Node binds to
// every interface, and Remix 2 offers no host option. That server answers /ping and runs the live-reload
// websocket, which tells whoever connects which files change. Here a listen() that names no address, in this
// process only, binds loopback instead; one that names an address, a path or a handle is left as it is.
// The app server (server.mjs, started by `remix dev` as a child process) chooses its own address (HOST).
import net from "node:net";

const LOOPBACK = "127.0.0.1";
const listen = net.Server.prototype.listen;

/** listen(), listen(callback), listen(port[, backlog][, callback]): a port at most, no address. */
function portOnly([first, second]) {
  const port = first === undefined || typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first));
  return (port || typeof first === "function") && ["undefined", "number", "function"].includes(typeof second);
}

/** listen({ port }): options that name no address, path or handle (get-port probes the dev server's port so). */
function optionsWithoutAddress(first) {
  return (
    first !== null &&
    typeof first === "object" &&
    ["host", "path", "fd", "handle", "_handle"].every((key) => first[key] == null)
  );
}

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, ...rest] = args;
  if (optionsWithoutAddress(first)) return listen.call(this, { ...first, host: LOOPBACK }, ...rest);
  if (typeof first === "function") return listen.call(this, 0, LOOPBACK, ...args);
  // a backlog or a callback stays after the address: listen(port, host, backlog, callback)
  if (portOnly(args)) return listen.call(this, first ?? 0, LOOPBACK, ...rest);
  return listen.apply(this, args);
};
