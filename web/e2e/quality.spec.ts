// Qualities of issue 5: Hebrew right-to-left rendering, and axe-core on every page.
import { test, expect, CUSTOMERS, PASSWORD, USERS } from './fixtures/portal';

test('Hebrew renders right to left, translated, and stays accessible', async ({ portal, page }) => {
  await page.goto('/');
  await page.getByLabel('Language').selectOption('he-IL');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'he-IL');
  await expect(page.getByRole('heading', { name: 'התחברות', level: 1 })).toBeVisible();
  await portal.expectAccessible('sign-in (he-IL)');
  await page.getByRole('link', { name: 'התחברות עם Microsoft' }).click();
  await portal.signInAtMicrosoft(USERS.contoso);
  await expect(page.getByRole('heading', { name: 'לקוחות', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  // Right to left: the brand sits at the right edge of the header.
  const brand = await page.locator('header .brand').boundingBox();
  const viewport = page.viewportSize();
  expect(brand && viewport && brand.x > viewport.width / 2).toBeTruthy();
  await portal.expectAccessible('customers (he-IL)');
  await portal.snap('hebrew customers');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('axe-core finds no violations on any page', async ({ portal, page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await portal.expectAccessible('sign-in');
  await portal.signIn('contoso');
  await portal.expectAccessible('customers');
  await portal.openCustomer(CUSTOMERS.litware);
  await portal.expectAccessible('customer panel');
  await portal.addToCart('Azure reservations', 'Virtual Machines Dsv3 Series', /Standard_D2s_v3, US West 2, 1 Year/);
  await portal.expectAccessible('catalog');
  await portal.openCart();
  await portal.expectAccessible('cart with findings');
  await portal.tab('Orders').click();
  await expect(page.getByRole('heading', { name: 'Orders', level: 2 })).toBeVisible();
  await portal.expectAccessible('orders');
  await portal.tab('Subscriptions').click();
  await expect(page.getByRole('heading', { name: 'Entitlements' })).toBeVisible();
  await portal.expectAccessible('subscriptions');
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await portal.expectAccessible('not found');
});

test('keyboard only: an NCE purchase with Enter and arrow keys, focus following navigation', async ({ portal, page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in with Microsoft' }).press('Enter');
  await page.getByLabel('Email').pressSequentially(USERS.contoso);
  await page.getByLabel('Email').press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  await page.getByLabel('Search customers').pressSequentially('Tailspin');
  await page.getByRole('link', { name: 'Tailspin Toys' }).press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  await portal.tab('Catalog').press('Enter');
  await page.getByLabel('Search products').pressSequentially('Business Basic');
  await page.getByRole('button', { name: /Microsoft 365 Business Basic/ }).first().press('Enter');
  const card = page.locator('article.sku').filter({ has: page.getByRole('heading', { name: /^Microsoft 365 Business Basic$/ }) });
  await card.getByRole('button', { name: 'Add to cart' }).first().press('Enter');
  await portal.tab(/^Cart/).press('Enter');
  const quantity = page.getByLabel('Quantity');
  await quantity.press('ArrowUp');
  await quantity.press('Tab');
  await expect(quantity).toHaveValue('2');
  // The cart prices itself; then "Review order", focus on the review's heading, "Place order".
  await portal.waitForPrices();
  await portal.reviewOrderButton().press('Enter');
  await expect(page.getByRole('heading', { name: 'Review the order' })).toBeFocused();
  await portal.placeOrderButton().press('Enter');
  await expect(page.getByText(/Order \S+ placed/)).toBeVisible({ timeout: 30_000 });
  await portal.snap('keyboard purchase');
});
