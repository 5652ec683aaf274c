// The cart prices itself and the order is reviewed before it is placed (issue 13, points 1 and
// 7): prices, line totals and a total per currency appear without any click after a line is added
// and after a quantity changes; "Review order" lists the order groups, the totals and the
// statements made; "Place order" there shows the confirmation with the orders and what happens
// next. Woodgrove School District (education, US, the Microsoft Customer Agreement accepted by
// Steven Buchanan) is used by no other spec.
import type { Locator, Page } from '@playwright/test';
import { test, expect, type Portal } from './fixtures/portal';

const CUSTOMER = 'Woodgrove School District';
const VIEW = 'Online services (new commerce)';
const FACULTY = /^Microsoft 365 A3 for faculty$/;
const STUDENTS = /^Microsoft 365 A3 for students$/;

/** An amount as en-US `Intl` writes US dollars, as the portal shows them. */
const usd = (amount: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(amount);
/** The number in a formatted amount ("$5.80 per month" → 5.8). */
const amountIn = async (cell: Locator) => Number(((await cell.textContent()) ?? '').replace(/[^\d.]/g, ''));

/** A line's price: unit price with its period, quantity priced, line total. */
function priceOf(line: Locator) {
  const cells = line.locator('dl.price dd');
  return { unit: cells.nth(0), quantity: cells.nth(1), total: cells.nth(2) };
}

/** The cart's total row for `currency`. */
function totalRow(page: Page | Locator, currency: string) {
  return page.locator('table.totals').getByRole('row', { name: new RegExp(currency) });
}

/** Woodgrove's cart: A3 for faculty for one month, then A3 for students for a year billed annually. */
async function cartWithTwoLines(portal: Portal) {
  const page = portal.page;
  await portal.signIn('contoso');
  await portal.openCustomer(CUSTOMER);
  await portal.addToCart(VIEW, 'Microsoft 365 A3', FACULTY);
  await portal.openCart();
  await page.getByLabel('Term').selectOption({ label: '1 month' });
  await portal.waitForPrices();
  await portal.addToCart(VIEW, 'Microsoft 365 A3', STUDENTS);
  await portal.openCart();
  const students = page.locator('li.line').filter({ has: page.getByRole('heading', { name: STUDENTS }) });
  await students.getByLabel('Term').selectOption({ label: '1 year' });
  await students.getByLabel('Billing cycle').selectOption({ label: 'Annual' });
  await portal.waitForPrices();
  return students;
}

test('the cart prices itself: unit price and period, line totals and a total per currency, without a click', async ({ portal, page }) => {
  const sent: string[] = [];
  page.on('request', r => {
    if (/\/v1\/customers\/[^/]+\/carts(\/[^/]+)?$/.test(r.url()) && r.method() !== 'GET') sent.push(r.method());
  });
  await portal.signIn('contoso');
  await portal.openCustomer(CUSTOMER);
  await portal.addToCart(VIEW, 'Microsoft 365 A3', FACULTY);
  await portal.openCart();
  // There is nothing to click for prices.
  await expect(page.getByRole('button', { name: /Review prices/ })).toHaveCount(0);
  const faculty = page.locator('li.line').first();
  const price = priceOf(faculty);
  await expect(price.unit).toHaveText(/^\$[\d,]+\.\d\d per (month|year)$/);
  await expect(price.quantity).toHaveText('1');
  await expect(price.total).toHaveText(/^\$[\d,]+\.\d\d$/);
  await expect(totalRow(page, 'USD')).toContainText(/\$[\d,]+\.\d\d/);
  await portal.waitForPrices();
  expect(sent).toEqual(['POST']);

  // A one-month term: the unit price is per month, the line total one unit's.
  await faculty.getByLabel('Term').selectOption({ label: '1 month' });
  await expect(price.unit).toHaveText(/^\$\d+\.\d\d per month$/);
  const unit = await amountIn(price.unit);
  expect(unit).toBeGreaterThan(0);
  await expect(price.total).toHaveText(usd(unit));
  await expect(totalRow(page, 'USD')).toContainText(usd(unit));

  // A new quantity is priced again on its own: line total and cart total follow.
  await faculty.getByLabel('Quantity').fill('3');
  await faculty.getByLabel('Quantity').press('Tab');
  await expect(price.quantity).toHaveText('3');
  await expect(price.total).toHaveText(usd(unit * 3));
  await expect(totalRow(page, 'USD')).toContainText(usd(unit * 3));
  // The first save created the cart; every later one updated it, one at a time.
  expect(sent[0]).toBe('POST');
  expect(sent.slice(1).length).toBeGreaterThan(0);
  expect(sent.slice(1).every(method => method === 'PUT')).toBe(true);
  await portal.expectAccessible('cart priced');
  await portal.snap('cart priced on its own');

  // A second line, billed annually: its unit price is per year; the total adds both lines, in
  // one row per currency (every line of this US customer is in US dollars).
  await portal.addToCart(VIEW, 'Microsoft 365 A3', STUDENTS);
  await portal.openCart();
  const students = page.locator('li.line').filter({ has: page.getByRole('heading', { name: STUDENTS }) });
  await students.getByLabel('Term').selectOption({ label: '1 year' });
  await students.getByLabel('Billing cycle').selectOption({ label: 'Annual' });
  await expect(priceOf(students).unit).toHaveText(/^\$\d[\d,]*\.\d\d per year$/);
  const studentsTotal = await amountIn(priceOf(students).total);
  await expect(totalRow(page, 'USD')).toContainText(usd(unit * 3 + studentsTotal));
  await expect(page.locator('table.totals tbody tr')).toHaveCount(1);
  await portal.snap('cart with two lines priced');
});

test('Review order lists the order groups, totals and the agreement; Place order shows the confirmation and what happens next', async ({ portal, page }) => {
  await cartWithTwoLines(portal);
  const cartTotal = (await totalRow(page, 'USD').locator('td').textContent())?.trim() ?? '';
  expect(cartTotal).toMatch(/^\$\d/);
  await expect(portal.placeOrderButton()).toHaveCount(0);
  await portal.reviewOrderButton().click();

  const review = page.locator('section.review');
  await expect(page.getByRole('heading', { name: 'Review the order' })).toBeFocused();
  await expect(review.getByText('This cart becomes 2 orders for Woodgrove School District.')).toBeVisible();
  const groups = review.getByRole('heading', { level: 4, name: /^Order \d \(billing cycle: / });
  await expect(groups).toHaveText([/^Order 1 \(billing cycle: (Monthly|Annual)\)$/, /^Order 2 \(billing cycle: (Monthly|Annual)\)$/]);
  const facultyRow = review.getByRole('row', { name: /Microsoft 365 A3 for faculty/ });
  await expect(facultyRow.getByRole('cell')).toHaveText(['1', '1 month', 'Monthly', /^\$\d/]);
  const studentsRow = review.getByRole('row', { name: /Microsoft 365 A3 for students/ });
  await expect(studentsRow.getByRole('cell')).toHaveText(['1', '1 year', 'Annual', /^\$\d/]);
  await expect(totalRow(review, 'USD').locator('td')).toHaveText(cartTotal);
  await expect(review.getByText(/^Woodgrove School District has accepted the Microsoft Customer Agreement, signed by Steven Buchanan on .+\d{4}\.$/)).toBeVisible();
  await portal.expectAccessible('review');
  await portal.snap('review order');

  // Back to the cart keeps everything; review again and order.
  await page.getByRole('button', { name: 'Back to cart' }).click();
  await expect(page.locator('li.line')).toHaveCount(2);
  await portal.reviewOrderButton().click();
  await portal.placeOrderButton().click();

  await expect(page.getByRole('heading', { name: 'Order confirmation' })).toBeFocused({ timeout: 30_000 });
  const result = page.locator('section.result');
  await expect(result.getByText('2 orders were placed.')).toBeVisible();
  await expect(result.getByText(/^Order \S+ placed \(\$[\d,.]+\)\./)).toHaveCount(2);
  await expect(result.getByRole('link', { name: /^See order / })).toHaveCount(2);
  await expect(result.getByRole('heading', { name: 'What happens next' })).toBeVisible();
  await expect(result.getByText(/status moves from pending to completed/)).toBeVisible();
  await expect(result.getByText(/can take a few minutes to appear in the subscriptions list/)).toBeVisible();
  await expect(result.getByText(/invoice follows/)).toBeVisible();
  await expect(page.getByText(/The cart is empty/)).toBeVisible();
  await portal.expectAccessible('confirmation');
  await portal.snap('order confirmation');

  // The confirmation follows a change of language; so does the customer's segment.
  await page.locator('#language').selectOption('sv-SE');
  await expect(result.getByText(/^Beställning \S+ lagd \(\d.*US\$\)\./)).toHaveCount(2);
  await expect(result.getByRole('link', { name: /^Visa beställning / })).toHaveCount(2);
  await expect(result.getByText(/^Order \S+ placed/)).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Kundsidor' }).getByRole('link', { name: 'Översikt' }).click();
  const segment = page.locator('dl.facts dt:text-is("Segment") + dd');
  await expect(segment).toHaveText('Utbildning');
  await page.locator('#language').selectOption('en-US');
  await expect(segment).toHaveText('Education');
  await portal.openCart();

  await result.getByRole('link', { name: /^See order / }).first().click();
  await expect(page.getByRole('heading', { name: /^Order / })).toBeVisible();
});

test('a stored cart is kept while the customer is still loading after a reload, and counted once read', async ({ portal, page }) => {
  await portal.signIn('contoso');
  await portal.openCustomer(CUSTOMER);
  await portal.addToCart(VIEW, 'Microsoft 365 A3', FACULTY);
  await expect(portal.tab(/^Cart/)).toHaveText('Cart (1)');
  const stored = () => page.evaluate(() => Object.entries(localStorage)
    .filter(([key]) => key.startsWith('pc-portal.cart.'))
    .map(([, value]) => (JSON.parse(value) as { lines: unknown[] }).lines.length));
  expect(await stored()).toEqual([1]);

  // The customer's data is held back after the reload: the draft is read with it, not before.
  let release!: () => void;
  const held = new Promise<void>(resolve => { release = resolve; });
  let asked = false;
  await page.route(/\/v1\/customers\/[^/]+\/qualifications/, async route => {
    asked = true;
    await held;
    await route.continue();
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(CUSTOMER) })).toBeHidden();
  await expect.poll(() => asked).toBe(true);
  // Not read yet: no count that would look like an empty cart, and what is stored is untouched.
  await expect(portal.tab(/^Cart/)).toHaveText('Cart');
  expect(await stored()).toEqual([1]);

  release();
  await expect(portal.tab(/^Cart/)).toHaveText('Cart (1)');
  await portal.openCart();
  await expect(page.locator('li.line').getByRole('heading', { name: FACULTY })).toBeVisible();
  expect(await stored()).toEqual([1]);
  await page.unroute(/\/v1\/customers\/[^/]+\/qualifications/);
});
