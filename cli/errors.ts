/** A problem the user can fix (bad argument, unreadable or invalid file): exit code 2, a message, no stack. */
export class CliError extends Error {
  constructor(
    message: string,
    /** Further lines, e.g. every problem of an invalid events file. */
    readonly details: string[] = []
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;
