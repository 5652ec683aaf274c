app-title = פורטל הרכש של Partner Center
skip-to-content = דלג לתוכן
language = שפה
language-unavailable = לא ניתן היה להוריד את { $language }; בדקו את החיבור ובחרו בשפה שוב.
not-found-title = הדף לא נמצא
not-found-body = אין דף בכתובת { $path }.
not-found-back = חזרה ללקוחות שלך
stopped-title = לא ניתן להציג את הדף
stopped-chunk = לא ניתן היה להוריד חלק מהפורטל; בדקו את החיבור וטענו את הדף מחדש. העגלה שלכם נשמרת.
stopped-error = הפורטל נעצר בגלל שגיאה. טענו את הדף מחדש כדי להמשיך; העגלה שלכם נשמרת.
stopped-reload = טעינת הדף מחדש
sign-in-title = התחברות
sign-in-intro = התחברו עם חשבון העבודה שלכם בדייר Microsoft Entra של השותף. התפקיד שלכם ב-Partner Center קובע מה מותר לכם לעשות כאן.
sign-in-microsoft = התחברות עם Microsoft
sign-in-session-ended = ההפעלה שלכם הסתיימה. התחברו שוב כדי להמשיך מהמקום שבו הייתם.
sign-in-unreachable = ההתחברות אינה זמינה: הפורטל אינו מגיע לשער שלו ({ $reason }). את הפורטל צריך להגיש דרך pc-gateway (למשל עם cargo xtask serve).
session-checking = בודקים את ההתחברות שלכם…
partner-unavailable = לא ניתן היה לקרוא את פרופיל השותף מ-Partner Center, ולכן לא ניתן לבדוק כאן את כללי הרכישה: { $reason }
partner-title = שותף
partner-qualified = ‏Microsoft הסמיכה את השותף הזה למכור תוכנה צמיתה.
partner-not-qualified = תוכנה צמיתה: לא אושר. סוכן מנהל יכול לאשר ש-Microsoft הסמיכה את השותף הזה.
partner-qualified-help = Partner Center אינו מציין זאת; אשרו רק כאשר Microsoft הסמיכה אתכם. ההגדרה חלה על כל המשתמשים של השותף הזה.
partner-saved = נשמר.
partner-admin-only = רק סוכן מנהל יכול לשנות זאת.
partner-save-failed = לא ניתן היה לשמור את ההגדרה: { $reason }
sign-in-submit = התחברות
customers-title = לקוחות
customers-search = חיפוש לקוחות
customers-loading = טוען לקוחות…
customers-empty = אין לקוח התואם ל„{ $query }”.
customers-failed = לא ניתן לטעון את הלקוחות: { $reason }
customers-country = מדינה
customers-domain = דומיין
sign-out = התנתקות
signed-in-as = מחובר כ-{ $tenant }
finding-prevents = ‏Partner Center ידחה זאת עם השגיאה { $code }.
finding-CartEmpty = בעגלה אין שורות.
finding-CartExpired = תוקף העגלה פג ב־{ $expirationTimestamp }; צרו עגלה חדשה.
finding-CatalogItemUnknown = ‏{ $catalogItemId } אינו בקטלוג של מדינת הלקוח.
finding-NotPurchasable = לא ניתן עוד לרכוש הצעה זו.
finding-CountryMismatch = ההצעה מיועדת ל־{ $country }, אבל הלקוח נמצא ב־{ $customerCountry }.
finding-SegmentMismatch = ההצעה מיועדת למגזר { $segment }, אבל הלקוח במגזר { $customerSegment }.
finding-MarketUnavailable = מוצר זה אינו נמכר ללקוחות ב־{ $country }.
finding-PerpetualSoftwareNotQualified = הארגון השותף שלכם אינו מוסמך על ידי Microsoft למכור תוכנה צמיתה.
finding-EuCustomerIneligible = ללקוח כבר יש רכישת { $kind } ב־{ $currency }, ולא במטבע החיוב שלכם { $partnerCurrency }, ולכן אינו יכול לרכוש מכם הצעות מסחר חדש.
finding-CustomerAgreementMissing = הלקוח לא אישר את הסכם הלקוח של Microsoft.
finding-QuantityOutOfRange = הכמות { $quantity } מחוץ לטווח המותר { $minimum }–{ $maximum }.
finding-BillingCycleNotSupported = מחזור החיוב { $billingCycle } אינו מוצע; בחרו אחד מאלה: { $supportedBillingCycles }.
finding-TermNotOffered = התקופה { $termDuration } אינה מוצעת; בחרו אחת מאלה: { $offeredTerms }.
finding-BillingCycleLongerThanTerm = מחזור החיוב { $billingCycle } ארוך מהתקופה { $termDuration }.
finding-TrialRequiresNoBillingCycle = לניסיון אין מחזור חיוב, אבל נבחר { $billingCycle }.
finding-AttestationRequired = מוצר זה מחייב אתכם לאשר את ההצהרה שלו.
finding-InventoryCheckRequired = הריצו תחילה את בדיקת המלאי למוצר זה.
finding-InventoryUnavailable = לפי בדיקת המלאי הפריט אינו זמין: { $reasons }.
finding-ProvisioningContextMissing = מלאו את { $key } עבור שורה זו.
finding-SubscriptionNotRegistered = מינוי Azure ‏{ $subscriptionId } אינו רשום להזמנות; רשמו אותו תחילה.
finding-SubscriptionNotActive = זה כבר אינו פעיל ולכן לא ניתן לשנות אותו.
finding-ChangeNotAllowed = { $kind ->
    [PerpetualSoftware] לא ניתן לשנות תוכנה קבועה לאחר הרכישה; אפשר רק לבטל אותה מההזמנה שלה, בתוך 30 יום.
    [AzurePlan] תוכנית Azure אינה משתנה כאן; נהלו אותה בפורטל Azure.
    [AzureReservation] הזמנת Azure אינה משתנה כאן; החלפות והחזרים נעשים דרך פורטל Azure.
   *[other] רק רישיונות של המסחר החדש ומינויי תוכנה ניתנים לשינוי לאחר הרכישה.
}
finding-CancellationWindowPassed = חלון הביטול של { $windowDays } ימים חלף.
finding-SeatReductionWindowPassed = ניתן להסיר רישיונות רק בתוך { $windowDays } ימים מהרכישה, החידוש או ההוספה שלהם; עדיין אפשר להוסיף רישיונות או לתזמן כמות נמוכה יותר לחידוש.
finding-QuantityCannotDecrease = רק { $reducible } רישיונות עדיין בתוך החלון שלהם, ולכן אפשר להוריד את הכמות עד { $minimumQuantity }, לא עד { $quantity }.
finding-AutoRenewDisabled = הפעילו חידוש אוטומטי לפני שתתזמנו שינוי לחידוש.
loading = טוען…
refresh = רענון
choose = בחרו…
actions = פעולות
nav-label = ראשי
nav-customers = לקוחות
nav-billing = חיובים
sign-in-first = יש להתחבר תחילה.
sign-in-partner = מדינת השותף { $country }, מטבע חיוב { $currency }.
sign-in-qualified = ‏Microsoft הסמיכה אותנו למכור תוכנה צמיתה
customer-tabs = דפי לקוח
tab-overview = סקירה
tab-catalog = קטלוג
tab-cart = עגלה ({ $count })
tab-orders = הזמנות
tab-subscriptions = מינויים
customer-profile = פרופיל
customer-segment = מגזר
segment-commercial = מסחרי
segment-education = חינוך
segment-government = ממשלה
segment-nonprofit = מלכ״ר
agreement-title = הסכם הלקוח של Microsoft
agreement-accepted = אושר ב־{ $date }.
agreement-missing = טרם אושר: רכישות מסחר חדש נכשלות בשגיאה 13605 עד שאישור הלקוח מאומת.
agreement-accept = אישור קבלת ההסכם על ידי הלקוח
contact-first-name = שם פרטי של המאשר
contact-last-name = שם משפחה
contact-email = דוא״ל
azure-title = מינויי Azure
azure-none = ללקוח אין תוכנית Azure.
azure-subscription = מינוי
azure-registration = רישום להזמנות שמורות
azure-registered = רשום
azure-registering-status = ברישום
azure-not-registered = לא רשום
azure-register = רישום
azure-registering = רושם את המינוי…
azure-registered-now = המינוי רשום.
azure-registration-slow = הרישום נמשך זמן רב מהרגיל; בדקו שוב מאוחר יותר.
catalog-title = קטלוג עבור { $country }
catalog-search = חיפוש מוצרים
catalog-kind = סוג מוצר
catalog-kind-all = כל הסוגים
partner-text-source = התיאור של Microsoft, כפי ש־Partner Center מספק אותו:
partner-text-english = (באנגלית)
catalog-count = { $count ->
    [one] מוצר אחד
   *[other] { $count } מוצרים
}
catalog-loading-views = הקטלוג נטען: { $done } מתוך { $total } תצוגות נקראו…
catalog-view-failed = לא ניתן היה לטעון את { $view }: { $reason }
catalog-terms-note = פתחו מוצר כדי לסנן את ההצעות שלו לפי תקופה ומחזור חיוב (והזמנה שמורה גם לפי אזור, גודל מכונה וירטואלית ומשפחה).
catalog-filters = סינון הצעות
catalog-filter-any = הכול
catalog-filter-term = תקופה
catalog-filter-cycle = מחזור חיוב
catalog-filter-region = אזור
catalog-filter-size = גודל מכונה וירטואלית
catalog-filter-family = משפחת מכונות וירטואליות
catalog-sku-count = { $count ->
    [one] מוצגים { $shown } מתוך מק״ט אחד
   *[other] מוצגים { $shown } מתוך { $count } מק״טים
}
catalog-reservation = פרטי ההזמנה השמורה
catalog-scope-shared = משותף (כל המינויים של הלקוח)
catalog-scope-single = מינוי יחיד
catalog-added-seats = { $added ->
    [one] נוסף רישיון אחד
   *[other] נוספו { $added } רישיונות
} – ל־‏{ $name } יש עכשיו { $quantity } בעגלה.
catalog-no-skus = למוצר זה אין מק״טים בשוק זה.
catalog-add = הוספה לעגלה
catalog-added = ‏{ $name } נוסף לעגלה.
catalog-not-purchasable = לא ניתן לרכישה
view-online-services = שירותים מקוונים (מסחר חדש)
view-software = תוכנה
view-software-perpetual = תוכנה צמיתה
view-software-subscriptions = מינויי תוכנה
view-azure-reservations = הזמנות Azure שמורות
view-azure-plan = תוכנית Azure
view-other = מוצרים אחרים
sku-quantity = כמות { $minimum }–{ $maximum }
sku-needs-inventory = דורש בדיקת מלאי
sku-needs-registration = דורש מינוי Azure רשום
sku-needs-attestation = דורש את הצהרתכם
sku-trial = ניסיון
availability-currency = מחויב ב־{ $currency }
term-none = ללא תקופה (רכישה חד־פעמית)
term-cancellation = ניתן לביטול בתוך { $window }
term-P1M = חודש
term-P1Y = שנה
term-P3Y = 3 שנים
term-P1D = יום
term-P7D = 7 ימים
term-P30D = 30 ימים
term-P72H = 72 שעות
cycle-monthly = חודשי
cycle-annual = שנתי
cycle-none = ללא מחזור חיוב
cycle-one-time = חד־פעמי
cycle-triennial = כל 3 שנים
cycle-biennial = כל שנתיים
cycle-other = מחזור חיוב „{ $value }”
cart-title = עגלה
cart-empty = העגלה ריקה. הוסיפו מוצרים מה
line-quantity = כמות
line-term = תקופה
line-billing-cycle = מחזור חיוב
line-attestation = אני מצהיר/ה על עמידה בדרישות { $type } לרכישה זו
line-unit-price = מחיר ליחידה
line-unit-price-per = { $price } { $period }
line-priced-quantity = כמות מתומחרת
line-total = סה״כ לשורה
period-monthly = לחודש
period-annual = לשנה
period-none = ללא חיוב לתקופה
period-one-time = חד־פעמי
period-triennial = לשלוש שנים
period-biennial = לשנתיים
line-order-group = קבוצת הזמנה { $group }
line-server-error = ‏Partner Center: { $description }
line-remove = הסרת שורה
provisioning-subscriptionid = מינוי Azure
provisioning-scope = היקף ההזמנה
provisioning-duration = משך ההזמנה
inventory-title = בדיקת מלאי
inventory-customerid = מזהה לקוח
inventory-azuresubscriptionid = מזהה מינוי Azure
inventory-armregionname = אזור Azure
inventory-run = בדיקת מלאי
inventory-available = זמין.
inventory-restricted = לא זמין למינוי ולאזור אלה.
findings-title = לפני התשלום
findings-none = אין מניעה לביצוע ההזמנה.
findings-count = { $count ->
    [one] יש לתקן בעיה אחת לפני ההזמנה.
    [two] יש לתקן שתי בעיות לפני ההזמנה.
   *[other] יש לתקן { $count } בעיות לפני ההזמנה.
}
groups-title = ההזמנות שהעגלה תיצור
groups-order = קבוצת הזמנה
groups-billing-cycle = מחזור חיוב
groups-lines = שורות
cart-submit-title = סקירה והזמנה
cart-saved = המחירים מ־Partner Center עבור שורות אלה בדיוק.
cart-saving = המחירים מתעדכנים…
cart-pricing-failed = לא ניתן היה לעדכן את המחירים.
cart-price-pending = מתמחר…
cart-price-missing = —
cart-total-title = סה״כ לעגלה
cart-total-currency = מטבע
cart-total-amount = סה״כ
cart-expired = תוקף העגלה פג; נוצרת עגלה חדשה ומתומחרת.
cart-expires-in = תוקף העגלה יפוג בעוד { $left }.
checkout-place = ביצוע הזמנה
checkout-running = מבצע את ההזמנה…
checkout-result-title = תוצאת ההזמנה
checkout-resumed-title = ההזמנה הושלמה לאחר טעינה מחדש
checkout-order-placed = הזמנה { $id } בוצעה ({ $total }).
checkout-see-order = צפייה בהזמנה
checkout-group-failed = קבוצת הזמנה { $group } נכשלה בשגיאה { $code }: { $description }
checkout-retry-lines = העברת שורות אלה לעגלה חדשה
checkout-review = סקירת ההזמנה
checkout-confirmed-title = אישור הזמנה
checkout-orders-count = { $count ->
    [one] בוצעה הזמנה אחת.
   *[other] בוצעו { $count } הזמנות.
}
checkout-see-order-named = צפייה בהזמנה { $id }
checkout-next-title = מה קורה עכשיו
checkout-next-provisioning = Partner Center מקצה כל הזמנה: הסטטוס שלה עובר מממתינה להושלמה.
checkout-next-subscriptions = מינויים חדשים עשויים להופיע ברשימת המינויים רק לאחר כמה דקות.
checkout-next-invoice = חשבונית תישלח בסוף מחזור החיוב.
review-title = סקירת ההזמנה
review-groups-count = { $count ->
    [one] העגלה הופכת להזמנה אחת עבור { $customer }.
   *[other] העגלה הופכת ל־{ $count } הזמנות עבור { $customer }.
}
review-group-title = הזמנה { $group } (מחזור חיוב: { $cycle })
review-product = מוצר
review-quantity = כמות
review-term = תקופה
review-billing-cycle = מחזור חיוב
review-line-total = סה״כ לשורה
review-statements-title = מה אתם מאשרים בהזמנה
review-agreement-signed = { $customer } קיבל/ה את Microsoft Customer Agreement, בחתימת { $name } בתאריך { $date }.
review-agreement-dated = { $customer } קיבל/ה את Microsoft Customer Agreement בתאריך { $date }.
review-agreement = { $customer } קיבל/ה את Microsoft Customer Agreement.
review-agreement-missing = { $customer } עדיין לא קיבל/ה את Microsoft Customer Agreement.
review-attestation = ההצהרה עבור { $name } התקבלה.
review-back = חזרה לעגלה
resume-finished = הזמנה שנקטעה בטעינה מחדש הושלמה: בוצעו { $orders } הזמנות, דבר לא נקנה פעמיים.
resume-see-result = צפייה בתוצאה
orders-title = הזמנות
orders-by-cycle = מחזור חיוב
orders-all-cycles = הכול
orders-none = אין הזמנות עדיין.
orders-id = הזמנה
orders-created = נוצרה
orders-status = מצב
orders-total = סה״כ
orders-listing = רישום
orders-pending-listing = ממתין לרישום
orders-pending-note = { $count ->
    [one] הזמנה אחת שבוצעה כאן עדיין אינה מופיעה ב־Partner Center (הופעת הזמנות חדשות עשויה להימשך עד 15 דקות).
    [two] שתי הזמנות שבוצעו כאן עדיין אינן מופיעות ב־Partner Center (הופעת הזמנות חדשות עשויה להימשך עד 15 דקות).
   *[other] ‏{ $count } הזמנות שבוצעו כאן עדיין אינן מופיעות ב־Partner Center (הופעת הזמנות חדשות עשויה להימשך עד 15 דקות).
}
order-title = הזמנה { $id }
order-lines = שורות
order-offer = הצעה
order-provisioning = הקצאה
order-activation = הפעלה
order-subscriptions = מינויים מהזמנה זו
order-subscriptions-none = אין עדיין.
subscriptions-title = מינויים
subscriptions-none = אין מינויים.
subscriptions-name = שם
subscriptions-cancel-until = ניתן לביטול עד
subscriptions-refundable = כמות ניתנת להחזר
entitlements-title = זכאויות
entitlements-none = אין זכאויות.
entitlement-product-key = מפתח מוצר
billing-title = חיובים
billing-balance = יתרה
billing-summaries = לפי מטבע
billing-currency = מטבע
billing-latest-invoice = חשבונית אחרונה
billing-last-payment = תשלום אחרון
billing-last-payment-date = שולם ב
billing-invoices = חשבוניות
invoice-id = חשבונית
invoice-date = תאריך
invoice-period = תקופת חיוב
invoice-type = סוג
invoice-total = סך החיובים
invoice-paid = שולם
invoice-title = חשבונית { $id }
invoice-pdf = הורדת דוח PDF
invoice-pdf-working = מכין את ה־PDF…
invoice-pdf-done = דוח ה־PDF הורד.
invoice-csv = ייצוא שורות (CSV)
invoice-csv-done = השורות יוצאו.
file-not-saved = לא ניתן היה לשמור את הקובץ ({ $reason }).
invoice-lines = { $count ->
    [one] שורת חשבונית אחת
   *[other] { $count } שורות חשבונית
}
invoice-lines-region = שורות חשבונית
error-details = (שגיאת Partner Center ‏{ $code }: { $description } מזהה בקשה { $requestId }.)
error-details-status = (HTTP ‏{ $status }. מזהה בקשה { $requestId }.)
error-details-status-description = (HTTP ‏{ $status }: { $description } מזהה בקשה { $requestId }.)
error-details-unreadable = (לא ניתן לקרוא את ‏{ $path }. מזהה בקשה { $requestId }.)
error-details-request = (מזהה בקשה { $requestId }.)
error-retry-after = נסו שוב בעוד { $seconds } שניות.
error-partner-center = ‏Partner Center דחה את הבקשה.
error-unauthorized = ההתחברות אינה תקפה עוד; התחברו שוב.
error-forbidden = לחשבון שלכם אין הרשאה לכך.
error-role-cannot-buy = התפקיד שלכם ב-Partner Center ‏({ $role }) מאפשר לצפות אך לא לקנות: יצירת עגלות וביצוע הזמנות דורשים סוכן מנהל או סוכן מכירות. דבר לא נקנה.
error-role-cannot-buy-unknown = התפקיד שלכם ב-Partner Center מאפשר לצפות אך לא לקנות: יצירת עגלות וביצוע הזמנות דורשים סוכן מנהל או סוכן מכירות. דבר לא נקנה.
role-admin-agent = סוכן מנהל
role-sales-agent = סוכן מכירות
role-helpdesk-agent = סוכן תמיכה
error-not-found = הפריט אינו קיים (עוד).
error-throttled = ‏Partner Center מקבל יותר מדי בקשות.
error-unexpected-response = ‏Partner Center השיב תשובה לא צפויה.
error-timeout = ‏Partner Center לא השיב בזמן; דבר לא נקנה פעמיים — נסו שוב.
error-network = לא ניתן להגיע ל־Partner Center; בדקו את החיבור.
error-token = לא ניתן היה לקבל אסימון גישה.
error-journal = לא ניתן היה לרשום את ההזמנה בדפדפן, ולכן דבר לא נשלח.
error-invalid-request = לא ניתן היה לבנות את הבקשה.
error-perpetual-software-not-qualified = השותף אינו מוסמך למכור הצעה זו.
error-offer-unavailable = ההצעה אינה זמינה עוד לרכישה.
error-customer-agreement-missing = הלקוח לא אישר את הסכם הלקוח של Microsoft.
error-order-not-found = ההזמנה לא נמצאה.
error-subscription-not-found = המינוי לא נמצא.
error-product-not-found = המוצר לא נמצא.
error-sku-not-found = המק״ט לא נמצא.
error-availability-not-found = הזמינות לא נמצאה; קראו שוב את הקטלוג.
error-segment-not-allowed = מגזר זה אינו מותר.
error-target-view-not-allowed = תצוגת קטלוג זו אינה מותרת.
error-invalid-input = ‏Partner Center מצא שהבקשה אינה תקינה.
error-service = ב־Partner Center אירעה שגיאה פנימית; נסו שוב מאוחר יותר.
error-provisioning-unavailable = ההקצאה אינה זמינה כעת.
error-cart-not-found = העגלה לא נמצאה; סקרו שוב את המחירים.
error-cart-items = בחלק משורות העגלה יש שגיאות.
error-inventory-unavailable = אין מלאי לפריט זה.
error-azure-subscription-invalid = מינוי ה־Azure אינו תקף לרכישה זו.
error-quantity-unavailable = כמות זו אינה זמינה.
error-not-eligible = הלקוח אינו זכאי להצעה זו.
error-subscription-not-registered = מינוי ה־Azure אינו רשום להזמנות שמורות.
error-order-in-progress = הזמנה לעגלה זו כבר בתהליך.
error-cart-in-progress = העגלה נמצאת כעת בתהליך הזמנה.
error-cart-already-submitted = עגלה זו כבר הוזמנה.
error-limit-exceeded = חריגה ממגבלת רכישה.
error-risk-check = בדיקת הסיכונים של Microsoft עצרה רכישה זו.
error-market-unavailable = ההצעה אינה זמינה בשוק של הלקוח.
error-credit-limit = הרכישה חורגת ממסגרת האשראי שלכם.
error-attestation-required = יש לאשר את ההצהרה.
error-partner-attestation-missing = חסרה הצהרת שותף רשום.
error-term-invalid = תקופה זו אינה מוצעת.
error-billing-cycle-invalid = מחזור חיוב זה אינו מוצע.
error-billing-cycle-longer-than-term = מחזור החיוב ארוך מהתקופה.
error-quantity-out-of-range = הכמות מחוץ לטווח המותר.
error-app-user-required = נדרש משתמש מחובר, לא רק אפליקציה.

