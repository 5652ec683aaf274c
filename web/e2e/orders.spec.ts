// Issue 12: orders while Partner Center's list lags (this sandbox lists orders only after 10
// minutes, subscriptions after 2 s). An order placed elsewhere — here through the API with a user
// token of the sandbox's password grant, never through this browser — is shown on the orders page
// as "pending listing" once its subscription names it by orderId.
import type { APIRequestContext } from '@playwright/test';
import { test, expect, SANDBOX_URL, USERS, PASSWORD } from './fixtures/portal';

const CUSTOMER = { id: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c06', name: 'Göta Data AB' };

/** An App+User token of fabrikam's admin (the password grant, as a tool without a browser gets one). */
async function userToken(request: APIRequestContext) {
  const response = await request.post(`${SANDBOX_URL}/fabrikam/oauth2/v2.0/token`, {
    form: {
      grant_type: 'password',
      client_id: 'fabrikam-portal',
      client_secret: 'fabrikam-portal-secret',
      username: USERS.fabrikam,
      password: PASSWORD,
      scope: 'https://api.partnercenter.microsoft.com/user_impersonation',
    },
  });
  expect(response.status()).toBe(200);
  return (await response.json()).access_token as string;
}

test('an order placed through the API (not this browser) appears as pending listing while its subscription is listed', async ({ portal, page, request }) => {
  const headers = { authorization: `Bearer ${await userToken(request)}` };
  const api = async (path: string) => {
    const response = await request.get(`${SANDBOX_URL}/v1${path}`, { headers });
    expect(response.status(), path).toBe(200);
    return response.json();
  };

  // Microsoft 365 Business Basic for the customer, bought through the API.
  const skus = await api('/products/CFQ7TTC0LH18/skus?country=SE');
  const skuId = (skus.items as { id: string; title: string }[]).find(s => s.title === 'Microsoft 365 Business Basic')?.id;
  expect(skuId).toBeTruthy();
  const availabilities = await api(`/products/CFQ7TTC0LH18/skus/${skuId}/availabilities?country=SE`);
  const availability = (availabilities.items as {
    segment?: string; catalogItemId: string; terms: { duration: string; billingCycle?: string }[]; sku: { supportedBillingCycles: string[] };
  }[]).find(a => a.segment === 'commercial');
  expect(availability).toBeTruthy();
  const cart = await request.post(`${SANDBOX_URL}/v1/customers/${CUSTOMER.id}/carts`, {
    headers,
    data: {
      lineItems: [{
        id: 0,
        catalogItemId: availability!.catalogItemId,
        quantity: 3,
        termDuration: availability!.terms[0].duration,
        billingCycle: availability!.terms[0].billingCycle ?? availability!.sku.supportedBillingCycles[0],
      }],
    },
  });
  expect(cart.status(), await cart.text()).toBe(201);
  const checkout = await request.post(`${SANDBOX_URL}/v1/customers/${CUSTOMER.id}/carts/${(await cart.json()).id}/checkout`, { headers });
  expect(checkout.status(), await checkout.text()).toBe(201);
  const orders = (await checkout.json()).orders as { id: string }[];
  expect(orders).toHaveLength(1);
  const orderId = orders[0].id;

  // Past the provisioning delay (2 s) its subscription is listed, while the order list lags.
  const subscriptionOrders = async () =>
    ((await api(`/customers/${CUSTOMER.id}/subscriptions`)).items as { orderId?: string }[]).map(s => s.orderId);
  await expect.poll(subscriptionOrders, { timeout: 20_000 }).toContain(orderId);
  const listed = ((await api(`/customers/${CUSTOMER.id}/orders`)).items as { id: string }[]).map(o => o.id);
  expect(listed).not.toContain(orderId);

  // The portal, in a browser that never saw this checkout, shows the order as pending listing.
  await portal.signIn('fabrikam');
  await portal.openCustomer(CUSTOMER.name);
  await portal.tab('Orders').click();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: orderId, exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Pending listing');
  await expect(page.getByText('One order named by the customer\'s subscriptions is not listed by Partner Center yet')).toBeVisible();
  await expect(page.getByText(/orders placed here are not listed/)).toHaveCount(0);
  await portal.expectAccessible('orders pending listing from subscriptions');
  await portal.snap('order placed elsewhere pending listing');

  // The order's own page opens from the pending row.
  await row.getByRole('link', { name: orderId, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));
});
