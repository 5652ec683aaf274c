app-title = Inkoopportaal voor Partner Center
skip-to-content = Naar de inhoud
language = Taal
language-unavailable = { $language } kon niet worden gedownload; controleer de verbinding en kies de taal opnieuw.
not-found-title = Pagina niet gevonden
not-found-body = Er is geen pagina op { $path }.
not-found-back = Terug naar uw klanten
stopped-title = Deze pagina kan niet worden getoond
stopped-chunk = Een deel van de portal kon niet worden gedownload; controleer de verbinding en laad de pagina opnieuw. Uw winkelwagen blijft bewaard.
stopped-error = De portal is gestopt door een fout. Laad de pagina opnieuw om verder te gaan; uw winkelwagen blijft bewaard.
stopped-reload = Pagina opnieuw laden
sign-in-title = Aanmelden
sign-in-intro = Meld u aan met uw werkaccount in de Microsoft Entra-tenant van de partner. Uw rol in Partner Center bepaalt wat u hier mag doen.
sign-in-microsoft = Aanmelden met Microsoft
sign-in-session-ended = Uw sessie is beëindigd. Meld u opnieuw aan om verder te gaan waar u was.
sign-in-unreachable = Aanmelden is niet beschikbaar: de portal kan zijn gateway niet bereiken ({ $reason }). De portal moet worden aangeboden door pc-gateway (bijvoorbeeld met cargo xtask serve).
session-checking = Uw aanmelding wordt gecontroleerd…
partner-unavailable = Het profiel van de partner kon niet uit Partner Center worden gelezen, dus de aankoopregels kunnen hier niet worden gecontroleerd: { $reason }
partner-title = Partner
partner-qualified = Microsoft heeft deze partner gekwalificeerd om eeuwigdurende software te verkopen.
partner-not-qualified = Eeuwigdurende software: niet bevestigd. Een beheeragent kan bevestigen dat Microsoft deze partner heeft gekwalificeerd.
partner-qualified-help = Partner Center vertelt dit niet; bevestig het alleen als Microsoft u heeft gekwalificeerd. Het geldt voor iedereen van deze partner.
partner-saved = Opgeslagen.
partner-admin-only = Alleen een beheeragent kan dit wijzigen.
partner-save-failed = De instelling kon niet worden opgeslagen: { $reason }
sign-in-submit = Aanmelden
customers-title = Klanten
customers-search = Klanten zoeken
customers-loading = Klanten worden geladen…
customers-empty = Geen klant komt overeen met ‘{ $query }’.
customers-failed = Klanten konden niet worden geladen: { $reason }
customers-country = Land
customers-domain = Domein
sign-out = Afmelden
signed-in-as = Aangemeld als { $tenant }
finding-prevents = Partner Center zou dit weigeren met fout { $code }.
finding-CartEmpty = De winkelwagen heeft geen regels.
finding-CartExpired = De winkelwagen is verlopen op { $expirationTimestamp }; maak een nieuwe winkelwagen.
finding-CatalogItemUnknown = { $catalogItemId } staat niet in de catalogus voor het land van de klant.
finding-NotPurchasable = Dit aanbod kan niet meer worden gekocht.
finding-CountryMismatch = Dit aanbod is voor { $country }, maar de klant zit in { $customerCountry }.
finding-SegmentMismatch = Dit aanbod is voor het segment { $segment }, maar de klant is { $customerSegment }.
finding-MarketUnavailable = Dit product wordt niet verkocht aan klanten in { $country }.
finding-PerpetualSoftwareNotQualified = Uw partnerorganisatie is niet door Microsoft gekwalificeerd om eeuwigdurende software te verkopen.
finding-EuCustomerIneligible = Deze klant heeft al een { $kind }-aankoop in { $currency }, niet uw factuurvaluta { $partnerCurrency }, en kan daarom geen new-commerce-aanbiedingen bij u kopen.
finding-CustomerAgreementMissing = De klant heeft de Microsoft Customer Agreement niet geaccepteerd.
finding-QuantityOutOfRange = Aantal { $quantity } valt buiten het toegestane { $minimum }–{ $maximum }.
finding-BillingCycleNotSupported = Factureringscyclus { $billingCycle } wordt niet aangeboden; kies uit: { $supportedBillingCycles }.
finding-TermNotOffered = Looptijd { $termDuration } wordt niet aangeboden; kies uit: { $offeredTerms }.
finding-BillingCycleLongerThanTerm = Factureringscyclus { $billingCycle } is langer dan de looptijd { $termDuration }.
finding-TrialRequiresNoBillingCycle = Een proefversie heeft geen factureringscyclus, maar { $billingCycle } is ingesteld.
finding-AttestationRequired = Voor dit product moet u de verklaring accepteren.
finding-InventoryCheckRequired = Voer eerst de voorraadcontrole voor dit product uit.
finding-InventoryUnavailable = Volgens de voorraadcontrole is dit item niet beschikbaar: { $reasons }.
finding-ProvisioningContextMissing = Vul { $key } in voor deze regel.
finding-SubscriptionNotRegistered = Azure-abonnement { $subscriptionId } is niet geregistreerd voor reserveringen; registreer het eerst.
finding-SubscriptionNotActive = Dit is niet meer actief en kan daarom niet worden gewijzigd.
finding-ChangeNotAllowed = { $kind ->
    [PerpetualSoftware] Permanente software kan na aankoop niet worden gewijzigd; alleen annuleren vanuit de order kan, binnen 30 dagen.
    [AzurePlan] Een Azure-abonnement wordt hier niet gewijzigd; beheer het in de Azure-portal.
    [AzureReservation] Een Azure-reservering wordt hier niet gewijzigd; omruilen en terugbetalen gaat via de Azure-portal.
   *[other] Alleen licenties van nieuwe commerce en softwareabonnementen kunnen na aankoop worden gewijzigd.
}
finding-CancellationWindowPassed = De termijn van { $windowDays } dagen om op te zeggen is verstreken.
finding-SeatReductionWindowPassed = Licenties kunnen alleen binnen { $windowDays } dagen na aankoop, verlenging of toevoeging worden verwijderd; u kunt nog wel licenties toevoegen of een lager aantal voor de verlenging plannen.
finding-QuantityCannotDecrease = Slechts { $reducible } licenties vallen nog binnen hun termijn, dus het aantal kan omlaag naar { $minimumQuantity }, niet naar { $quantity }.
finding-AutoRenewDisabled = Zet automatisch verlengen aan voordat u een wijziging voor de verlenging plant.
loading = Laden…
refresh = Vernieuwen
choose = Kies…
actions = Acties
nav-label = Hoofdmenu
nav-customers = Klanten
nav-billing = Facturering
sign-in-first = Meld u eerst aan.
sign-in-partner = Partnerland { $country }, factuurvaluta { $currency }.
sign-in-qualified = Microsoft heeft ons gekwalificeerd om eeuwigdurende software te verkopen
customer-tabs = Klantpagina's
tab-overview = Overzicht
tab-catalog = Catalogus
tab-cart = Winkelwagen ({ $count })
tab-orders = Bestellingen
tab-subscriptions = Abonnementen
customer-profile = Profiel
customer-segment = Segment
segment-commercial = Commercieel
segment-education = Onderwijs
segment-government = Overheid
segment-nonprofit = Non-profit
agreement-title = Microsoft Customer Agreement
agreement-accepted = Geaccepteerd op { $date }.
agreement-missing = Nog niet geaccepteerd: new-commerce-aankopen mislukken met fout 13605 totdat de acceptatie van de klant is bevestigd.
agreement-accept = Acceptatie van de klant bevestigen
contact-first-name = Voornaam van wie accepteerde
contact-last-name = Achternaam
contact-email = E-mail
azure-title = Azure-abonnementen
azure-none = De klant heeft geen Azure-abonnement.
azure-subscription = Abonnement
azure-registration = Registratie voor reserveringen
azure-registered = Geregistreerd
azure-registering-status = Wordt geregistreerd
azure-not-registered = Niet geregistreerd
azure-register = Registreren
azure-registering = Abonnement wordt geregistreerd…
azure-registered-now = Het abonnement is geregistreerd.
azure-registration-slow = Registratie duurt langer dan normaal; kijk later opnieuw.
catalog-title = Catalogus voor { $country }
catalog-search = Producten zoeken
catalog-kind = Soort product
catalog-kind-all = Alle soorten
partner-text-source = Beschrijving van Microsoft, zoals Partner Center die geeft:
partner-text-english = (in het Engels)
catalog-count = { $count ->
    [one] 1 product
   *[other] { $count } producten
}
catalog-loading-views = De catalogus wordt geladen: { $done } van { $total } weergaven gelezen…
catalog-view-failed = { $view } kon niet worden geladen: { $reason }
catalog-terms-note = Open een product om de aanbiedingen te filteren op looptijd en factureringscyclus (en die van een reservering op regio, VM-grootte en familie).
catalog-filters = Aanbiedingen filteren
catalog-filter-any = Alle
catalog-filter-term = Looptijd
catalog-filter-cycle = Factureringscyclus
catalog-filter-region = Regio
catalog-filter-size = VM-grootte
catalog-filter-family = VM-familie
catalog-sku-count = { $count ->
    [one] { $shown } van 1 SKU getoond
   *[other] { $shown } van { $count } SKU's getoond
}
catalog-reservation = Gegevens van de reservering
catalog-scope-shared = Gedeeld (alle abonnementen van de klant)
catalog-scope-single = Eén abonnement
catalog-added-seats = { $added ->
    [one] 1 licentie toegevoegd
   *[other] { $added } licenties toegevoegd
} – { $name } heeft nu { $quantity } in de winkelwagen.
catalog-no-skus = Dit product heeft geen SKU's in deze markt.
catalog-add = In winkelwagen
catalog-added = { $name } is aan de winkelwagen toegevoegd.
catalog-not-purchasable = Niet te koop
view-online-services = Onlineservices (new commerce)
view-software = Software
view-software-perpetual = Eeuwigdurende software
view-software-subscriptions = Softwareabonnementen
view-azure-reservations = Azure-reserveringen
view-azure-plan = Azure-abonnement
view-other = Overige producten
sku-quantity = Aantal { $minimum }–{ $maximum }
sku-needs-inventory = Vereist een voorraadcontrole
sku-needs-registration = Vereist een geregistreerd Azure-abonnement
sku-needs-attestation = Vereist uw verklaring
sku-trial = Proefversie
availability-currency = Gefactureerd in { $currency }
term-none = Geen looptijd (eenmalige aankoop)
term-cancellation = annuleerbaar binnen { $window }
term-P1M = 1 maand
term-P1Y = 1 jaar
term-P3Y = 3 jaar
term-P1D = 1 dag
term-P7D = 7 dagen
term-P30D = 30 dagen
term-P72H = 72 uur
cycle-monthly = Maandelijks
cycle-annual = Jaarlijks
cycle-none = Geen factureringscyclus
cycle-one-time = Eenmalig
cycle-triennial = Elke 3 jaar
cycle-biennial = Elke 2 jaar
cycle-other = Factureringscyclus ‘{ $value }’
cart-title = Winkelwagen
cart-empty = De winkelwagen is leeg. Voeg producten toe uit de
line-quantity = Aantal
line-term = Looptijd
line-billing-cycle = Factureringscyclus
line-attestation = Ik verklaar te voldoen aan de { $type }-vereisten voor deze aankoop
line-unit-price = Prijs per stuk
line-unit-price-per = { $price } { $period }
line-priced-quantity = Geprijsd aantal
line-total = Regeltotaal
period-monthly = per maand
period-annual = per jaar
period-none = geen kosten per periode
period-one-time = eenmalig
period-triennial = per 3 jaar
period-biennial = per 2 jaar
line-order-group = Bestelgroep { $group }
line-server-error = Partner Center: { $description }
line-remove = Regel verwijderen
provisioning-subscriptionid = Azure-abonnement
provisioning-scope = Bereik van de reservering
provisioning-duration = Duur van de reservering
inventory-title = Voorraadcontrole
inventory-customerid = Klant-ID
inventory-azuresubscriptionid = Azure-abonnements-ID
inventory-armregionname = Azure-regio
inventory-run = Voorraad controleren
inventory-available = Beschikbaar.
inventory-restricted = Niet beschikbaar voor dit abonnement en deze regio.
findings-title = Vóór het afrekenen
findings-none = Niets staat het afrekenen in de weg.
findings-count = { $count ->
    [one] Eén probleem moet worden opgelost vóór het afrekenen.
   *[other] { $count } problemen moeten worden opgelost vóór het afrekenen.
}
groups-title = Bestellingen die deze winkelwagen wordt
groups-order = Bestelgroep
groups-billing-cycle = Factureringscyclus
groups-lines = Regels
cart-submit-title = Controleren en bestellen
cart-saved = De prijzen komen van Partner Center voor precies deze regels.
cart-saving = Prijzen worden bijgewerkt…
cart-pricing-failed = De prijzen konden niet worden bijgewerkt.
cart-price-pending = Prijs wordt bepaald…
cart-price-missing = —
cart-total-title = Totaal van de winkelwagen
cart-total-currency = Valuta
cart-total-amount = Totaal
cart-expired = De winkelwagen is verlopen; er wordt een nieuwe gemaakt en geprijsd.
cart-expires-in = De winkelwagen verloopt over { $left }.
checkout-place = Bestelling plaatsen
checkout-running = Bestelling wordt geplaatst…
checkout-result-title = Resultaat van het afrekenen
checkout-resumed-title = Afrekenen voltooid na herladen
checkout-order-placed = Bestelling { $id } geplaatst ({ $total }).
checkout-see-order = Bestelling bekijken
checkout-group-failed = Bestelgroep { $group } is mislukt met fout { $code }: { $description }
checkout-retry-lines = Deze regels in een nieuwe winkelwagen zetten
checkout-review = Bestelling controleren
checkout-confirmed-title = Orderbevestiging
checkout-orders-count = { $count ->
    [one] Er is één bestelling geplaatst.
   *[other] Er zijn { $count } bestellingen geplaatst.
}
checkout-see-order-named = Bestelling { $id } bekijken
checkout-next-title = Wat er nu gebeurt
checkout-next-provisioning = Partner Center levert elke bestelling: de status gaat van in behandeling naar voltooid.
checkout-next-subscriptions = Het kan enkele minuten duren voordat nieuwe abonnementen in de lijst met abonnementen verschijnen.
checkout-next-invoice = Aan het einde van de factureringscyclus volgt een factuur.
review-title = Bestelling controleren
review-groups-count = { $count ->
    [one] Deze winkelwagen wordt één bestelling voor { $customer }.
   *[other] Deze winkelwagen wordt { $count } bestellingen voor { $customer }.
}
review-group-title = Bestelling { $group } (factureringscyclus: { $cycle })
review-product = Product
review-quantity = Aantal
review-term = Looptijd
review-billing-cycle = Factureringscyclus
review-line-total = Regeltotaal
review-statements-title = Wat u met deze bestelling bevestigt
review-agreement-signed = { $customer } heeft de Microsoft Customer Agreement geaccepteerd, ondertekend door { $name } op { $date }.
review-agreement-dated = { $customer } heeft de Microsoft Customer Agreement geaccepteerd op { $date }.
review-agreement = { $customer } heeft de Microsoft Customer Agreement geaccepteerd.
review-agreement-missing = { $customer } heeft de Microsoft Customer Agreement nog niet geaccepteerd.
review-attestation = De verklaring voor { $name } is geaccepteerd.
review-back = Terug naar de winkelwagen
resume-finished = Een door herladen onderbroken afrekening is voltooid: { $orders } bestellingen geplaatst, niets dubbel gekocht.
resume-see-result = Resultaat bekijken
orders-title = Bestellingen
orders-by-cycle = Factureringscyclus
orders-all-cycles = Alle
orders-none = Nog geen bestellingen.
orders-id = Bestelling
orders-created = Gemaakt
orders-status = Status
orders-total = Totaal
orders-listing = Vermelding
orders-pending-listing = Nog niet vermeld
orders-pending-note = { $count ->
    [one] Eén hier geplaatste bestelling wordt nog niet door Partner Center vermeld (nieuwe bestellingen kunnen tot 15 minuten duren).
   *[other] { $count } hier geplaatste bestellingen worden nog niet door Partner Center vermeld (nieuwe bestellingen kunnen tot 15 minuten duren).
}
order-title = Bestelling { $id }
order-lines = Regels
order-offer = Aanbod
order-provisioning = Inrichting
order-activation = Activering
order-subscriptions = Abonnementen uit deze bestelling
order-subscriptions-none = Nog geen.
subscriptions-title = Abonnementen
subscriptions-none = Geen abonnementen.
subscriptions-name = Naam
subscriptions-cancel-until = Annuleerbaar tot
subscriptions-refundable = Restitueerbaar aantal
entitlements-title = Rechten
entitlements-none = Geen rechten.
entitlement-product-key = productsleutel
billing-title = Facturering
billing-balance = Saldo
billing-summaries = Per valuta
billing-currency = Valuta
billing-latest-invoice = Laatste factuur
billing-last-payment = Laatste betaling
billing-last-payment-date = Betaald op
billing-invoices = Facturen
invoice-id = Factuur
invoice-date = Datum
invoice-period = Factuurperiode
invoice-type = Type
invoice-total = Totaal
invoice-paid = Betaald
invoice-title = Factuur { $id }
invoice-pdf = PDF-overzicht downloaden
invoice-pdf-working = PDF wordt voorbereid…
invoice-pdf-done = Het PDF-overzicht is gedownload.
invoice-csv = Regels exporteren (CSV)
invoice-csv-done = De regels zijn geëxporteerd.
file-not-saved = Het bestand kon niet worden opgeslagen ({ $reason }).
invoice-lines = { $count ->
    [one] 1 factuurregel
   *[other] { $count } factuurregels
}
invoice-lines-region = Factuurregels
error-details = (Partner Center-fout { $code }: { $description } Aanvraag-ID { $requestId }.)
error-details-status = (HTTP { $status }. Aanvraag-ID { $requestId }.)
error-details-status-description = (HTTP { $status }: { $description } Aanvraag-ID { $requestId }.)
error-details-unreadable = (Onleesbaar bij { $path }. Aanvraag-ID { $requestId }.)
error-details-request = (Aanvraag-ID { $requestId }.)
error-retry-after = Probeer het over { $seconds } seconden opnieuw.
error-partner-center = Partner Center heeft het verzoek geweigerd.
error-unauthorized = Uw aanmelding is niet meer geldig; meld u opnieuw aan.
error-forbidden = Uw account mag dit niet doen.
error-role-cannot-buy = Uw rol in Partner Center ({ $role }) mag kijken maar niet kopen: winkelwagens maken en bestellingen plaatsen vraagt een beheeragent of verkoopagent. Er is niets gekocht.
error-role-cannot-buy-unknown = Uw rol in Partner Center mag kijken maar niet kopen: winkelwagens maken en bestellingen plaatsen vraagt een beheeragent of verkoopagent. Er is niets gekocht.
role-admin-agent = beheeragent
role-sales-agent = verkoopagent
role-helpdesk-agent = helpdeskagent
error-not-found = Het bestaat niet (meer).
error-throttled = Partner Center ontvangt te veel verzoeken.
error-unexpected-response = Partner Center antwoordde met iets onverwachts.
error-timeout = Partner Center antwoordde niet op tijd; niets is dubbel gekocht — probeer opnieuw.
error-network = Partner Center is niet bereikbaar; controleer de verbinding.
error-token = Er kon geen toegangstoken worden verkregen.
error-journal = De bestelling kon niet in deze browser worden vastgelegd, dus er is niets verzonden.
error-invalid-request = Het verzoek kon niet worden opgebouwd.
error-perpetual-software-not-qualified = De partner is niet gekwalificeerd om dit aanbod te verkopen.
error-offer-unavailable = Het aanbod is niet meer te koop.
error-customer-agreement-missing = De klant heeft de Microsoft Customer Agreement niet geaccepteerd.
error-order-not-found = De bestelling is niet gevonden.
error-subscription-not-found = Het abonnement is niet gevonden.
error-product-not-found = Het product is niet gevonden.
error-sku-not-found = De SKU is niet gevonden.
error-availability-not-found = De beschikbaarheid is niet gevonden; lees de catalogus opnieuw.
error-segment-not-allowed = Dat segment is niet toegestaan.
error-target-view-not-allowed = Die catalogusweergave is niet toegestaan.
error-invalid-input = Partner Center vond het verzoek ongeldig.
error-service = Partner Center had een interne fout; probeer het later opnieuw.
error-provisioning-unavailable = Inrichting is nu niet beschikbaar.
error-cart-not-found = De winkelwagen is niet gevonden; controleer de prijzen opnieuw.
error-cart-items = Sommige winkelwagenregels bevatten fouten.
error-inventory-unavailable = Er is geen voorraad voor dit item.
error-azure-subscription-invalid = Het Azure-abonnement is niet geldig voor deze aankoop.
error-quantity-unavailable = Dat aantal is niet beschikbaar.
error-not-eligible = De klant komt niet in aanmerking voor dit aanbod.
error-subscription-not-registered = Het Azure-abonnement is niet geregistreerd voor reserveringen.
error-order-in-progress = Er loopt al een bestelling voor deze winkelwagen.
error-cart-in-progress = Deze winkelwagen wordt nu afgerekend.
error-cart-already-submitted = Deze winkelwagen is al besteld.
error-limit-exceeded = Een aankooplimiet is overschreden.
error-risk-check = De risicocontrole van Microsoft heeft deze aankoop tegengehouden.
error-market-unavailable = Het aanbod is niet beschikbaar in de markt van de klant.
error-credit-limit = De aankoop overschrijdt uw kredietlimiet.
error-attestation-required = De verklaring moet worden geaccepteerd.
error-partner-attestation-missing = De partner-of-record-verklaring ontbreekt.
error-term-invalid = Die looptijd wordt niet aangeboden.
error-billing-cycle-invalid = Die factureringscyclus wordt niet aangeboden.
error-billing-cycle-longer-than-term = De factureringscyclus is langer dan de looptijd.
error-quantity-out-of-range = Het aantal valt buiten het toegestane bereik.
error-app-user-required = Hiervoor is een aangemelde gebruiker nodig, niet alleen een app.