## pc-gateway: הדפים שאדם רואה בזמן הכניסה
gateway-again = כניסה מחדש
gateway-back = חזרה לפורטל
gateway-unreachable-title = הכניסה של Microsoft אינה זמינה
gateway-unreachable-body = השער אינו מצליח להגיע לספק הזהויות שלו, ולכן איש אינו יכול להיכנס כעת. נסו שוב בעוד דקה; אם זה נמשך, פנו למי שמפעיל את הפורטל. ({ $detail })
gateway-cancelled-title = הכניסה לא הושלמה
gateway-cancelled-body = הכניסה של Microsoft השיבה: { $reason }
gateway-expired-title = תוקף הכניסה הזו פג
gateway-expired-body = קישור הכניסה הזה כבר נוצל, פג תוקפו (יש להשלים את הכניסה תוך 10 דקות) או שהכניסה התחילה בדפדפן אחר. איש לא נכנס; התחילו מחדש.
gateway-state-title = הכניסה נדחתה
gateway-state-body = התשובה מהכניסה של Microsoft אינה שייכת לכניסה שהדפדפן הזה התחיל (ה-state אינו תואם). איש לא נכנס; התחילו מחדש.
gateway-refused-title = הכניסה נדחתה
gateway-refused-body = איש לא נכנס: { $reason }. התחילו מחדש.
gateway-mfa-title = נדרשת כניסה באימות רב-שלבי
gateway-mfa-body = Partner Center מקבל רק משתמשים שנכנסו באימות רב-שלבי, והכניסה הזו השתמשה בסיסמה בלבד. הגדירו אימות רב-שלבי לחשבון שלכם (או בקשו ממנהל המערכת), ואז היכנסו שוב.
gateway-not-found-title = לא נמצא
gateway-not-found-body = { $path } אינו מוגש כאן: השער הופעל ללא פורטל.

