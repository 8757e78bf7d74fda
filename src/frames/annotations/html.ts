/**
 * Annotation text is HTML: Grafana's tooltip shows the title, a line break and the text through its sanitizer.
 * Everything that comes from events (titles, names, SHAs) is escaped here, so a PR title cannot add markup.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Lines of already escaped HTML, one per line of the tooltip. */
export function joinLines(lines: string[]): string {
  return lines.filter((l) => l !== '').join('<br />');
}

/** A link for http(s) URLs only; anything else is left out rather than risk a javascript: URL. */
export function link(url: string | undefined, label: string): string {
  if (!url || !/^https?:\/\//i.test(url)) {
    return '';
  }
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(label)}</a>`;
}
