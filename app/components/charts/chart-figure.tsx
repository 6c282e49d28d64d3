import { createContext, useContext } from "react";

/**
 * The chart drawings a document request's loaders made, by chart id (render-chart.server.tsx): the server's
 * render writes them into the HTML and the page's data does not carry them again.
 */
export const DocumentDrawings = createContext<Map<string, string> | undefined>(undefined);

/** A server-drawn chart: from the page's data after a navigation, else from the server's render or the page itself. */
export function ChartFigure({ id, svg, label }: { id: string; svg: string | null; label: string }) {
  const documentDrawings = useContext(DocumentDrawings);
  const figureId = `figure-${id}`;
  // on hydration the drawing is already on the page, as the server wrote it: React is given the same text
  const html =
    svg ??
    documentDrawings?.get(id) ??
    (typeof document === "undefined" ? "" : (document.getElementById(figureId)?.innerHTML ?? ""));
  return (
    <div
      id={figureId}
      className="chart-figure"
      role="img"
      aria-label={label}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
