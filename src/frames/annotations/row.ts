/** One annotation as the data source returns it: a row of the annotation frame. */
export interface AnnotationRow {
  /** Stable id of the event (deployment or incident id). */
  id: string;
  time: number;
  /** Equal to time for a point; later for a region (an incident from start to resolved). */
  timeEnd: number;
  title: string;
  /** HTML (escaped), shown under the title in the tooltip. */
  text: string;
  tags: string[];
  /** A Grafana colour name. */
  color: string;
}
