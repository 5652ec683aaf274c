// Billing and reconciliation (issue 16), end to end: a purchase is at once an unbilled line of the
// current period (Unbilled charges, the order's "where is this order billed"); closing the period
// (pc-sandbox's sandbox-only endpoint) turns it into a line of the new invoice, with its PDF.
import { readFile } from 'node:fs/promises';
import type { APIRequestContext } from '@playwright/test';
import { test, expect, SANDBOX_URL } from './fixtures/portal';

const CUSTOMER = 'Tailspin Toys';

/** Closes contoso's current billing period in pc-sandbox; the new invoices (one per currency). */
async function closeBillingPeriod(request: APIRequestContext) {
  const token = await request.post(`${SANDBOX_URL}/contoso/oauth2/v2.0/token`, {
    form: {
      grant_type: 'client_credentials',
      client_id: 'contoso-app',
      client_secret: 'contoso-secret',
      scope: 'https://api.partnercenter.microsoft.com/.default',
    },
  });
  expect(token.status()).toBe(200);
  const { access_token } = await token.json();
  const closed = await request.post(`${SANDBOX_URL}/sandbox/invoices/close`, {
    headers: { authorization: `Bearer ${access_token}` },
  });
  expect(closed.status()).toBe(201);
  return (await closed.json()).items as { id: string; currencyCode: string }[];
}

test('a purchase is an unbilled line of the current period, then a line of the closed invoice with its PDF', async ({ portal, page, request }) => {
  await portal.signIn('contoso');
  await portal.openCustomer(CUSTOMER);
  await portal.addToCart('Online services (new commerce)', 'Microsoft 365 Business Basic', /^Microsoft 365 Business Basic$/);
  await portal.openCart();
  await page.getByLabel('Quantity').fill('7');
  await page.getByLabel('Quantity').press('Tab');
  await portal.reviewAndPlaceOrder();
  const placed = (await page.getByText(/Order \S+ placed \(/).textContent()) ?? '';
  const [, orderId, total] = placed.match(/Order (\S+) placed \((.+)\)\./) ?? [];
  expect(orderId, placed).toBeTruthy();

  // The order page says where it is billed: its unbilled line, linked.
  await page.getByRole('link', { name: 'See order' }).click();
  await expect(page.getByRole('heading', { name: 'Where this order is billed' })).toBeVisible();
  const billing = page.locator('table.order-billing');
  await expect(billing.getByRole('row').filter({ hasText: 'Microsoft 365 Business Basic' })).toContainText(total);
  await expect(billing.getByRole('cell', { name: '7', exact: true })).toBeVisible();
  await portal.expectAccessible('order with its billing');
  await billing.getByRole('link', { name: 'Unbilled (current period)' }).click();

  // Unbilled charges, current period, in the order's currency: the purchase's line, pointed out,
  // and the totals per customer and per product.
  await expect(page.getByRole('heading', { name: 'Unbilled charges', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Current period · USD', level: 2 })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Current period' })).toBeChecked();
  await expect(page.getByLabel('Currency')).toHaveValue('USD');
  const lines = page.getByRole('region', { name: 'Unbilled purchase lines' });
  const line = lines.getByRole('row').filter({ hasText: orderId });
  await expect(line).toHaveCount(1);
  await expect(line).toHaveAttribute('aria-current', 'true');
  await expect(line).toContainText(CUSTOMER);
  await expect(line).toContainText('This order');
  await expect(line.getByRole('cell', { name: total, exact: true })).toBeVisible();
  await expect(page.getByText(/^Total: \$\d/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Totals per customer' }).getByRole('row').filter({ hasText: CUSTOMER })).toHaveCount(1);
  await expect(page.getByRole('table', { name: 'Totals per product' }).getByRole('row').filter({ hasText: 'Microsoft 365 Business Basic' })).toHaveCount(1);
  await portal.expectAccessible('unbilled charges');
  await portal.snap('unbilled charges');

  // The period closes: one invoice per currency, the purchase's line on the USD one.
  const invoices = await closeBillingPeriod(request);
  const invoiceId = invoices.find(i => i.currencyCode === 'USD')?.id ?? '';
  expect(invoiceId).toMatch(/^G\d{9}$/);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Current period · USD', level: 2 })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: orderId })).toHaveCount(0);
  await page.getByRole('radio', { name: 'Previous period' }).check();
  await expect(page.getByRole('heading', { name: 'Previous period · USD', level: 2 })).toBeVisible();
  const billed = lines.getByRole('row').filter({ hasText: orderId });
  await expect(billed.getByRole('link', { name: invoiceId })).toBeVisible();
  await portal.expectAccessible('previous period');
  await portal.snap('previous period');

  // The invoice: the line, and the PDF statement.
  await billed.getByRole('link', { name: invoiceId }).click();
  await expect(page.getByRole('heading', { name: `Invoice ${invoiceId}`, level: 1 })).toBeVisible();
  const invoiceLine = page.getByRole('region', { name: 'Purchase lines on this invoice' }).getByRole('row').filter({ hasText: orderId });
  await expect(invoiceLine).toContainText(CUSTOMER);
  await expect(invoiceLine.getByRole('cell', { name: total, exact: true })).toBeVisible();
  await portal.expectAccessible('closed invoice');
  await portal.snap('closed invoice');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF statement' }).click()]);
  expect(pdf.suggestedFilename()).toBe(`invoice-${invoiceId}.pdf`);
  expect((await readFile(await pdf.path())).subarray(0, 5).toString()).toBe('%PDF-');

  // Back on the order: now billed on that invoice.
  await invoiceLine.getByRole('link', { name: orderId }).click();
  await expect(page.getByRole('heading', { name: 'Where this order is billed' })).toBeVisible();
  await expect(page.locator('table.order-billing').getByRole('link', { name: invoiceId })).toBeVisible();
});
