/** The cloudhsm-cli command a part of the console stands for: a hint after the plain words, not instead of them. */
export function Cli({ command }: { command: string }) {
  return (
    <span className="text-xs text-slate-500 dark:text-slate-400">
      In cloudhsm-cli: <code className="font-mono [overflow-wrap:anywhere]">{command}</code>
    </span>
  );
}
