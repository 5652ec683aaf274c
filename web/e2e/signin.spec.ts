// Issue 11: the portal signs in through pc-gateway (OpenID Connect against pc-sandbox's
// identity provider). The browser holds only an HttpOnly session cookie: no token anywhere the
// page can read; roles decide who may buy; a deep link survives signing in; an ended session
// sends the user back to sign-in; an Admin agent confirms the perpetual-software qualification.
import type { Page, Response } from '@playwright/test';
import { test, expect, CUSTOMERS, GATEWAYS, JWT, Portal } from './fixtures/portal';

const NORTHWIND_ID = '0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a01';

/** Records every response the page receives (URL, headers and body as text) for later checks. */
function recordResponses(page: Page) {
  const seen: { url: string; text: Promise<string> }[] = [];
  page.on('response', (response: Response) => {
    const read = async () => {
      const headers = (await response.headersArray()).map(h => `${h.name}: ${h.value}`).join('\n');
      // Redirects have no body to read; everything else is read in full (binary as latin1, so
      // a token compiled into the wasm would show too).
      const redirect = response.status() >= 300 && response.status() < 400;
      const body = redirect ? '' : await response.body().then(b => b.toString('latin1'), () => '');
      return `${headers}\n${body}`;
    };
    seen.push({ url: response.url(), text: read() });
  });
  return seen;
}

