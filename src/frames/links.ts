/** Data links that open the value of a URL field (the provider's page of a deployment, incident, PR). */
import { DataLink } from '@grafana/data';

export function openUrlLink(title: string): DataLink[] {
  return [{ title, url: '${__value.raw}', targetBlank: true }];
}