## pc-gateway: de pagina's die iemand ziet tijdens het aanmelden
gateway-again = Opnieuw aanmelden
gateway-back = Terug naar de portal
gateway-unreachable-title = Aanmelden bij Microsoft is niet bereikbaar
gateway-unreachable-body = De gateway kan zijn identiteitsprovider niet bereiken, dus niemand kan zich nu aanmelden. Probeer het over een minuut opnieuw; blijft het zo, meld het dan aan wie deze portal beheert. ({ $detail })
gateway-cancelled-title = Het aanmelden is niet voltooid
gateway-cancelled-body = Aanmelden bij Microsoft antwoordde: { $reason }
gateway-expired-title = Deze aanmelding is verlopen
gateway-expired-body = Deze aanmeldlink is al gebruikt, is verlopen (aanmelden moet binnen 10 minuten klaar zijn) of is in een andere browser gestart. Er is niemand aangemeld; begin opnieuw.
gateway-state-title = Aanmelden geweigerd
gateway-state-body = Het antwoord van Microsoft hoort niet bij de aanmelding die deze browser startte (de state klopt niet). Er is niemand aangemeld; begin opnieuw.
gateway-refused-title = Aanmelden geweigerd
gateway-refused-body = Er is niemand aangemeld: { $reason }. Begin opnieuw.
gateway-mfa-title = Aanmelden met meervoudige verificatie vereist
gateway-mfa-body = Partner Center accepteert alleen gebruikers die zich met meervoudige verificatie hebben aangemeld, en deze aanmelding gebruikte alleen een wachtwoord. Stel meervoudige verificatie in voor uw account (of vraag het uw beheerder) en meld u daarna opnieuw aan.
gateway-not-found-title = Niet gevonden
gateway-not-found-body = { $path } wordt hier niet aangeboden: deze gateway is zonder portal gestart.

