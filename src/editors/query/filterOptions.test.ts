import { fakeEditorDataSource } from '../testing/editorDataSource';
import { filterOptionsLoader, VARIABLES_GROUP } from './filterOptions';
import { withFilter } from './FiltersRow';

describe('filterOptionsLoader', () => {
  it('lists the dashboard variables, then the known values, narrowed by what was typed', async () => {
    const ds = fakeEditorDataSource({ services: ['checkout', 'search', 'web-frontend'] }, ['$service', '$team']);
    const range = { from: 1, to: 2 };
    const load = filterOptionsLoader(ds, 'services', range);
    expect(await load('')).toEqual([
      { value: '$service', label: '$service', description: 'Dashboard variable', group: VARIABLES_GROUP },
      { value: '$team', label: '$team', description: 'Dashboard variable', group: VARIABLES_GROUP },
      { value: 'checkout', label: 'checkout', group: 'Services' },
      { value: 'search', label: 'search', group: 'Services' },
      { value: 'web-frontend', label: 'web-frontend', group: 'Services' },
    ]);
    expect((await load('SE')).map((o) => o.value)).toEqual(['$service', 'search']);
    expect(ds.asked[0]).toMatchObject({ values: 'services' });
  });

  it('shows why the values could not be listed, as an option that cannot be picked', async () => {
    const ds = fakeEditorDataSource({ teams: new Error('no source could be read. github: token rejected.') }, []);
    expect(await filterOptionsLoader(ds, 'teams', undefined)('')).toEqual([
      {
        value: '__error_teams',
        label: 'Could not list teams: no source could be read. github: token rejected.',
        infoOption: true,
      },
    ]);
  });
});

describe('withFilter', () => {
  it('sets one filter, dropping empty lists, blanks and duplicates', () => {
    expect(withFilter(undefined, 'teams', ['data'])).toEqual({ teams: ['data'] });
    expect(withFilter({ teams: ['data'] }, 'services', ['a', 'a', ' '])).toEqual({ teams: ['data'], services: ['a'] });
    expect(withFilter({ teams: ['data'] }, 'teams', [])).toBeUndefined();
  });
});
