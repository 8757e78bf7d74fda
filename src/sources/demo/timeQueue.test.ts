import fc from 'fast-check';
import { TimeQueue } from './timeQueue';

describe('TimeQueue', () => {
  it('pops in time order, equal instants in insertion order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }), (times) => {
        const queue = new TimeQueue<number>();
        times.forEach((t, i) => queue.push(t, i));
        const out: Array<[number, number]> = [];
        for (let next = queue.pop(); next; next = queue.pop()) {
          out.push([next.at, next.item]);
        }
        const expected = times.map((t, i): [number, number] => [t, i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(out).toEqual(expected);
        expect(queue.size).toBe(0);
      })
    );
  });
});
