/**
 * Long text in a narrow cell: the start of it, and a native disclosure to read all of it in place
 * (a title attribute alone reaches neither keyboards nor phones).
 */
export function ExpandableText({ text, limit = 60, what, className = "" }: { text: string; limit?: number; what: string; className?: string }) {
  if (text.length <= limit) return <span className={`block ${className}`}>{text}</span>;
  return (
    <details className={`group ${className}`}>
      <summary className="cursor-pointer list-none [&::-webkit-details-marker]:hidden">
        <span className="group-open:hidden">{text.slice(0, limit).trimEnd()}… </span>
        <span className="text-sky-700 underline dark:text-sky-400">
          <span className="group-open:hidden">more</span>
          <span className="hidden group-open:inline">less</span>
          <span className="sr-only"> of the {what}</span>
        </span>
      </summary>
      <span className="mt-1 block max-w-md whitespace-pre-wrap [overflow-wrap:anywhere]">{text}</span>
    </details>
  );
}
