export function databaseFile(): string;
export function migrate(options?: { quiet?: boolean }): string;
export function writeProblem(file?: string): Promise<string | null>;
