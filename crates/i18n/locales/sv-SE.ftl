app-title = Inköpsportal för Partner Center
skip-to-content = Hoppa till innehållet
language = Språk
language-unavailable = { $language } kunde inte hämtas; kontrollera anslutningen och välj språket igen.
not-found-title = Sidan hittades inte
not-found-body = Det finns ingen sida på { $path }.
not-found-back = Tillbaka till dina kunder
stopped-title = Sidan kunde inte visas
stopped-chunk = En del av portalen kunde inte hämtas; kontrollera anslutningen och ladda om sidan. Din kundvagn finns kvar.
stopped-error = Portalen stoppades av ett fel. Ladda om sidan för att fortsätta; din kundvagn finns kvar.
stopped-reload = Ladda om sidan
sign-in-title = Logga in
sign-in-intro = Logga in med ditt arbetskonto i partnerns Microsoft Entra-klient. Din roll i Partner Center avgör vad du får göra här.
sign-in-microsoft = Logga in med Microsoft
sign-in-session-ended = Din session har upphört. Logga in igen för att fortsätta där du var.
sign-in-unreachable = Inloggning är inte tillgänglig: portalen når inte sin gateway ({ $reason }). Portalen måste serveras av pc-gateway (till exempel med cargo xtask serve).
session-checking = Kontrollerar din inloggning…
partner-unavailable = Partnerns profil kunde inte läsas från Partner Center, så köpreglerna kan inte kontrolleras här: { $reason }
partner-title = Partner
partner-qualified = Microsoft har kvalificerat den här partnern att sälja evig programvara.
partner-not-qualified = Evig programvara: inte bekräftat. En administratörsagent kan bekräfta att Microsoft har kvalificerat den här partnern.
partner-qualified-help = Partner Center talar inte om detta; bekräfta det bara när Microsoft har kvalificerat er. Det gäller alla hos den här partnern.
partner-saved = Sparat.
partner-admin-only = Bara en administratörsagent kan ändra detta.
partner-save-failed = Inställningen kunde inte sparas: { $reason }
sign-in-submit = Logga in
customers-title = Kunder
customers-search = Sök kunder
customers-loading = Hämtar kunder…
customers-empty = Ingen kund matchar ”{ $query }”.
customers-failed = Kunderna kunde inte hämtas: { $reason }
customers-country = Land
customers-domain = Domän
sign-out = Logga ut
signed-in-as = Inloggad som { $tenant }
finding-prevents = Partner Center skulle avvisa detta med fel { $code }.
finding-CartEmpty = Kundvagnen har inga rader.
finding-CartExpired = Kundvagnen gick ut { $expirationTimestamp }; skapa en ny kundvagn.
finding-CatalogItemUnknown = { $catalogItemId } finns inte i katalogen för kundens land.
finding-NotPurchasable = Erbjudandet kan inte längre köpas.
finding-CountryMismatch = Erbjudandet gäller { $country }, men kunden finns i { $customerCountry }.
finding-SegmentMismatch = Erbjudandet gäller segmentet { $segment }, men kunden är { $customerSegment }.
finding-MarketUnavailable = Produkten säljs inte till kunder i { $country }.
finding-PerpetualSoftwareNotQualified = Er partnerorganisation är inte kvalificerad av Microsoft att sälja evig programvara.
finding-EuCustomerIneligible = Kunden har redan ett { $kind }-köp i { $currency }, inte er faktureringsvaluta { $partnerCurrency }, och kan därför inte köpa nya handelserbjudanden av er.
finding-CustomerAgreementMissing = Kunden har inte godkänt Microsoft Customer Agreement.
finding-QuantityOutOfRange = Antalet { $quantity } ligger utanför det tillåtna { $minimum }–{ $maximum }.
finding-BillingCycleNotSupported = Faktureringscykeln { $billingCycle } erbjuds inte; välj en av: { $supportedBillingCycles }.
finding-TermNotOffered = Perioden { $termDuration } erbjuds inte; välj en av: { $offeredTerms }.
finding-BillingCycleLongerThanTerm = Faktureringscykeln { $billingCycle } är längre än perioden { $termDuration }.
finding-TrialRequiresNoBillingCycle = En provperiod har ingen faktureringscykel, men { $billingCycle } är vald.
finding-AttestationRequired = Produkten kräver att ni godkänner dess intygande.
finding-InventoryCheckRequired = Kör lagerkontrollen för produkten först.
finding-InventoryUnavailable = Lagerkontrollen säger att artikeln inte är tillgänglig: { $reasons }.
finding-ProvisioningContextMissing = Fyll i { $key } för raden.
finding-SubscriptionNotRegistered = Azure-prenumerationen { $subscriptionId } är inte registrerad för reservationer; registrera den först.
finding-SubscriptionNotActive = Det här är inte längre aktivt och kan därför inte ändras.
finding-ChangeNotAllowed = { $kind ->
    [PerpetualSoftware] Permanent programvara kan inte ändras efter köpet; den kan bara avbeställas från sin order, inom 30 dagar.
    [AzurePlan] En Azure-plan ändras inte här; hantera den i Azure-portalen.
    [AzureReservation] En Azure-reservation ändras inte här; byten och återbetalningar görs i Azure-portalen.
   *[other] Bara licenser i ny handel och programvaruprenumerationer kan ändras efter köpet.
}
finding-CancellationWindowPassed = Perioden på { $windowDays } dagar för att säga upp har passerat.
finding-SeatReductionWindowPassed = Licenser kan bara tas bort inom { $windowDays } dagar från köp, förnyelse eller tillägg; du kan fortfarande lägga till licenser eller schemalägga ett lägre antal vid förnyelsen.
finding-QuantityCannotDecrease = Bara { $reducible } licenser är fortfarande inom sin period, så antalet kan sänkas till { $minimumQuantity }, inte { $quantity }.
finding-AutoRenewDisabled = Slå på automatisk förnyelse innan du schemalägger en ändring vid förnyelsen.
loading = Läser in…
refresh = Uppdatera
choose = Välj…
actions = Åtgärder
nav-label = Huvudmeny
nav-customers = Kunder
nav-billing = Fakturering
sign-in-first = Logga in först.
sign-in-partner = Partnerland { $country }, faktureringsvaluta { $currency }.
sign-in-qualified = Microsoft har kvalificerat oss att sälja evig programvara
customer-tabs = Kundsidor
tab-overview = Översikt
tab-catalog = Katalog
tab-cart = Kundvagn ({ $count })
tab-orders = Beställningar
tab-subscriptions = Prenumerationer
customer-profile = Profil
customer-segment = Segment
segment-commercial = Kommersiell
segment-education = Utbildning
segment-government = Offentlig sektor
segment-nonprofit = Ideell
agreement-title = Microsoft Customer Agreement
agreement-accepted = Godkänt { $date }.
agreement-missing = Inte godkänt ännu: köp i ny handel misslyckas med fel 13605 tills kundens godkännande är bekräftat.
agreement-accept = Bekräfta kundens godkännande
contact-first-name = Förnamn på personen som godkände
contact-last-name = Efternamn
contact-email = E-post
azure-title = Azure-prenumerationer
azure-none = Kunden har ingen Azure-plan.
azure-subscription = Prenumeration
azure-registration = Registrering för reservationer
azure-registered = Registrerad
azure-registering-status = Registreras
azure-not-registered = Inte registrerad
azure-register = Registrera
azure-registering = Registrerar prenumerationen…
azure-registered-now = Prenumerationen är registrerad.
azure-registration-slow = Registreringen tar längre tid än vanligt; kontrollera senare.
catalog-title = Katalog för { $country }
catalog-search = Sök produkter
catalog-kind = Produkttyp
catalog-kind-all = Alla typer
partner-text-source = Microsofts beskrivning, som Partner Center ger den:
partner-text-english = (på engelska)
catalog-count = { $count ->
    [one] 1 produkt
   *[other] { $count } produkter
}
catalog-loading-views = Katalogen läses in: { $done } av { $total } vyer klara…
catalog-view-failed = { $view } kunde inte läsas in: { $reason }
catalog-terms-note = Öppna en produkt för att filtrera dess erbjudanden efter period och faktureringsintervall (och en reservations efter region, VM-storlek och familj).
catalog-filters = Filtrera erbjudanden
catalog-filter-any = Alla
catalog-filter-term = Period
catalog-filter-cycle = Faktureringsintervall
catalog-filter-region = Region
catalog-filter-size = VM-storlek
catalog-filter-family = VM-familj
catalog-sku-count = { $count ->
    [one] { $shown } av 1 SKU visas
   *[other] { $shown } av { $count } SKU:er visas
}
catalog-reservation = Reservationens uppgifter
catalog-scope-shared = Delad (alla kundens prenumerationer)
catalog-scope-single = En prenumeration
catalog-added-seats = { $added ->
    [one] 1 licens tillagd
   *[other] { $added } licenser tillagda
} – { $name } har nu { $quantity } i kundvagnen.
catalog-no-skus = Produkten har inga SKU:er på denna marknad.
catalog-add = Lägg i kundvagnen
catalog-added = { $name } har lagts i kundvagnen.
catalog-not-purchasable = Kan inte köpas
view-online-services = Onlinetjänster (ny handel)
view-software = Programvara
view-software-perpetual = Evig programvara
view-software-subscriptions = Programvaruprenumerationer
view-azure-reservations = Azure-reservationer
view-azure-plan = Azure-plan
view-other = Övriga produkter
sku-quantity = Antal { $minimum }–{ $maximum }
sku-needs-inventory = Kräver lagerkontroll
sku-needs-registration = Kräver en registrerad Azure-prenumeration
sku-needs-attestation = Kräver ert intygande
sku-trial = Provperiod
availability-currency = Faktureras i { $currency }
term-none = Ingen period (engångsköp)
term-cancellation = kan avbokas inom { $window }
term-P1M = 1 månad
term-P1Y = 1 år
term-P3Y = 3 år
term-P1D = 1 dag
term-P7D = 7 dagar
term-P30D = 30 dagar
term-P72H = 72 timmar
cycle-monthly = Månadsvis
cycle-annual = Årsvis
cycle-none = Ingen faktureringscykel
cycle-one-time = Engång
cycle-triennial = Vart tredje år
cycle-biennial = Vartannat år
cycle-other = Faktureringscykel ”{ $value }”
cart-title = Kundvagn
cart-empty = Kundvagnen är tom. Lägg till produkter från
line-quantity = Antal
line-term = Period
line-billing-cycle = Faktureringscykel
line-attestation = Jag intygar kraven för { $type } för detta köp
line-unit-price = Styckpris
line-unit-price-per = { $price } { $period }
line-priced-quantity = Prissatt antal
line-total = Radsumma
period-monthly = per månad
period-annual = per år
period-none = ingen avgift per period
period-one-time = engångsbelopp
period-triennial = per tre år
period-biennial = per två år
line-order-group = Ordergrupp { $group }
line-server-error = Partner Center: { $description }
line-remove = Ta bort raden
provisioning-subscriptionid = Azure-prenumeration
provisioning-scope = Reservationens omfång
provisioning-duration = Reservationens längd
inventory-title = Lagerkontroll
inventory-customerid = Kund-ID
inventory-azuresubscriptionid = Azure-prenumerations-ID
inventory-armregionname = Azure-region
inventory-run = Kontrollera lager
inventory-available = Tillgänglig.
inventory-restricted = Inte tillgänglig för denna prenumeration och region.
findings-title = Före beställning
findings-none = Inget hindrar beställningen.
findings-count = { $count ->
    [one] Ett problem måste åtgärdas före beställning.
   *[other] { $count } problem måste åtgärdas före beställning.
}
groups-title = Beställningar som kundvagnen blir
groups-order = Ordergrupp
groups-billing-cycle = Faktureringscykel
groups-lines = Rader
cart-submit-title = Granska och beställ
cart-saved = Priserna kommer från Partner Center för exakt dessa rader.
cart-saving = Uppdaterar priserna…
cart-pricing-failed = Priserna kunde inte uppdateras.
cart-price-pending = Prissätter…
cart-price-missing = —
cart-total-title = Summa för kundvagnen
cart-total-currency = Valuta
cart-total-amount = Summa
cart-expired = Kundvagnen har gått ut; en ny skapas och prissätts.
cart-expires-in = Kundvagnen går ut om { $left }.
checkout-place = Lägg beställning
checkout-running = Lägger beställningen…
checkout-result-title = Resultat av beställningen
checkout-resumed-title = Beställningen slutfördes efter omladdning
checkout-order-placed = Beställning { $id } lagd ({ $total }).
checkout-see-order = Visa beställningen
checkout-group-failed = Ordergrupp { $group } misslyckades med fel { $code }: { $description }
checkout-retry-lines = Lägg dessa rader i en ny kundvagn
checkout-review = Granska beställningen
checkout-confirmed-title = Orderbekräftelse
checkout-orders-count = { $count ->
    [one] En beställning lades.
   *[other] { $count } beställningar lades.
}
checkout-see-order-named = Visa beställning { $id }
checkout-next-title = Vad som händer nu
checkout-next-provisioning = Partner Center levererar varje beställning: dess status går från väntande till slutförd.
checkout-next-subscriptions = Nya prenumerationer kan dröja några minuter innan de syns i listan över prenumerationer.
checkout-next-invoice = En faktura följer i slutet av faktureringscykeln.
review-title = Granska beställningen
review-groups-count = { $count ->
    [one] Kundvagnen blir en beställning för { $customer }.
   *[other] Kundvagnen blir { $count } beställningar för { $customer }.
}
review-group-title = Beställning { $group } (faktureringscykel: { $cycle })
review-product = Produkt
review-quantity = Antal
review-term = Period
review-billing-cycle = Faktureringscykel
review-line-total = Radsumma
review-statements-title = Det här intygar du genom att beställa
review-agreement-signed = { $customer } har godkänt Microsoft Customer Agreement, undertecknat av { $name } den { $date }.
review-agreement-dated = { $customer } har godkänt Microsoft Customer Agreement den { $date }.
review-agreement = { $customer } har godkänt Microsoft Customer Agreement.
review-agreement-missing = { $customer } har ännu inte godkänt Microsoft Customer Agreement.
review-attestation = Intygandet för { $name } är godkänt.
review-back = Tillbaka till kundvagnen
resume-finished = En beställning som avbröts av en omladdning har slutförts: { $orders } beställningar lagda, inget köpt två gånger.
resume-see-result = Visa resultatet
orders-title = Beställningar
orders-by-cycle = Faktureringscykel
orders-all-cycles = Alla
orders-none = Inga beställningar ännu.
orders-id = Beställning
orders-created = Skapad
orders-status = Status
orders-total = Summa
orders-listing = Listning
orders-pending-listing = Väntar på listning
orders-pending-note = { $count ->
    [one] En beställning lagd här listas inte av Partner Center ännu (nya beställningar kan dröja upp till 15 minuter).
   *[other] { $count } beställningar lagda här listas inte av Partner Center ännu (nya beställningar kan dröja upp till 15 minuter).
}
order-title = Beställning { $id }
order-lines = Rader
order-offer = Erbjudande
order-provisioning = Etablering
order-activation = Aktivering
order-subscriptions = Prenumerationer från beställningen
order-subscriptions-none = Inga ännu.
subscriptions-title = Prenumerationer
subscriptions-none = Inga prenumerationer.
subscriptions-name = Namn
subscriptions-cancel-until = Kan avbokas till
subscriptions-refundable = Återbetalningsbart antal
entitlements-title = Berättiganden
entitlements-none = Inga berättiganden.
entitlement-product-key = produktnyckel
billing-title = Fakturering
billing-balance = Saldo
billing-summaries = Per valuta
billing-currency = Valuta
billing-latest-invoice = Senaste faktura
billing-last-payment = Senaste betalning
billing-last-payment-date = Betald
billing-invoices = Fakturor
invoice-id = Faktura
invoice-date = Datum
invoice-period = Faktureringsperiod
invoice-type = Typ
invoice-total = Totalt
invoice-paid = Betalt
invoice-title = Faktura { $id }
invoice-pdf = Ladda ned PDF-utdrag
invoice-pdf-working = Förbereder PDF:en…
invoice-pdf-done = PDF-utdraget har laddats ned.
invoice-csv = Exportera rader (CSV)
invoice-csv-done = Raderna har exporterats.
file-not-saved = Filen kunde inte sparas ({ $reason }).
invoice-lines = { $count ->
    [one] 1 fakturarad
   *[other] { $count } fakturarader
}
invoice-lines-region = Fakturarader
error-details = (Partner Center-fel { $code }: { $description } Begäran-ID { $requestId }.)
error-details-status = (HTTP { $status }. Begäran-ID { $requestId }.)
error-details-status-description = (HTTP { $status }: { $description } Begäran-ID { $requestId }.)
error-details-unreadable = (Oläsligt vid { $path }. Begäran-ID { $requestId }.)
error-details-request = (Begäran-ID { $requestId }.)
error-retry-after = Försök igen om { $seconds } sekunder.
error-partner-center = Partner Center avvisade begäran.
error-unauthorized = Din inloggning gäller inte längre; logga in igen.
error-forbidden = Ditt konto får inte göra detta.
error-role-cannot-buy = Din roll i Partner Center ({ $role }) kan titta men inte köpa: att skapa kundvagnar och lägga beställningar kräver en administratörsagent eller försäljningsagent. Inget köptes.
error-role-cannot-buy-unknown = Din roll i Partner Center kan titta men inte köpa: att skapa kundvagnar och lägga beställningar kräver en administratörsagent eller försäljningsagent. Inget köptes.
role-admin-agent = administratörsagent
role-sales-agent = försäljningsagent
role-helpdesk-agent = supportagent
error-not-found = Det finns inte (längre).
error-throttled = Partner Center tar emot för många begäranden.
error-unexpected-response = Partner Center svarade med något oväntat.
error-timeout = Partner Center svarade inte i tid; inget köptes två gånger — försök igen.
error-network = Partner Center kunde inte nås; kontrollera anslutningen.
error-token = Ingen åtkomsttoken kunde hämtas.
error-journal = Beställningen kunde inte sparas i webbläsaren, så inget skickades.
error-invalid-request = Begäran kunde inte skapas.
error-perpetual-software-not-qualified = Partnern är inte kvalificerad att sälja erbjudandet.
error-offer-unavailable = Erbjudandet kan inte längre köpas.
error-customer-agreement-missing = Kunden har inte godkänt Microsoft Customer Agreement.
error-order-not-found = Beställningen hittades inte.
error-subscription-not-found = Prenumerationen hittades inte.
error-product-not-found = Produkten hittades inte.
error-sku-not-found = SKU:n hittades inte.
error-availability-not-found = Tillgängligheten hittades inte; läs katalogen igen.
error-segment-not-allowed = Segmentet är inte tillåtet.
error-target-view-not-allowed = Katalogvyn är inte tillåten.
error-invalid-input = Partner Center fann begäran ogiltig.
error-service = Partner Center fick ett internt fel; försök igen senare.
error-provisioning-unavailable = Etablering är inte tillgänglig just nu.
error-cart-not-found = Kundvagnen hittades inte; granska priserna igen.
error-cart-items = Vissa rader i kundvagnen har fel.
error-inventory-unavailable = Lager finns inte för artikeln.
error-azure-subscription-invalid = Azure-prenumerationen är inte giltig för köpet.
error-quantity-unavailable = Antalet är inte tillgängligt.
error-not-eligible = Kunden är inte berättigad till erbjudandet.
error-subscription-not-registered = Azure-prenumerationen är inte registrerad för reservationer.
error-order-in-progress = En beställning av kundvagnen pågår redan.
error-cart-in-progress = Kundvagnen håller på att beställas.
error-cart-already-submitted = Kundvagnen har redan beställts.
error-limit-exceeded = En köpgräns överskreds.
error-risk-check = Microsofts riskkontroll stoppade köpet.
error-market-unavailable = Erbjudandet finns inte på kundens marknad.
error-credit-limit = Köpet överskrider er kreditgräns.
error-attestation-required = Intygandet måste godkännas.
error-partner-attestation-missing = Intygandet om partner of record saknas.
error-term-invalid = Perioden erbjuds inte.
error-billing-cycle-invalid = Faktureringscykeln erbjuds inte.
error-billing-cycle-longer-than-term = Faktureringscykeln är längre än perioden.
error-quantity-out-of-range = Antalet ligger utanför det tillåtna intervallet.
error-app-user-required = Detta kräver en inloggad användare, inte bara en app.

