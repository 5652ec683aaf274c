// What a buyer reads can be trusted (issue 13, points 6, 4 and 8): a quantity is a whole number
// within the SKU's limits, refused next to its box in the user's language and never sent while
// refused; only the term and billing-cycle pairs an availability offers are offered; the billing
// page shows a balance per currency; and no page, in any of the four languages, shows a raw
// Partner Center value (snake_case codes, camelCase member names) or Rust Debug output.
import type { Page } from '@playwright/test';
import { test, expect, CUSTOMERS, GATEWAYS, USERS, type Portal } from './fixtures/portal';

const CUSTOMER = 'Tailspin Toys';
const LOCALES = ['en-US', 'sv-SE', 'nl-NL', 'he-IL'] as const;

/** Adds Business Basic to Tailspin's cart and opens the cart. */
async function cartWithBusinessBasic(portal: Portal) {
  await portal.signIn('contoso');
  await portal.openCustomer(CUSTOMER);
  await portal.addToCart('Online services (new commerce)', 'Microsoft 365 Business Basic', /^Microsoft 365 Business Basic$/);
  await portal.openCart();
}

test('a quantity that is not a whole number within the limits is refused next to its box, and nothing is sent', async ({ portal, page }) => {
  await cartWithBusinessBasic(portal);
  // The cart prices itself when opened; from then on, count what is sent.
  await portal.waitForPrices();
  const sent: string[] = [];
  page.on('request', r => {
    if (/\/v1\/customers\/[^/]+\/carts/.test(r.url()) && r.method() !== 'GET') sent.push(`${r.method()} ${r.url()}`);
  });
  // The line's quantity box, found by its label in English and in Swedish (the language changes below).
  const quantity = page.getByLabel(/^(Quantity|Antal)$/);
  const review = portal.reviewOrderButton();
  const refusals: [string, RegExp][] = [
    ['abc', /“abc” is not a whole number/],
    ['5.5', /“5\.5” is not a whole number/],
    ['1e3', /“1e3” is not a whole number/],
    ['', /Enter a quantity/],
    ['0', /Quantity 0 is outside the allowed 1–300\./],
  ];
  for (const [text, reason] of refusals) {
    await quantity.fill(text);
    await quantity.press('Tab');
    // The box keeps what was typed (never turned into 0), marked invalid, the reason tied to it.
    await expect(quantity).toHaveValue(text);
    await expect(quantity).toHaveAttribute('aria-invalid', 'true');
    await expect(quantity).toHaveAccessibleDescription(reason);
    await expect(page.locator('.field-error').first()).toHaveText(reason);
    await expect(review).toBeDisabled();
  }
  await portal.expectAccessible('cart with a refused quantity');
  await portal.snap('quantity refused');
  // In the user's language.
  await page.locator('#language').selectOption('sv-SE');
  await quantity.fill('5,5');
  await expect(quantity).toHaveAccessibleDescription(/”5,5” är inte ett heltal/);
  await page.locator('#language').selectOption('en-US');
  expect(sent, 'nothing is sent to Partner Center while the quantity is refused').toEqual([]);

  // A whole number within the limits is taken, and the cart can be priced.
  await quantity.fill('5');
  await quantity.press('Tab');
  await expect(quantity).toHaveAttribute('aria-invalid', 'false');
  await expect(review).toBeEnabled();
  // Arrow keys still step the number.
  await quantity.press('ArrowUp');
  await expect(quantity).toHaveValue('6');
  // Priced again on its own, without a click.
  await portal.waitForPrices();
  await expect(page.locator('dl.price dd').nth(1)).toHaveText('6');
  expect(sent.length).toBeGreaterThan(0);
});

test('only the billing cycles a term offers are offered: no annual billing for a one-month term', async ({ portal, page }) => {
  await cartWithBusinessBasic(portal);
  const term = page.getByLabel('Term');
  const cycle = page.getByLabel('Billing cycle');
  await term.selectOption({ label: '1 month' });
  await expect(cycle.locator('option')).toHaveText(['Monthly']);
  await term.selectOption({ label: '1 year' });
  await expect(cycle.locator('option')).toHaveText(['Annual', 'Monthly']);
  await cycle.selectOption({ label: 'Annual' });
  // Back to one month: the annual choice does not survive, monthly is taken.
  await term.selectOption({ label: '1 month' });
  await expect(cycle).toHaveValue('monthly');
  await expect(portal.findings().filter({ hasText: 'longer than the term' })).toHaveCount(0);
  await portal.expectAccessible('cart terms');
});