## חיובים שטרם חויבו והיכן הזמנה מחויבת (issue 16)
unbilled-link = חיובים שטרם חויבו
unbilled-title = חיובים שטרם חויבו
unbilled-currency = מטבע
unbilled-period = תקופת חיוב
unbilled-period-current = התקופה הנוכחית
unbilled-period-previous = התקופה הקודמת
unbilled-total = סך הכול
unbilled-by-customer = סיכום לפי לקוח
unbilled-by-product = סיכום לפי מוצר
unbilled-customer = לקוח
unbilled-product = מוצר
unbilled-order = הזמנה
unbilled-amount = סכום
unbilled-none = אין חיובים פתוחים בתקופה זו.
unbilled-csv-purchases = ייצוא שורות רכישה (CSV)
unbilled-csv-usage = ייצוא שורות צריכה (CSV)
unbilled-csv-done = השורות יוצאו.
unbilled-lines-region = שורות רכישה שטרם חויבו
order-billing = היכן ההזמנה מחויבת
order-billing-none = אין עדיין שורות חיוב להזמנה זו.
order-billing-unbilled = טרם חויב (התקופה הנוכחית)
unbilled-intro = חיובים שטרם הופיעו בחשבונית. רכישה, החזר או חידוש מופיעים כאן מיד; כשתקופת החיוב נסגרת, השורות עוברות לחשבונית של אותה תקופה.
unbilled-order-date = תאריך הזמנה
unbilled-this-order = הזמנה זו
unbilled-none-previous = עדיין אין תקופת חיוב סגורה במטבע זה.
unbilled-lines-title = שורות רכישה
invoice-purchase-lines = שורות רכישה בחשבונית זו

