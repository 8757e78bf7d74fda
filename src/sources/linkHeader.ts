/** RFC 8288 Link header, as GitHub sends it for paging: `<url>; rel="next", <url>; rel="last"`. */
export function parseLinkHeader(header: string | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) {
    return links;
  }
  const re = /<([^>]*)>\s*((?:;\s*[^;,]+)*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(header)) !== null) {
    const rel = /;\s*rel\s*=\s*"?([^";,]+)"?/i.exec(m[2]);
    if (rel) {
      for (const name of rel[1].trim().split(/\s+/)) {
        links[name.toLowerCase()] = m[1];
      }
    }
  }
  return links;
}
