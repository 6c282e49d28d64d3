import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/utils/auth.server";
import { catalogResponse } from "~/utils/i18next.server";
import { isLocale } from "~/utils/localized";
import { searchParamsOf } from "~/utils/http";

/** One language's messages, every namespace, for the browser's i18next. Public: the catalogs hold no data. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isLocale(params.lng)) notFound();
  return catalogResponse(params.lng, searchParamsOf(request).get("v"));
}
