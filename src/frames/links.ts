/** Data links that open the value of a URL field (the provider's page of a deployment, incident, PR). */
import { DataLinkDescription } from './frame';

export function openUrlLink(title: string): DataLinkDescription[] {
  return [{ title, url: '${__value.raw}', targetBlank: true }];
}
