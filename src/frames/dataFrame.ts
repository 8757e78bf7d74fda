/** The browser's side of frame descriptions: Grafana DataFrames, built by Grafana's own createDataFrame. */
import { createDataFrame, DataFrame, DataFrameDTO } from '@grafana/data';
import { FrameDescription } from './frame';

export function toDataFrame(frame: FrameDescription): DataFrame {
  // The descriptions use Grafana's own string values for field types, mappings and thresholds modes.
  return createDataFrame(frame as unknown as DataFrameDTO);
}

export function toDataFrames(frames: FrameDescription[]): DataFrame[] {
  return frames.map(toDataFrame);
}
