// The server's claim on its database: `<database>.server.pid` holds the serving process's id while it
// runs. `npm run restore` refuses while that process is alive (docs/decisions/0072).
import fs from "node:fs";

export const lockFileOf = (databaseFile) => `${databaseFile}.server.pid`;

/** The live process holding the database, or null (no file, or its process is gone). */
export function serverHolding(databaseFile) {
  let pid;
  try {
    pid = Number(fs.readFileSync(lockFileOf(databaseFile), "utf8").trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    return e.code === "EPERM" ? pid : null;
  }
}

/**
 * Marks the database as served by this process. It does not refuse to start when the file names another
 * live process: after a crash that pid may belong to anything (in a container, often), and SQLite itself
 * tolerates two servers on one file.
 */
export function holdDatabase(databaseFile) {
  const file = lockFileOf(databaseFile);
  try {
    fs.writeFileSync(file, `${process.pid}\n`, { mode: 0o600 });
  } catch (e) {
    // Read-only storage is served read-only (npm start warns); a restore could not write there either.
    console.warn(`The server lock ${file} could not be written (${e.code ?? e.message}); restore cannot see this server.`);
    return () => {};
  }
  return () => {
    try {
      if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.rmSync(file);
    } catch {
      // already gone
    }
  };
}
