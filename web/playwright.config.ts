// End-to-end tests of the portal in Debian's Chromium, served as production serves it: one
// pc-sandbox (Partner Center and the identity provider; in-memory database, short provisioning
// delay, orders listed only after 10 minutes so the "pending listing" state is visible) and a
// pc-gateway per demo partner in front of it (contoso on the base URL, fabrikam beside it), each
// serving the built portal. The example dashboard has a sandbox of its own, and so do the
// lifecycle tests (lifecycle.spec.ts), with a contoso gateway of their own: they move the
// sandbox's clock, which every tenant of a sandbox shares, so no other spec sees time jump.
// Nothing is downloaded: the browser is /usr/bin/chromium.
// `cargo xtask test` builds the portal (`cargo xtask build-portal`: split, release), pc-sandbox and
// pc-gateway before this.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.PC_E2E_PORT ?? 8091);
const fabrikamPort = Number(process.env.PC_E2E_FABRIKAM_PORT ?? 8094);
const sandboxPort = Number(process.env.PC_E2E_SANDBOX_PORT ?? 8093);
const sandbox = process.env.PC_SANDBOX_BIN ?? '../target/debug/pc-sandbox';
const gateway = process.env.PC_GATEWAY_BIN ?? '../target/debug/pc-gateway';
const portal = process.env.PC_PORTAL_DIST ?? '../target/portal-dist';
// The example dashboard (web/examples) with the built npm package under ./pkg/.
const embedPort = Number(process.env.PC_E2E_EMBED_PORT ?? 8092);
const embedSite = process.env.PC_EMBED_SITE ?? '../target/npm/site';
// Where screenshots, traces and the HTML report go: cargo's target directory (`cargo xtask test`
// passes CARGO_TARGET_DIR's through PC_E2E_OUT).
const out = process.env.PC_E2E_OUT ?? '../target';
export const EMBED_URL = `http://127.0.0.1:${embedPort}`;
/** pc-sandbox: Partner Center and the sign-in page of both demo partners. */
export const SANDBOX_URL = `http://127.0.0.1:${sandboxPort}`;
/** The portal of each demo partner (its pc-gateway). */
export const GATEWAYS = {
  contoso: `http://127.0.0.1:${port}`,
  fabrikam: `http://127.0.0.1:${fabrikamPort}`,
} as const;
/** Entra tenant IDs of the demo partners in pc-sandbox. */
/** The lifecycle tests' own pc-sandbox (its clock moves) and contoso's gateway in front of it. */
const lifecycleSandboxPort = Number(process.env.PC_E2E_LIFECYCLE_SANDBOX_PORT ?? 8095);
const lifecyclePort = Number(process.env.PC_E2E_LIFECYCLE_PORT ?? 8096);
export const LIFECYCLE = {
  sandbox: `http://127.0.0.1:${lifecycleSandboxPort}`,
  contoso: `http://127.0.0.1:${lifecyclePort}`,
} as const;
export const TENANT_IDS = {
  contoso: '4b3d2f0a-6c1e-4e8a-9f21-0c5a7d3e1b01',
  fabrikam: '8e7c6b5a-4d3c-4b2a-8190-fa1b2c3d4e02',
} as const;

const quiet = { reuseExistingServer: false, timeout: 30_000, stdout: 'ignore', stderr: 'pipe' } as const;

/** A pc-gateway for `tenant` on `gatewayPort`, signing in with (and forwarding to) `upstream`. */
function gatewayServer(tenant: keyof typeof GATEWAYS, gatewayPort: number, upstream = SANDBOX_URL) {
  const args = [
    'serve', '--addr', `127.0.0.1:${gatewayPort}`, '--portal', portal,
    '--upstream', upstream, '--authority', `${upstream}/${TENANT_IDS[tenant]}/v2.0`,
    '--client-id', `${tenant}-portal`, '--client-secret', `${tenant}-portal-secret`,
    '--db', 'sqlite::memory:',
  ];
  return { command: `${gateway} ${args.join(' ')}`, url: `http://127.0.0.1:${gatewayPort}/auth/session`, ...quiet };
}

export default defineConfig({
  testDir: './e2e',
  outputDir: `${out}/e2e-artifacts`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { outputFolder: `${out}/e2e-report`, open: 'never' }]],
  use: {
    baseURL: GATEWAYS.contoso,
    browserName: 'chromium',
    screenshot: 'on',
    trace: 'retain-on-failure',
    locale: 'en-US',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    },
  },
  // The gateways read the sandbox's OpenID configuration at the first sign-in, not at start.
  webServer: [
    {
      command: `${sandbox} serve --addr 127.0.0.1:${sandboxPort} --db sqlite::memory: --order-list-delay 10m --provisioning-delay 2s`,
      url: `${SANDBOX_URL}/openapi.json`,
      ...quiet,
    },
    gatewayServer('contoso', port),
    gatewayServer('fabrikam', fabrikamPort),
    {
      command: `${sandbox} serve --addr 127.0.0.1:${lifecycleSandboxPort} --db sqlite::memory: --order-list-delay 0s --provisioning-delay 0s`,
      url: `${LIFECYCLE.sandbox}/openapi.json`,
      ...quiet,
    },
    gatewayServer('contoso', lifecyclePort, LIFECYCLE.sandbox),
    {
      command: `${sandbox} serve --addr 127.0.0.1:${embedPort} --db sqlite::memory: --portal ${embedSite} --order-list-delay 10m --provisioning-delay 2s`,
      url: `${EMBED_URL}/openapi.json`,
      ...quiet,
    },
  ],
});