test('the billing page shows a balance per currency, formatted for the language', async ({ portal, page }) => {
  await portal.signIn('contoso');
  const { status, body } = await portal.api('/v1/invoices/summaries');
  expect(status).toBe(200);
  const summaries = (body.items as { currencyCode: string; balanceAmount: number }[]).filter(s => s.currencyCode);
  expect(new Set(summaries.map(s => s.currencyCode)).size, 'contoso bills in more than one currency').toBeGreaterThan(1);
  await page.goto('/billing');
  const balances = page.getByRole('region', { name: 'Balance per currency' });
  for (const locale of ['en-US', 'sv-SE'] as const) {
    if (locale !== 'en-US') await page.locator('#language').selectOption(locale);
    for (const s of summaries) {
      // As the browser's Intl writes the amount in that language.
      const shown = await page.evaluate(([l, c, a]) =>
        new Intl.NumberFormat(l, { style: 'currency', currency: c }).format(a), [locale, s.currencyCode, s.balanceAmount] as const);
      const item = page.locator(`ul.balance li[data-currency="${s.currencyCode}"]`);
      await expect(item).toHaveCount(1);
      await expect(item.locator('strong')).toHaveText(shown);
    }
  }
  await page.locator('#language').selectOption('en-US');
  await expect(balances).toBeVisible();
  await portal.expectAccessible('billing with balances per currency');
  await portal.snap('balances per currency');
});

/** Raw values a person must never read: Partner Center codes and member names, Debug output. */
const RAW = [
  { name: 'snake_case', pattern: /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g },
  { name: 'camelCase', pattern: /\b[a-z]+(?:[A-Z][a-z0-9]+)+\b/g },
  // Partner Center's PascalCase spellings (a general pattern would flag PowerPoint, SharePoint).
  { name: 'PascalCase code', pattern: /\b(?:OneTime|NotRegistered|PendingReview|PartialSuccess|NewCommerceLicense|PerpetualSoftware|SoftwareSubscription|AzureReservation|AzurePlan|ReservedInstance)\b/g },
  { name: 'Debug', pattern: /\b(?:Unknown|Some|Ok|Err)\(|\bNone\b/g },
  { name: '0-based numbering', pattern: /\b(?:Order group|Line|Rad|Regel|Ordergrupp|Ordergroep) 0\b/g },
];

/** The rendered text of the page (with every option of every select and accessible names). */
async function renderedText(page: Page) {
  return page.evaluate(() => {
    // Each visible text node on its own: the text of neighbouring elements (two buttons side by
    // side) is not one word however innerText joins it.
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, template')) continue;
      if (!parent.checkVisibility()) continue;
      parts.push(node.textContent ?? '');
    }
    document.querySelectorAll('option').forEach(o => parts.push(o.textContent ?? ''));
    document.querySelectorAll('[aria-label], [title], [placeholder]').forEach(e =>
      ['aria-label', 'title', 'placeholder'].forEach(a => parts.push(e.getAttribute(a) ?? '')));
    return parts.join('\n');
  });
}

function rawValues(text: string) {
  return RAW.flatMap(({ name, pattern }) => [...text.matchAll(pattern)].map(m => `${name}: ${m[0]}`));
}

/** Waits until the page has loaded what it shows (no request pending, no "Loading…"). */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('main [aria-live="polite"]').filter({ hasText: /…$/ })).toHaveCount(0, { timeout: 15_000 });
}