## pc-gateway: sidorna en person ser under inloggningen
gateway-again = Logga in igen
gateway-back = Tillbaka till portalen
gateway-unreachable-title = Microsofts inloggning går inte att nå
gateway-unreachable-body = Gatewayen når inte sin identitetsleverantör, så ingen kan logga in just nu. Försök igen om en minut; om det består, kontakta den som driver portalen. ({ $detail })
gateway-cancelled-title = Inloggningen slutfördes inte
gateway-cancelled-body = Microsofts inloggning svarade: { $reason }
gateway-expired-title = Den här inloggningen har gått ut
gateway-expired-body = Inloggningslänken har redan använts, har gått ut (inloggningen måste slutföras inom 10 minuter) eller startades i en annan webbläsare. Ingen loggades in; börja om.
gateway-state-title = Inloggningen nekades
gateway-state-body = Svaret från Microsofts inloggning hör inte till den inloggning som den här webbläsaren startade (state stämmer inte). Ingen loggades in; börja om.
gateway-refused-title = Inloggningen nekades
gateway-refused-body = Ingen loggades in: { $reason }. Börja om.
gateway-mfa-title = Inloggning med flerfaktorsautentisering krävs
gateway-mfa-body = Partner Center tar bara emot användare som loggat in med flerfaktorsautentisering, och den här inloggningen använde bara ett lösenord. Konfigurera flerfaktorsautentisering för ditt konto (eller be din administratör) och logga sedan in igen.
gateway-not-found-title = Hittades inte
gateway-not-found-body = { $path } finns inte här: gatewayen startades utan portal.

