import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

type FieldMeta = { id: string; errorId: string; descriptionId: string; errors?: string[] };

/** Field errors are i18n keys from the server's schema; they are translated here. */
export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((e) => (
        <li key={e}>{t(e)}</li>
      ))}
    </ul>
  );
}

export function Field({
  label,
  meta,
  help,
  children,
}: {
  label: ReactNode;
  meta: FieldMeta;
  help?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="field" data-invalid={meta.errors?.length ? true : undefined}>
      <label htmlFor={meta.id}>{label}</label>
      {help ? (
        <p className="field-help" id={meta.descriptionId}>
          {help}
        </p>
      ) : null}
      {children}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}
