export function databaseUrl(): string;
export function databaseKind(url?: string): "sqlite" | "postgresql";
export function databaseFile(): string;
export function databaseLabel(): string;
export function migrate(options?: { quiet?: boolean }): string;
export function writeProblem(file?: string | null): Promise<string | null>;
