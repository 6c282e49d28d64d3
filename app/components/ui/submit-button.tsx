import { useNavigation } from "@remix-run/react";
import { useRef, type ButtonHTMLAttributes } from "react";

// The form whose submission the page's navigation is carrying: the last one submitted. Navigation says only
// that a submission is under way, not which form sent it, and a page may hold several forms.
let lastSubmitted: HTMLFormElement | null = null;
if (typeof document !== "undefined") {
  document.addEventListener(
    "submit",
    (event) => {
      if (event.target instanceof HTMLFormElement) lastSubmitted = event.target;
    },
    true,
  );
}

/**
 * Disabled while its own form is being submitted, so a double click sends one request. The other forms on the
 * page stay as they are.
 */
export function SubmitButton({ className = "button", disabled, ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  const navigation = useNavigation();
  const ref = useRef<HTMLButtonElement>(null);
  // eslint-disable-next-line react-hooks/refs -- the button's form is read on the render that navigation starts, after the submit event
  const pending = navigation.state === "submitting" && ref.current?.form != null && ref.current.form === lastSubmitted;
  return (
    <button
      ref={ref}
      type="submit"
      className={className}
      disabled={pending || disabled}
      aria-busy={pending || undefined}
      {...props}
    />
  );
}
