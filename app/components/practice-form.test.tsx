/** @vitest-environment happy-dom */
import { getFormProps } from "@conform-to/react";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { createInstance } from "i18next";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { afterEach, describe, expect, test } from "vitest";
import {
  PracticeFields,
  usePracticeForm,
  type PracticeCalendar,
  type PracticeFormCommitment,
  type PracticeFormOption,
} from "~/components/practice-form";
import { NAMESPACES, resources } from "~/locales/resources";
import i18nSettings from "~/utils/i18n";

const CALENDAR: PracticeCalendar = { timeZone: "UTC", today: "2026-12-31", zoneName: "UTC" };
const values: PracticeFormOption[] = [
  { id: "v-care", slug: "care", name: "Care", color: "#0a7" },
  { id: "v-voice", slug: "voice", name: "Voice", color: "#a07" },
];
const commitments: PracticeFormCommitment[] = [
  { id: "c1", title: "Weekly check-ins", valueId: "v-care", year: 2026 },
  { id: "c2", title: "Meal train", valueId: "v-care", year: 2025 },
  { id: "c3", title: "Testify at council", valueId: "v-voice", year: 2026 },
];

function PracticeForm() {
  const [form, fields, calendar] = usePracticeForm({
    id: "practice",
    lastResult: null,
    defaultValue: { occurredOn: "2026-05-04", visibility: "PRIVATE" },
    calendar: CALENDAR,
  });
  return (
    <form {...getFormProps(form)}>
      <PracticeFields fields={fields} values={values} freedoms={[]} commitments={commitments} calendar={calendar} />
    </form>
  );
}

async function renderForm() {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nSettings, lng: "en", ns: NAMESPACES, resources });
  render(
    <I18nextProvider i18n={i18n}>
      <PracticeForm />
    </I18nextProvider>,
  );
}

const commitmentSelect = () => screen.queryByRole("combobox", { name: /count toward a commitment/ });
const offered = () =>
  within(commitmentSelect()!)
    .getAllByRole("option")
    .map((o) => o.textContent);

function choose(input: HTMLElement, value?: string) {
  if (value === undefined) fireEvent.click(input);
  else fireEvent.change(input, { target: { value } });
  fireEvent.input(input);
}

afterEach(cleanup);

describe("the practice form's commitment choice, once hydrated", () => {
  test("offers no commitment before a value is chosen", async () => {
    await renderForm();
    expect(commitmentSelect()).toBeNull();
  });

  test("offers the chosen value's commitments of the practice's year, and follows a change of value", async () => {
    await renderForm();
    choose(screen.getByRole("radio", { name: "Care" }));
    expect(offered()).toEqual(["No commitment", "Weekly check-ins"]);
    expect(within(commitmentSelect()!).getByRole("group").getAttribute("label")).toBe("Care · 2026");

    choose(screen.getByRole("radio", { name: "Voice" }));
    expect(offered()).toEqual(["No commitment", "Testify at council"]);
  });

  test("follows the date's year, and hides the choice when no commitment matches", async () => {
    await renderForm();
    choose(screen.getByRole("radio", { name: "Care" }));
    choose(screen.getByLabelText("When?"), "2025-03-01");
    expect(offered()).toEqual(["No commitment", "Meal train"]);

    choose(screen.getByRole("radio", { name: "Voice" }));
    expect(commitmentSelect()).toBeNull();
  });
});
