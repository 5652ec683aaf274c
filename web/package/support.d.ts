import type { PartnerCenterErrorDetails } from "./models.js";

/**
 * A failed Partner Center call (every promise of `PartnerCenterClient` rejects with one).
 * `kind` says what failed; `status`, `code`, `description`, `requestId` and `correlationId`
 * are Partner Center's (quote the IDs to Microsoft support).
 */
export declare class PartnerCenterError extends Error {
  constructor(message: string, details: PartnerCenterErrorDetails);
  readonly name: "PartnerCenterError";
}
export interface PartnerCenterError extends Readonly<PartnerCenterErrorDetails> {}
