// The npm package as a partner dashboard gets it: packed, installed from the .tgz into a new
// project and imported by name. `cargo xtask npm --test` (and `cargo xtask test`) run this with
// Node's test runner and a pc-sandbox in PC_SANDBOX_URL.
import { test, describe, before } from "node:test";
import assert from "node:assert/strict";

import init, {
  validateCart,
  buildPurchaseContext,
  explainFinding,
  supportedLocales,
  PartnerCenterClient,
  PartnerCenterError,
} from "@pc-portal/partner-center";

const NORTHWIND = "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a01"; // contoso: new US customer
const ADATUM = "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a03"; // contoso: MCA not accepted
const NCE = "CFQ7TTC0LH18:0001:AV01";

/** A new-commerce Microsoft 365 availability for US commercial customers. */
const availability = {
  id: "AV01",
  productId: "CFQ7TTC0LH18",
  skuId: "0001",
  catalogItemId: NCE,
  defaultCurrency: { code: "USD", symbol: "$" },
  segment: "commercial",
  country: "US",
  isPurchasable: true,
  terms: [{ duration: "P1M" }, { duration: "P1Y" }],
  product: { id: "CFQ7TTC0LH18", productType: { id: "OnlineServicesNCE" } },
  sku: {
    id: "0001",
    minimumQuantity: 1,
    maximumQuantity: 300,
    supportedBillingCycles: ["annual", "monthly"],
  },
};

const context = {
  now: "2026-11-21T12:00:00Z",
  partner: { country: "US", billingCurrency: "USD", perpetualSoftwareQualified: true },
  customer: {
    country: "US",
    segment: "commercial",
    isNewCustomer: true,
    customerAgreementAccepted: true,
  },
  catalog: [availability],
};

const line = (id, quantity, more = {}) => ({
  id,
  catalogItemId: NCE,
  quantity,
  termDuration: "P1M",
  billingCycle: "monthly",
  ...more,
});

describe("the rules", () => {
  test("init() resolves in Node (the wasm is already instantiated)", async () => {
    await init();
    assert.deepEqual(supportedLocales(), ["en-US", "sv-SE", "nl-NL", "he-IL"]);
  });

  test("a purchasable cart has no findings and one order group", () => {
    const result = validateCart({ lineItems: [line(0, 5)] }, context);
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.orderGroups, [
      { orderGroup: "0", billingCycle: "monthly", lineItemIds: [0] },
    ]);
  });

  test("a cart that would fail reports each finding with its line and Partner Center code", () => {
    const result = validateCart(
      {
        lineItems: [
          line(0, 500),
          line(1, 2, { billingCycle: "annual", termDuration: "P1M" }),
          line(2, 1, { catalogItemId: "NOPE:0001:X" }),
        ],
      },
      { ...context, customer: { ...context.customer, customerAgreementAccepted: false } },
    );
    const codes = result.findings.map((f) => [f.code, f.lineItemId, f.partnerCenterErrorCode]);
    assert.deepEqual(codes, [
      ["CustomerAgreementMissing", null, 13605],
      ["QuantityOutOfRange", 0, 900275],
      ["BillingCycleLongerThanTerm", 1, 900270],
      ["CatalogItemUnknown", 2, 400019],
    ]);
    const quantity = result.findings[1];
    assert.equal(quantity.severity, "error");
    assert.deepEqual(quantity.params, { quantity: 500, minimum: 1, maximum: 300 });
  });

  test("enum and member spellings are accepted as Partner Center accepts them", () => {
    const result = validateCart(
      { LineItems: [{ Id: 0, CatalogItemId: NCE.toLowerCase(), Quantity: 1, TermDuration: "P1M", BillingCycle: "Monthly" }] },
      context,
    );
    assert.deepEqual(result.findings, []);
  });

  test("bad input throws a TypeError naming the JSON path, not a panic", () => {
    assert.throws(
      () => validateCart({ lineItems: [line(0, "five")] }, context),
      (error) =>
        error instanceof TypeError &&
        error.path === "$.cart.lineItems[0].quantity" &&
        error.message.startsWith("invalid input at $.cart.lineItems[0].quantity:"),
    );
    assert.throws(
      () => validateCart({ lineItems: [] }, { ...context, now: "yesterday" }),
      (error) => error instanceof TypeError && error.path === "$.context.now",
    );
    assert.throws(
      () => validateCart(undefined, context),
      (error) => error instanceof TypeError && error.path === "$.cart",
    );
    const { partner, ...withoutPartner } = context;
    assert.throws(
      () => validateCart({ lineItems: [] }, withoutPartner),
      (error) => error instanceof TypeError && /missing field `partner`/.test(error.message),
    );
    // The module still works after an error.
    assert.equal(validateCart({ lineItems: [line(0, 1)] }, context).findings.length, 0);
  });

  test("explainFinding speaks English and Swedish, and falls back to English", () => {
    const { findings } = validateCart({ lineItems: [line(0, 500)] }, context);
    assert.equal(
      explainFinding(findings[0], "en-US"),
      "Quantity 500 is outside the allowed 1–300. Partner Center would refuse this with error 900275.",
    );
    assert.equal(
      explainFinding(findings[0], "sv-SE"),
      "Antalet 500 ligger utanför det tillåtna 1–300. Partner Center skulle avvisa detta med fel 900275.",
    );
    assert.equal(explainFinding(findings[0], "sv"), explainFinding(findings[0], "sv-SE"));
    assert.equal(explainFinding(findings[0], "xx-YY"), explainFinding(findings[0]));
    assert.throws(
      () => explainFinding({ ...findings[0], code: "NoSuchRule" }, "en-US"),
      (error) => error instanceof TypeError && error.path === "$.code",
    );
  });
});

