import { NavLink } from "@remix-run/react";

export type SubHeaderLink = { to: string; label: string; end?: boolean };

/**
 * The band under the site header naming where one is (an organization, the movement) and its pages. On a phone
 * the links wrap onto further lines (app.css), so each one is in sight without scrolling or script.
 */
export function SubHeader({ title, label, links }: { title: string; label: string; links: SubHeaderLink[] }) {
  return (
    <div className="subheader">
      <div className="container">
        <p className="subheader-title">{title}</p>
        <nav aria-label={label} className="subnav">
          {links.map((l) => (
            <NavLink key={l.to} to={l.to} end={l.end}>
              {l.label}
            </NavLink>
          ))}
        </nav>
      </div>
    </div>
  );
}
