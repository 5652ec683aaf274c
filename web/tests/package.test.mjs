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
  allowedChanges,
  checkChange,
  refund,
  checkSoftwareCancellation,
  softwareRefund,
  offeredCombinations,
  productKind,
  PartnerCenterClient,
  PartnerCenterError,
} from "@pc-portal/partner-center";
import * as rulesEntry from "@pc-portal/partner-center/rules";
import * as clientEntry from "@pc-portal/partner-center/client";

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

/** An app-only token of contoso from the sandbox at `baseUrl` (the client-credentials grant). */
const appToken = async (baseUrl) => {
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

describe("the client against pc-sandbox", () => {
  const baseUrl = process.env.PC_SANDBOX_URL;
  let tokenRequests = 0;

  const getToken = async () => {
    tokenRequests += 1;
    return appToken(baseUrl);
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

// The `rules` and `client` entries: each a wasm of its own, for a dashboard that needs only one.
describe("the rules entry and the client entry", () => {
  test("the rules entry answers as the main entry does, and holds no client", async () => {
    await rulesEntry.default();
    const cart = { lineItems: [line(0, 5), line(1, 0), line(2, 1, { catalogItemId: "NOPE:0001:AV01" })] };
    const ours = rulesEntry.validateCart(cart, context);
    assert.ok(ours.findings.length >= 2, JSON.stringify(ours.findings));
    assert.deepEqual(ours, validateCart(cart, context));
    for (const locale of ["en-US", "sv-SE", "nl-NL", "he-IL"]) {
      assert.deepEqual(
        ours.findings.map((finding) => rulesEntry.explainFinding(finding, locale)),
        ours.findings.map((finding) => explainFinding(finding, locale)),
      );
    }
    assert.deepEqual(rulesEntry.supportedLocales(), supportedLocales());
    assert.equal(rulesEntry.productKind(availability), productKind(availability));
    assert.deepEqual(rulesEntry.offeredCombinations(availability), offeredCombinations(availability));
    assert.equal(typeof rulesEntry.buildPurchaseContext, "function");
    assert.equal(typeof rulesEntry.allowedChanges, "function");
    assert.equal(rulesEntry.PartnerCenterClient, undefined);
    assert.equal(rulesEntry.PartnerCenterError, undefined);
  });

  test("bad input to the rules entry is a TypeError naming the path", () => {
    assert.throws(
      () => rulesEntry.validateCart({ lineItems: [{ id: 0, quantity: "many" }] }, context),
      (error) => error instanceof TypeError && error.path === "$.cart.lineItems[0].quantity",
    );
  });

  test("the client entry lists the sandbox's customers and throws PartnerCenterErrors, and holds no rules", async () => {
    const baseUrl = process.env.PC_SANDBOX_URL;
    assert.ok(baseUrl, "PC_SANDBOX_URL is not set: run through `cargo xtask npm --test`");
    await clientEntry.default();
    const client = new clientEntry.PartnerCenterClient({ baseUrl, getToken: () => appToken(baseUrl) });
    const ids = [];
    for await (const customer of client.customers.list()) ids.push(customer.id);
    assert.ok(ids.includes(NORTHWIND), JSON.stringify(ids));
    await assert.rejects(
      client.customers.get("00000000-0000-4000-8000-000000000000"),
      (error) => error instanceof clientEntry.PartnerCenterError && error.status === 404,
    );
    assert.equal(clientEntry.validateCart, undefined);
    assert.equal(clientEntry.explainFinding, undefined);
  });
});

// Issue 15: after the purchase. The lifecycle rules are pure (a fixed `now`); the client's
// changes run against the sandbox. The last test moves the sandbox's clock 8 days on for every
// tenant, so it stays last in this file.
describe("after the purchase: lifecycle rules", () => {
  const bought = "2026-11-20T10:00:00Z";
  /** Five seats of a P1M monthly term bought at `bought` for $6.60 a seat and month. */
  const facts = (more = {}) => ({
    subscription: {
      id: "S1",
      offerId: NCE,
      quantity: 5,
      status: "active",
      autoRenewEnabled: true,
      termDuration: "P1M",
      billingCycle: "monthly",
      creationDate: bought,
      effectiveStartDate: bought,
      commitmentEndDate: "2026-12-19T00:00:00Z",
      billingCycleEndDate: "2026-12-19T00:00:00Z",
      cancellationAllowedUntilDate: "2026-11-27T10:00:00Z",
      ...more,
    },
    kind: productKind(availability),
    unitPrice: 6.6,
    currency: "USD",
    availability,
  });
  const inside = "2026-11-22T09:00:00Z";
  const after = "2026-11-28T10:00:00Z";

  test("productKind and offeredCombinations read the availability", () => {
    assert.equal(productKind(availability), "NewCommerceLicense");
    assert.deepEqual(offeredCombinations(availability), [
      { termDuration: "P1M", billingCycle: "monthly" },
      { termDuration: "P1Y", billingCycle: "annual" },
      { termDuration: "P1Y", billingCycle: "monthly" },
    ]);
  });

  test("inside the window every change is allowed, with until when", () => {
    const allowed = allowedChanges(facts(), inside);
    assert.equal(allowed.addSeats.allowed, true);
    assert.equal(allowed.addSeats.quantity, 295, "up to the SKU's maximum of 300");
    assert.equal(allowed.reduceSeats.allowed, true);
    assert.equal(allowed.reduceSeats.quantity, 4, "one seat stays (cancel instead)");
    assert.equal(allowed.cancel.allowed, true);
    assert.equal(new Date(allowed.cancel.until).toISOString(), "2026-11-27T10:00:00.000Z");
    assert.equal(allowed.autoRenew.allowed, true);
    assert.equal(allowed.scheduleNextTerm.allowed, true);
  });

  test("refunds are prorated by the days left of the period charged, as numbers", () => {
    const reduce = { change: "quantity", quantity: 3 };
    assert.deepEqual(checkChange(facts(), reduce, inside), []);
    const credit = refund(facts(), reduce, inside);
    assert.equal(credit.currency, "USD");
    assert.equal(credit.quantity, 2);
    assert.equal(typeof credit.amount, "number");
    // The period charged runs from the purchase to the end of 19 December: 30 started days, 2 of
    // them used. 2 seats × $6.60 × 28 / 30.
    assert.equal(credit.amount, 12.32);
    assert.equal(refund(facts(), { change: "cancel" }, inside).amount, 30.8);
    assert.equal(refund(facts(), { change: "quantity", quantity: 8 }, inside), null, "adding seats refunds nothing");
  });

  test("after 7 days: seats can only be added, each refusal with its Partner Center code", () => {
    const late = facts({ refundableQuantity: { totalQuantity: 0, details: [] } });
    const allowed = allowedChanges(late, after);
    assert.equal(allowed.addSeats.allowed, true);
    assert.equal(allowed.reduceSeats.allowed, false);
    assert.equal(allowed.reduceSeats.finding.code, "SeatReductionWindowPassed");
    assert.equal(allowed.reduceSeats.finding.partnerCenterErrorCode, 900214);
    assert.equal(allowed.cancel.finding.code, "CancellationWindowPassed");
    const [cancel] = checkChange(late, { change: "cancel" }, after);
    assert.equal(cancel.partnerCenterErrorCode, 900117);
    assert.match(explainFinding(cancel, "en-US"), /7-day window for cancelling has passed.*900117/);
    assert.match(explainFinding(cancel, "sv-SE"), /uppsägning|säga upp/);
    assert.equal(refund(late, { change: "cancel" }, after), null);
    const tooMany = checkChange(late, { change: "quantity", quantity: 301 }, after);
    assert.deepEqual(tooMany.map((f) => [f.code, f.partnerCenterErrorCode]), [["QuantityOutOfRange", 900275]]);
    // A change for the renewal must be a term and billing cycle the availability offers.
    const weekly = checkChange(
      late,
      { change: "scheduleNextTerm", instructions: { quantity: 2, product: { termDuration: "P3Y", billingCycle: "monthly" } } },
      after,
    );
    assert.deepEqual(weekly.map((f) => f.code), ["TermNotOffered"]);
  });

  test("software order lines: perpetual software within 30 days, the whole charge back", () => {
    const order = {
      id: "O1",
      currencyCode: "USD",
      creationDate: bought,
      status: "completed",
      lineItems: [{ lineItemNumber: 0, quantity: 2, pricing: { price: 500, extendedPrice: 1000 } }],
    };
    const [line] = order.lineItems;
    assert.deepEqual(checkSoftwareCancellation(order, line, "PerpetualSoftware", "2026-12-15T00:00:00Z"), []);
    assert.deepEqual(softwareRefund(order, line, "PerpetualSoftware", "2026-12-15T00:00:00Z"), {
      amount: 1000,
      currency: "USD",
      quantity: 2,
    });
    const [late] = checkSoftwareCancellation(order, line, "PerpetualSoftware", "2026-12-21T00:00:00Z");
    assert.equal(late.partnerCenterErrorCode, 900117);
    assert.equal(softwareRefund(order, line, "SoftwareSubscription", "2026-11-28T11:00:00Z"), null, "168 hours for software subscriptions");
  });

  test("bad input is a TypeError naming the path", () => {
    assert.throws(() => allowedChanges({ ...facts(), kind: "Spaceship" }, inside), (e) => e instanceof TypeError && e.path === "$.facts.kind");
    assert.throws(() => checkChange(facts(), { change: "resize" }, inside), (e) => e instanceof TypeError && /\$\.change/.test(e.path));
    assert.throws(() => refund(facts(), { change: "cancel" }, "yesterday"), (e) => e instanceof TypeError && e.path === "$.now");
    assert.throws(() => checkSoftwareCancellation({}, {}, "Gadget"), (e) => e instanceof TypeError && e.path === "$.kind");
  });
});

describe("after the purchase: the client against pc-sandbox", () => {
  const baseUrl = process.env.PC_SANDBOX_URL;
  const token = async () => {
    const response = await fetch(`${baseUrl}/contoso/oauth2/v2.0/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "password",
        client_id: "contoso-portal",
        client_secret: "contoso-portal-secret",
        username: "admin@contoso.example",
        password: "demo",
        scope: "https://api.partnercenter.microsoft.com/user_impersonation",
      }),
    });
    assert.equal(response.status, 200);
    return (await response.json()).access_token;
  };
  const us = { country: "US" };

  /** Buys `quantity` of the product's first commercial availability: [order, its availability]. */
  const buy = async (client, productId, quantity, line) => {
    const [sku] = await client.skus.list(productId, us);
    const offers = await client.availabilities.list(productId, sku.id, us);
    const offer = offers.find((o) => (o.segment ?? "commercial") === "commercial");
    const created = await client.carts.create(NORTHWIND, {
      lineItems: [{ id: 0, catalogItemId: offer.catalogItemId, quantity, ...line }],
    });
    const result = await client.carts.checkout(NORTHWIND, created.id);
    return [result.orders[0], offer];
  };

  test("seats down with the refund checkChange allowed, auto-renew off, a scheduled change removed with null", async () => {
    const client = new PartnerCenterClient({ baseUrl, getToken: token });
    assert.equal(client.serverTimeSkew, null, "no response yet");
    const [order, offer] = await buy(client, "CFQ7TTC0LH18", 4, { billingCycle: "monthly", termDuration: "P1M" });
    assert.equal(typeof client.serverTimeSkew, "number");
    const id = order.lineItems[0].subscriptionId;
    const subscription = await client.subscriptions.get(NORTHWIND, id);
    const facts = {
      subscription,
      kind: productKind(offer),
      unitPrice: order.lineItems[0].pricing.price,
      currency: order.currencyCode,
      availability: offer,
    };
    const now = client.serverNow();
    assert.ok(Math.abs(Date.parse(now) - Date.now()) < 5000, now);
    const change = { change: "quantity", quantity: 1 };
    assert.deepEqual(checkChange(facts, change, now), []);
    assert.ok(refund(facts, change, now).amount > 0);
    const reduced = await client.subscriptions.update(NORTHWIND, { ...subscription, quantity: 1 });
    assert.equal(reduced.quantity, 1);

    const off = await client.subscriptions.update(NORTHWIND, { ...reduced, autoRenewEnabled: false });
    assert.equal(off.autoRenewEnabled, false);
    const on = await client.subscriptions.update(NORTHWIND, { ...off, autoRenewEnabled: true });
    const [annual] = offeredCombinations(offer).filter((o) => o.billingCycle === "annual");
    const scheduled = await client.subscriptions.update(NORTHWIND, {
      ...on,
      scheduledNextTermInstructions: {
        product: { productId: offer.productId, skuId: offer.skuId, availabilityId: offer.id, ...annual },
        quantity: 3,
      },
    });
    assert.equal(scheduled.scheduledNextTermInstructions.quantity, 3);
    const cleared = await client.subscriptions.update(NORTHWIND, { ...scheduled, scheduledNextTermInstructions: null });
    assert.equal(cleared.scheduledNextTermInstructions ?? null, null);

    // A stale copy is refused (412), and a subscription without an id is a TypeError.
    await assert.rejects(client.subscriptions.update(NORTHWIND, { ...subscription, quantity: 2 }), (error) => {
      assert.ok(error instanceof PartnerCenterError);
      assert.equal(error.status, 412);
      assert.equal(error.explanationKey, "error-changed-meanwhile");
      return true;
    });
    await assert.rejects(client.subscriptions.update(NORTHWIND, { quantity: 2 }), (e) => e instanceof TypeError && e.path === "$.subscription.id");
  });

  test("a perpetual software line is cancelled through its order, for its whole charge", async () => {
    const client = new PartnerCenterClient({ baseUrl, getToken: token });
    const [order, offer] = await buy(client, "DG7GMGF0PWHC", 1, { billingCycle: "one_time" });
    const kind = productKind(offer);
    assert.equal(kind, "PerpetualSoftware");
    const [line] = order.lineItems;
    assert.deepEqual(checkSoftwareCancellation(order, line, kind, client.serverNow()), []);
    const expected = softwareRefund(order, line, kind, client.serverNow());
    assert.equal(expected.amount, line.pricing.extendedPrice);
    const answered = await client.orders.cancelLineItems(NORTHWIND, order.id, [line]);
    assert.equal(answered.id, order.id);
    assert.equal((await client.orders.get(NORTHWIND, order.id)).status, "cancelled");
    await assert.rejects(client.orders.cancelLineItems(NORTHWIND, order.id, []), (e) => e instanceof TypeError && e.path === "$.lineItems");
  });

  // Moves the sandbox's clock for every tenant: keep last.
  test("eight days later: serverNow follows the sandbox's clock and reductions are refused with 900214", async () => {
    const client = new PartnerCenterClient({ baseUrl, getToken: token });
    const [order] = await buy(client, "CFQ7TTC0LH18", 3, { billingCycle: "monthly", termDuration: "P1M" });
    const moved = await fetch(`${baseUrl}/sandbox/clock`, {
      method: "POST",
      headers: { authorization: `Bearer ${await token()}`, "content-type": "application/json" },
      body: JSON.stringify({ advance: "P8D" }),
    });
    assert.equal(moved.status, 200);
    const subscription = await client.subscriptions.get(NORTHWIND, order.lineItems[0].subscriptionId);
    const ahead = Date.parse(client.serverNow()) - Date.now();
    assert.ok(Math.abs(ahead - 8 * 86_400_000) < 5000, `server time ${ahead} ms ahead`);
    await assert.rejects(client.subscriptions.update(NORTHWIND, { ...subscription, quantity: 1 }), (error) => {
      assert.ok(error instanceof PartnerCenterError);
      assert.equal(error.code, 900214);
      assert.equal(error.explanationKey, "error-seat-reduction-window-passed");
      return true;
    });
    const added = await client.subscriptions.update(NORTHWIND, { ...subscription, quantity: 5 });
    assert.equal(added.quantity, 5);
  });
});
