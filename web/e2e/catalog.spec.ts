// Issue 13, points 2 and 3 in the catalog: one search across every catalog view (no view to pick
// first), the product kind and the offers' filters (term, billing cycle; a reservation's region,
// VM size and family), the same availability added twice becoming seats on one line, and a
// reservation's details asked with selects (the Azure subscription by its friendly name), with
// "Register" next to an unregistered subscription.
import { test, expect, CUSTOMERS } from './fixtures/portal';

const RESERVATION = 'Virtual Machines Dsv3 Series';

test('one search finds products of every view; the kind filter narrows them', async ({ portal, page }) => {
  await portal.signIn('contoso');
  await portal.openCustomer(CUSTOMERS.northwind);
  await portal.tab('Catalog').click();
  // No catalog view to choose any more.
  await expect(page.getByLabel('Catalog view')).toHaveCount(0);
  await page.getByLabel('Search products').fill('Office');
  const online = page.getByRole('button', { name: /Office 365 E1/ });
  const perpetual = page.getByRole('button', { name: /Office LTSC Professional Plus 2024/ });
  await expect(online).toBeVisible();
  await expect(perpetual).toBeVisible();
  // Each result says its kind, in words.
  await expect(online).toContainText('Online services (new commerce)');
  await expect(perpetual).toContainText('Perpetual software');
  await expect(page.locator('.products .count')).toHaveText(/^\d+ products$/);
  await portal.expectAccessible('catalog search across views');
  await portal.snap('search across views');

  await page.getByLabel('Product kind').selectOption({ label: 'Perpetual software' });
  await expect(online).toHaveCount(0);
  await expect(perpetual).toBeVisible();
  await page.getByLabel('Product kind').selectOption({ label: 'All kinds' });
  await expect(online).toBeVisible();

  // A very long search string stays inside the page.
  await page.getByLabel('Search products').fill('Office'.repeat(60));
  await expect(page.locator('.products .count')).toHaveText('0 products');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await portal.snap('long search string');
});

test("a reservation's region, VM size and term filters narrow its SKUs", async ({ portal, page }) => {
  await portal.signIn('contoso');
  await portal.openCustomer(CUSTOMERS.litware);
  await portal.tab('Catalog').click();
  await page.getByLabel('Search products').fill('Dsv3');
  await page.getByRole('button', { name: new RegExp(RESERVATION) }).first().click();
  const skus = page.locator('article.sku');
  await expect(skus.first()).toBeVisible();
  const all = await skus.count();
  expect(all).toBeGreaterThan(2);

  await page.getByLabel('Region').selectOption({ label: 'US West 2' });
  await expect.poll(() => skus.count()).toBeLessThan(all);
  for (const title of await skus.locator('h4').allTextContents()) expect(title).toContain('US West 2');

  await page.getByLabel('VM size').selectOption('Standard_D2s_v3');
  await expect(skus).toHaveCount(2);
  await expect(skus.locator('h4')).toHaveText([/Standard_D2s_v3, US West 2, 1 Year/, /Standard_D2s_v3, US West 2, 3 Years/]);
  await expect(page.getByText(/^2 of \d+ SKUs shown$/)).toBeVisible();

  await page.getByLabel('Term', { exact: true }).selectOption({ label: '1 year' });
  await expect(skus).toHaveCount(1);
  await expect(skus.locator('h4')).toHaveText(/Standard_D2s_v3, US West 2, 1 Year/);

  // The reservation's details are selects, the subscription by its name (the ID beside it).
  const card = skus.first();
  const subscription = card.getByLabel('Azure subscription', { exact: true });
  await expect(subscription.locator('option').first()).toHaveText(/Azure plan/);
  await expect(card.getByLabel('Reservation scope')).toHaveValue('shared');
  await expect(card.getByLabel('Reservation duration').locator('option')).toHaveText(['1 year']);
  await portal.expectAccessible('reservation filters');
  await portal.snap('reservation filters');
});

test('adding the same availability twice adds a seat to its line', async ({ portal, page }) => {
  await portal.signIn('contoso');
  await portal.openCustomer('Tailspin Toys');
  const card = await portal.skuCard(null, 'Microsoft 365 Business Basic', /^Microsoft 365 Business Basic$/);
  const add = card.getByRole('button', { name: 'Add to cart' }).first();
  await add.click();
  await expect(card.getByText('Added Microsoft 365 Business Basic to the cart.')).toBeVisible();
  await add.click();
  const status = card.getByText('Added 1 seat — Microsoft 365 Business Basic now has 2 in the cart.');
  await expect(status).toBeVisible();
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expect(portal.tab('Cart (1)')).toBeVisible();
  await portal.snap('same availability twice');

  // The card's texts follow a change of language: the quantity limits, the terms, the term
  // filter's choices and what "Add to cart" did.
  const limits = card.getByText(/^Quantity \d+–\d+$/);
  const range = (await limits.textContent())?.replace('Quantity ', '');
  await page.locator('#language').selectOption('sv-SE');
  await expect(card.getByText(`Antal ${range}`)).toBeVisible();
  await expect(card.getByText('1 licens tillagd – Microsoft 365 Business Basic har nu 2 i kundvagnen.')).toBeVisible();
  await expect(page.getByLabel('Period', { exact: true }).locator('option')).toContainText(['Alla', '1 månad', '1 år']);
  await expect(card.getByText(/Quantity|Added|in the cart/)).toHaveCount(0);
  await page.locator('#language').selectOption('en-US');
  await expect(status).toBeVisible();
  await expect(limits).toBeVisible();

  await portal.openCart();
  await expect(page.locator('li.line')).toHaveCount(1);
  await expect(page.getByLabel('Quantity')).toHaveValue('2');
});

test('an unregistered Azure subscription gets Register in the catalog, and the finding goes', async ({ portal, page }) => {
  await portal.signIn('contoso');
  // Tailspin Toys' only Azure plan is not registered for reservations.
  await portal.openCustomer('Tailspin Toys');
  const card = await portal.skuCard(null, RESERVATION, /Standard_D2s_v3, US West 2, 1 Year/);
  const finding = card.locator('.findings li[data-code="SubscriptionNotRegistered"]');
  await expect(finding).toContainText(/is not registered for reservations/);
  await expect(card.locator('.subscription-id')).toHaveText(/^[0-9a-f-]{36}$/);
  await portal.expectAccessible('unregistered subscription in the catalog');
  await portal.snap('register offered');
  await finding.getByRole('button', { name: 'Register' }).click();
  await expect(card.getByText('The subscription is registered.')).toBeVisible({ timeout: 30_000 });
  await expect(finding).toHaveCount(0);
  // What the button said follows a change of language.
  await page.locator('#language').selectOption('sv-SE');
  await expect(card.getByText('Prenumerationen är registrerad.')).toBeVisible();
  await expect(card.getByText('The subscription is registered.')).toHaveCount(0);
  await page.locator('#language').selectOption('en-US');
  await expect(card.getByText('The subscription is registered.')).toBeVisible();
  await portal.snap('registered from the catalog');
});