# Issue 12: rules before checkout
catalog-segment = מגזר: { $segment } (לפי ההסמכות של הלקוח)
catalog-blocked = הלקוח אינו יכול לקנות את זה:
catalog-other-segments = { $count } זמינויות למגזרים אחרים אינן מוצעות: הלקוח קונה במגזר { $segment }.
cart-server-line-error = { $name }: ‏Partner Center השיב { $code }: { $description }
orders-pending-subscriptions-note = { $count ->
    [one] הזמנה אחת שמנויי הלקוח מפנים אליה עדיין אינה מופיעה ב־Partner Center (בוצעה במקום אחר; הופעת הזמנות חדשות עשויה להימשך עד 15 דקות).
    [two] שתי הזמנות שמנויי הלקוח מפנים אליהן עדיין אינן מופיעות ב־Partner Center (בוצעו במקום אחר; הופעת הזמנות חדשות עשויה להימשך עד 15 דקות).
   *[other] ‏{ $count } הזמנות שמנויי הלקוח מפנים אליהן עדיין אינן מופיעות ב־Partner Center (בוצעו במקום אחר; הופעת הזמנות חדשות עשויה להימשך עד 15 דקות).
}
unbilled-purchases-count = שורות רכישה: { $count }
unbilled-usage-count = שורות שימוש יומי: { $count }
invoice-lines-show = הצגת שורות החשבונית

