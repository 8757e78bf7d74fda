/** Event ids of GitLab objects: one place, so an incident's explicit cause names the id the deployment got. */
export const deploymentId = (project: string, iid: number | string) => `gitlab:${project}:deployment:${iid}`;
/** A pipeline that deployed (jobs mode), and the pipeline run id deployments of one pipeline share. */
export const pipelineId = (project: string, id: number | string) => `gitlab:${project}:pipeline:${id}`;
export const releaseDeploymentId = (project: string, tag: string) => `gitlab:${project}:release:${tag}`;
export const tagDeploymentId = (project: string, tag: string) => `gitlab:${project}:tag:${tag}`;
export const pipelineRunId = (project: string, id: number, attempt: number) =>
  `gitlab:${project}:pipeline:${id}:${attempt}`;
export const incidentId = (project: string, iid: number) => `gitlab:${project}#${iid}`;
