// End-to-end tests of the portal in Debian's Chromium against a pc-sandbox the setup starts
// (in-memory database, short provisioning delay, orders listed only after 10 minutes so the
// "pending listing" state is visible). Nothing is downloaded: the browser is /usr/bin/chromium.
// `cargo xtask test` builds the portal (trunk, release) and the sandbox before running this.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.PC_E2E_PORT ?? 8091);
const sandbox = process.env.PC_SANDBOX_BIN ?? '../target/sandbox/pc-sandbox';
const portal = process.env.PC_PORTAL_DIST ?? '../target/portal-dist';
// The example dashboard (web/examples) with the built npm package under ./pkg/.
const embedPort = Number(process.env.PC_E2E_EMBED_PORT ?? 8092);
const embedSite = process.env.PC_EMBED_SITE ?? '../target/npm/site';
export const EMBED_URL = `http://127.0.0.1:${embedPort}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: '../target/e2e-artifacts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { outputFolder: '../target/e2e-report', open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    screenshot: 'on',
    trace: 'retain-on-failure',
    locale: 'en-US',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    },
  },
  webServer: [
    {
      command: `${sandbox} serve --addr 127.0.0.1:${port} --db sqlite::memory: --portal ${portal} --order-list-delay 10m --provisioning-delay 2s`,
      url: `http://127.0.0.1:${port}/openapi.json`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `${sandbox} serve --addr 127.0.0.1:${embedPort} --db sqlite::memory: --portal ${embedSite} --order-list-delay 10m --provisioning-delay 2s`,
      url: `http://127.0.0.1:${embedPort}/openapi.json`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
