// Issue 14, serving: the portal as a new user's browser gets it from pc-gateway (pc-assets),
// with the cache disabled: wasm and js in brotli, content-hashed files cached for a year,
// index.html revalidated by its ETag, the bytes over the wire for the first page (printed), a
// deep link answered with the portal, /favicon.ico and a missing file a 404, never the index.
// The portal is split by page (`cargo xtask build-portal`): a page's chunk is fetched when the
// page is first opened, and a chunk that cannot be fetched shows a plain retry message.
import type { CDPSession, Page } from '@playwright/test';
import { test, expect, GATEWAYS } from './fixtures/portal';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** One response of a page load as Chromium's network stack saw it. */
interface Loaded {
  url: string;
  status: number;
  /** Response headers, names in lower case. */
  headers: Record<string, string>;
  /** Bytes over the wire: status line, headers and the body as sent (`encodedDataLength`). */
  wire: number;
  /** Bytes of the body once decoded (the sum of `Network.dataReceived` `dataLength`). */
  decoded: number;
}

/**
 * Opens `/` signed out with the browser cache disabled (CDP `Network.setCacheDisabled`) and
 * returns every response until the sign-in page shows and the network is idle. `headers` are
 * sent with every request (e.g. `Accept-Encoding: identity` to see the page uncompressed).
 */
async function firstPage(page: Page, headers: Record<string, string> = {}): Promise<Loaded[]> {
  const { cdp, loaded } = await record(page, headers);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  return loaded;
}

/**
 * Records every response of `page` from now on, with the browser cache disabled; `loaded` fills
 * as responses finish. `headers` are sent with every request.
 */
