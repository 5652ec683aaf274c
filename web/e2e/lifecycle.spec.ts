// After the purchase (issue 15), end to end: a subscription's page with its live countdown,
// seats removed inside the 168-hour window (the refund shown before confirming, then the credit
// on the unbilled charges), the sandbox's clock moved 8 days on (a reduction refused by Partner
// Center with its code, then disabled with the reason; seats added; cancelling disabled with the
// reason), cancelling inside the window (in Hebrew, right to left), auto-renew off, and a change
// scheduled for the renewal applied when the term ends.
//
// These tests have a sandbox of their own (LIFECYCLE in playwright.config.ts): its clock only
// moves forward and every tenant shares it. They run one after the other in one worker, in file
// order (the config is not fullyParallel), each on a purchase of its own made at the clock's
// current time, so a failing one does not take the others with it.
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, LIFECYCLE, USERS, PASSWORD, type Portal } from './fixtures/portal';

const CUSTOMER = 'Northwind Traders';
const PRODUCT = 'Microsoft 365 Business Basic';

/** An App+User token of contoso's sales agent from the lifecycle sandbox (password grant). */
async function userToken(request: APIRequestContext) {
  const response = await request.post(`${LIFECYCLE.sandbox}/contoso/oauth2/v2.0/token`, {
    form: {
      grant_type: 'password',
      client_id: 'contoso-portal',
      client_secret: 'contoso-portal-secret',
      username: USERS.contoso,
      password: PASSWORD,
      scope: 'https://api.partnercenter.microsoft.com/user_impersonation',
    },
  });
  expect(response.status()).toBe(200);
  return (await response.json()).access_token as string;
}

