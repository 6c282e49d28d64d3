import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";

/** A person's choice about the cycle's reminder emails, on their account page. */
export function ReminderPreference({ receives, errors }: { receives: boolean; errors?: string[] | null }) {
  const { t } = useTranslation("cycle");
  return (
    <section aria-labelledby="reminders-heading" className="card stack">
      <h2 id="reminders-heading">{t("preference.title")}</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="reminders" />
        <fieldset className="field">
          <legend>{t("preference.legend")}</legend>
          <p className="field-help" id="reminders-help">
            {t("preference.help")}
          </p>
          {(["yes", "no"] as const).map((choice) => (
            <label key={choice} className="choice">
              <input
                type="radio"
                name="receives"
                value={choice}
                defaultChecked={receives === (choice === "yes")}
                aria-describedby="reminders-help"
              />
              <span>{t(`preference.${choice}`)}</span>
            </label>
          ))}
          <ErrorList errors={errors} />
        </fieldset>
        <SubmitButton className="button secondary">{t("preference.save")}</SubmitButton>
      </Form>
    </section>
  );
}