## Niet-gefactureerde kosten en waar een order wordt gefactureerd (issue 16)
unbilled-link = Niet-gefactureerde kosten
unbilled-title = Niet-gefactureerde kosten
unbilled-currency = Valuta
unbilled-period = Factureringsperiode
unbilled-period-current = Huidige periode
unbilled-period-previous = Vorige periode
unbilled-total = Totaal
unbilled-by-customer = Totalen per klant
unbilled-by-product = Totalen per product
unbilled-customer = Klant
unbilled-product = Product
unbilled-order = Order
unbilled-amount = Bedrag
unbilled-none = Er is niets ongefactureerd in deze periode.
unbilled-csv-purchases = Aankoopregels exporteren (CSV)
unbilled-csv-usage = Verbruiksregels exporteren (CSV)
unbilled-csv-done = De regels zijn geëxporteerd.
unbilled-lines-region = Niet-gefactureerde aankoopregels
order-billing = Waar deze order wordt gefactureerd
order-billing-none = Deze order heeft nog geen factuurregels.
order-billing-unbilled = Niet gefactureerd (huidige periode)
unbilled-intro = Kosten die nog niet zijn gefactureerd. Een aankoop, terugbetaling of verlenging staat hier meteen; wanneer de factureringsperiode sluit, gaan de regels naar de factuur van die periode.
unbilled-order-date = Besteld
unbilled-this-order = Deze order
unbilled-none-previous = Er is nog geen afgesloten factureringsperiode in deze valuta.
unbilled-lines-title = Aankoopregels
invoice-purchase-lines = Aankoopregels op deze factuur

