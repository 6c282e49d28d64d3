import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { latestEmails } from "~/models/outbox.server";
import { searchParamsOf } from "~/utils/http";
import { notFound } from "~/utils/auth.server";
import { getPrisma } from "~/utils/db.server";
import { fixedT } from "~/utils/i18next.server";
import { devOutboxServes, emailDelivery, renderEmail } from "~/utils/mailer.server";
import { useFormat } from "~/components/use-format";

/**
 * The emails the app wrote, with their links, so a tester without a mail server can follow a reset or an
 * invitation. NOTE: the links sign people in: the page answers only a client on this machine of a server that
 * listens on loopback without a mail server (devOutboxServes has the whole rule); everyone else gets a 404.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!devOutboxServes(request, context.peerAddress)) notFound();
  const [rows, t] = await Promise.all([
    // ?to=<email>: one person's emails, however many reminders went out since
    latestEmails({ prisma: await getPrisma(), to: searchParamsOf(request).get("to")?.slice(0, 320) || undefined }),
    fixedT(request, "email"),
  ]);
  const emails = await Promise.all(
    rows.map(async (row) => {
      const rendered = await renderEmail(row).catch(() => null);
      return {
        id: row.id,
        to: row.to,
        template: row.template,
        // worded here: with no mail server, an email still waiting for the worker will be kept, not sent
        status: t(`devOutbox.status${row.status}`, { context: emailDelivery() }),
        createdAt: row.createdAt.toISOString(),
        subject: rendered?.subject ?? null,
        text: rendered?.text ?? null,
        url: rendered?.url ?? null,
      };
    }),
  );
  return { title: t("devOutbox.title"), emails };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} · North Star` },
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "no-referrer" },
];

export default function DevOutbox() {
  const { emails } = useLoaderData<typeof loader>();
  const { t } = useTranslation("email");
  const format = useFormat();
  return (
    <div className="container section stack">
      <h1>{t("devOutbox.title")}</h1>
      <p className="section-intro">{t("devOutbox.intro")}</p>
      {emails.length ? (
        <ul className="card-list">
          {emails.map((e) => (
            <li key={e.id} className="card stack outbox-email">
              <h2>{e.subject ?? e.template}</h2>
              <dl className="outbox-fields">
                <dt>{t("devOutbox.to")}</dt>
                <dd>{e.to}</dd>
                <dt>{t("devOutbox.template")}</dt>
                <dd>{e.template}</dd>
                <dt>{t("devOutbox.status")}</dt>
                <dd>{e.status}</dd>
                <dt>{t("devOutbox.written")}</dt>
                <dd>
                  <time dateTime={e.createdAt}>
                    {format.date(e.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
                  </time>
                </dd>
                {e.url ? (
                  <>
                    <dt>{t("devOutbox.link")}</dt>
                    <dd>
                      <a href={e.url}>{e.url}</a>
                    </dd>
                  </>
                ) : null}
              </dl>
              {e.text ? <pre>{e.text}</pre> : <p role="alert">{t("devOutbox.renderFailed")}</p>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty-state">{t("devOutbox.empty")}</p>
      )}
    </div>
  );
}
