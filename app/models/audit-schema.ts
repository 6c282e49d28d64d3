// The audit log's address.
import * as z from "zod/mini";

const auditSearch = () =>
  z.object({
    before: z.catch(
      z.optional(
        z.pipe(
          z.string().check(z.regex(/^[1-9]\d{0,17}$/)),
          z.transform((v) => BigInt(v)),
        ),
      ),
      undefined,
    ),
  });

/** ?before=<id>: the last event id of the previous page; anything malformed shows the first page. */
export function parseAuditSearch(params: URLSearchParams) {
  return auditSearch().parse({ before: params.get("before") ?? undefined });
}
