// One value's "beside the movement": the organization's own number as a marker over the movement's middle
// half (a box from the first to the third quartile, a line at the median), drawn as plain SVG in the page's
// HTML. The drawing is decorative (aria-hidden); the sentence beside it says the same in words.
import { useTranslation } from "react-i18next";
import { useFormat } from "~/components/use-format";

type Spread = { q1: number; median: number; q3: number };

export type BesideItem = {
  valueId: string;
  name?: string;
  own: { practices: number; participants: number; impactedShare: number | null };
  group: { kind: "band"; band: string } | { kind: "all" };
  organizations: number;
  practices: Spread | null;
  shareOrganizations: number;
  impactedShare: Spread | null;
};

const WIDTH = 240;
const HEIGHT = 28;
const PAD = 8;

function Strip({ own, spread, max }: { own: number | null; spread: Spread; max: number }) {
  const x = (n: number) => PAD + (Math.min(n, max) / max) * (WIDTH - 2 * PAD);
  return (
    <svg
      className="beside-strip"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      aria-hidden="true"
      focusable="false"
    >
      <line x1={PAD} x2={WIDTH - PAD} y1={HEIGHT / 2} y2={HEIGHT / 2} stroke="#8a919c" strokeWidth={1} />
      <rect
        x={x(spread.q1)}
        y={6}
        width={Math.max(2, x(spread.q3) - x(spread.q1))}
        height={HEIGHT - 12}
        fill="#c9dcef"
        stroke="#34509a"
        strokeWidth={1}
      />
      <line x1={x(spread.median)} x2={x(spread.median)} y1={4} y2={HEIGHT - 4} stroke="#1f2630" strokeWidth={2} />
      {own === null ? null : (
        <path
          d={`M ${x(own)} ${HEIGHT / 2 - 7} l 6 7 l -6 7 l -6 -7 z`}
          fill="#a4481f"
          stroke="#ffffff"
          strokeWidth={1}
        />
      )}
    </svg>
  );
}

function useNumbers() {
  const format = useFormat();
  return { number: (n: number) => format.number(n, { maximumFractionDigits: 1 }), percent: format.percent };
}

/** The comparison for one value: its group, practices and impacted share, each hidden under the threshold. */
export function BesideMovement({
  item,
  min,
  headingLevel = 3,
}: {
  item: BesideItem;
  min: number;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation("workspace");
  const { t: ta } = useTranslation("admin");
  const f = useNumbers();
  const Heading = `h${headingLevel}` as "h2" | "h3";
  const group =
    item.group.kind === "band"
      ? t("beside.groupBand", { count: item.organizations, band: ta(`organizations.sizeBands.${item.group.band}`) })
      : t("beside.groupAll", { count: item.organizations, min });
  const p = item.practices;
  const s = item.impactedShare;
  return (
    <div className="beside stack">
      {item.name ? <Heading>{item.name}</Heading> : null}
      <p className="muted">{group}</p>
      <div className="beside-row">
        {p ? <Strip own={item.own.practices} spread={p} max={Math.max(1, p.q3, item.own.practices) * 1.15} /> : null}
        <p>
          <strong>{t("beside.practicesLabel")}</strong>{" "}
          {t("beside.ownPractices", { count: item.own.practices, formatted: f.number(item.own.practices) })}{" "}
          {p
            ? t("beside.movementPractices", { median: f.number(p.median), q1: f.number(p.q1), q3: f.number(p.q3) })
            : t("beside.suppressed", { min })}
        </p>
      </div>
      <div className="beside-row">
        {s ? <Strip own={item.own.impactedShare} spread={s} max={1} /> : null}
        <p>
          <strong>{t("beside.shareLabel")}</strong>{" "}
          {item.own.impactedShare === null
            ? t("beside.ownShareNone")
            : t("beside.ownShare", { share: f.percent(item.own.impactedShare) })}{" "}
          {s
            ? t("beside.movementShare", { median: f.percent(s.median), q1: f.percent(s.q1), q3: f.percent(s.q3) })
            : t("beside.shareSuppressed", { min })}
        </p>
      </div>
    </div>
  );
}

/** The key to the drawings, said once per page. */
export function BesideLegend() {
  const { t } = useTranslation("workspace");
  return (
    <p className="beside-legend muted" aria-hidden="true">
      <svg width={14} height={14} viewBox="0 0 14 14" focusable="false">
        <path d="M 7 0 l 6 7 l -6 7 l -6 -7 z" fill="#a4481f" />
      </svg>{" "}
      {t("beside.legendOwn")}{" "}
      <svg width={22} height={14} viewBox="0 0 22 14" focusable="false">
        <rect x={1} y={2} width={20} height={10} fill="#c9dcef" stroke="#34509a" />
        <line x1={11} x2={11} y1={0} y2={14} stroke="#1f2630" strokeWidth={2} />
      </svg>{" "}
      {t("beside.legendMovement")}
    </p>
  );
}