# Issue 12: rules before checkout
catalog-segment = Segment: { $segment } (volgens de kwalificaties van de klant)
catalog-blocked = Deze klant kan dit niet kopen:
catalog-other-segments = { $count } beschikbaarheden voor andere segmenten worden niet aangeboden: deze klant koopt in het segment { $segment }.
cart-server-line-error = { $name }: Partner Center antwoordde { $code }: { $description }
orders-pending-subscriptions-note = { $count ->
    [one] Eén bestelling waarnaar de abonnementen van de klant verwijzen, wordt nog niet door Partner Center vermeld (elders geplaatst; nieuwe bestellingen kunnen tot 15 minuten duren).
   *[other] { $count } bestellingen waarnaar de abonnementen van de klant verwijzen, worden nog niet door Partner Center vermeld (elders geplaatst; nieuwe bestellingen kunnen tot 15 minuten duren).
}
unbilled-purchases-count = Aankoopregels: { $count }
unbilled-usage-count = Dagelijkse verbruiksregels: { $count }
invoice-lines-show = Toon de factuurregels

## Issue 15: after the purchase (a subscription's page, software order lines)
customer-subscriptions = Abonnementen
subscription-back = Alle abonnementen van deze klant
subscription-status = Status
subscription-seats = Licenties
subscription-started = Gestart
subscription-term-ends = Looptijd eindigt
subscription-auto-renew = Automatisch verlengen
subscription-unit-price = Prijs per licentie
subscription-unit-price-value = { $price } per factureringsperiode
subscription-order = Gekocht met bestelling
subscription-on = Aan
subscription-off = Uit
subscription-status-active = Actief
subscription-status-pending = Wordt ingericht
subscription-status-suspended = Opgeschort
subscription-status-expired = Verlopen
subscription-status-disabled = Uitgeschakeld
subscription-status-deleted = Opgezegd
subscription-status-none = Geen status
subscription-status-other = Status ‘{ $status }’
seats-count = { $count ->
    [one] 1 licentie
   *[other] { $count } licenties
}
duration-days = { $count ->
    [one] 1 dag
   *[other] { $count } dagen
}
duration-hours = { $count ->
    [one] 1 uur
   *[other] { $count } uur
}
duration-minutes = { $count ->
    [one] 1 minuut
   *[other] { $count } minuten
}
duration-seconds = { $count ->
    [one] 1 seconde
   *[other] { $count } seconden
}
term-cycle = { $term } · { $cycle }
window-title = Annuleringstermijn
window-open-until = Licenties kunnen tot { $deadline } worden verwijderd, of het abonnement kan worden opgezegd, met een terugbetaling naar rato.
window-left = Resterende tijd: { $time }.
window-closed = De annuleringstermijn is op { $deadline } verstreken. Licenties kunnen nog worden toegevoegd; andere wijzigingen wachten op de verlenging.
window-none = Partner Center vermeldt geen annuleringstermijn voor dit abonnement.
change-title = Dit abonnement wijzigen
change-add-title = Licenties toevoegen
change-add-label = Toe te voegen licenties
change-add-review = Toevoegen controleren
change-add-room = { $count ->
    [one] Er kan nog één licentie worden toegevoegd.
   *[other] Er kunnen nog maximaal { $count } licenties worden toegevoegd.
}
change-reduce-title = Licenties verwijderen
change-reduce-label = Te verwijderen licenties
change-reduce-review = Verwijderen controleren
change-reduce-room = { $count ->
    [one] 1 licentie kan
   *[other] Maximaal { $count } licenties kunnen
} tot { $deadline } worden verwijderd.
change-cancel-title = Het abonnement opzeggen
change-cancel-review = Opzeggen controleren
change-cancel-until = Het kan tot { $deadline } worden opgezegd.
change-auto-renew-title = Verlenging
change-auto-renew-label = Automatisch verlengen aan het einde van de looptijd
auto-renew-on-help = Het abonnement wordt verlengd wanneer de looptijd op { $date } eindigt.
auto-renew-off-help = Het abonnement eindigt met de looptijd op { $date } en wordt niet verlengd.
change-renewal-title = Wijziging bij verlenging
change-renewal-intro = Een wijziging die u hier plant, gaat in bij de verlenging op { $date }; tot dan verandert er niets.
change-renewal-scheduled = Gepland voor de verlenging: { $seats }, { $terms }.
change-renewal-none = Er is geen wijziging voor de verlenging gepland.
change-renewal-remove = De geplande wijziging verwijderen
change-renewal-option = Looptijd en factureringscyclus bij verlenging
change-renewal-quantity = Licenties bij verlenging
change-renewal-submit = Plannen voor de verlenging
confirm-title = De wijziging bevestigen
confirm-add = { $count ->
    [one] 1 licentie toevoegen
   *[other] { $count } licenties toevoegen
}, tot { $seats } in totaal. De toegevoegde licenties worden in rekening gebracht voor de rest van de huidige factureringsperiode.
confirm-reduce = { $count ->
    [one] 1 licentie verwijderen
   *[other] { $count } licenties verwijderen
}, tot { $seats } in totaal.
confirm-cancel = { $count ->
    [one] Het abonnement opzeggen: de licentie eindigt nu.
   *[other] Het abonnement opzeggen: alle { $count } licenties eindigen nu.
}
confirm-refund = Terugbetaling: { $amount }, gecrediteerd in de huidige factureringsperiode.
confirm-refund-unknown = Partner Center berekent de terugbetaling; het bedrag is hier niet bekend.
confirm-submit = Bevestigen
confirm-back = Terug
confirm-working = De wijziging wordt naar Partner Center verzonden…
change-refused = Niet gewijzigd. { $reason }
done-added = { $count ->
    [one] 1 licentie toegevoegd
   *[other] { $count } licenties toegevoegd
}: het abonnement heeft nu { $seats }.
done-reduced = { $count ->
    [one] 1 licentie verwijderd
   *[other] { $count } licenties verwijderd
}: het abonnement heeft nu { $seats }.
done-cancelled = Het abonnement is opgezegd.
done-refund = Een terugbetaling van { $amount } wordt gecrediteerd in de huidige factureringsperiode.
done-refund-link = De terugbetaling bekijken bij de niet-gefactureerde kosten
done-auto-renew-on = Automatisch verlengen staat aan: het abonnement wordt na { $date } verlengd.
done-auto-renew-off = Automatisch verlengen staat uit: het abonnement eindigt op { $date }.
done-scheduled = De wijziging is gepland voor de verlenging.
done-schedule-removed = De geplande wijziging is verwijderd; het abonnement wordt ongewijzigd verlengd.
order-cancel-title = Software annuleren
order-line-name = Regel { $line }: { $name }
order-line-cancellable = Kan nu worden geannuleerd, met een terugbetaling van { $amount }.
order-line-cancellable-unknown = Kan nu worden geannuleerd; Partner Center berekent de terugbetaling.
order-line-cancel = Annuleren van regel { $line } controleren
confirm-cancel-line = Regel { $line } van deze bestelling annuleren: { $name }, aantal { $quantity }.
done-line-cancelled = Regel { $line } ({ $name }) is geannuleerd.
error-changed-meanwhile = Het is intussen elders gewijzigd en opnieuw ingelezen; controleer het en probeer het nog een keer.
error-cancellation-window-passed = De termijn om op te zeggen is verstreken.
error-seat-reduction-window-passed = De termijn om licenties te verwijderen is verstreken; er kunnen nu alleen licenties worden toegevoegd, en een lager aantal kan voor de verlenging worden gepland.
error-quantity-cannot-decrease = Minder licenties dan dat vallen nog binnen hun termijn; het aantal kan niet zo ver omlaag.
order-status-completed = Voltooid
order-status-pending = In behandeling
order-status-cancelled = Geannuleerd
order-status-suspended = Opgeschort
order-status-pending-review = Wacht op beoordeling door Microsoft
order-status-pending-po-upload = Wacht op de inkooporder
order-status-po-upload-complete = Inkooporder wordt beoordeeld
order-status-po-review-rejected = Afgewezen bij beoordeling
order-status-partial-success = Gedeeltelijk geleverd
order-status-error = Mislukt
quantity-empty = Vul een aantal in: een geheel getal, bijvoorbeeld 5.
quantity-not-whole = ‘{ $text }’ is geen geheel getal. Vul alleen cijfers in, bijvoorbeeld 5.
quantity-at-least = Vul minstens { $minimum } in.
cart-fix-quantities = Verbeter de gemarkeerde aantallen hierboven; tot dan wordt niets naar Partner Center gestuurd.
fulfillment-fulfilled = Ingericht
fulfillment-unfulfilled = Niet ingericht
fulfillment-prefulfillment-pending = Wacht op inrichting
fulfillment-other = Inrichtingsstatus ‘{ $value }’
entitlement-type-software = Software
entitlement-type-reserved-instance = Azure-reservering
entitlement-type-vm-reserved-instance = Azure-reservering voor virtuele machines
entitlement-type-other = Soort recht ‘{ $value }’
entitlement-quantity = aantal { $count }
invoice-type-recurring = Terugkerend
invoice-type-one-time = Eenmalig
invoice-type-other = Soort factuur ‘{ $value }’
invoice-column-customer = Klant
invoice-column-product = Product
invoice-column-order = Order of abonnement
invoice-column-charge-period = Gefactureerde periode
invoice-column-quantity = Aantal
invoice-column-unit-price = Prijs per stuk
invoice-column-total = Totaal
billing-balances = Saldo per valuta
