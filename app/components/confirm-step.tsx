import { Form, Link, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/ui/submit-button";

/**
 * The second step of an action that is hard to take back. The first post changes nothing and answers with this
 * step; only the post from its button (which adds `confirm=yes`) acts. It works the same with and without
 * JavaScript: without it the step arrives as a new page, scrolled to the top where the step sits.
 */
export function ConfirmStep({
  id,
  title,
  children,
  fields,
  confirmLabel,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
  fields: Record<string, string>;
  confirmLabel: string;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);
  // after a post made with JavaScript the page stays where it was: bring the question to the reader
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: "center" });
  }, []);
  return (
    <section className="confirm-step" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
      <Form method="post" className="form-actions">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirm" value="yes" />
        <SubmitButton className="button danger">{confirmLabel}</SubmitButton>
        <Link className="button secondary" to={location.pathname + location.search} replace>
          {t("actions.cancel")}
        </Link>
      </Form>
    </section>
  );
}
