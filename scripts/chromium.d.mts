export function findChromium(): string | null;
export function findChromiumOrPlaywrights(): Promise<string | null>;
