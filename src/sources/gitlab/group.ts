/** The projects of a group and its subgroups that the include pattern selects (archived ones skipped). */
import { GlProject } from './apiTypes';
import { CallContext, encodePath, GitLabClient } from './client';

export async function groupProjects(
  client: GitLabClient,
  group: string,
  include: string,
  call: CallContext
): Promise<string[]> {
  const re = include ? new RegExp(include, 'i') : undefined;
  const paths: string[] = [];
  await client.getPages<GlProject>(
    `/groups/${encodePath(group)}/projects`,
    { include_subgroups: true, archived: false, with_shared: false, order_by: 'path', sort: 'asc', per_page: 100 },
    (projects) => {
      for (const p of projects) {
        if (!p.archived && (!re || re.test(p.path_with_namespace))) {
          paths.push(p.path_with_namespace);
        }
      }
      return 'continue';
    },
    call
  );
  return paths;
}
