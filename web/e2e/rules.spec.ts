// Issue 12: every purchase rule decided before checkout, from Partner Center's own data. The
// portal builds the rules' context with pc-core's build_purchase_context from the customer's
// orders (with their currencies), subscriptions and the catalog, the same builder the sandbox's
// checkout uses; the catalog offers only what the customer can buy.
import { test, expect, CUSTOMERS, GATEWAYS } from './fixtures/portal';

const EU_FINDING = /already holds a AzurePlan purchase in EUR, not your billing currency SEK/;

test("Vättern's EU finding stands before any cart is created, and Place order stays disabled", async ({ portal, page }) => {
  await portal.signIn('fabrikam');
  await portal.openCustomer(CUSTOMERS.vattern);
  const customerId = page.url().split('/customers/')[1].split('/')[0];

  // The catalog already knows: new commerce is not offered to this customer, with the reason.
  const card = await portal.skuCard('Online services (new commerce)', 'Microsoft 365 Business Basic', /^Microsoft 365 Business Basic$/);
  await expect(card.getByRole('button', { name: 'Add to cart' })).not.toHaveCount(0);
  for (const button of await card.getByRole('button', { name: 'Add to cart' }).all()) {
    await expect(button).toBeDisabled();
  }
  await expect(card.locator('.blocked').first()).toContainText(EU_FINDING);
  await portal.snap('eu not offered in the catalog');

  // A draft kept in this browser from before (e.g. added before the customer's Azure plan was
  // bought): no cart exists at Partner Center, and the finding is there at once.
  const skus = await portal.api(`${GATEWAYS.fabrikam}/v1/products/CFQ7TTC0LH18/skus?country=SE`);
  const skuId = (skus.body.items as { id: string; title: string }[]).find(s => s.title === 'Microsoft 365 Business Basic')!.id;
  const availabilities = await portal.api(`${GATEWAYS.fabrikam}/v1/products/CFQ7TTC0LH18/skus/${skuId}/availabilities?country=SE`);
  const availability = (availabilities.body.items as {
    segment?: string; catalogItemId: string; terms: { duration: string; billingCycle?: string }[]; sku: { supportedBillingCycles: string[] };
  }[]).find(a => a.segment === 'commercial')!;
  const draft = {
    customerId,
    lines: [{
      id: 0,
      catalogItemId: availability.catalogItemId,
      friendlyName: 'Microsoft 365 Business Basic',
      quantity: 1,
      termDuration: availability.terms[0].duration,
      billingCycle: availability.terms[0].billingCycle ?? availability.sku.supportedBillingCycles[0],
    }],
    catalog: [availability],
    inventory: [],
    saved: null,
  };
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [`pc-portal.cart.${customerId}`, JSON.stringify(draft)]);
  await page.reload();
  await portal.openCart();
  await expect(page.locator('li.line .findings')).toContainText(EU_FINDING);
  await expect(page.getByText('One problem must be fixed before checkout.')).toBeVisible();
  await expect(page.getByText('Nothing stands in the way of checkout.')).toHaveCount(0);
  await expect(portal.reviewOrderButton()).toBeDisabled();
  await portal.expectAccessible('cart with the EU finding');
  await portal.snap('eu finding before any cart');

  // Partner Center's own line error joins the list and counts; Place order stays disabled.
  await portal.waitForPrices();
  await expect(page.locator('.findings.server-errors li')).toHaveCount(1);
  await expect(page.locator('.findings.server-errors li')).toContainText('Partner Center answered');
  await expect(page.getByText('2 problems must be fixed before checkout.')).toBeVisible();
  await expect(page.getByText('Nothing stands in the way of checkout.')).toHaveCount(0);
  await expect(portal.reviewOrderButton()).toBeDisabled();
  await portal.snap('eu finding and partner center line error');
});

test("the Brazilian customer's catalog has no enabled Add to cart for a software subscription", async ({ portal, page }) => {
  await portal.signIn('contoso');
  await portal.openCustomer(CUSTOMERS.wingtip);
  const card = await portal.skuCard('Software subscriptions', 'Windows Server 2022 Standard', /Windows Server 2022 Standard/);
  await expect(card.locator('.blocked').first()).toContainText('not sold to customers in BR. Partner Center would refuse this with error 800070.');
  const detail = page.locator('.product-detail');
  await expect(detail.getByRole('button', { name: 'Add to cart', disabled: true })).not.toHaveCount(0);
  await expect(detail.getByRole('button', { name: 'Add to cart', disabled: false })).toHaveCount(0);
  await portal.expectAccessible('catalog with what cannot be bought');
  await portal.snap('brazil not offered');
  // Nothing reached the cart.
  await portal.openCart();
  await expect(page.getByText(/The cart is empty/)).toBeVisible();
});

test('a commercial customer is not offered the Education availability', async ({ portal, page }) => {
  await portal.signIn('contoso');
  await portal.openCustomer(CUSTOMERS.northwind);
  await expect(async () => {
    await portal.tab('Catalog').click();
    await expect(page.getByText('Segment: Commercial')).toBeVisible({ timeout: 1_000 });
  }).toPass();
  const card = await portal.skuCard('Online services (new commerce)', 'Microsoft 365 E3', /^Microsoft 365 E3$/);
  await expect(card.locator('.other-segments')).toHaveText(/^\d+ availabilities for other segments are not offered: this customer buys in the Commercial segment\.$/);
  // What the catalog shows is exactly the commercial availabilities of the SKU, each addable.
  const skus = await portal.api('/v1/products/CFQ7TTC0LFLX/skus?country=US');
  const skuId = (skus.body.items as { id: string; title: string }[]).find(s => s.title === 'Microsoft 365 E3')!.id;
  const all = (await portal.api(`/v1/products/CFQ7TTC0LFLX/skus/${skuId}/availabilities?country=US`)).body.items as { segment?: string }[];
  expect(all.some(a => a.segment === 'education')).toBe(true);
  const commercial = all.filter(a => a.segment === 'commercial').length;
  await expect(card.locator('ul.availabilities > li')).toHaveCount(commercial);
  await expect(card.getByRole('button', { name: 'Add to cart', disabled: false })).toHaveCount(commercial);
  await portal.snap('education not offered');
});