async function record(page: Page, headers: Record<string, string> = {}): Promise<{ cdp: CDPSession; loaded: Loaded[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.setExtraHTTPHeaders', { headers });
  const seen = new Map<string, Omit<Loaded, 'wire'>>();
  const loaded: Loaded[] = [];
  cdp.on('Network.responseReceived', event => {
    const lower = Object.fromEntries(
      Object.entries(event.response.headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
    seen.set(event.requestId, { url: event.response.url, status: event.response.status, headers: lower, decoded: 0 });
  });
  cdp.on('Network.dataReceived', event => {
    const response = seen.get(event.requestId);
    if (response) response.decoded += event.dataLength;
  });
  cdp.on('Network.loadingFinished', event => {
    const response = seen.get(event.requestId);
    if (response) loaded.push({ ...response, wire: event.encodedDataLength });
  });
  return { cdp, loaded };
}

const sum = (loaded: Loaded[], field: 'wire' | 'decoded') => loaded.reduce((total, r) => total + r[field], 0);
const kb = (bytes: number) => `${(bytes / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} KB`;
const named = (loaded: Loaded[], pattern: RegExp) => {
  const found = loaded.filter(r => pattern.test(new URL(r.url).pathname));
  expect(found, `a response for ${pattern}`).toHaveLength(1);
  return found[0];
};

test('the first page comes compressed, cached by content hash, and costs fewer bytes than uncompressed', async ({ page, browser }, info) => {
  const loaded = await firstPage(page);
  const wasm = named(loaded, /^\/pkg-[0-9a-f]{16}\/pc-portal_bg\.wasm$/);
  const js = named(loaded, /^\/pkg-[0-9a-f]{16}\/pc-portal\.js$/);
  const loader = named(loaded, /^\/pkg-[0-9a-f]{16}\/__wasm_split\.js$/);
  const css = named(loaded, /^\/style-[0-9a-f]{16}\.css$/);
  // Signed out, no page's chunk is needed: the sign-in page is part of the main module.
  expect(loaded.filter(r => /\/(split|chunk)_[^/]*\.wasm$/.test(r.url)), 'chunks fetched for the sign-in page').toEqual([]);
  for (const file of [wasm, js, loader, css]) {
    expect(file.status, file.url).toBe(200);
    expect(file.headers['content-encoding'], file.url).toBe('br');
    expect(file.headers['cache-control'], file.url).toBe(IMMUTABLE);
    expect(file.headers['vary'], file.url).toMatch(/accept-encoding/i);
    expect(file.wire, `${file.url} is sent smaller than it is`).toBeLessThan(file.decoded);
  }
  expect(wasm.headers['content-type']).toBe('application/wasm');
  const index = named(loaded, /^\/$/);
  expect(index.status).toBe(200);
  expect(index.headers['cache-control']).toBe('no-cache');
  expect(index.headers['etag']).toMatch(/^"[0-9a-f]{32}(-br|-gzip)?"$/);
  // The page links its real icon (content-hashed), so the browser never asks for /favicon.ico.
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /^\/favicon-[0-9a-f]{16}\.svg$/);

  // The same page with compression refused: what every byte cost before precompression.
  const plainContext = await browser.newContext({ baseURL: GATEWAYS.contoso, locale: 'en-US' });
  const plain = await firstPage(await plainContext.newPage(), { 'Accept-Encoding': 'identity' });
  await plainContext.close();
  const plainWasm = named(plain, /_bg\.wasm$/);
  expect(plainWasm.headers['content-encoding']).toBeUndefined();
  expect(plainWasm.wire).toBeGreaterThanOrEqual(plainWasm.decoded);

  const after = sum(loaded, 'wire');
  const before = sum(plain, 'wire');
  const lines = [
    `first page over the wire: ${kb(after)} with brotli (${loaded.length} responses), ${kb(before)} uncompressed (${plain.length} responses)`,
    ...loaded.map(r => `  ${new URL(r.url).pathname}: ${r.wire} bytes over the wire, ${r.decoded} decoded, ${r.headers['content-encoding'] ?? 'identity'}`),
  ];
  console.log(lines.join('\n'));
  await info.attach('first-page bytes', { body: lines.join('\n'), contentType: 'text/plain' });
  expect(after).toBeLessThan(before);
});

test('index.html is revalidated by its ETag, deep links get the portal, missing files are 404', async ({ page, request }) => {
  const first = await request.get('/', { headers: { 'Accept-Encoding': 'br' } });
  expect(first.status()).toBe(200);
  const etag = first.headers()['etag'];
  expect(etag).toMatch(/^"[0-9a-f]{32}-br"$/);
  const again = await request.get('/', { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag } });
  expect(again.status()).toBe(304);
  expect(again.headers()['etag']).toBe(etag);
  expect(again.headers()['cache-control']).toBe('no-cache');

  // A deep link is the same index.html (and so the same ETag) and the portal routes it.
  const deep = await request.get('/customers/0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a01/cart', { headers: { 'Accept-Encoding': 'br' } });
  expect(deep.status()).toBe(200);
  expect(deep.headers()['etag']).toBe(etag);
  expect(deep.headers()['content-type']).toMatch(/^text\/html/);
  await page.goto('/customers/0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a01/cart');
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();

  for (const path of ['/favicon.ico', '/missing.js', '/pkg-0000000000000000/pc-portal_bg.wasm']) {
    const missing = await request.get(path);
    expect(missing.status(), path).toBe(404);
    expect(await missing.text(), path).not.toContain('<html');
  }
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  const favicon = await request.get(`${GATEWAYS.contoso}${icon}`);
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toBe('image/svg+xml');
  expect(favicon.headers()['cache-control']).toBe(IMMUTABLE);
});

/** The responses for a page's own chunk: `split___<view>_view_<n>.wasm`. */
const chunkOf = (loaded: Loaded[], view: string) =>
  loaded.filter(r => new RegExp(`/pkg-[0-9a-f]{16}/split___${view}_view_\\d+\\.wasm$`).test(r.url));

test('each page fetches its own chunk when it is first opened, compressed and cached by content hash', async ({ portal, page }, info) => {
  await portal.signIn('contoso');
  const { cdp, loaded } = await record(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  // The customers list, where sign-in lands, is part of the main module: no chunk before a page
  // of a customer is opened.
  expect(loaded.filter(r => /\/(split|chunk)_[^/]*\.wasm$/.test(r.url)), 'chunks fetched for the customers list').toEqual([]);
  const firstPageBytes = sum(loaded.filter(r => !r.url.includes('/v1/') && !r.url.includes('/auth/')), 'wire');

  const opened: string[] = [];
  await portal.openCustomer('Northwind Traders');
  for (const [tab, view, heading] of [
    ['Catalog', 'catalog', /^Catalog/],
    [/^Cart/, 'cart', /^Cart$/],
    ['Orders', 'orders', /^Orders$/],
    ['Subscriptions', 'subscriptions', /^Subscriptions$/],
  ] as const) {
    await portal.tab(tab).click();
    await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const chunk = chunkOf(loaded, view);
    expect(chunk, `${view}'s chunk, once`).toHaveLength(1);
    expect(chunk[0].headers['content-encoding'], chunk[0].url).toBe('br');
    expect(chunk[0].wire, chunk[0].url).toBeLessThan(chunk[0].decoded);
    const files = loaded.filter(r => /\/(split|chunk)_[^/]*\.wasm$/.test(r.url));
    opened.push(`  ${view}: its own module ${chunk[0].wire} bytes over the wire; all chunks so far ${kb(sum(files, 'wire'))} in ${files.length} files`);
  }
  for (const file of loaded.filter(r => r.url.endsWith('.wasm'))) {
    expect(file.status, file.url).toBe(200);
    expect(file.headers['cache-control'], file.url).toBe(IMMUTABLE);
    expect(file.headers['content-type'], file.url).toBe('application/wasm');
  }
  // Back to a page already opened: its chunk is not fetched again.
  await portal.tab('Catalog').click();
  await expect(page.getByRole('heading', { name: /^Catalog/, level: 2 })).toBeVisible();
  expect(chunkOf(loaded, 'catalog')).toHaveLength(1);
  await cdp.detach();
  const lines = [`first page signed in (/customers), portal files over the wire: ${kb(firstPageBytes)}`, 'pages opened after it:', ...opened];
  console.log(lines.join('\n'));
  await info.attach('chunk bytes', { body: lines.join('\n'), contentType: 'text/plain' });
});

test('a page whose chunk cannot be fetched says so plainly, and reloading brings it back', async ({ portal, page }) => {
  await portal.signIn('contoso');
  await portal.openCustomer('Northwind Traders');
  await page.route(/\/split___orders_view_\d+\.wasm$/, route => route.abort('internetdisconnected'));
  await portal.tab('Orders').click();
  const notice = page.getByRole('alertdialog', { name: 'This page could not be shown' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Part of the portal could not be downloaded; check the connection and reload the page. Your cart is kept.');
  await page.unroute(/\/split___orders_view_\d+\.wasm$/);
  // The reload is a real one (not the stopped router's): the page the user was on, working.
  await notice.getByRole('link', { name: 'Reload the page' }).click();
  await expect(page.getByRole('heading', { name: /Northwind Traders/, level: 1 })).toBeVisible();
  await expect(notice).toBeHidden();
  await portal.tab('Orders').click();
  await expect(page.getByRole('heading', { name: 'Orders', level: 2 })).toBeVisible();
});

test('time to the first heading on 4 Mbit/s with 100 ms latency (a figure, not a limit)', async ({ portal, page }, info) => {
  await portal.signIn('contoso');
  const { cdp, loaded } = await record(page);
  // Chromium's network emulation: 4 Mbit/s down, 1 Mbit/s up, 100 ms latency per request.
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 100, downloadThroughput: 4_000_000 / 8, uploadThroughput: 1_000_000 / 8,
  });
  const figures: string[] = [];
  for (const [path, heading] of [['/', 'Sign in'], ['/customers', 'Customers']] as const) {
    if (path === '/') await page.context().clearCookies();
    loaded.length = 0;
    await page.goto(path, { waitUntil: 'commit' });
    // Milliseconds from the navigation's start until the first-level heading is in the page.
    const at = await page.waitForFunction(
      (name: string) => [...document.querySelectorAll('h1')].some(h => h.textContent?.trim() === name) && performance.now(),
      heading, { polling: 'raf', timeout: 30_000 });
    const ms = Math.round(Number(await at.jsonValue()));
    await page.waitForLoadState('networkidle');
    const portalFiles = loaded.filter(r => !r.url.includes('/v1/') && !r.url.includes('/auth/'));
    figures.push(`${path} (${heading}): first heading after ${ms} ms; portal files ${kb(sum(portalFiles, 'wire'))} over the wire in ${portalFiles.length} responses`);
    if (path === '/') await portal.signIn('contoso');
  }
  await cdp.detach();
  console.log(figures.join('\n'));
  await info.attach('time to first heading (4 Mbit/s, 100 ms)', { body: figures.join('\n'), contentType: 'text/plain' });
});

test('a language other than English is fetched once, when first needed, and a failed fetch leaves the page in English', async ({ portal, page }) => {
  // Every first-level heading the page ever shows, to prove a remembered language is not shown
  // in English first.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { headings: string[] }).headings = seen;
    new MutationObserver(() => {
      for (const h of document.querySelectorAll('h1')) {
        const text = h.textContent?.trim() ?? '';
        if (text && !seen.includes(text)) seen.push(text);
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await portal.signIn('contoso');
  const { cdp, loaded } = await record(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const languageFiles = () => loaded.filter(r => /\/locales\/[^/]+\.ftl$/.test(r.url));
  expect(languageFiles(), 'language files fetched for an English first page').toEqual([]);

  // The file cannot be fetched: the portal stays in English and says why, beside the picker.
  const picker = page.locator('#language');
  await page.route(/\/locales\/sv-SE\.ftl$/, route => route.abort('internetdisconnected'));
  await picker.selectOption('sv-SE');
  const notice = page.locator('#language-unavailable');
  await expect(notice).toHaveText('Svenska could not be downloaded; check the connection and choose it again.');
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(picker).toHaveValue('en-US');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  await portal.expectAccessible('a language that could not be downloaded');
  await portal.snap('a language that could not be downloaded');
  await page.unroute(/\/locales\/sv-SE\.ftl$/);

  // Chosen again: fetched (brotli, cached for good), then shown.
  await picker.selectOption('sv-SE');
  await expect(page.getByRole('heading', { name: 'Kunder', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv-SE');
  await expect(notice).toBeHidden();
  const swedish = named(languageFiles(), /^\/pkg-[0-9a-f]{16}\/locales\/sv-SE\.ftl$/);
  expect(swedish.status).toBe(200);
  expect(swedish.headers['content-encoding']).toBe('br');
  expect(swedish.headers['cache-control']).toBe(IMMUTABLE);
  // Back to English and to Swedish again: nothing more is fetched.
  await picker.selectOption('en-US');
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  await picker.selectOption('sv-SE');
  await expect(page.getByRole('heading', { name: 'Kunder', level: 1 })).toBeVisible();
  expect(languageFiles()).toHaveLength(1);

  // The choice is remembered: a reload fetches the file before the first page, which is never
  // shown in English.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Kunder', level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { headings: string[] }).headings)).toEqual(['Kunder']);
  expect(languageFiles()).toHaveLength(2);
  await cdp.detach();
  await picker.selectOption('en-US');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
});