/** Moves the lifecycle sandbox's clock on by `advance` (ISO 8601); its new time. */
async function advanceClock(request: APIRequestContext, advance: string) {
  const response = await request.post(`${LIFECYCLE.sandbox}/sandbox/clock`, {
    headers: { authorization: `Bearer ${await userToken(request)}` },
    data: { advance },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).now as string;
}

/**
 * Signs in to the lifecycle gateway, buys `quantity` seats of Business Basic (its first term:
 * one month, billed monthly) for the customer, and opens the subscription's page from the
 * order. The order ID.
 */
async function buyAndOpen(portal: Portal, page: Page, quantity: number) {
  await portal.signIn('contoso', { gateway: LIFECYCLE.contoso, sandbox: LIFECYCLE.sandbox });
  await portal.openCustomer(CUSTOMER);
  await portal.addToCart('Online services (new commerce)', PRODUCT, new RegExp(`^${PRODUCT}$`));
  await portal.openCart();
  await page.getByLabel('Quantity').fill(String(quantity));
  await page.getByLabel('Quantity').press('Tab');
  await portal.reviewAndPlaceOrder();
  const placed = (await page.getByText(/Order \S+ placed \(/).textContent()) ?? '';
  const [, orderId] = placed.match(/Order (\S+) placed/) ?? [];
  expect(orderId, placed).toBeTruthy();
  await page.getByRole('link', { name: 'See order' }).click();
  await expect(page.getByRole('heading', { name: `Order ${orderId}` })).toBeVisible();
  const link = page.getByRole('list').getByRole('link', { name: PRODUCT });
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(link).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await link.click();
  await expect(page.getByRole('heading', { level: 2, name: PRODUCT })).toBeVisible();
  await expect(fact(page, 'Seats')).toHaveText(String(quantity));
  return orderId;
}

/** The value of a fact of the subscription (`<dt>name</dt><dd>value</dd>`). */
function fact(page: Page, name: string) {
  return page.locator('dl.facts dt', { hasText: new RegExp(`^${name}$`) }).locator('xpath=following-sibling::dd[1]');
}

function confirmation(page: Page) {
  return page.getByRole('region', { name: 'Confirm the change' });
}

test('seats removed inside the window with the refund shown first; 8 days later reductions are refused, seats added, cancelling refused', async ({ portal, page, request }) => {
  const orderId = await buyAndOpen(portal, page, 5);

  // A live countdown to the end of the cancellation window, with its date and time.
  await expect(page.getByText(/with a prorated refund until \w{3} \d+, \d{4}/)).toBeVisible();
  const timer = page.getByRole('timer');
  await expect(timer).toHaveText(/^Time left: 6 days, 23 hours, \d+ minutes?, \d+ seconds?\.$/);
  const before = await timer.textContent();
  await expect(timer).not.toHaveText(before ?? '', { timeout: 3_000 });
  await portal.expectAccessible('subscription page');
  await portal.snap('subscription page');

  // Remove 2 seats: the refund is shown before anything is sent.
  await expect(page.getByText('Up to 4 seats can be removed until')).toBeVisible();
  await page.getByLabel('Seats to remove').fill('2');
  await page.getByRole('button', { name: 'Review removing seats' }).click();
  const confirm = confirmation(page);
  await expect(confirm.getByRole('heading', { name: 'Confirm the change' })).toBeFocused();
  await expect(confirm).toContainText('Remove 2 seats, to 3 seats in total.');
  const refundText = (await confirm.getByText(/^Refund: /).textContent()) ?? '';
  const [, refund] = refundText.match(/^Refund: (\$[\d,.]+), credited in the current billing period\.$/) ?? [];
  expect(refund, refundText).toBeTruthy();
  await portal.expectAccessible('confirming a seat reduction');
  await portal.snap('refund before confirming');
  await confirm.getByRole('button', { name: 'Confirm' }).click();
  const done = page.getByRole('status').filter({ hasText: 'seats removed' });
  await expect(done).toHaveText(`2 seats removed: the subscription now has 3 seats. A refund of ${refund} is credited in the current billing period.`);
  await expect(page.locator('div.outcome')).toBeFocused();
  await expect(fact(page, 'Seats')).toHaveText('3');
  await portal.snap('seats removed');
  // What the change came to is told again in a newly chosen language, money and all.
  const outcome = page.locator('div.outcome [role="status"]');
  await page.locator('#language').selectOption('sv-SE');
  await expect(outcome).toHaveText(/^2 licenser borttagna: prenumerationen har nu 3 licenser\. En återbetalning på [\d\s,.]+\sUS\$ krediteras i den aktuella faktureringsperioden\.$/);
  await page.locator('#language').selectOption('en-US');
  await expect(outcome).toHaveText(`2 seats removed: the subscription now has 3 seats. A refund of ${refund} is credited in the current billing period.`);

  // The credit is on the unbilled charges of the current period, on the order's lines.
  await page.getByRole('link', { name: 'See the refund in the unbilled charges' }).click();
  await expect(page.getByRole('heading', { name: 'Unbilled charges', level: 1 })).toBeVisible();
  const lines = page.getByRole('region', { name: 'Unbilled purchase lines' }).getByRole('row').filter({ hasText: orderId });
  await expect(lines.getByRole('cell', { name: `-${refund}`, exact: true })).toBeVisible();
  await portal.expectAccessible('the refund on the unbilled charges');
  await portal.snap('refund on the unbilled charges');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: PRODUCT })).toBeVisible();
  await expect(fact(page, 'Seats')).toHaveText('3');

  // Eight days pass at Partner Center while the page is open: it still offers the reduction,
  // Partner Center refuses it with the reason and its code, and the page reads the subscription
  // (and the server's time) again.
  await advanceClock(request, 'P8D');
  await page.getByLabel('Seats to remove').fill('1');
  await page.getByRole('button', { name: 'Review removing seats' }).click();
  await confirmation(page).getByRole('button', { name: 'Confirm' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'Not changed.' });
  await expect(refused).toContainText('The window for removing seats has passed');
  await expect(refused).toContainText('Partner Center error 900214');
  await expect(page.locator('div.outcome')).toBeFocused();
  const refusal = page.locator('div.outcome [role="alert"]');
  await page.locator('#language').selectOption('sv-SE');
  await expect(refusal).toContainText('Inget ändrades.');
  await expect(refusal).toContainText('Partner Center-fel 900214');
  await expect(refusal).not.toContainText('Not changed.');
  await page.locator('#language').selectOption('en-US');
  await expect(refused).toContainText('Partner Center error 900214');
  await expect(fact(page, 'Seats')).toHaveText('3');
  // Now the page knows: the window closed, removing seats is disabled with the reason.
  await expect(page.getByText(/^The cancellation window closed on /)).toBeVisible();
  await expect(page.getByRole('timer')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Review removing seats' })).toBeDisabled();
  await expect(page.locator('#reduce-help')).toHaveText(/Seats can only be removed within 7 days of buying, renewing or adding them.*Partner Center would refuse this with error 900214\./);
  await portal.expectAccessible('reduction refused');
  await portal.snap('reduction refused after 8 days');

  // Seats can still be added.
  await page.getByLabel('Seats to add').fill('2');
  await page.getByRole('button', { name: 'Review adding seats' }).click();
  await expect(confirmation(page)).toContainText('Add 2 seats, to 5 seats in total.');
  await confirmation(page).getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'seats added' })).toHaveText('2 seats added: the subscription now has 5 seats.');
  await expect(fact(page, 'Seats')).toHaveText('5');

  // Cancelling is refused, with the reason, before anything is sent.
  await expect(page.getByRole('button', { name: 'Review cancelling' })).toBeDisabled();
  await expect(page.locator('#cancel-help')).toHaveText(/The 7-day window for cancelling has passed\. Partner Center would refuse this with error 900117\./);
  await portal.snap('cancelling refused');
});

