/** Shared by the authoring scripts: print the message and exit 1. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
