/** A refusal or failure the CLI prints as is (no stack trace) and exits with `exitCode`. */
export class MigrationError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}
