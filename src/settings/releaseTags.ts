/**
 * Which tags are production releases, for every provider that reads releases or tags as deployments. The default
 * leaves out semver pre-releases (v1.2.0-rc.1, 2.0.0-beta.2, v3.1.0-alpha): a release candidate is not a
 * production deployment, and counting it would inflate deployment frequency and measure lead time to the
 * candidate instead of the release. Build metadata (v1.2.0+build.5) is not a pre-release and stays in.
 */

/** Everything except tags carrying a semver pre-release (a version followed by "-"). Case-insensitive. */
export const DEFAULT_TAG_PATTERN = String.raw`^(?!.*\d+\.\d+\.\d+-).+$`;

/** Whether a tag names a production release under the pattern (empty: the default). */
export function isProductionTag(tag: string, pattern: string | undefined): boolean {
  return new RegExp(pattern && pattern !== '' ? pattern : DEFAULT_TAG_PATTERN, 'i').test(tag);
}