test('cancelled inside the window, in Hebrew (right to left), with the refund shown first', async ({ portal, page }) => {
  await buyAndOpen(portal, page, 3);
  await page.getByLabel('Language').selectOption({ label: 'עברית' });
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'he-IL');
  await expect(page.getByRole('timer')).toHaveText(/^הזמן שנותר: 6 ימים, 23 שעות, /);
  await expect(page.getByRole('heading', { name: 'שינוי המינוי' })).toBeVisible();
  await portal.expectAccessible('subscription page in Hebrew');
  await portal.snap('subscription page in Hebrew');
  await page.getByRole('button', { name: 'סקירת הביטול' }).click();
  const confirm = page.getByRole('region', { name: 'אישור השינוי' });
  await expect(confirm).toContainText('ביטול המינוי: כל 3 הרישיונות שלו מסתיימים עכשיו.');
  await expect(confirm.getByText(/^החזר: /)).toBeVisible();
  await page.locator('#language').selectOption({ label: 'English' });
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  const confirmEn = confirmation(page);
  await expect(confirmEn).toContainText('Cancel the subscription: all 3 seats end now.');
  const refundText = (await confirmEn.getByText(/^Refund: /).textContent()) ?? '';
  const [, refund] = refundText.match(/^Refund: (\$[\d,.]+),/) ?? [];
  expect(refund, refundText).toBeTruthy();
  await confirmEn.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'cancelled' })).toHaveText(`The subscription is cancelled. A refund of ${refund} is credited in the current billing period.`);
  await expect(fact(page, 'Status')).toHaveText('Cancelled');
  await expect(page.getByRole('button', { name: 'Review adding seats' })).toBeDisabled();
  await expect(page.locator('#add-help')).toHaveText(/no longer active/);
  await portal.expectAccessible('cancelled subscription');
  await portal.snap('cancelled inside the window');
});

test('auto-renew turned off: the subscription ends with its term, nothing can be scheduled for a renewal', async ({ portal, page }) => {
  await buyAndOpen(portal, page, 2);
  const autoRenew = page.getByRole('switch', { name: 'Renew automatically at the end of the term' });
  await expect(autoRenew).toBeChecked();
  await expect(fact(page, 'Auto-renew')).toHaveText('On');
  await autoRenew.uncheck();
  await expect(page.getByRole('status')).toHaveText(/^Auto-renew is off: the subscription ends on \w{3} \d+, \d{4}\.$/);
  await expect(autoRenew).not.toBeChecked();
  await expect(fact(page, 'Auto-renew')).toHaveText('Off');
  await expect(page.getByRole('button', { name: 'Schedule for the renewal' })).toBeDisabled();
  await expect(page.locator('#renewal-help')).toHaveText('Turn on auto-renew before scheduling a change for the renewal.');
  await page.reload();
  await expect(page.getByRole('switch', { name: 'Renew automatically at the end of the term' })).not.toBeChecked();
  await portal.expectAccessible('auto-renew off');
  await portal.snap('auto-renew off');
});

test('a change scheduled for the renewal (quantity, term and billing cycle) is applied when the term ends', async ({ portal, page, request }) => {
  await buyAndOpen(portal, page, 5);
  await expect(fact(page, 'Term')).toHaveText('1 month');
  await expect(fact(page, 'Billing cycle')).toHaveText('Monthly');
  await expect(page.getByText('No change is scheduled for the renewal.')).toBeVisible();
  // Only the pairs the availability offers (never a billing cycle longer than the term).
  const terms = page.getByLabel('Term and billing cycle at renewal');
  await expect(terms.locator('option')).toHaveText(['1 month · Monthly', '1 year · Annual', '1 year · Monthly']);
  await terms.selectOption({ label: '1 year · Annual' });
  await page.getByLabel('Seats at renewal').fill('3');
  await page.getByRole('button', { name: 'Schedule for the renewal' }).click();
  await expect(page.getByRole('status')).toHaveText('The change is scheduled for the renewal.');
  const scheduled = page.getByRole('note');
  await expect(scheduled).toHaveText('Scheduled for the renewal: 3 seats, 1 year · Annual.');
  await portal.expectAccessible('change scheduled for the renewal');
  await portal.snap('change scheduled');

  // Removable, and scheduled again.
  await page.getByRole('button', { name: 'Remove the scheduled change' }).click();
  await expect(page.getByText('No change is scheduled for the renewal.')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('The scheduled change is removed; the subscription renews as it is.');
  await terms.selectOption({ label: '1 year · Annual' });
  await page.getByLabel('Seats at renewal').fill('3');
  await page.getByRole('button', { name: 'Schedule for the renewal' }).click();
  await expect(scheduled).toHaveText('Scheduled for the renewal: 3 seats, 1 year · Annual.');

  // Past the end of the one-month term, the subscription has renewed with the scheduled change.
  await advanceClock(request, 'P35D');
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: PRODUCT })).toBeVisible();
  await expect(fact(page, 'Seats')).toHaveText('3');
  await expect(fact(page, 'Term')).toHaveText('1 year');
  await expect(fact(page, 'Billing cycle')).toHaveText('Annual');
  await expect(fact(page, 'Status')).toHaveText('Active');
  await expect(page.getByText('No change is scheduled for the renewal.')).toBeVisible();
  // A renewal opens a new cancellation window.
  await expect(page.getByRole('timer')).toHaveText(/^Time left: \d+ days?, /);
  await portal.expectAccessible('renewed subscription');
  await portal.snap('renewed with the scheduled change');
});

