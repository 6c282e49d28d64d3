/** @vitest-environment happy-dom */
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { createMemoryRouter, Form, RouterProvider } from "react-router-dom";
import { afterEach, describe, expect, test } from "vitest";
import { SubmitButton } from "~/components/ui/submit-button";

afterEach(cleanup);

function Page() {
  return (
    <>
      <Form method="post">
        <input type="hidden" name="intent" value="invite" />
        <SubmitButton>Invite</SubmitButton>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="remove" />
        <SubmitButton>Remove</SubmitButton>
      </Form>
    </>
  );
}

describe("SubmitButton with several forms on one page", () => {
  test("only the submitting form's button is busy, and none once the answer is in", async () => {
    let answer = () => {};
    const router = createMemoryRouter(
      [{ path: "/", element: <Page />, action: () => new Promise((resolve) => (answer = () => resolve(null))) }],
      { initialEntries: ["/"] },
    );
    render(<RouterProvider router={router} future={{ v7_startTransition: true }} />);
    const invite = screen.getByRole("button", { name: "Invite" });
    const remove = screen.getByRole("button", { name: "Remove" });

    await act(async () => fireEvent.click(remove));
    expect(router.state.navigation.state).toBe("submitting");
    expect(remove).toHaveProperty("disabled", true);
    expect(remove.getAttribute("aria-busy")).toBe("true");
    expect(invite).toHaveProperty("disabled", false);
    expect(invite.getAttribute("aria-busy")).toBeNull();

    await act(async () => answer());
    await act(async () => {});
    expect(router.state.navigation.state).toBe("idle");
    expect(remove).toHaveProperty("disabled", false);

    await act(async () => fireEvent.click(invite));
    expect(invite.getAttribute("aria-busy")).toBe("true");
    expect(remove.getAttribute("aria-busy")).toBeNull();
  });
});
