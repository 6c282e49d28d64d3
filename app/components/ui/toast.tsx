import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

export type ToastMessage = { key: string; values?: Record<string, string | number>; type: "success" | "error" };

/** A confirmation after a redirect; announced to screen readers, dismissible, and plain text without JavaScript. */
export function Toast({ toast }: { toast: ToastMessage | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  useEffect(() => setOpen(true), [toast]);
  if (!toast || !open) return null;
  return (
    <div className={`toast ${toast.type}`} role={toast.type === "error" ? "alert" : "status"}>
      <span>{t(toast.key, toast.values)}</span>
      <button type="button" className="toast-close" onClick={() => setOpen(false)} aria-label={t("common:actions.dismiss")}>
        ×
      </button>
    </div>
  );
}
