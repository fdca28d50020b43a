/**
 * Headless Chromium from Debian's package (or CHROMIUM_PATH), with the flags this machine
 * needs, for the browser tests and the dashboard benchmark. Never a downloaded browser.
 */
import { chromium, type Browser } from 'playwright-core';

/** Launches headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
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
