// What a loader or action answers, as the HTTP response Remix sends: loaders return plain objects, `data()`
// (a body with its status and headers) or a Response, and throw redirects and 404s. Every test reads a route's
// answer through `answer()`, and the response matchers through it too, so a route may use any of the three.

/** What `data(body, init)` returns (Remix's router tells it apart by these three fields, as here). */
type DataWithResponseInit = { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null };

function isDataWithResponseInit(value: unknown): value is DataWithResponseInit {
  return (
    typeof value === "object" &&
    value !== null &&
    "type" in value &&
    "data" in value &&
    "init" in value &&
    value.type === "DataWithResponseInit"
  );
}

/** The body, status and headers a loader's or action's result stands for. */
export function toResponse(value: unknown): Response {
  if (value instanceof Response) return value;
  if (isDataWithResponseInit(value)) return Response.json(value.data, value.init ?? undefined);
  return Response.json(value);
}

/** A loader's or action's answer as a Response, whether it returned or threw it (redirects and 404s are thrown). */
export async function answer(call: unknown): Promise<Response> {
  try {
    return toResponse(await (typeof call === "function" ? (call as () => unknown)() : call));
  } catch (e) {
    if (e instanceof Response || isDataWithResponseInit(e)) return toResponse(e);
    throw e;
  }
}
