export type Cluster = { url(database?: string): string; port: number; dir: string; bin: string; stop(): void };
export function postgresBinaries(): string | null;
export function startCluster(options?: { durable?: boolean; maxConnections?: number }): Promise<Cluster>;
export function psql(cluster: Cluster, sql: string, database?: string): string;
