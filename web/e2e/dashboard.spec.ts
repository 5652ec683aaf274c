// Issue 6: an existing partner dashboard (web/examples/dashboard.html) embeds the portal from the
// npm package's full build with its own token callback, buys, receives the order event, and
// unmounts cleanly — with neither page's styles reaching into the other.
import { test, expect } from '@playwright/test';
import { EMBED_URL } from '../playwright.config';

test('a dashboard embeds the portal, buys, hears about the order and unmounts cleanly', async ({ page }, info) => {
  const errors: string[] = [];
  page.on('pageerror', error => errors.push(error.message));
  page.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });

  await page.goto(`${EMBED_URL}/dashboard.html?customer=0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a01`);
  const portal = page.locator('#purchase');
  // Playwright's locators pierce the open shadow root.
  await expect(portal.getByRole('heading', { level: 1, name: 'Northwind Traders' })).toBeVisible();
  await expect(portal.getByText('Signed in as Contoso PSA')).toBeVisible();
  // Styles stay on their own side: the dashboard's red h1 and yellow buttons, the portal's own.
  await expect(page.locator('body > h1')).toHaveCSS('color', 'rgb(128, 0, 0)');
  await expect(portal.getByRole('heading', { level: 1 })).not.toHaveCSS('color', 'rgb(128, 0, 0)');
  await expect(portal.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await expect(page.locator('#unmount')).toHaveCSS('background-color', 'rgb(255, 255, 0)');

  const tabs = portal.getByRole('navigation', { name: 'Customer pages' });
  await tabs.getByRole('link', { name: 'Catalog' }).click();
  await portal.getByLabel('Search products').fill('Microsoft 365 Business Basic');
  await portal.getByRole('button', { name: /Microsoft 365 Business Basic/ }).first().click();
  const card = portal.locator('article.sku').filter({ has: page.getByRole('heading', { name: /^Microsoft 365 Business Basic$/ }) });
  await card.getByRole('button', { name: 'Add to cart' }).first().click();
  await tabs.getByRole('link', { name: /^Cart/ }).click();
  await expect(portal.getByText('Nothing stands in the way of checkout.')).toBeVisible();
  // The cart prices itself; "Review order" is enabled once it is priced.
  await portal.getByRole('button', { name: 'Review order' }).click();
  await portal.getByRole('button', { name: 'Place order' }).click();
  await expect(portal.getByText(/Order \S+ placed/)).toBeVisible({ timeout: 30_000 });

  const events = page.locator('#events li');
  await expect(events.filter({ hasText: /^order \S+ placed for 0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a01$/ })).toHaveCount(1);
  await expect(events.filter({ hasText: /^event: order \S+$/ })).toHaveCount(1);
  await info.attach('dashboard with the portal', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  await page.locator('#unmount').click();
  await expect(events.filter({ hasText: 'portal closed' })).toHaveCount(1);
  await expect(portal.getByRole('heading')).toHaveCount(0);
  expect(await portal.evaluate(element => element.shadowRoot?.childNodes.length ?? -1)).toBe(0);
  // The dashboard is untouched and still works.
  await expect(page.locator('body > h1')).toHaveText('Contoso PSA');
  expect(errors).toEqual([]);
  await info.attach('dashboard after unmount', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
});
