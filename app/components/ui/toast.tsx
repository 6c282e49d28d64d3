import { Form } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

export type ToastMessage = {
  key: string;
  values?: Record<string, string | number>;
  type: "success" | "error";
  undo?: { action: string; fields: Record<string, string> };
};

/**
 * A confirmation after a redirect; announced to screen readers, dismissible, and plain text without
 * JavaScript. Render it with a `key` that changes with the message so a new toast shows again.
 */
export function Toast({ toast }: { toast: ToastMessage | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  if (!toast || !open) return null;
  return (
    <div className={`toast ${toast.type}`} role={toast.type === "error" ? "alert" : "status"}>
      <span>{t(toast.key, toast.values)}</span>
      {toast.undo ? (
        <Form method="post" action={toast.undo.action} className="inline-form">
          {Object.entries(toast.undo.fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" className="button small secondary">
            {t("common:actions.undo")}
          </button>
        </Form>
      ) : null}
      <button
        type="button"
        className="toast-close"
        onClick={() => setOpen(false)}
        aria-label={t("common:actions.dismiss")}
      >
        ×
      </button>
    </div>
  );
}
