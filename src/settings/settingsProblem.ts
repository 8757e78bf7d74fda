/** A problem in a source's settings: the field it is about and a message naming the value and the fix. */
export interface SettingsProblem {
  /** The settings field: apiUrl, repositories (line N), projects (line N), organization, group, ... */
  field: string;
  message: string;
}
