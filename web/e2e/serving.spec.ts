// Issue 14, serving: the portal as a new user's browser gets it from pc-gateway (pc-assets),
// with the cache disabled: wasm and js in brotli, content-hashed files cached for a year,
// index.html revalidated by its ETag, the bytes over the wire for the first page (printed), a
// deep link answered with the portal, /favicon.ico and a missing file a 404, never the index.
import type { Page } from '@playwright/test';
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
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  return loaded;
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
  const wasm = named(loaded, /^\/pc-portal-[0-9a-f]{16}_bg\.wasm$/);
  const js = named(loaded, /^\/pc-portal-[0-9a-f]{16}\.js$/);
  const css = named(loaded, /^\/style-[0-9a-f]{16}\.css$/);
  for (const file of [wasm, js, css]) {
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

  for (const path of ['/favicon.ico', '/missing.js', '/pc-portal-0000000000000000_bg.wasm']) {
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
