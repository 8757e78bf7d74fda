/**
 * growth_x measured side by side: the engine alone at two scales, each in a process of its own
 * (growthProcess.ts), asked in turn (low, high, low, high, ...) so that both scales' runs see this shared machine
 * in the same state. Timed one scale after the other, a machine that slowed down between them moved growth_x by
 * half (7 to 16 for the same code on one morning).
 */
import { ChildProcess, fork } from 'child_process';
import { join } from 'path';
import { REPO_ROOT, TSX_ARGS } from './children';
import type { GrowthReply, GrowthRequest } from './growthProcess';
import { median } from './timing';

export interface SideBySideGrowth {
  lowScale: number;
  highScale: number;
  lowMs: number[];
  highMs: number[];
  /** Median at the high scale over median at the low scale. */
  growth: number;
}

export async function sideBySideGrowth(
  lowScale: number,
  highScale: number,
  pairs: number,
  seed: number
): Promise<SideBySideGrowth> {
  const low = new GrowthProcess(lowScale, seed);
  const high = new GrowthProcess(highScale, seed);
  try {
    await Promise.all([low.reply(), high.reply()]);
    const lowMs: number[] = [];
    const highMs: number[] = [];
    for (let p = 0; p < pairs; p++) {
      lowMs.push(await low.run());
      highMs.push(await high.run());
    }
    return { lowScale, highScale, lowMs, highMs, growth: median(highMs) / median(lowMs) };
  } finally {
    low.stop();
    high.stop();
  }
}

class GrowthProcess {
  private readonly child: ChildProcess;
  private errors = '';

  constructor(
    private readonly scale: number,
    seed: number
  ) {
    this.child = fork(join(__dirname, 'growthProcess.ts'), ['--scale', String(scale), '--seed', String(seed)], {
      cwd: REPO_ROOT,
      execArgv: TSX_ARGS,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (chunk: string) => (this.errors += chunk));
  }

  async run(): Promise<number> {
    const request: GrowthRequest = 'run';
    this.child.send(request);
    const reply = await this.reply();
    if (!('ms' in reply)) {
      throw new Error(`the engine process at scale ${this.scale} answered a run without its time`);
    }
    return reply.ms;
  }

  /** The process's next message, or an error naming its exit and last error line if it ends first. */
  reply(): Promise<GrowthReply> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: GrowthReply): void => {
        this.child.off('exit', onExit);
        resolve(message);
      };
      const onExit = (code: number | null): void => {
        this.child.off('message', onMessage);
        const why = this.errors.trim().split('\n').pop() ?? '';
        reject(new Error(`the engine process at scale ${this.scale} exited (code ${code})${why ? `: ${why}` : ''}`));
      };
      this.child.once('message', onMessage);
      this.child.once('exit', onExit);
    });
  }

  /** Ends the process, whatever it is doing (generating, warming up or waiting). */
  stop(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill();
    }
  }
}