describe("the client against pc-sandbox", () => {
  const baseUrl = process.env.PC_SANDBOX_URL;
  let tokenRequests = 0;

  const getToken = async () => {
    tokenRequests += 1;
    const response = await fetch(`${baseUrl}/contoso/oauth2/v2.0/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body:
        "grant_type=client_credentials&client_id=contoso-app&client_secret=contoso-secret" +
        "&scope=https%3A%2F%2Fapi.partnercenter.microsoft.com%2F.default",
    });
    assert.equal(response.status, 200);
    return (await response.json()).access_token;
  };

  /** An App+User token of a demo user (the password grant, as a tool without a browser gets one). */
  const getUserToken = async () => {
    const response = await fetch(`${baseUrl}/contoso/oauth2/v2.0/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "password",
        client_id: "contoso-portal",
        client_secret: "contoso-portal-secret",
        username: "sales@contoso.example",
        password: "demo",
        scope: "https://api.partnercenter.microsoft.com/user_impersonation",
      }),
    });
    assert.equal(response.status, 200);
    return (await response.json()).access_token;
  };

  /** Every item of an async iterator. */
  const collect = async (iterator) => {
    const items = [];
    for await (const item of iterator) items.push(item);
    return items;
  };

  /** Runs `body` with the global fetch recording the MS-ContinuationToken of every line-item request. */
  const recordingPages = async (body) => {
    const realFetch = globalThis.fetch;
    const pages = [];
    globalThis.fetch = (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname.endsWith("/lineitems")) {
        pages.push({ url: request.url, token: request.headers.get("MS-ContinuationToken") });
      }
      return realFetch(request);
    };
    try {
      return { result: await body(), pages };
    } finally {
      globalThis.fetch = realFetch;
    }
  };

  before(() => {
    assert.ok(baseUrl, "PC_SANDBOX_URL is not set: run through `cargo xtask npm --test`");
  });

  test("lists the partner's customers, following links.next page after page", async () => {
    // The client calls the global fetch; pages of 2 (Partner Center's `size`) make the sandbox
    // answer with links.next and an MS-ContinuationToken the iterator must follow.
    const realFetch = globalThis.fetch;
    const pages = [];
    globalThis.fetch = (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      if (url.pathname === "/v1/customers") {
        if (!url.searchParams.has("size")) url.searchParams.set("size", "2");
        pages.push(request.headers.get("MS-ContinuationToken"));
      }
      return realFetch(new Request(url, request));
    };
    const names = [];
    try {
      const client = new PartnerCenterClient({ baseUrl, getToken, locale: "en-US" });
      for await (const customer of client.customers.list()) {
        names.push(customer.companyProfile?.companyName);
      }
    } finally {
      globalThis.fetch = realFetch;
    }
    assert.equal(names.length, 7, names.join(", "));
    assert.ok(names.includes("Northwind Traders"), names.join(", "));
    assert.ok(names.includes("Margie's Travel"), names.join(", "));
    assert.ok(!names.includes("Nordlys AB"), "another partner's customer is listed");
    assert.equal(pages.length, 4);
    assert.equal(pages[0], null);
    assert.ok(pages.slice(1).every((token) => token), "later pages carry the continuation token");
  });

  test("iterates over the product catalog with an async iterator", async () => {
    const client = new PartnerCenterClient({ baseUrl, getToken });
    const ids = new Set();
    const sent = client.requestsSent;
    for await (const product of client.products.list({ country: "US", targetView: "OnlineServices" })) {
      assert.ok(product.id && product.title, JSON.stringify(product));
      ids.add(product.id);
    }
    assert.ok(ids.has("CFQ7TTC0LH18"), [...ids].join(", "));
    assert.ok(ids.size > 1);
    assert.ok(client.requestsSent > sent, "no request was counted");
    // Leaving a `for await` early ends the iteration without fetching more.
    let seen = 0;
    for await (const _ of client.products.list({ country: "US", targetView: "OnlineServices" })) {
      seen += 1;
      break;
    }
    assert.equal(seen, 1);
  });

  test("buys: catalog → validate → create the cart → check it out → the order", async () => {
    const client = new PartnerCenterClient({ baseUrl, getToken });
    const us = { country: "US" };
    const [sku] = await client.skus.list("CFQ7TTC0LH18", us);
    const [offer] = await client.availabilities.list("CFQ7TTC0LH18", sku.id, us);
    const cart = {
      lineItems: [
        { id: 0, catalogItemId: offer.catalogItemId, quantity: 3, billingCycle: "monthly", termDuration: "P1M" },
      ],
    };
    const validation = validateCart(cart, {
      ...context,
      now: new Date().toISOString(),
      catalog: [offer],
    });
    assert.deepEqual(validation.findings, []);

    const created = await client.carts.create(NORTHWIND, cart);
    assert.ok(created.id);
    assert.equal(created.lineItems[0].orderGroup, validation.orderGroups[0].orderGroup);

    const result = await client.carts.checkout(NORTHWIND, created.id);
    assert.equal(result.orders.length, 1);
    assert.deepEqual(result.orderErrors ?? [], []);
    const order = await client.orders.get(NORTHWIND, result.orders[0].id);
    assert.equal(order.lineItems[0].quantity, 3);
    // Checkout is idempotent: the same cart again gives the first result, not a second order.
    const again = await client.carts.checkout(NORTHWIND, created.id);
    assert.equal(again.orders[0].id, result.orders[0].id);
    assert.deepEqual(await client.resumeCheckouts(), []);
  });

  test("a refused purchase is a PartnerCenterError with status, code and IDs", async () => {
    const client = new PartnerCenterClient({ baseUrl, getToken });
    const us = { country: "US" };
    const [sku] = await client.skus.list("CFQ7TTC0LH18", us);
    const [offer] = await client.availabilities.list("CFQ7TTC0LH18", sku.id, us);
    const created = await client.carts.create(ADATUM, {
      lineItems: [{ id: 0, catalogItemId: offer.catalogItemId, quantity: 1, billingCycle: "monthly", termDuration: "P1M" }],
    });
    await assert.rejects(client.carts.checkout(ADATUM, created.id), (error) => {
      assert.ok(error instanceof PartnerCenterError);
      assert.ok(error instanceof Error);
      assert.equal(error.name, "PartnerCenterError");
      assert.equal(error.kind, "api");
      assert.equal(error.status, 400);
      assert.equal(error.code, 13605);
      assert.equal(error.explanationKey, "error-customer-agreement-missing");
      assert.ok(error.description.length > 0);
      assert.match(error.requestId, /^[0-9a-f-]{36}$/);
      assert.match(error.correlationId, /^[0-9a-f-]{36}$/);
      return true;
    });
  });

  test("a customer the partner does not have is a 404 PartnerCenterError, also from an iterator", async () => {
    const client = new PartnerCenterClient({ baseUrl, getToken });
    await assert.rejects(client.customers.get("6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c01"), (error) => {
      assert.ok(error instanceof PartnerCenterError);
      assert.equal(error.status, 404);
      assert.equal(error.code, 60003);
      return true;
    });
    const orders = client.orders.list("00000000-0000-0000-0000-000000000000");
    await assert.rejects(orders.next(), (error) => error instanceof PartnerCenterError && error.status === 404);
    assert.deepEqual(await orders.next(), { value: undefined, done: true });
  });

  test("a refused token is asked for again, fresh", async () => {
    const calls = [];
    const client = new PartnerCenterClient({
      baseUrl,
      getToken: async (fresh) => {
        calls.push(fresh);
        return fresh ? getToken() : "not-a-token";
      },
    });
    const customer = await client.customers.get(NORTHWIND);
    assert.equal(customer.companyProfile.companyName, "Northwind Traders");
    assert.deepEqual(calls, [false, true]);
  });

  test("a failing getToken and bad arguments reject with what is wrong", async () => {
    const failing = new PartnerCenterClient({
      baseUrl,
      getToken: () => Promise.reject(new Error("signed out")),
    });
    await assert.rejects(failing.customers.get(NORTHWIND), (error) => {
      assert.ok(error instanceof PartnerCenterError);
      assert.equal(error.kind, "token");
      assert.equal(error.status, null);
      assert.match(error.message, /signed out/);
      return true;
    });
    const client = new PartnerCenterClient({ baseUrl, getToken });
    await assert.rejects(
      client.carts.create(NORTHWIND, { lineItems: [{ quantity: "many" }] }),
      (error) => error instanceof TypeError && error.path === "$.cart.lineItems[0].quantity",
    );
    assert.throws(
      () => new PartnerCenterClient({ baseUrl }),
      (error) => error instanceof TypeError && error.path === "$.options.getToken",
    );
    assert.throws(
      () => new PartnerCenterClient({ getToken }),
      (error) => error instanceof TypeError && /baseUrl/.test(error.message),
    );
  });

  test("billing: estimate links, unbilled lines and usage page after page, the period closed, billed lines and the PDF", async () => {
    const client = new PartnerCenterClient({ baseUrl, getToken: getUserToken });
    const us = { country: "US" };
    const [sku] = await client.skus.list("CFQ7TTC0LH18", us);
    const [offer] = await client.availabilities.list("CFQ7TTC0LH18", sku.id, us);
    const ordered = [];
    for (const quantity of [2, 3]) {
      const created = await client.carts.create(NORTHWIND, {
        lineItems: [{ id: 0, catalogItemId: offer.catalogItemId, quantity, billingCycle: "monthly", termDuration: "P1M" }],
      });
      const result = await client.carts.checkout(NORTHWIND, created.id);
      ordered.push(result.orders[0].id);
    }

    const links = await client.invoices.estimateLinks("USD");
    assert.deepEqual(
      links.map((l) => `${l.type}/${l.period}`).sort(),
      ["daily_rated_usage/Current", "daily_rated_usage/Previous", "non_consumption/Current", "non_consumption/Previous"],
    );
    for (const link of links) assert.match(link.link.uri, /currencycode=USD/);

    // The purchases are unbilled lines of the current period at once; one line per page here,
    // every later page asked for with links.next and its continuation token.
    const { result: unbilled, pages } = await recordingPages(() =>
      collect(client.invoices.unbilledLineItems("USD", { period: "current", size: 1 })),
    );
    const ours = unbilled.filter((line) => ordered.includes(line.orderId));
    assert.deepEqual(ours.map((line) => line.orderId), ordered);
    for (const line of ours) {
      assert.equal(line.invoiceNumber, "");
      assert.equal(line.currency, "USD");
      assert.equal(line.customerId, NORTHWIND);
      assert.ok(Number(line.totalForCustomer) > 0, JSON.stringify(line));
    }
    assert.equal(pages.length, unbilled.length, "one request per line");
    assert.equal(pages[0].token, null);
    assert.ok(pages.slice(1).every((page) => page.token && page.url.includes("seekOperation=Next")));
    // The default period is the current one.
    assert.deepEqual(await collect(client.invoices.unbilledLineItems("USD")), unbilled);

    // The Azure plans' daily rated usage, in the customer's currency.
    const usage = await collect(client.invoices.unbilledUsage("USD", { size: 25 }));
    assert.ok(usage.length > 0, "no unbilled usage in USD");
    for (const line of usage) {
      assert.equal(line.billingCurrency, "USD");
      assert.equal(line.productName, "Microsoft Azure plan");
      assert.ok(line.meterName && line.usageDate, JSON.stringify(line));
    }

    // Bad input throws at once; a bad currency rejects from the iterator with Partner Center's error.
    assert.throws(
      () => client.invoices.unbilledLineItems("USD", { period: "next" }),
      (error) => error instanceof TypeError && error.path === "$.query.period",
    );
    assert.throws(
      () => client.invoices.billedUsage("G000000001", "USD", { size: "ten" }),
      (error) => error instanceof TypeError && error.path === "$.query.size",
    );
    await assert.rejects(collect(client.invoices.unbilledUsage("dollars")), (error) => {
      assert.ok(error instanceof PartnerCenterError);
      assert.equal(error.status, 400);
      assert.equal(error.code, 800002);
      return true;
    });

    // Closing the period (sandbox only) invoices it: the lines become the invoice's billed lines
    // and the closed period is the previous one.
    const response = await fetch(`${baseUrl}/sandbox/invoices/close`, {
      method: "POST",
      headers: { authorization: `Bearer ${await getUserToken()}` },
    });
    assert.equal(response.status, 201);
    const invoice = (await response.json()).items.find((i) => i.currencyCode === "USD");
    assert.ok(invoice?.id, "no USD invoice");
    const billed = await collect(client.invoices.billedLineItems(invoice.id, "USD", { size: 1 }));
    assert.deepEqual(
      billed.filter((line) => ordered.includes(line.orderId)).map((line) => [line.orderId, line.invoiceNumber]),
      ordered.map((id) => [id, invoice.id]),
    );
    assert.deepEqual(await collect(client.invoices.unbilledLineItems("USD", { period: "previous" })), billed);
    const current = await collect(client.invoices.unbilledLineItems("USD"));
    assert.ok(!current.some((line) => ordered.includes(line.orderId)), "still unbilled after the close");
    const billedUsage = await collect(client.invoices.billedUsage(invoice.id, "USD", { size: 40 }));
    assert.equal(billedUsage.length, usage.length);
    assert.ok(billedUsage.every((line) => line.invoiceNumber === invoice.id));

    const got = await client.invoices.get(invoice.id);
    assert.equal(got.currencyCode, "USD");
    const pdf = await client.invoices.statement(invoice.id);
    assert.ok(pdf instanceof Uint8Array);
    assert.equal(new TextDecoder().decode(pdf.slice(0, 5)), "%PDF-");
  });
});