test('a perpetual software line is cancelled from its order within 30 days, the refund shown first', async ({ portal, page, request }) => {
  // Bought through the API (the catalog offers perpetual software only to qualified partners).
  const headers = { authorization: `Bearer ${await userToken(request)}` };
  const api = async (path: string) => {
    const response = await request.get(`${LIFECYCLE.sandbox}/v1${path}`, { headers });
    expect(response.status(), path).toBe(200);
    return response.json();
  };
  const customers = (await api('/customers')).items as { id: string; companyProfile: { companyName: string } }[];
  const customerId = customers.find(c => c.companyProfile.companyName === CUSTOMER)?.id ?? '';
  expect(customerId).not.toBe('');
  const skus = (await api('/products/DG7GMGF0PWHC/skus?country=US')).items as { id: string }[];
  const offers = (await api(`/products/DG7GMGF0PWHC/skus/${skus[0].id}/availabilities?country=US`)).items as { catalogItemId: string; segment?: string }[];
  const offer = offers.find(o => (o.segment ?? 'commercial') === 'commercial');
  expect(offer).toBeTruthy();
  const cart = await request.post(`${LIFECYCLE.sandbox}/v1/customers/${customerId}/carts`, {
    headers,
    data: { lineItems: [{ id: 0, catalogItemId: offer!.catalogItemId, quantity: 2, billingCycle: 'one_time', friendlyName: 'Lab servers' }] },
  });
  expect(cart.status(), await cart.text()).toBe(201);
  const checkout = await request.post(`${LIFECYCLE.sandbox}/v1/customers/${customerId}/carts/${(await cart.json()).id}/checkout`, { headers });
  expect(checkout.status(), await checkout.text()).toBe(201);
  const orderId = (await checkout.json()).orders[0].id as string;

  await portal.signIn('contoso', { gateway: LIFECYCLE.contoso, sandbox: LIFECYCLE.sandbox });
  await page.goto(`${LIFECYCLE.contoso}/customers/${customerId}/orders/${orderId}`);
  const section = page.getByRole('region', { name: 'Cancel software' });
  await expect(section.getByText('Line 1: Lab servers')).toBeVisible();
  const stateText = (await section.getByText(/^Can be cancelled now, for a refund of /).textContent()) ?? '';
  const [, refund] = stateText.match(/refund of (\$[\d,.]+)\.$/) ?? [];
  expect(refund, stateText).toBeTruthy();
  await section.getByRole('button', { name: 'Review cancelling line 1' }).click();
  const confirm = section.getByRole('group', { name: 'Confirm the change' });
  await expect(confirm.getByRole('heading', { name: 'Confirm the change' })).toBeFocused();
  await expect(confirm).toContainText('Cancel line 1 of this order: Lab servers, quantity 2.');
  await expect(confirm).toContainText(`Refund: ${refund}, credited in the current billing period.`);
  await portal.expectAccessible('confirming a software cancellation');
  await portal.snap('software line: refund before confirming');
  await confirm.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('status')).toHaveText(`Line 1 (Lab servers) is cancelled. A refund of ${refund} is credited in the current billing period.`);
  await expect(page.locator('dl.facts dd').first()).toHaveText('Cancelled');
  await expect(section.getByRole('button', { name: 'Review cancelling line 1' })).toHaveCount(0);
  await portal.expectAccessible('software line cancelled');
  await portal.snap('software line cancelled');
});