## Ofakturerade avgifter och var en order faktureras (issue 16)
unbilled-link = Ofakturerade avgifter
unbilled-title = Ofakturerade avgifter
unbilled-currency = Valuta
unbilled-period = Faktureringsperiod
unbilled-period-current = Aktuell period
unbilled-period-previous = Föregående period
unbilled-total = Totalt
unbilled-by-customer = Summa per kund
unbilled-by-product = Summa per produkt
unbilled-customer = Kund
unbilled-product = Produkt
unbilled-order = Order
unbilled-amount = Belopp
unbilled-none = Inget är ofakturerat i den här perioden.
unbilled-csv-purchases = Exportera köprader (CSV)
unbilled-csv-usage = Exportera förbrukningsrader (CSV)
unbilled-csv-done = Raderna exporterades.
unbilled-lines-region = Ofakturerade köprader
order-billing = Var ordern faktureras
order-billing-none = Ordern har inga faktureringsrader än.
order-billing-unbilled = Ofakturerad (aktuell period)
unbilled-intro = Avgifter som inte har fakturerats än. Ett köp, en återbetalning eller en förnyelse syns här direkt; när faktureringsperioden stängs flyttas raderna till periodens faktura.
unbilled-order-date = Beställd
unbilled-this-order = Den här ordern
unbilled-none-previous = Det finns ingen stängd faktureringsperiod i den här valutan än.
unbilled-lines-title = Köprader
invoice-purchase-lines = Köprader på den här fakturan