describe("buildPurchaseContext", () => {
  // Vättern Logistik as Partner Center answers for it: a Swedish customer of a Swedish partner
  // (billing in SEK) holding an Azure plan ordered in EUR.
  const vattern = {
    now: "2026-11-22T10:00:00Z",
    partner: { country: "SE", billingCurrency: "SEK" },
    customer: {
      id: "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c02",
      billingProfile: { defaultAddress: { country: "SE" } },
    },
    qualifications: [],
    agreements: [{ type: "MicrosoftCustomerAgreement" }],
    orders: [{
      id: "seed-7e6f5a4b3c02-0",
      currencyCode: "EUR",
      status: "completed",
      lineItems: [{ lineItemNumber: 0, offerId: "DZH318Z0BPS6:0001:DZH318Z0BPS6", subscriptionId: "s1" }],
    }],
    subscriptions: [{ id: "s1", orderId: "seed-7e6f5a4b3c02-0", status: "active" }],
    catalog: [{ ...availability, country: "SE", defaultCurrency: { code: "SEK" } }],
  };

  test("the orders' currencies give the EU finding validateCart reports", () => {
    const context = buildPurchaseContext(vattern);
    assert.equal(context.customer.isNewCustomer, false);
    assert.equal(context.customer.country, "SE");
    assert.deepEqual(context.customer.existingPurchases, [{ kind: "AzurePlan", currency: "EUR" }]);
    const { findings } = validateCart({ lineItems: [line(0, 1)] }, context);
    const eu = findings.find((f) => f.code === "EuCustomerIneligible");
    assert.ok(eu, JSON.stringify(findings));
    assert.equal(eu.params.currency, "EUR");
    assert.match(explainFinding(eu, "en-US"), /EUR/);
  });

  test("a customer without orders is new and may buy", () => {
    const context = buildPurchaseContext({ ...vattern, orders: [], subscriptions: [] });
    assert.equal(context.customer.isNewCustomer, true);
    const { findings } = validateCart({ lineItems: [line(0, 1)] }, context);
    assert.deepEqual(findings, []);
  });

  test("bad input is a TypeError naming the path", () => {
    assert.throws(() => buildPurchaseContext({ ...vattern, now: "yesterday" }), (e) => e instanceof TypeError && /now/.test(e.message));
  });
});
