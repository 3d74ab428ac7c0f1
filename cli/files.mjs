import { readFileSync, writeFileSync } from "node:fs";
import { ClientError } from "./errors.mjs";

function read(path, what) {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new ClientError(`Cannot read the ${what} ${path}: ${e.code === "ENOENT" ? "no such file" : e.message}.`);
  }
}

/** A token, registration or approval file: JSON, as the console wrote it (signatures added). */
export function readJsonFile(path, what) {
  const text = read(path, what);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ClientError(`The ${what} ${path} is not valid JSON (${e.message}).`);
  }
}

export const readPem = (path) => read(path, "public key PEM file");

/** Writes a file the way cloudhsm-cli writes token files: pretty JSON. */
export function writeJsonFile(path, value) {
  try {
    writeFileSync(path, JSON.stringify(value, null, 2) + "\n");
  } catch (e) {
    throw new ClientError(`Cannot write ${path}: ${e.message}.`);
  }
}
