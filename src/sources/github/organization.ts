/** The repositories of an organisation that the include pattern selects (archived and disabled ones skipped). */
import { CallContext, GitHubClient } from './client';
import { OrgRepositoryRest } from './apiTypes';
import { rest } from './queries';

export async function organizationRepositories(
  client: GitHubClient,
  org: string,
  include: string,
  call: CallContext
): Promise<string[]> {
  const re = include ? new RegExp(include, 'i') : undefined;
  const names: string[] = [];
  await client.getPages<OrgRepositoryRest[], OrgRepositoryRest>(
    rest.orgRepositories(org),
    { per_page: 100, type: 'all', sort: 'full_name' },
    (page) => (Array.isArray(page) ? page : []),
    (repos) => {
      for (const r of repos) {
        if (!r.archived && !r.disabled && (!re || re.test(r.name) || re.test(r.full_name))) {
          names.push(r.full_name);
        }
      }
      return 'continue';
    },
    call
  );
  return names;
}
