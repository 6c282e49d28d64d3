import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

type FieldMeta = { id: string; errorId: string; descriptionId: string; errors?: string[] };

/** Field errors are i18n keys from the server's schema; they are translated here. */
export function ErrorList({ id, errors, reveal }: { id?: string; errors?: string[] | null; reveal?: boolean }) {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  // a form's own message (someone saved first, say) arrives where the form was sent from, often far below it
  // on a phone: `reveal` brings it into view and reads it out
  useEffect(() => {
    if (reveal) list.current?.scrollIntoView();
  }, [reveal, errors]);
  if (!errors?.length) return null;
  return (
    <ul id={id} ref={list} className="field-errors" role={reveal ? "alert" : undefined}>
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