## Issue 15: after the purchase (a subscription's page, software order lines)
customer-subscriptions = מינויים
subscription-back = כל המינויים של הלקוח
subscription-status = מצב
subscription-seats = רישיונות
subscription-started = התחיל
subscription-term-ends = התקופה מסתיימת
subscription-auto-renew = חידוש אוטומטי
subscription-unit-price = מחיר לרישיון
subscription-unit-price-value = { $price } לתקופת חיוב
subscription-order = נרכש בהזמנה
subscription-on = פועל
subscription-off = כבוי
subscription-status-active = פעיל
subscription-status-pending = בהקמה
subscription-status-suspended = מושהה
subscription-status-expired = פג תוקף
subscription-status-disabled = מושבת
subscription-status-deleted = בוטל
subscription-status-none = ללא מצב
subscription-status-other = מצב „{ $status }”
seats-count = { $count ->
    [one] רישיון אחד
    [two] שני רישיונות
   *[other] { $count } רישיונות
}
duration-days = { $count ->
    [one] יום אחד
    [two] יומיים
   *[other] { $count } ימים
}
duration-hours = { $count ->
    [one] שעה אחת
    [two] שעתיים
   *[other] { $count } שעות
}
duration-minutes = { $count ->
    [one] דקה אחת
    [two] שתי דקות
   *[other] { $count } דקות
}
duration-seconds = { $count ->
    [one] שנייה אחת
    [two] שתי שניות
   *[other] { $count } שניות
}
term-cycle = { $term } · { $cycle }
window-title = חלון הביטול
window-open-until = אפשר להסיר רישיונות או לבטל את המינוי, עם החזר יחסי, עד { $deadline }.
window-left = הזמן שנותר: { $time }.
window-closed = חלון הביטול נסגר ב-{ $deadline }. עדיין אפשר להוסיף רישיונות; שינויים אחרים ימתינו לחידוש.
window-none = Partner Center לא מציין חלון ביטול למינוי הזה.
change-title = שינוי המינוי
change-add-title = הוספת רישיונות
change-add-label = רישיונות להוספה
change-add-review = סקירת ההוספה
change-add-room = { $count ->
    [one] אפשר להוסיף עוד רישיון אחד.
    [two] אפשר להוסיף עוד שני רישיונות.
   *[other] אפשר להוסיף עד { $count } רישיונות נוספים.
}
change-reduce-title = הסרת רישיונות
change-reduce-label = רישיונות להסרה
change-reduce-review = סקירת ההסרה
change-reduce-room = { $count ->
    [one] אפשר להסיר רישיון אחד
    [two] אפשר להסיר עד שני רישיונות
   *[other] אפשר להסיר עד { $count } רישיונות
} עד { $deadline }.
change-cancel-title = ביטול המינוי
change-cancel-review = סקירת הביטול
change-cancel-until = אפשר לבטל אותו עד { $deadline }.
change-auto-renew-title = חידוש
change-auto-renew-label = חידוש אוטומטי בסוף התקופה
auto-renew-on-help = המינוי יתחדש כשהתקופה תסתיים ב-{ $date }.
auto-renew-off-help = המינוי יסתיים עם סוף התקופה ב-{ $date } ולא יתחדש.
change-renewal-title = שינוי בחידוש
change-renewal-intro = שינוי שמתוזמן כאן ייכנס לתוקף בחידוש ב-{ $date }; עד אז שום דבר לא משתנה.
change-renewal-scheduled = מתוזמן לחידוש: { $seats }, { $terms }.
change-renewal-none = לא מתוזמן שינוי לחידוש.
change-renewal-remove = הסרת השינוי המתוזמן
change-renewal-option = תקופה ומחזור חיוב בחידוש
change-renewal-quantity = רישיונות בחידוש
change-renewal-submit = תזמון לחידוש
confirm-title = אישור השינוי
confirm-add = { $count ->
    [one] הוספת רישיון אחד
    [two] הוספת שני רישיונות
   *[other] הוספת { $count } רישיונות
}, ל-{ $seats } בסך הכול. הרישיונות שנוספו יחויבו על יתרת תקופת החיוב הנוכחית.
confirm-reduce = { $count ->
    [one] הסרת רישיון אחד
    [two] הסרת שני רישיונות
   *[other] הסרת { $count } רישיונות
}, ל-{ $seats } בסך הכול.
confirm-cancel = { $count ->
    [one] ביטול המינוי: הרישיון שלו מסתיים עכשיו.
    [two] ביטול המינוי: שני הרישיונות שלו מסתיימים עכשיו.
   *[other] ביטול המינוי: כל { $count } הרישיונות שלו מסתיימים עכשיו.
}
confirm-refund = החזר: { $amount }, שיזוכה בתקופת החיוב הנוכחית.
confirm-refund-unknown = Partner Center מחשב את ההחזר; הסכום אינו ידוע כאן.
confirm-submit = אישור
confirm-back = חזרה
confirm-working = השינוי נשלח אל Partner Center…
change-refused = לא בוצע שינוי. { $reason }
done-added = { $count ->
    [one] נוסף רישיון אחד
    [two] נוספו שני רישיונות
   *[other] נוספו { $count } רישיונות
}: למינוי יש עכשיו { $seats }.
done-reduced = { $count ->
    [one] הוסר רישיון אחד
    [two] הוסרו שני רישיונות
   *[other] הוסרו { $count } רישיונות
}: למינוי יש עכשיו { $seats }.
done-cancelled = המינוי בוטל.
done-refund = החזר של { $amount } יזוכה בתקופת החיוב הנוכחית.
done-refund-link = הצגת ההחזר בחיובים שטרם חויבו
done-auto-renew-on = החידוש האוטומטי פועל: המינוי יתחדש אחרי { $date }.
done-auto-renew-off = החידוש האוטומטי כבוי: המינוי יסתיים ב-{ $date }.
done-scheduled = השינוי תוזמן לחידוש.
done-schedule-removed = השינוי המתוזמן הוסר; המינוי יתחדש כפי שהוא.
order-cancel-title = ביטול תוכנה
order-line-name = שורה { $line }: { $name }
order-line-cancellable = אפשר לבטל עכשיו, עם החזר של { $amount }.
order-line-cancellable-unknown = אפשר לבטל עכשיו; Partner Center מחשב את ההחזר.
order-line-cancel = סקירת ביטול שורה { $line }
confirm-cancel-line = ביטול שורה { $line } בהזמנה הזו: { $name }, כמות { $quantity }.
done-line-cancelled = שורה { $line } ({ $name }) בוטלה.
error-changed-meanwhile = הוא שונה במקום אחר בינתיים ונקרא מחדש; בדקו אותו ונסו שוב.
error-cancellation-window-passed = חלון הביטול חלף.
error-seat-reduction-window-passed = החלון להסרת רישיונות חלף; עכשיו אפשר רק להוסיף רישיונות, וכמות נמוכה יותר אפשר לתזמן לחידוש.
error-quantity-cannot-decrease = פחות רישיונות מזה עדיין בתוך החלון שלהם; אי אפשר להוריד את הכמות עד כדי כך.
order-status-completed = הושלמה
order-status-pending = בטיפול
order-status-cancelled = בוטלה
order-status-suspended = מושהית
order-status-pending-review = ממתינה לבדיקה של Microsoft
order-status-pending-po-upload = ממתינה להזמנת הרכש
order-status-po-upload-complete = הזמנת הרכש בבדיקה
order-status-po-review-rejected = נדחתה בבדיקה
order-status-partial-success = סופקה חלקית
order-status-error = נכשלה
quantity-empty = יש להזין כמות: מספר שלם, למשל 5.
quantity-not-whole = „{ $text }” אינו מספר שלם. יש להזין ספרות בלבד, למשל 5.
quantity-at-least = יש להזין לפחות { $minimum }.
cart-fix-quantities = יש לתקן את הכמויות המסומנות למעלה; עד אז דבר אינו נשלח ל-Partner Center.
fulfillment-fulfilled = הוקצה
fulfillment-unfulfilled = לא הוקצה
fulfillment-prefulfillment-pending = ממתין להקצאה
fulfillment-other = מצב הקצאה „{ $value }”
entitlement-type-software = תוכנה
entitlement-type-reserved-instance = הזמנה שמורה של Azure
entitlement-type-vm-reserved-instance = הזמנה שמורה של מכונות וירטואליות ב-Azure
entitlement-type-other = סוג זכאות „{ $value }”
entitlement-quantity = כמות { $count }
invoice-type-recurring = חוזר
invoice-type-one-time = חד-פעמי
invoice-type-other = סוג חשבונית „{ $value }”
invoice-column-customer = לקוח
invoice-column-product = מוצר
invoice-column-order = הזמנה או מינוי
invoice-column-charge-period = תקופת החיוב
invoice-column-quantity = כמות
invoice-column-unit-price = מחיר ליחידה
invoice-column-total = סה״כ
billing-balances = יתרה לפי מטבע
