export function lockFileOf(databaseFile: string): string;
export function serverHolding(databaseFile: string): number | null;
export function holdDatabase(databaseFile: string): () => void;
