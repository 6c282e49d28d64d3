import type { HeadersFunction } from "@remix-run/node";

/**
 * A route's `headers`: keeps the action's Retry-After on the page a form post gets back without
 * JavaScript (Remix drops an action's headers from the HTML answer unless the route passes them on).
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
