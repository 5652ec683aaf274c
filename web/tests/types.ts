// Compiled with `tsc --noEmit --strict` against the installed package (`cargo xtask npm --test`):
// every entry's declarations resolve to the models, and misuse is a type error (each
// `@ts-expect-error` fails the check when the error it expects does not happen).
import initRules, {
  validateCart,
  explainFinding,
  buildPurchaseContext,
  allowedChanges,
  type Cart,
  type ContextSources,
  type Finding,
  type PurchaseContext,
  type Validation,
} from "@pc-portal/partner-center/rules";
import initClient, {
  PartnerCenterClient,
  PartnerCenterError,
  type Customer,
} from "@pc-portal/partner-center/client";
import * as rules from "@pc-portal/partner-center/rules";
import * as client from "@pc-portal/partner-center/client";
import { validateCart as validateWithMain } from "@pc-portal/partner-center";
import {
  mountPortal,
  PartnerCenterError as PortalError,
  type PortalOptions,
} from "@pc-portal/partner-center/portal";

export async function explain(cart: Cart, sources: ContextSources): Promise<string[]> {
  await initRules();
  const context: PurchaseContext = buildPurchaseContext(sources);
  const result: Validation = validateCart(cart, context);
  const same: Validation = validateWithMain(cart, context);
  const count: number = result.findings.length + same.orderGroups.length;
  // @ts-expect-error: a cart is an object with lineItems, not a number
  validateCart(count, context);
  // @ts-expect-error: the rules entry has no client
  void rules.PartnerCenterClient;
  void allowedChanges;
  return result.findings.map((finding: Finding) => explainFinding(finding, "sv-SE"));
}

export async function companyName(baseUrl: string, id: string): Promise<string | undefined> {
  await initClient();
  const partnerCenter = new PartnerCenterClient({ baseUrl, getToken: async () => "token" });
  // @ts-expect-error: the client entry has no rules
  void client.validateCart;
  try {
    const customer: Customer = await partnerCenter.customers.get(id);
    return customer.companyProfile?.companyName ?? undefined;
  } catch (error) {
    if (error instanceof PartnerCenterError) return `${error.status}`;
    throw error;
  }
}

export function mount(element: HTMLElement, options: PortalOptions): () => void {
  const portal = mountPortal(element, options);
  return () => portal.unmount();
}

export function statusOf(error: unknown): number | undefined {
  return error instanceof PortalError ? (error.status ?? undefined) : undefined;
}
