export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { announceSetupLink } = await import("./lib/setup/announce");
  await announceSetupLink();
}
