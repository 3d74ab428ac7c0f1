/**
 * A wide table on a narrow screen scrolls inside this region, not the page. It takes focus and has a name,
 * so keyboard users can scroll it and screen readers announce it (axe: scrollable-region-focusable).
 * It is positioned, so screen-reader-only text in the table (absolutely placed) stays inside it too.
 */
export function ScrollRegion({ label, children, className = "" }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`relative overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
