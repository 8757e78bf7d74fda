/** Debian's Chromium driven by playwright-core (no browser download), with the flags these machines need. */
import { BrowserContext, chromium } from 'playwright-core';
import { existsSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string {
  const found = CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error('Chromium not found: install it with "apt-get install -y chromium" or set CHROMIUM_PATH.');
  }
  return found;
}

/** A fresh profile each run, so nothing of an earlier run (or of a person's browser) leaks in. */
export async function launchChromium(): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'dora-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1400, height: 900 },
    deviceScaleFactor: 1,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
