import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { errorMessageKeys } from "~/utils/error-messages";

/** Translated, plain-spoken error page; never shows internals (stack traces stay in the server log). */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const message = errorMessageKeys(isRouteErrorResponse(error) ? error.status : undefined);
  return (
    <div className="container section">
      <h1>{t(message.title)}</h1>
      <p>{t(message.body)}</p>
      <Link className="button" to="/">
        {t("error.home")}
      </Link>
    </div>
  );
}
