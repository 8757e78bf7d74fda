/** The column picker's fields are the events format's fields, with the same required ones (id aside). */
import { CAUSE_SHAPE, LISTS, PULL_REQUEST_SHAPE, Shape } from '../sources/json/schema';
import { EVENT_KINDS, FIELDS } from './bridgeFields';

function fieldsOf(shape: Shape, prefix = ''): Array<[string, boolean]> {
  return Object.keys(shape).map((key) => [`${prefix}${key}`, shape[key].optional !== true]);
}

describe('FIELDS', () => {
  it.each(EVENT_KINDS)('%s has every field of the events format, required as there', (kind) => {
    let expected = fieldsOf(LISTS[kind]);
    // Nested objects are filled field by field; source is always "datasource"; id is made from the row if absent.
    if (kind === 'changes') {
      expected = expected
        .filter(([n]) => n !== 'pullRequest')
        .concat(fieldsOf(PULL_REQUEST_SHAPE, 'pullRequest.').map(([n]) => [n, false] as [string, boolean]));
    }
    if (kind === 'incidents') {
      expected = expected
        .filter(([n]) => n !== 'cause')
        .concat(fieldsOf(CAUSE_SHAPE, 'cause.').map(([n]) => [n, false] as [string, boolean]));
    }
    expected = expected
      .filter(([n]) => n !== 'source')
      .map(([n, r]) => [n, n === 'id' ? false : r] as [string, boolean]);
    expect(FIELDS[kind].map((x) => [x.name, x.required]).sort()).toEqual(expected.sort());
  });
});
