import { useNavigation } from "@remix-run/react";
import type { ButtonHTMLAttributes } from "react";

/** Disabled while a form is being submitted, so a double click sends one request. */
export function SubmitButton({ className = "button", disabled, ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  const pending = useNavigation().state === "submitting";
  return <button type="submit" className={className} disabled={pending || disabled} aria-busy={pending || undefined} {...props} />;
}