test('sign in as a Sales agent through the sandbox page, buy, sign out', async ({ portal, page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await portal.snap('sign-in page');
  await page.getByRole('link', { name: 'Sign in with Microsoft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Sign in to Contoso/ })).toBeVisible();
  await portal.snap('sandbox sign-in page');
  await portal.signInAtMicrosoft('sales@contoso.example');
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  await expect(page.getByText('Signed in as Sam Sales')).toBeVisible();
  const session = await portal.api('/auth/session');
  expect(session.body).toMatchObject({ signedIn: true, user: { email: 'sales@contoso.example' }, partner: { country: 'US', billingCurrency: 'USD' } });

  await portal.openCustomer('Tailspin Toys');
  await portal.addToCart('Online services (new commerce)', 'Microsoft 365 Business Basic', /^Microsoft 365 Business Basic$/);
  await portal.openCart();
  await expect(page.getByText('Nothing stands in the way of checkout.')).toBeVisible();
  await portal.reviewAndPlaceOrder();
  await expect(page.getByText(/Order \S+ placed/)).toBeVisible();
  await portal.snap('bought as sales agent');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in with Microsoft' })).toBeVisible();
  await expect(page).toHaveURL(`${GATEWAYS.contoso}/`);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  expect((await portal.api('/auth/session')).body).toEqual({ signedIn: false });
  const refused = await portal.api('/v1/customers');
  expect(refused.status).toBe(401);
  expect(refused.body).toMatchObject({ code: 800001 });
  await portal.expectAccessible('signed out');
});

test("a Helpdesk agent's purchase is refused with the plain reason, and nothing is bought", async ({ portal, page }) => {
  const checkouts: string[] = [];
  page.on('request', request => { if (/\/checkout$/.test(request.url())) checkouts.push(request.url()); });
  await portal.signIn('contoso', { user: 'helpdesk@contoso.example' });
  await expect(page.getByText('Signed in as Harper Helpdesk')).toBeVisible();
  const subscriptions = async () => ((await portal.api(`/v1/customers/${NORTHWIND_ID}/subscriptions`)).body.items as unknown[]).length;
  const before = await subscriptions();
  // Reading is allowed.
  await portal.openCustomer(CUSTOMERS.northwind);
  await portal.addToCart('Online services (new commerce)', 'Microsoft 365 Business Basic', /^Microsoft 365 Business Basic$/);
  // The cart is sent for prices on its own; Partner Center refuses the role.
  const cartCreated = page.waitForResponse(r => /\/v1\/customers\/[^/]+\/carts$/.test(r.url()) && r.request().method() === 'POST');
  await portal.openCart();
  expect((await cartCreated).status()).toBe(403);
  await expect(page.getByText(/^Your Partner Center role \(Helpdesk agent\) can look but not buy/)).toBeVisible();
  await expect(portal.reviewOrderButton()).toBeDisabled();
  await portal.expectAccessible('helpdesk refused');
  await portal.snap('helpdesk refused');
  expect(checkouts).toEqual([]);
  // Partner Center provisions within 2 s here: still no new subscription after that.
  await page.waitForTimeout(3_000);
  expect(await subscriptions()).toBe(before);
});

test('no token reaches the browser: storage, cookies and every response are free of JWTs', async ({ portal, page, context }) => {
  const responses = recordResponses(page);
  await portal.signIn('contoso');
  await portal.openCustomer(CUSTOMERS.litware);
  await portal.tab('Orders').click();
  await expect(page.getByRole('heading', { name: 'Orders', level: 2 })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Billing' }).click();
  await expect(page.getByRole('heading', { name: 'Balance per currency' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();

  const storage = await page.evaluate(() => {
    const dump = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i) ?? '')}`).join('\n');
    return { local: dump(localStorage), session: dump(sessionStorage), cookie: document.cookie };
  });
  expect(storage.local).not.toMatch(JWT);
  expect(storage.session).not.toMatch(JWT);
  // The session cookie is HttpOnly: the page cannot even see it.
  expect(storage.cookie).toBe('');
  const cookies = await context.cookies(GATEWAYS.contoso);
  expect(cookies.length).toBeGreaterThan(0);
  for (const cookie of cookies) {
    expect(cookie.httpOnly, `${cookie.name} is HttpOnly`).toBe(true);
    expect(cookie.value).not.toMatch(JWT);
  }

  expect(responses.length).toBeGreaterThan(10);
  expect(responses.some(r => r.url.includes('/v1/'))).toBe(true);
  expect(responses.some(r => r.url.endsWith('.wasm'))).toBe(true);
  for (const response of responses) {
    expect(await response.text, response.url).not.toMatch(JWT);
  }
});

test('a deep link opened signed out lands there after sign-in', async ({ portal, page }) => {
  await page.goto(`/customers/${NORTHWIND_ID}/orders`);
  const link = page.getByRole('link', { name: 'Sign in with Microsoft' });
  await expect(link).toHaveAttribute('href', `/auth/login?return_to=${encodeURIComponent(`/customers/${NORTHWIND_ID}/orders`)}`);
  await link.click();
  await portal.signInAtMicrosoft('sales@contoso.example');
  await expect(page).toHaveURL(`${GATEWAYS.contoso}/customers/${NORTHWIND_ID}/orders`);
  await expect(page.getByRole('heading', { level: 1, name: /Northwind Traders/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Orders', level: 2 })).toBeVisible();
});

test('a session that ends under the user sends them to sign-in, and back where they were', async ({ portal, page }) => {
  await portal.signIn('contoso');
  // The session ends elsewhere (here: a sign-out from another tab of the same browser).
  const logout = await page.request.post('/auth/logout', { headers: { origin: GATEWAYS.contoso }, maxRedirects: 0 });
  expect(logout.status()).toBe(303);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Billing' }).click();
  await expect(page.getByText('Your session has ended. Sign in again to go on where you were.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in with Microsoft' })).toHaveAttribute('href', '/auth/login?return_to=%2Fbilling');
  await portal.snap('session ended');
  await page.getByRole('link', { name: 'Sign in with Microsoft' }).click();
  await portal.signInAtMicrosoft('sales@contoso.example');
  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
});

test('an Admin agent confirms the perpetual-software qualification; others only see it', async ({ portal, page, browser }) => {
  const finding = 'not qualified by Microsoft to sell perpetual software';
  await portal.signIn('contoso', { user: 'admin@contoso.example' });
  const qualified = page.getByLabel('Microsoft has qualified us to sell perpetual software');
  await expect(qualified).not.toBeChecked();
  await portal.openCustomer(CUSTOMERS.northwind);
  const card = await portal.skuCard('Perpetual software', 'Windows Server 2025 Standard', /2 Core/);
  await expect(card.getByRole('button', { name: 'Add to cart' }).first()).toBeDisabled();
  await expect(card.locator('.blocked').first()).toContainText(finding);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await qualified.check();
  await expect(page.getByText('Saved.')).toBeVisible();
  await portal.expectAccessible('partner settings');
  await portal.snap('qualification confirmed');
  try {
    await portal.openCustomer(CUSTOMERS.northwind);
    await portal.addToCart('Perpetual software', 'Windows Server 2025 Standard', /2 Core/);
    await portal.openCart();
    await expect(page.locator('li.line h3')).toHaveText(/Windows Server 2025 Standard/);
    await expect(portal.findings().filter({ hasText: finding })).toHaveCount(0);
    // Kept by the gateway for the partner: a Sales agent in another browser sees it, read-only.
    const other = await browser.newContext({ baseURL: GATEWAYS.contoso, locale: 'en-US' });
    const salesPage = await other.newPage();
    const sales = new Portal(salesPage, test.info());
    await sales.signIn('contoso');
    await expect(salesPage.getByText('Microsoft has qualified this partner to sell perpetual software.')).toBeVisible();
    await expect(salesPage.getByRole('checkbox')).toHaveCount(0);
    const refused = await salesPage.request.put('/auth/partner', {
      headers: { origin: GATEWAYS.contoso },
      data: { perpetualSoftwareQualified: false },
    });
    expect(refused.status()).toBe(403);
    await other.close();
  } finally {
    // Back as the partner started, for the other tests.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await qualified.uncheck();
    await expect(page.getByText('Saved.')).toBeVisible();
  }
  await expect(qualified).not.toBeChecked();
});
