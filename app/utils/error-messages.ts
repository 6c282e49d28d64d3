// The error page's heading and explanation (common namespace keys) for the statuses a person can meet.

const MESSAGES: Record<number, { title: string; body: string }> = {
  400: { title: "error.badRequestTitle", body: "error.badRequestBody" },
  403: { title: "error.forbiddenTitle", body: "error.forbiddenBody" },
  404: { title: "error.notFoundTitle", body: "error.notFoundBody" },
  413: { title: "error.badRequestTitle", body: "error.tooLargeBody" },
};

/** Keys for a response status; anything unexpected gets the general apology. */
export function errorMessageKeys(status: number | undefined) {
  return (status !== undefined && MESSAGES[status]) || { title: "error.title", body: "error.body" };
}
