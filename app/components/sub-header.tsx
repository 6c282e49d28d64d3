import { NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";

export type SubHeaderLink = { to: string; label: string; end?: boolean };

/** The band under the site header naming where one is (an organization, the movement) and its pages. */
export function SubHeader({ title, label, links }: { title: string; label: string; links: SubHeaderLink[] }) {
  const nav = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // on a phone the links form one row that scrolls sideways: keep the current page's link in view
  useEffect(() => {
    const box = nav.current;
    const active = box?.querySelector<HTMLElement>("a.active");
    if (!box || !active || box.scrollWidth <= box.clientWidth) return;
    box.scrollLeft = active.offsetLeft - box.offsetLeft - (box.clientWidth - active.offsetWidth) / 2;
  }, [pathname]);
  return (
    <div className="subheader">
      <div className="container">
        <p className="subheader-title">{title}</p>
        <nav aria-label={label} className="subnav" ref={nav}>
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