// Also the screenshots of every page in all four languages (attached to the report) and axe on each.
test('no page shows a raw Partner Center value or Debug output, in any language', async ({ portal, page }) => {
  test.setTimeout(360_000);
  await cartWithBusinessBasic(portal);
  const cart = page.url();
  const customer = cart.replace(/\/cart$/, '');
  // Every page a user reaches from here, found by following the links.
  const pages: { name: string; url: string; then?: (page: Page) => Promise<void> }[] = [
    { name: 'customers', url: '/customers' },
    { name: 'customer', url: customer },
    {
      name: 'catalog', url: `${customer}/catalog`, then: async page => {
        await page.locator('#product-search').fill('Business Basic');
        await page.locator('button.product').first().click();
        await expect(page.locator('article.sku').first()).toBeVisible();
      },
    },
    { name: 'cart', url: cart },
    { name: 'orders', url: `${customer}/orders` },
    { name: 'subscriptions', url: `${customer}/subscriptions` },
    { name: 'billing', url: '/billing' },
    { name: 'unbilled', url: '/billing/unbilled' },
    { name: 'not found', url: '/no/such/page' },
  ];
  const follow = async (from: string, link: string, name: string) => {
    await page.goto(from);
    await settled(page);
    const first = page.locator(link).first();
    if (await first.count()) pages.push({ name, url: new URL((await first.getAttribute('href')) ?? '', page.url()).href });
  };
  await follow(`${customer}/orders`, 'main table a[href*="/orders/"]', 'order');
  await follow(`${customer}/subscriptions`, 'main table a[href*="/subscriptions/"]', 'subscription');
  await follow('/billing', 'table.invoices a[href*="/billing/"]', 'invoice');
  const invoice = pages.find(p => p.name === 'invoice');
  if (invoice) invoice.then = async page => { await page.locator('main details summary').first().click(); };
  expect(pages.map(p => p.name)).toEqual(expect.arrayContaining(['order', 'subscription', 'invoice']));

  const found: string[] = [];
  const violations: string[] = [];
  for (const locale of LOCALES) {
    await page.goto('/customers');
    await page.locator('#language').selectOption(locale);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    for (const { name, url, then } of pages) {
      await page.goto(url);
      await settled(page);
      if (then) await then(page);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      for (const raw of new Set(rawValues(await renderedText(page)))) found.push(`${locale} ${name}: ${raw}`);
      for (const v of await portal.axeViolations()) violations.push(`${locale} ${name}: ${v}`);
      await portal.snap(`${name} (${locale})`);
    }
  }
  await page.locator('#language').selectOption('en-US');
  expect(found, 'raw values on the pages').toEqual([]);
  expect(violations, 'axe violations on the pages').toEqual([]);
});

test('a deep link survives signing in, and a signed-in user\'s 404 leads back to the customers', async ({ portal, page }) => {
  // Find a customer's subscriptions address while signed in, then ask for it signed out.
  await portal.signIn('contoso');
  await portal.openCustomer(CUSTOMER);
  await portal.tab('Subscriptions').click();
  await expect(page.getByRole('heading', { name: 'Subscriptions', level: 2, exact: true })).toBeVisible();
  const wanted = new URL(page.url()).pathname;
  await page.context().clearCookies();
  await page.goto(`${GATEWAYS.contoso}${wanted}`);
  await page.getByRole('link', { name: 'Sign in with Microsoft' }).click();
  await portal.signInAtMicrosoft(USERS.contoso);
  await expect(page).toHaveURL(new RegExp(`${wanted}$`));
  await expect(page.getByRole('heading', { name: 'Subscriptions', level: 2, exact: true })).toBeVisible();

  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found', level: 1 })).toBeVisible();
  await expect(page.getByText('There is no page at /no/such/page.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to sign-in' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to your customers' }).click();
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
});

test("a page that could not be loaded says why in the user's language, also after a switch", async ({ portal, page }) => {
  await portal.signIn('contoso');
  await portal.openCustomer(CUSTOMERS.northwind);
  // Partner Center refuses the orders list (403, no code of its own).
  await page.route(/\/v1\/customers\/[^/]+\/orders(\?|$)/, route => route.fulfill({
    status: 403,
    contentType: 'application/json',
    body: JSON.stringify({ description: 'Access denied', errorName: 'Forbidden' }),
  }));
  await portal.tab('Orders').click();
  const refused = page.getByRole('alert').filter({ hasText: 'Access denied' });
  await expect(refused).toContainText('Your account may not do this. (HTTP 403: Access denied. Request ID ');
  // The body's own words, never the body itself.
  await expect(refused).not.toContainText('{');
  await expect(refused).not.toContainText('errorName');
  await page.locator('#language').selectOption('sv-SE');
  await expect(refused).toContainText('Ditt konto får inte göra detta. (HTTP 403: Access denied. Begäran-ID ');
  await expect(refused).not.toContainText('Your account');
  await page.locator('#language').selectOption('en-US');
  await expect(refused).toContainText('Your account may not do this.');
});
