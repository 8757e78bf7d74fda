/**
 * The engine alone at one scale, in a process of its own, timed on request. main.ts starts one at 1/10 and one at
 * full scale and asks them in turn (sideBySideGrowth), so both scales' runs see this shared machine in the same
 * state, as the guide asks of any ratio. Talks over the IPC channel only: { ready: true } once warm, then one
 * { ms } per 'run' (the second of two runs); the parent ends it with a signal. Each run's result stays alive until
 * the next, as in a dashboard.
 *
 *   (started by main.ts) node --import tsx bench/engine/growthProcess.ts --scale 0.1
 */
import { withDefaults } from '../../src/engine';
import { parseArgs } from './args';
import { EngineRun, runEngine } from './engineRun';
import { evaluationInstant, generateOrg } from './generate';
import { warmUp } from './timing';

export type GrowthRequest = 'run';
export type GrowthReply = { ready: true } | { ms: number };

async function main(): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) {
    throw new Error('growthProcess.ts is started by bench/engine/main.ts, with an IPC channel');
  }
  const args = parseArgs(process.argv.slice(2));
  const org = generateOrg({ scale: args.scale, seed: args.seed });
  const options = withDefaults({});
  const now = evaluationInstant(org);
  let last: EngineRun | undefined;
  const run = (): number => {
    last = undefined;
    last = runEngine(org.events, org.range, options, now);
    return last.totalMs;
  };
  await warmUp(run);
  process.on('message', (request: GrowthRequest) => {
    if (request === 'run') {
      // Twice, the second timed: the other process's run in between evicted this one's data from the processor's
      // caches, which would slow the small scale most (and flatter growth_x).
      run();
      const reply: GrowthReply = { ms: run() };
      send(reply);
    }
  });
  const ready: GrowthReply = { ready: true };
  send(ready);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
