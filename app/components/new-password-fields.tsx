import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/ui/field";
import { PASSWORD_LIMITS } from "~/utils/form-rules";

/**
 * A new password and its confirmation (`password`, `confirm`), wherever one is set: an accepted invitation, a
 * reset link, the account page. The server checks them with newPasswordErrors (password-policy.server.ts).
 */
export function NewPasswordFields({
  password,
  confirm,
  labels,
}: {
  password: FieldMetadata<unknown>;
  confirm: FieldMetadata<unknown>;
  labels: { password: string; confirm: string };
}) {
  const { t } = useTranslation("auth");
  return (
    <>
      <Field label={labels.password} meta={password} help={t("fields.passwordHelp")}>
        <input
          {...getInputProps(password, { type: "password" })}
          autoComplete="new-password"
          minLength={PASSWORD_LIMITS.minLength}
          maxLength={PASSWORD_LIMITS.maxLength}
          required
        />
      </Field>
      <Field label={labels.confirm} meta={confirm}>
        <input
          {...getInputProps(confirm, { type: "password" })}
          autoComplete="new-password"
          maxLength={PASSWORD_LIMITS.maxLength}
          required
        />
      </Field>
    </>
  );
}