# Issue 12: rules before checkout
catalog-segment = Segment: { $segment } (enligt kundens kvalifikationer)
catalog-blocked = Kunden kan inte köpa detta:
catalog-other-segments = { $count } tillgängligheter för andra segment erbjuds inte: kunden köper i segmentet { $segment }.
cart-server-line-error = { $name }: Partner Center svarade { $code }: { $description }
orders-pending-subscriptions-note = { $count ->
    [one] En beställning som kundens prenumerationer hänvisar till listas inte av Partner Center ännu (lagd någon annanstans; nya beställningar kan dröja upp till 15 minuter).
   *[other] { $count } beställningar som kundens prenumerationer hänvisar till listas inte av Partner Center ännu (lagda någon annanstans; nya beställningar kan dröja upp till 15 minuter).
}
unbilled-purchases-count = Köprader: { $count }
unbilled-usage-count = Dagliga förbrukningsrader: { $count }
invoice-lines-show = Visa fakturaraderna

## Issue 15: after the purchase (a subscription's page, software order lines)
customer-subscriptions = Prenumerationer
subscription-back = Kundens alla prenumerationer
subscription-status = Status
subscription-seats = Licenser
subscription-started = Startade
subscription-term-ends = Perioden slutar
subscription-auto-renew = Automatisk förnyelse
subscription-unit-price = Pris per licens
subscription-unit-price-value = { $price } per faktureringsperiod
subscription-order = Köpt med beställning
subscription-on = På
subscription-off = Av
subscription-status-active = Aktiv
subscription-status-pending = Håller på att skapas
subscription-status-suspended = Pausad
subscription-status-expired = Har löpt ut
subscription-status-disabled = Inaktiverad
subscription-status-deleted = Uppsagd
subscription-status-none = Ingen status
subscription-status-other = Status ”{ $status }”
seats-count = { $count ->
    [one] 1 licens
   *[other] { $count } licenser
}
duration-days = { $count ->
    [one] 1 dag
   *[other] { $count } dagar
}
duration-hours = { $count ->
    [one] 1 timme
   *[other] { $count } timmar
}
duration-minutes = { $count ->
    [one] 1 minut
   *[other] { $count } minuter
}
duration-seconds = { $count ->
    [one] 1 sekund
   *[other] { $count } sekunder
}
term-cycle = { $term } · { $cycle }
window-title = Period för uppsägning
window-open-until = Licenser kan tas bort, eller prenumerationen sägas upp, med proportionell återbetalning fram till { $deadline }.
window-left = Tid kvar: { $time }.
window-closed = Perioden för uppsägning stängde { $deadline }. Licenser kan fortfarande läggas till; andra ändringar får vänta till förnyelsen.
window-none = Partner Center anger ingen period för uppsägning för den här prenumerationen.
change-title = Ändra prenumerationen
change-add-title = Lägg till licenser
change-add-label = Licenser att lägga till
change-add-review = Granska tillägget
change-add-room = { $count ->
    [one] En licens till kan läggas till.
   *[other] Upp till { $count } licenser till kan läggas till.
}
change-reduce-title = Ta bort licenser
change-reduce-label = Licenser att ta bort
change-reduce-review = Granska borttagningen
change-reduce-room = { $count ->
    [one] 1 licens kan tas bort
   *[other] Upp till { $count } licenser kan tas bort
} fram till { $deadline }.
change-cancel-title = Säg upp prenumerationen
change-cancel-review = Granska uppsägningen
change-cancel-until = Den kan sägas upp fram till { $deadline }.
change-auto-renew-title = Förnyelse
change-auto-renew-label = Förnya automatiskt när perioden slutar
auto-renew-on-help = Prenumerationen förnyas när perioden slutar { $date }.
auto-renew-off-help = Prenumerationen upphör när perioden slutar { $date } och förnyas inte.
change-renewal-title = Ändring vid förnyelse
change-renewal-intro = En ändring som schemaläggs här gäller från förnyelsen { $date }; inget ändras dessförinnan.
change-renewal-scheduled = Schemalagt för förnyelsen: { $seats }, { $terms }.
change-renewal-none = Ingen ändring är schemalagd för förnyelsen.
change-renewal-remove = Ta bort den schemalagda ändringen
change-renewal-option = Period och faktureringscykel vid förnyelsen
change-renewal-quantity = Licenser vid förnyelsen
change-renewal-submit = Schemalägg för förnyelsen
confirm-title = Bekräfta ändringen
confirm-add = { $count ->
    [one] Lägg till 1 licens
   *[other] Lägg till { $count } licenser
}, till { $seats } totalt. De nya licenserna debiteras för resten av den aktuella faktureringsperioden.
confirm-reduce = { $count ->
    [one] Ta bort 1 licens
   *[other] Ta bort { $count } licenser
}, till { $seats } totalt.
confirm-cancel = { $count ->
    [one] Säg upp prenumerationen: dess licens upphör nu.
   *[other] Säg upp prenumerationen: alla { $count } licenser upphör nu.
}
confirm-refund = Återbetalning: { $amount }, krediteras i den aktuella faktureringsperioden.
confirm-refund-unknown = Partner Center beräknar återbetalningen; beloppet är inte känt här.
confirm-submit = Bekräfta
confirm-back = Tillbaka
confirm-working = Skickar ändringen till Partner Center…
change-refused = Inget ändrades. { $reason }
done-added = { $count ->
    [one] 1 licens tillagd
   *[other] { $count } licenser tillagda
}: prenumerationen har nu { $seats }.
done-reduced = { $count ->
    [one] 1 licens borttagen
   *[other] { $count } licenser borttagna
}: prenumerationen har nu { $seats }.
done-cancelled = Prenumerationen är uppsagd.
done-refund = En återbetalning på { $amount } krediteras i den aktuella faktureringsperioden.
done-refund-link = Se återbetalningen bland de ofakturerade avgifterna
done-auto-renew-on = Automatisk förnyelse är på: prenumerationen förnyas efter { $date }.
done-auto-renew-off = Automatisk förnyelse är av: prenumerationen upphör { $date }.
done-scheduled = Ändringen är schemalagd för förnyelsen.
done-schedule-removed = Den schemalagda ändringen är borttagen; prenumerationen förnyas som den är.
order-cancel-title = Säg upp programvara
order-line-name = Rad { $line }: { $name }
order-line-cancellable = Kan sägas upp nu, med en återbetalning på { $amount }.
order-line-cancellable-unknown = Kan sägas upp nu; Partner Center beräknar återbetalningen.
order-line-cancel = Granska uppsägningen av rad { $line }
confirm-cancel-line = Säg upp rad { $line } i den här beställningen: { $name }, antal { $quantity }.
done-line-cancelled = Rad { $line } ({ $name }) är uppsagd.
error-changed-meanwhile = Den har ändrats någon annanstans under tiden och har lästs in igen; kontrollera den och försök en gång till.
error-cancellation-window-passed = Perioden för uppsägning har passerat.
error-seat-reduction-window-passed = Perioden för att ta bort licenser har passerat; licenser kan nu bara läggas till, och ett lägre antal kan schemaläggas för förnyelsen.
error-quantity-cannot-decrease = Färre licenser än så är fortfarande inom sin period; antalet kan inte sänkas så mycket.
order-status-completed = Slutförd
order-status-pending = Väntande
order-status-cancelled = Uppsagd
order-status-suspended = Pausad
order-status-pending-review = Väntar på Microsofts granskning
order-status-pending-po-upload = Väntar på inköpsordern
order-status-po-upload-complete = Inköpsordern granskas
order-status-po-review-rejected = Avvisad vid granskningen
order-status-partial-success = Delvis levererad
order-status-error = Misslyckad
quantity-empty = Ange ett antal: ett heltal, till exempel 5.
quantity-not-whole = ”{ $text }” är inte ett heltal. Ange bara siffror, till exempel 5.
quantity-at-least = Ange minst { $minimum }.
cart-fix-quantities = Rätta de markerade antalen ovan; inget skickas till Partner Center förrän dess.
fulfillment-fulfilled = Etablerad
fulfillment-unfulfilled = Inte etablerad
fulfillment-prefulfillment-pending = Väntar på etablering
fulfillment-other = Etableringsstatus ”{ $value }”
entitlement-type-software = Programvara
entitlement-type-reserved-instance = Azure-reservation
entitlement-type-vm-reserved-instance = Azure-reservation för virtuella datorer
entitlement-type-other = Berättigandetyp ”{ $value }”
entitlement-quantity = antal { $count }
invoice-type-recurring = Återkommande
invoice-type-one-time = Engångs
invoice-type-other = Fakturatyp ”{ $value }”
invoice-column-customer = Kund
invoice-column-product = Produkt
invoice-column-order = Order eller prenumeration
invoice-column-charge-period = Debiterad period
invoice-column-quantity = Antal
invoice-column-unit-price = Styckpris
invoice-column-total = Summa
billing-balances = Saldo per valuta
