app-title = Partner Center purchase portal
skip-to-content = Skip to content
language = Language
language-unavailable = { $language } could not be downloaded; check the connection and choose it again.
not-found-title = Page not found
not-found-body = There is no page at { $path }.
not-found-back = Back to your customers
stopped-title = This page could not be shown
stopped-chunk = Part of the portal could not be downloaded; check the connection and reload the page. Your cart is kept.
stopped-error = The portal stopped because of an error. Reload the page to go on; your cart is kept.
stopped-reload = Reload the page
sign-in-title = Sign in
sign-in-intro = Sign in with your work account in the partner’s Microsoft Entra tenant. Your Partner Center role decides what you may do here.
sign-in-microsoft = Sign in with Microsoft
sign-in-session-ended = Your session has ended. Sign in again to go on where you were.
sign-in-unreachable = Sign-in is not available: the portal cannot reach its gateway ({ $reason }). The portal must be served by pc-gateway (for example with cargo xtask serve).
session-checking = Checking your sign-in…
partner-unavailable = The partner’s profile could not be read from Partner Center, so the purchase rules cannot be checked here: { $reason }
partner-title = Partner
partner-qualified = Microsoft has qualified this partner to sell perpetual software.
partner-not-qualified = Perpetual software: not confirmed. An Admin agent can confirm that Microsoft has qualified this partner.
partner-qualified-help = Partner Center does not tell this; confirm it only when Microsoft has qualified you. It applies to everyone of this partner.
partner-saved = Saved.
partner-admin-only = Only an Admin agent can change this.
partner-save-failed = The setting could not be saved: { $reason }
sign-in-submit = Sign in
customers-title = Customers
customers-search = Search customers
customers-loading = Loading customers…
customers-empty = No customer matches “{ $query }”.
customers-failed = Customers could not be loaded: { $reason }
customers-country = Country
customers-domain = Domain
sign-out = Sign out
signed-in-as = Signed in as { $tenant }
finding-prevents = Partner Center would refuse this with error { $code }.
finding-CartEmpty = The cart has no lines.
finding-CartExpired = The cart expired at { $expirationTimestamp }; create a new cart.
finding-CatalogItemUnknown = { $catalogItemId } is not in the catalog for this customer's country.
finding-NotPurchasable = This offer can no longer be bought.
finding-CountryMismatch = This offer is for { $country }, but the customer is in { $customerCountry }.
finding-SegmentMismatch = This offer is for the { $segment } segment, but the customer is { $customerSegment }.
finding-MarketUnavailable = This product is not sold to customers in { $country }.
finding-PerpetualSoftwareNotQualified = Your partner organization is not qualified by Microsoft to sell perpetual software.
finding-EuCustomerIneligible = This customer already holds a { $kind } purchase in { $currency }, not your billing currency { $partnerCurrency }, so it cannot buy new commerce offers from you.
finding-CustomerAgreementMissing = The customer has not accepted the Microsoft Customer Agreement.
finding-QuantityOutOfRange = Quantity { $quantity } is outside the allowed { $minimum }–{ $maximum }.
finding-BillingCycleNotSupported = Billing cycle { $billingCycle } is not offered; choose one of: { $supportedBillingCycles }.
finding-TermNotOffered = Term { $termDuration } is not offered; choose one of: { $offeredTerms }.
finding-BillingCycleLongerThanTerm = Billing cycle { $billingCycle } is longer than the term { $termDuration }.
finding-TrialRequiresNoBillingCycle = A trial has no billing cycle, but { $billingCycle } is set.
finding-AttestationRequired = This product requires you to accept its attestation.
finding-InventoryCheckRequired = Run the inventory check for this product first.
finding-InventoryUnavailable = The inventory check says this item is not available: { $reasons }.
finding-ProvisioningContextMissing = Fill in { $key } for this line.
finding-SubscriptionNotRegistered = Azure subscription { $subscriptionId } is not registered for reservations; register it first.
finding-SubscriptionNotActive = This is no longer active, so it can’t be changed.
finding-ChangeNotAllowed = { $kind ->
    [PerpetualSoftware] Perpetual software can’t be changed after purchase; it can only be cancelled from its order, within 30 days.
    [AzurePlan] An Azure plan isn’t changed here; manage it in the Azure portal.
    [AzureReservation] An Azure reservation isn’t changed here; exchanges and refunds go through the Azure portal.
   *[other] Only new commerce licenses and software subscriptions can be changed after purchase.
}
finding-CancellationWindowPassed = The { $windowDays }-day window for cancelling has passed.
finding-SeatReductionWindowPassed = Seats can only be removed within { $windowDays } days of buying, renewing or adding them; you can still add seats or schedule a lower quantity for the renewal.
finding-QuantityCannotDecrease = Only { $reducible } seats are still inside their window, so the quantity can go down to { $minimumQuantity }, not { $quantity }.
finding-AutoRenewDisabled = Turn on auto-renew before scheduling a change for the renewal.
loading = Loading…
refresh = Refresh
choose = Choose…
actions = Actions
nav-label = Main
nav-customers = Customers
nav-billing = Billing
sign-in-first = Sign in first.
sign-in-partner = Partner country { $country }, billing currency { $currency }.
sign-in-qualified = Microsoft has qualified us to sell perpetual software
customer-tabs = Customer pages
tab-overview = Overview
tab-catalog = Catalog
tab-cart = Cart ({ $count })
tab-orders = Orders
tab-subscriptions = Subscriptions
customer-profile = Profile
customer-segment = Segment
segment-commercial = Commercial
segment-education = Education
segment-government = Government
segment-nonprofit = Nonprofit
agreement-title = Microsoft Customer Agreement
agreement-accepted = Accepted on { $date }.
agreement-missing = Not accepted yet: new-commerce purchases fail with error 13605 until the customer's acceptance is confirmed.
agreement-accept = Confirm the customer's acceptance
contact-first-name = First name of the person who accepted
contact-last-name = Last name
contact-email = Email
azure-title = Azure subscriptions
azure-none = The customer has no Azure plan.
azure-subscription = Subscription
azure-registration = Registration for reservations
azure-registered = Registered
azure-registering-status = Registering
azure-not-registered = Not registered
azure-register = Register
azure-registering = Registering the subscription…
azure-registered-now = The subscription is registered.
azure-registration-slow = Registration is taking longer than usual; check again later.
catalog-title = Catalog for { $country }
catalog-search = Search products
catalog-kind = Product kind
catalog-kind-all = All kinds
partner-text-source = Microsoft's description:
partner-text-english = (in English)
catalog-count = { $count ->
    [one] 1 product
   *[other] { $count } products
}
catalog-loading-views = Loading the catalog: { $done } of { $total } views read…
catalog-view-failed = { $view } could not be loaded: { $reason }
catalog-terms-note = Open a product to filter its offers by term and billing cycle (and a reservation's by region, VM size and family).
catalog-filters = Filter offers
catalog-filter-any = Any
catalog-filter-term = Term
catalog-filter-cycle = Billing cycle
catalog-filter-region = Region
catalog-filter-size = VM size
catalog-filter-family = VM family
catalog-sku-count = { $count ->
    [one] { $shown } of 1 SKU shown
   *[other] { $shown } of { $count } SKUs shown
}
catalog-reservation = Reservation details
catalog-scope-shared = Shared (every subscription of the customer)
catalog-scope-single = Single subscription
catalog-added-seats = { $added ->
    [one] Added 1 seat
   *[other] Added { $added } seats
} — { $name } now has { $quantity } in the cart.
catalog-no-skus = This product has no SKUs in this market.
catalog-add = Add to cart
catalog-added = Added { $name } to the cart.
catalog-not-purchasable = Not purchasable
view-online-services = Online services (new commerce)
view-software = Software
view-software-perpetual = Perpetual software
view-software-subscriptions = Software subscriptions
view-azure-reservations = Azure reservations
view-azure-plan = Azure plan and reservations
view-other = Other products
sku-quantity = Quantity { $minimum }–{ $maximum }
sku-needs-inventory = Needs an inventory check
sku-needs-registration = Needs a registered Azure subscription
sku-needs-attestation = Needs your attestation
sku-trial = Trial
availability-currency = Billed in { $currency }
term-none = No term (one-time purchase)
term-cancellation = cancellable within { $window }
term-P1M = 1 month
term-P1Y = 1 year
term-P3Y = 3 years
term-P1D = 1 day
term-P7D = 7 days
term-P30D = 30 days
term-P72H = 72 hours
cycle-monthly = Monthly
cycle-annual = Annual
cycle-none = No billing cycle
cycle-one-time = One-time
cycle-triennial = Every 3 years
cycle-biennial = Every 2 years
cycle-other = Billing cycle “{ $value }”
cart-title = Cart
cart-empty = The cart is empty. Add products from the
line-quantity = Quantity
line-term = Term
line-billing-cycle = Billing cycle
line-attestation = I attest to the { $type } requirements for this purchase
line-unit-price = Unit price
line-unit-price-per = { $price } { $period }
line-priced-quantity = Quantity priced
line-total = Line total
period-monthly = per month
period-annual = per year
period-none = no charge per period
period-one-time = one-time
period-triennial = per 3 years
period-biennial = per 2 years
line-order-group = Order group { $group }
line-server-error = Partner Center: { $description }
line-remove = Remove line
provisioning-subscriptionid = Azure subscription
provisioning-scope = Reservation scope
provisioning-duration = Reservation duration
inventory-title = Inventory check
inventory-customerid = Customer ID
inventory-azuresubscriptionid = Azure subscription ID
inventory-armregionname = Azure region
inventory-run = Check inventory
inventory-available = Available.
inventory-restricted = Not available for this subscription and region.
findings-title = Before checkout
findings-none = Nothing stands in the way of checkout.
findings-count = { $count ->
    [one] One problem must be fixed before checkout.
   *[other] { $count } problems must be fixed before checkout.
}
groups-title = Orders this cart becomes
groups-order = Order group
groups-billing-cycle = Billing cycle
groups-lines = Lines
cart-submit-title = Review and order
cart-saved = Prices are from Partner Center for exactly these lines.
cart-saving = Updating prices…
cart-pricing-failed = Prices could not be updated.
cart-price-pending = Pricing…
cart-price-missing = —
cart-total-title = Cart total
cart-total-currency = Currency
cart-total-amount = Total
cart-expired = The cart has expired; a new one is created and priced.
cart-expires-in = The cart expires in { $left }.
checkout-place = Place order
checkout-running = Placing the order…
checkout-result-title = Checkout result
checkout-resumed-title = Checkout finished after a reload
checkout-order-placed = Order { $id } placed ({ $total }).
checkout-see-order = See order
checkout-group-failed = Order group { $group } failed with error { $code }: { $description }
checkout-retry-lines = Put these lines in a new cart
checkout-review = Review order
checkout-confirmed-title = Order confirmation
checkout-orders-count = { $count ->
    [one] One order was placed.
   *[other] { $count } orders were placed.
}
checkout-see-order-named = See order { $id }
checkout-next-title = What happens next
checkout-next-provisioning = Partner Center provisions each order: its status moves from pending to completed.
checkout-next-subscriptions = New subscriptions can take a few minutes to appear in the subscriptions list.
checkout-next-invoice = An invoice follows at the end of the billing cycle.
review-title = Review the order
review-groups-count = { $count ->
    [one] This cart becomes one order for { $customer }.
   *[other] This cart becomes { $count } orders for { $customer }.
}
review-group-title = Order { $group } (billing cycle: { $cycle })
review-product = Product
review-quantity = Quantity
review-term = Term
review-billing-cycle = Billing cycle
review-line-total = Line total
review-statements-title = What you confirm by ordering
review-agreement-signed = { $customer } has accepted the Microsoft Customer Agreement, signed by { $name } on { $date }.
review-agreement-dated = { $customer } has accepted the Microsoft Customer Agreement on { $date }.
review-agreement = { $customer } has accepted the Microsoft Customer Agreement.
review-agreement-missing = { $customer } has not accepted the Microsoft Customer Agreement yet.
review-attestation = The attestation for { $name } is accepted.
review-back = Back to cart
resume-finished = A checkout interrupted by a reload has finished: { $orders } orders placed, nothing bought twice.
resume-see-result = See the result
orders-title = Orders
orders-by-cycle = Billing cycle
orders-all-cycles = All
orders-none = No orders yet.
orders-id = Order
orders-created = Created
orders-status = Status
orders-total = Total
orders-listing = Listing
orders-pending-listing = Pending listing
orders-pending-note = { $count ->
    [one] One order placed here is not listed by Partner Center yet (new orders can take up to 15 minutes to appear).
   *[other] { $count } orders placed here are not listed by Partner Center yet (new orders can take up to 15 minutes to appear).
}
order-title = Order { $id }
order-lines = Lines
order-offer = Offer
order-provisioning = Provisioning
order-activation = Activation
order-subscriptions = Subscriptions from this order
order-subscriptions-none = No subscriptions yet.
subscriptions-title = Subscriptions
subscriptions-none = No subscriptions.
subscriptions-name = Name
subscriptions-cancel-until = Cancellable until
subscriptions-refundable = Refundable quantity
entitlements-title = Entitlements
entitlements-none = No entitlements.
entitlement-product-key = product key
billing-title = Billing
billing-balance = Balance
billing-summaries = Per currency
billing-currency = Currency
billing-latest-invoice = Latest invoice
billing-last-payment = Last payment
billing-last-payment-date = Paid on
billing-invoices = Invoices
invoice-id = Invoice
invoice-date = Date
invoice-period = Billing period
invoice-type = Type
invoice-total = Total charges
invoice-paid = Paid
invoice-title = Invoice { $id }
invoice-pdf = Download PDF statement
invoice-pdf-working = Preparing the PDF…
invoice-pdf-done = The PDF statement was downloaded.
invoice-csv = Export line items (CSV)
invoice-csv-done = The line items were exported.
file-not-saved = The file could not be saved ({ $reason }).
invoice-lines = { $count ->
    [one] 1 line item
   *[other] { $count } line items
}
invoice-lines-region = Invoice line items
error-details = (Partner Center error { $code }: { $description } Request ID { $requestId }.)
error-details-status = (HTTP { $status }. Request ID { $requestId }.)
error-details-status-description = (HTTP { $status }: { $description } Request ID { $requestId }.)
error-details-unreadable = (Unreadable at { $path }. Request ID { $requestId }.)
error-details-request = (Request ID { $requestId }.)
error-retry-after = Try again in { $seconds } seconds.
error-partner-center = Partner Center refused the request.
error-unauthorized = Your sign-in is not valid any more; sign in again.
error-forbidden = Your account may not do this.
error-role-cannot-buy = Your Partner Center role ({ $role }) can look but not buy: creating carts and placing orders needs an Admin agent or Sales agent. Nothing was bought.
error-role-cannot-buy-unknown = Your Partner Center role can look but not buy: creating carts and placing orders needs an Admin agent or Sales agent. Nothing was bought.
role-admin-agent = Admin agent
role-sales-agent = Sales agent
role-helpdesk-agent = Helpdesk agent
error-not-found = It does not exist (any more).
error-throttled = Partner Center is receiving too many requests.
error-unexpected-response = Partner Center answered with something unexpected.
error-timeout = Partner Center did not answer in time; nothing was bought twice — try again.
error-network = Partner Center could not be reached; check the connection.
error-token = No access token could be obtained.
error-journal = The checkout could not be recorded in this browser, so nothing was sent.
error-invalid-request = The request could not be built.
error-perpetual-software-not-qualified = The partner is not qualified to sell this offer.
error-offer-unavailable = The offer is no longer available for purchase.
error-customer-agreement-missing = The customer has not accepted the Microsoft Customer Agreement.
error-order-not-found = The order was not found.
error-subscription-not-found = The subscription was not found.
error-product-not-found = The product was not found.
error-sku-not-found = The SKU was not found.
error-availability-not-found = The availability was not found; read the catalog again.
error-segment-not-allowed = That segment is not allowed.
error-target-view-not-allowed = That catalog view is not allowed.
error-invalid-input = Partner Center found the request invalid.
error-service = Partner Center had an internal error; try again later.
error-provisioning-unavailable = Provisioning is not available right now.
error-cart-not-found = The cart was not found; review prices again.
error-cart-items = Some cart lines have errors.
error-inventory-unavailable = Inventory is not available for this item.
error-azure-subscription-invalid = The Azure subscription is not valid for this purchase.
error-quantity-unavailable = That quantity is not available.
error-not-eligible = The customer is not eligible for this offer.
error-subscription-not-registered = The Azure subscription is not registered for reservations.
error-order-in-progress = An order for this cart is already in progress.
error-cart-in-progress = This cart is being checked out right now.
error-cart-already-submitted = This cart was already ordered.
error-limit-exceeded = A purchase limit was exceeded.
error-risk-check = Microsoft's risk check stopped this purchase.
error-market-unavailable = The offer is not available in the customer's market.
error-credit-limit = The purchase exceeds your credit limit.
error-attestation-required = The attestation must be accepted.
error-partner-attestation-missing = The partner-of-record attestation is missing.
error-term-invalid = That term is not offered.
error-billing-cycle-invalid = That billing cycle is not offered.
error-billing-cycle-longer-than-term = The billing cycle is longer than the term.
error-quantity-out-of-range = The quantity is outside the allowed range.
error-app-user-required = This needs a signed-in user, not only an app.

## pc-gateway: the pages a person sees during sign-in
gateway-again = Sign in again
gateway-back = Back to the portal
gateway-unreachable-title = Microsoft sign-in is not reachable
gateway-unreachable-body = The gateway could not reach its identity provider, so nobody can sign in right now. Try again in a minute; if it lasts, tell whoever runs this portal. ({ $detail })
gateway-cancelled-title = Sign-in was not completed
gateway-cancelled-body = Microsoft sign-in answered: { $reason }
gateway-expired-title = This sign-in has expired
gateway-expired-body = This sign-in link was already used, has expired (sign-in must finish within 10 minutes) or was started in another browser. Nothing was signed in; start again.
gateway-state-title = Sign-in refused
gateway-state-body = The answer from Microsoft sign-in does not belong to the sign-in this browser started (its state does not match). Nothing was signed in; start again.
gateway-refused-title = Sign-in refused
gateway-refused-body = Nothing was signed in: { $reason }. Start again.
gateway-mfa-title = Multi-factor sign-in required
gateway-mfa-body = Partner Center accepts only users who signed in with multi-factor authentication, and this sign-in used a password alone. Set up multi-factor authentication for your account (or ask your administrator), then sign in again.
gateway-not-found-title = Not found
gateway-not-found-body = { $path } is not served here: this gateway was started without a portal.

## Unbilled charges and where an order is billed (issue 16)
unbilled-link = Unbilled charges
unbilled-title = Unbilled charges
unbilled-currency = Currency
unbilled-period = Billing period
unbilled-period-current = Current period
unbilled-period-previous = Previous period
unbilled-total = Total
unbilled-by-customer = Totals per customer
unbilled-by-product = Totals per product
unbilled-customer = Customer
unbilled-product = Product
unbilled-order = Order
unbilled-amount = Amount
unbilled-none = Nothing is unbilled in this period.
unbilled-csv-purchases = Export purchase lines (CSV)
unbilled-csv-usage = Export usage lines (CSV)
unbilled-csv-done = The lines were exported.
unbilled-lines-region = Unbilled purchase lines
order-billing = Where this order is billed
order-billing-none = No billing lines for this order yet.
order-billing-unbilled = Unbilled (current period)
unbilled-intro = Charges not invoiced yet. A purchase, refund or renewal shows here at once; when the billing period closes, its lines move to that period's invoice.
unbilled-order-date = Ordered
unbilled-this-order = This order
unbilled-none-previous = There is no closed billing period in this currency yet.
unbilled-lines-title = Purchase lines
invoice-purchase-lines = Purchase lines on this invoice

# Issue 12: rules before checkout
catalog-segment = Segment: { $segment } (from the customer's qualifications)
catalog-blocked = This customer cannot buy this:
catalog-other-segments = { $count } availabilities for other segments are not offered: this customer buys in the { $segment } segment.
cart-server-line-error = { $name }: Partner Center answered { $code }: { $description }
orders-pending-subscriptions-note = { $count ->
    [one] One order named by the customer's subscriptions is not listed by Partner Center yet (placed elsewhere; new orders can take up to 15 minutes to appear).
   *[other] { $count } orders named by the customer's subscriptions are not listed by Partner Center yet (placed elsewhere; new orders can take up to 15 minutes to appear).
}
unbilled-purchases-count = Purchase lines: { $count }
unbilled-usage-count = Daily usage lines: { $count }
invoice-lines-show = Show the line items

## Issue 15: after the purchase (a subscription's page, software order lines)
customer-subscriptions = Subscriptions
subscription-back = All subscriptions of this customer
subscription-status = Status
subscription-seats = Seats
subscription-started = Started
subscription-term-ends = Term ends
subscription-auto-renew = Auto-renew
subscription-unit-price = Price per seat
subscription-unit-price-value = { $price } per billing period
subscription-order = Bought with order
subscription-on = On
subscription-off = Off
subscription-status-active = Active
subscription-status-pending = Being set up
subscription-status-suspended = Suspended
subscription-status-expired = Expired
subscription-status-disabled = Disabled
subscription-status-deleted = Cancelled
subscription-status-none = No status
subscription-status-other = Status “{ $status }”
seats-count = { $count ->
    [one] 1 seat
   *[other] { $count } seats
}
duration-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
duration-hours = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
duration-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}
duration-seconds = { $count ->
    [one] 1 second
   *[other] { $count } seconds
}
term-cycle = { $term } · { $cycle }
window-title = Cancellation window
window-open-until = Seats can be removed, or the subscription cancelled, with a prorated refund until { $deadline }.
window-left = Time left: { $time }.
window-closed = The cancellation window closed on { $deadline }. Seats can still be added; other changes wait for the renewal.
window-none = Partner Center states no cancellation window for this subscription.
change-title = Change this subscription
change-add-title = Add seats
change-add-label = Seats to add
change-add-review = Review adding seats
change-add-room = { $count ->
    [one] One more seat can be added.
   *[other] Up to { $count } more seats can be added.
}
change-reduce-title = Remove seats
change-reduce-label = Seats to remove
change-reduce-review = Review removing seats
change-reduce-room = { $count ->
    [one] 1 seat can be removed
   *[other] Up to { $count } seats can be removed
} until { $deadline }.
change-cancel-title = Cancel the subscription
change-cancel-review = Review cancelling
change-cancel-until = It can be cancelled until { $deadline }.
change-auto-renew-title = Renewal
change-auto-renew-label = Renew automatically at the end of the term
auto-renew-on-help = The subscription renews when its term ends on { $date }.
auto-renew-off-help = The subscription ends with its term on { $date } and does not renew.
change-renewal-title = Change at renewal
change-renewal-intro = A change scheduled here takes effect when the term renews on { $date }; nothing changes before.
change-renewal-scheduled = Scheduled for the renewal: { $seats }, { $terms }.
change-renewal-none = No change is scheduled for the renewal.
change-renewal-remove = Remove the scheduled change
change-renewal-option = Term and billing cycle at renewal
change-renewal-quantity = Seats at renewal
change-renewal-submit = Schedule for the renewal
confirm-title = Confirm the change
confirm-add = { $count ->
    [one] Add 1 seat
   *[other] Add { $count } seats
}, to { $seats } in total. The added seats are charged for the rest of the current billing period.
confirm-reduce = { $count ->
    [one] Remove 1 seat
   *[other] Remove { $count } seats
}, to { $seats } in total.
confirm-cancel = { $count ->
    [one] Cancel the subscription: its seat ends now.
   *[other] Cancel the subscription: all { $count } seats end now.
}
confirm-refund = Refund: { $amount }, credited in the current billing period.
confirm-refund-unknown = Partner Center computes the refund; its amount is not known here.
confirm-submit = Confirm
confirm-back = Back
confirm-working = Sending the change to Partner Center…
change-refused = Not changed. { $reason }
done-added = { $count ->
    [one] 1 seat added
   *[other] { $count } seats added
}: the subscription now has { $seats }.
done-reduced = { $count ->
    [one] 1 seat removed
   *[other] { $count } seats removed
}: the subscription now has { $seats }.
done-cancelled = The subscription is cancelled.
done-refund = A refund of { $amount } is credited in the current billing period.
done-refund-link = See the refund in the unbilled charges
done-auto-renew-on = Auto-renew is on: the subscription renews after { $date }.
done-auto-renew-off = Auto-renew is off: the subscription ends on { $date }.
done-scheduled = The change is scheduled for the renewal.
done-schedule-removed = The scheduled change is removed; the subscription renews as it is.
order-cancel-title = Cancel software
order-line-name = Line { $line }: { $name }
order-line-cancellable = Can be cancelled now, for a refund of { $amount }.
order-line-cancellable-unknown = Can be cancelled now; Partner Center computes the refund.
order-line-cancel = Review cancelling line { $line }
confirm-cancel-line = Cancel line { $line } of this order: { $name }, quantity { $quantity }.
done-line-cancelled = Line { $line } ({ $name }) is cancelled.
error-changed-meanwhile = It was changed elsewhere in the meantime and has been read again; check it and try once more.
error-cancellation-window-passed = The window for cancelling has passed.
error-seat-reduction-window-passed = The window for removing seats has passed; seats can only be added now, and a lower quantity can be scheduled for the renewal.
error-quantity-cannot-decrease = Fewer seats than that are still inside their window; the quantity cannot go down that far.
order-status-completed = Completed
order-status-pending = Pending
order-status-cancelled = Cancelled
order-status-suspended = Suspended
order-status-pending-review = Waiting for Microsoft's review
order-status-pending-po-upload = Waiting for the purchase order
order-status-po-upload-complete = Purchase order being reviewed
order-status-po-review-rejected = Rejected in review
order-status-partial-success = Partly fulfilled
order-status-error = Failed
quantity-empty = Enter a quantity: a whole number, such as 5.
quantity-not-whole = “{ $text }” is not a whole number. Enter digits only, such as 5.
quantity-at-least = Enter at least { $minimum }.
cart-fix-quantities = Correct the quantities marked above; nothing is sent to Partner Center until then.
fulfillment-fulfilled = Provisioned
fulfillment-unfulfilled = Not provisioned
fulfillment-prefulfillment-pending = Waiting to be provisioned
fulfillment-other = Provisioning status “{ $value }”
entitlement-type-software = Software
entitlement-type-reserved-instance = Azure reservation
entitlement-type-vm-reserved-instance = Azure VM reservation
entitlement-type-other = Entitlement type “{ $value }”
entitlement-quantity = quantity { $count }
invoice-type-recurring = Recurring
invoice-type-one-time = One-time
invoice-type-other = Invoice type “{ $value }”
invoice-column-customer = Customer
invoice-column-product = Product
invoice-column-order = Order or subscription
invoice-column-charge-period = Charged for
invoice-column-quantity = Quantity
invoice-column-unit-price = Unit price
invoice-column-total = Total
billing-balances = Balance per currency
