export function databaseFile(): string;
export function migrate(options?: { quiet?: boolean }): string;
