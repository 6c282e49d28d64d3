import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useContext } from "react";
import { useTranslation } from "react-i18next";
import { UNSAFE_DataRouterStateContext } from "react-router-dom";

// Each has its own title and explanation in common.json under error.status; any other status reads as the
// nearest of these (a 4xx as 400, a 5xx as 500).
const EXPLAINED = [400, 403, 404, 405, 409, 410, 413, 429, 500] as const;
type Explained = (typeof EXPLAINED)[number];

function explainedStatus(error: unknown): Explained {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if ((EXPLAINED as readonly number[]).includes(status)) return status as Explained;
  return status >= 500 ? 500 : 400;
}

/**
 * The error the page is showing, wherever its boundary sits, so the document title can name it. The title lives
 * in the root layout's head, which a nested boundary cannot reach; the router's state names every route's error.
 */
export function usePageError(): { status: Explained } | null {
  const state = useContext(UNSAFE_DataRouterStateContext);
  const errors = state?.errors ? Object.values(state.errors) : [];
  return errors.length ? { status: explainedStatus(errors[0]) } : null;
}

export function ErrorTitle({ status }: { status: Explained }) {
  const { t } = useTranslation();
  return <title>{`${t(`error.status.${status}.title`)} · ${t("app.name")}`}</title>;
}

/** Translated, plain-spoken error page; never shows internals (stack traces stay in the server log). */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = explainedStatus(error);
  return (
    <div className="container section stack narrow">
      <h1>{t(`error.status.${status}.title`)}</h1>
      <p>{t(`error.status.${status}.body`)}</p>
      <p>
        <Link className="button" to="/">
          {t("error.home")}
        </Link>
      </p>
    </div>
  );
}
