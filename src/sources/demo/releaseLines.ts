/** Release lines of a release-train service (release/2.N): each has a head commit and a patch number. */

const RELEASE_MAJOR = 2;

export class ReleaseLines {
  private readonly lines: Array<{ head: string; patch: number }> = [];
  private readonly lineOfSha = new Map<string, number>();

  get count(): number {
    return this.lines.length;
  }

  /** Opens the next line at a commit; returns its number. */
  open(sha: string): number {
    this.lines.push({ head: sha, patch: 0 });
    this.lineOfSha.set(sha, this.lines.length - 1);
    return this.lines.length - 1;
  }

  head(line: number): string {
    return this.lines[line].head;
  }

  /** The line a released commit belongs to, if any. */
  lineOf(sha: string): number | undefined {
    return this.lineOfSha.get(sha);
  }

  /** Moves a line on to a new commit, its next patch release; returns that version. */
  patch(line: number, sha: string): string {
    const target = this.lines[line];
    target.head = sha;
    target.patch++;
    this.lineOfSha.set(sha, line);
    return this.version(line);
  }

  /** The line's current version, e.g. "2.3.1". */
  version(line: number): string {
    return ReleaseLines.format(line, this.lines[line].patch);
  }

  static format(line: number, patch: number): string {
    return `${RELEASE_MAJOR}.${line}.${patch}`;
  }
}
