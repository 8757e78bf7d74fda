/** Event ids of GitHub objects: one place, so an incident's explicit cause names the id the deployment got. */
export const deploymentId = (repo: string, databaseId: number | string) => `github:${repo}:deployment:${databaseId}`;
export const workflowRunDeploymentId = (repo: string, runId: number | string) => `github:${repo}:run:${runId}`;
export const releaseDeploymentId = (repo: string, tag: string) => `github:${repo}:release:${tag}`;
export const tagDeploymentId = (repo: string, tag: string) => `github:${repo}:tag:${tag}`;
export const pipelineRunId = (repo: string, runId: number, attempt: number) => `github:${repo}:run:${runId}:${attempt}`;
export const incidentId = (repo: string, issueNumber: number) => `github:${repo}#${issueNumber}`;
