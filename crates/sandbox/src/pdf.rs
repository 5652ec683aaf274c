//! The invoice statement PDF: what `GET /v1/invoices/{invoice-id}/documents/statement` returns
//! (`application/pdf`).
//!
//! Drawn with `printpdf` 0.7 and the PDF built-in fonts Helvetica / Helvetica-Bold, so nothing
//! is embedded. Those fonts use WinAnsiEncoding (Windows-1252): text the fonts cannot show
//! (Hebrew, Chinese, emoji, …) is replaced with `?` before drawing, and cell text is measured
//! with the fonts' Adobe metrics and cut with an ellipsis so it never runs into the next column.
//!
//! Layout: A4 landscape (nine columns need the width). The first page carries the statement
//! header, later pages a one-line "continued" header; every page that shows line items repeats
//! the table header, and every page ends with "Page n of m". The totals come after the last
//! line (on a page of their own when the last page has no room left for them).
//!
//! The output is deterministic: the document dates are the invoice date (the Unix epoch when
//! the invoice has none) and the trailer `/ID` is a fingerprint of the document itself, so the
//! same statement always renders to the same bytes.

use pc_core::models::{Invoice, OneTimeInvoiceLineItem};
use pc_core::wire::Timestamp;
use printpdf::lopdf;
use printpdf::{
    BuiltinFont, Color, Greyscale, IndirectFontRef, Line, Mm, OffsetDateTime, PdfDocument,
    PdfLayerReference, Point, Rect,
};
use rust_decimal::{Decimal, RoundingStrategy};

/// What the statement shows. Money is in the invoice's `currency_code`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Statement<'a> {
    /// The invoice: ID, dates, billing period, total charges, paid amount, currency, type.
    pub(crate) invoice: &'a Invoice,
    /// The partner's name, e.g. `Contoso Ltd.`.
    pub(crate) partner_name: &'a str,
    /// The partner's country (code or name, printed as given).
    pub(crate) partner_country: &'a str,
    /// The invoice's line items, one table row each, in this order.
    pub(crate) lines: &'a [OneTimeInvoiceLineItem],
}

/// Why a statement could not be rendered. Neither should happen for any input; both mean a
/// fault in `printpdf` / `lopdf`.
#[derive(Debug, thiserror::Error)]
pub(crate) enum PdfError {
    /// `printpdf` failed to build or serialise the document.
    #[error("printpdf could not build the statement")]
    Render(#[from] printpdf::Error),
    /// `lopdf` failed to re-read or re-write printpdf's output (compression, fixed `/ID`).
    #[error("lopdf could not finish the statement")]
    Finish(#[from] lopdf::Error),
}

/// Renders the statement as a PDF document.
///
/// A4 landscape pages: a header with "Invoice <id>", the partner's name and country, invoice
/// date, billing period, currency and invoice type; a table (customer, product / SKU, order,
/// charge type, quantity, unit price, subtotal, tax, total) over as many pages as the lines
/// need, its header repeated on each page; "Page n of m" on every page; and the totals (total
/// charges, tax, paid, balance) after the last line. Missing values print as empty cells.
///
/// # Errors
/// [`PdfError`] when `printpdf` or `lopdf` fails, which no input is known to cause.
pub(crate) fn render_statement(statement: &Statement<'_>) -> Result<Vec<u8>, PdfError> {
    let invoice_id = statement
        .invoice
        .id
        .as_ref()
        .map(|id| id.as_str().to_owned())
        .unwrap_or_default();
    let title = if invoice_id.is_empty() {
        "Invoice".to_owned()
    } else {
        format!("Invoice {invoice_id}")
    };
    let date = document_date(statement.invoice);

    let (doc, first_page, first_layer) = PdfDocument::new(
        ascii_only(&title),
        Mm(PAGE_WIDTH),
        Mm(PAGE_HEIGHT),
        LAYER_NAME,
    );
    let doc = doc
        .with_producer("pc-sandbox")
        .with_creator("pc-sandbox")
        .with_creation_date(date)
        .with_mod_date(date)
        .with_metadata_date(date);
    let fonts = Fonts {
        regular: doc.add_builtin_font(BuiltinFont::Helvetica)?,
        bold: doc.add_builtin_font(BuiltinFont::HelveticaBold)?,
    };

    let plan = plan_pages(statement.lines.len());
    let page_count = plan.len();
    let totals = Totals::of(statement);
    for (index, page) in plan.iter().enumerate() {
        let (page_index, layer_index) = if index == 0 {
            (first_page, first_layer)
        } else {
            doc.add_page(Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT), LAYER_NAME)
        };
        let canvas = Canvas {
            layer: doc.get_page(page_index).get_layer(layer_index),
            fonts: &fonts,
        };
        let mut y = if index == 0 {
            draw_first_header(&canvas, statement, &title);
            FIRST_TABLE_TOP
        } else {
            draw_continued_header(&canvas, &title);
            NEXT_TABLE_TOP
        };
        if page.has_table {
            y = draw_table_header(&canvas, y);
            if statement.lines.is_empty() {
                canvas.text_left(
                    "No line items.",
                    Face::Regular,
                    TABLE_FONT_SIZE,
                    TABLE_LEFT + CELL_PADDING,
                    y - ROW_BASELINE,
                    TABLE_WIDTH,
                );
                y -= ROW_HEIGHT;
            }
            let lines = statement.lines.get(page.lines.clone()).unwrap_or_default();
            for (row, line) in lines.iter().enumerate() {
                draw_row(&canvas, y, page.lines.start + row, line);
                y -= ROW_HEIGHT;
            }
        }
        if page.has_totals {
            draw_totals(&canvas, y, &totals, statement.invoice);
        }
        draw_footer(
            &canvas,
            statement.partner_name,
            &title,
            index + 1,
            page_count,
        );
    }

    let bytes = doc.save_to_bytes()?;
    finish(&bytes)
}

// ----- page geometry (millimetres; PDF y grows upwards from the bottom edge) -----

/// A4 landscape width.
const PAGE_WIDTH: f32 = 297.0;
/// A4 landscape height.
const PAGE_HEIGHT: f32 = 210.0;
/// Left and right margin.
const MARGIN: f32 = 12.0;
/// Left edge of the table.
const TABLE_LEFT: f32 = MARGIN;
/// Width of the table: the page between the margins.
const TABLE_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// Right edge of the table.
const TABLE_RIGHT: f32 = TABLE_LEFT + TABLE_WIDTH;
/// Top of the table on the first page, under the statement header.
const FIRST_TABLE_TOP: f32 = 166.0;
/// Top of the table on later pages, under the "continued" line.
const NEXT_TABLE_TOP: f32 = 186.0;
/// Lowest point a table row may reach; the footer lives below.
const TABLE_BOTTOM: f32 = 18.0;
/// Height of the table header row.
const HEADER_ROW_HEIGHT: f32 = 7.0;
/// Height of a line-item row.
const ROW_HEIGHT: f32 = 5.0;
/// Distance from a row's top to its text baseline.
const ROW_BASELINE: f32 = 3.5;
/// Horizontal space kept free at both sides of a cell's text.
const CELL_PADDING: f32 = 1.5;
/// Baseline of the footer line.
const FOOTER_BASELINE: f32 = 9.0;
/// Font size of table cells, in points.
const TABLE_FONT_SIZE: f32 = 8.0;
/// Smallest size a number or ID is shrunk to before it is cut instead.
const MIN_FONT_SIZE: f32 = 5.5;
/// Name of the one layer on each page.
const LAYER_NAME: &str = "Statement";

/// Line items that fit on the first page (28).
const FIRST_PAGE_ROWS: usize =
    ((FIRST_TABLE_TOP - HEADER_ROW_HEIGHT - TABLE_BOTTOM) / ROW_HEIGHT) as usize;
/// Line items that fit on each later page (32).
const NEXT_PAGE_ROWS: usize =
    ((NEXT_TABLE_TOP - HEADER_ROW_HEIGHT - TABLE_BOTTOM) / ROW_HEIGHT) as usize;
/// Rows of space the totals block takes (rule plus four lines of 5.5 mm).
const TOTALS_ROWS: usize = 6;

/// Points per millimetre.
const PT_PER_MM: f32 = 72.0 / 25.4;

/// How text is placed in a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Align {
    /// Left-aligned (text).
    Left,
    /// Right-aligned (numbers).
    Right,
}

/// A table column.
#[derive(Clone, Copy, Debug)]
struct Column {
    /// Header text.
    title: &'static str,
    /// Width in millimetres.
    width: f32,
    /// Placement of the cell text.
    align: Align,
    /// Whether too long text is first set smaller (down to [`MIN_FONT_SIZE`]) before it is cut
    /// with an ellipsis: for numbers and IDs, which are useless cut.
    shrink: bool,
}

/// The table's columns; the widths add up to [`TABLE_WIDTH`].
const COLUMNS: [Column; 9] = [
    Column {
        title: "Customer",
        width: 46.0,
        align: Align::Left,
        shrink: false,
    },
    Column {
        title: "Product / SKU",
        width: 65.0,
        align: Align::Left,
        shrink: false,
    },
    Column {
        title: "Order",
        width: 43.0,
        align: Align::Left,
        shrink: true,
    },
    Column {
        title: "Charge type",
        width: 22.0,
        align: Align::Left,
        shrink: false,
    },
    Column {
        title: "Quantity",
        width: 15.0,
        align: Align::Right,
        shrink: true,
    },
    Column {
        title: "Unit price",
        width: 20.0,
        align: Align::Right,
        shrink: true,
    },
    Column {
        title: "Subtotal",
        width: 21.0,
        align: Align::Right,
        shrink: true,
    },
    Column {
        title: "Tax",
        width: 19.0,
        align: Align::Right,
        shrink: true,
    },
    Column {
        title: "Total",
        width: 22.0,
        align: Align::Right,
        shrink: true,
    },
];

// ----- pagination -----

/// What one page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
struct PagePlan {
    /// Indexes of the line items on this page.
    lines: std::ops::Range<usize>,
    /// Whether the page draws the table (header and rows).
    has_table: bool,
    /// Whether the totals block follows the rows on this page.
    has_totals: bool,
}

/// Splits `line_count` line items over pages: [`FIRST_PAGE_ROWS`] on the first,
/// [`NEXT_PAGE_ROWS`] on the others, and the totals after the last line, on a page of their own
/// when fewer than [`TOTALS_ROWS`] rows are left. No lines still gives one page (a "No line
/// items." row and the totals).
fn plan_pages(line_count: usize) -> Vec<PagePlan> {
    let mut pages = Vec::new();
    let mut start = 0;
    loop {
        let capacity = if pages.is_empty() {
            FIRST_PAGE_ROWS
        } else {
            NEXT_PAGE_ROWS
        };
        let end = line_count.min(start + capacity);
        if end < line_count {
            pages.push(PagePlan {
                lines: start..end,
                has_table: true,
                has_totals: false,
            });
            start = end;
            continue;
        }
        // The last lines (or the "No line items." row).
        let used = (end - start).max(1);
        let totals_fit = capacity - used >= TOTALS_ROWS;
        pages.push(PagePlan {
            lines: start..end,
            has_table: true,
            has_totals: totals_fit,
        });
        if !totals_fit {
            pages.push(PagePlan {
                lines: end..end,
                has_table: false,
                has_totals: true,
            });
        }
        return pages;
    }
}

// ----- drawing -----

/// The two fonts of the document.
#[derive(Debug)]
struct Fonts {
    /// Helvetica.
    regular: IndirectFontRef,
    /// Helvetica-Bold.
    bold: IndirectFontRef,
}

/// Which of the [`Fonts`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Face {
    /// Helvetica.
    Regular,
    /// Helvetica-Bold.
    Bold,
}

/// The layer of one page, with the fonts; coordinates are millimetres.
struct Canvas<'a> {
    /// Where operations go.
    layer: PdfLayerReference,
    /// The document's fonts.
    fonts: &'a Fonts,
}

impl Canvas<'_> {
    /// Draws `text` (made WinAnsi-safe here) with its baseline starting at (`x`, `y`), cut with
    /// an ellipsis to `max_width` millimetres.
    fn text_left(&self, text: &str, face: Face, size: f32, x: f32, y: f32, max_width: f32) {
        let text = fit(&win_ansi(text), face, size, max_width);
        self.put(&text, face, size, x, y);
    }

    /// Draws `text` ending at `right`, set smaller (down to [`MIN_FONT_SIZE`]) and then cut
    /// when it is wider than `max_width` millimetres.
    fn text_right(&self, text: &str, face: Face, size: f32, right: f32, y: f32, max_width: f32) {
        let text = win_ansi(text);
        let size = fitting_size(&text, face, size, max_width);
        let text = fit(&text, face, size, max_width);
        let width = text_width(&text, face, size);
        self.put(&text, face, size, right - width, y);
    }

    /// Draws a table cell of `column`, whose left edge is at `left`, on `baseline`.
    fn cell(&self, text: &str, face: Face, column: &Column, left: f32, baseline: f32) {
        let inner = column.width - 2.0 * CELL_PADDING;
        let text = win_ansi(text);
        let size = if column.shrink {
            fitting_size(&text, face, TABLE_FONT_SIZE, inner)
        } else {
            TABLE_FONT_SIZE
        };
        let text = fit(&text, face, size, inner);
        let x = match column.align {
            Align::Left => left + CELL_PADDING,
            Align::Right => left + column.width - CELL_PADDING - text_width(&text, face, size),
        };
        self.put(&text, face, size, x, baseline);
    }

    /// Writes already safe, already fitted text.
    fn put(&self, text: &str, face: Face, size: f32, x: f32, y: f32) {
        if text.is_empty() {
            return;
        }
        let font = match face {
            Face::Regular => &self.fonts.regular,
            Face::Bold => &self.fonts.bold,
        };
        self.layer.use_text(text, size, Mm(x), Mm(y), font);
    }

    /// Sets the fill (and so text) colour: 0 black … 1 white.
    fn fill_grey(&self, level: f32) {
        self.layer
            .set_fill_color(Color::Greyscale(Greyscale::new(level, None)));
    }

    /// Fills the rectangle from (`x0`, `y0`) to (`x1`, `y1`) with grey `level`, then sets the
    /// fill colour back to black.
    fn shade(&self, x0: f32, y0: f32, x1: f32, y1: f32, level: f32) {
        self.fill_grey(level);
        self.layer
            .add_rect(Rect::new(Mm(x0), Mm(y0), Mm(x1), Mm(y1)));
        self.fill_grey(0.0);
    }

    /// A horizontal rule at `y` from `x0` to `x1`, `thickness` points thick.
    fn rule(&self, x0: f32, x1: f32, y: f32, thickness: f32) {
        self.layer
            .set_outline_color(Color::Greyscale(Greyscale::new(0.0, None)));
        self.layer.set_outline_thickness(thickness);
        self.layer.add_line(Line {
            points: vec![
                (Point::new(Mm(x0), Mm(y)), false),
                (Point::new(Mm(x1), Mm(y)), false),
            ],
            is_closed: false,
        });
    }
}

/// The first page's header: title, partner, and the invoice facts on the right.
fn draw_first_header(canvas: &Canvas<'_>, statement: &Statement<'_>, title: &str) {
    let invoice = statement.invoice;
    canvas.text_left(title, Face::Bold, 18.0, MARGIN, 190.0, 160.0);
    canvas.text_left(
        statement.partner_name,
        Face::Bold,
        11.0,
        MARGIN,
        181.0,
        160.0,
    );
    canvas.text_left(
        statement.partner_country,
        Face::Regular,
        9.0,
        MARGIN,
        176.0,
        160.0,
    );

    let period = match (
        invoice.billing_period_start_date.as_ref(),
        invoice.billing_period_end_date.as_ref(),
    ) {
        (None, None) => String::new(),
        (start, end) => format!(
            "{} \u{2013} {}",
            start.map(format_date).unwrap_or_default(),
            end.map(format_date).unwrap_or_default()
        ),
    };
    let currency = match (
        invoice.currency_code.as_deref(),
        invoice.currency_symbol.as_deref(),
    ) {
        (Some(code), Some(symbol)) if !symbol.is_empty() && symbol != code => {
            format!("{code} ({symbol})")
        }
        (Some(code), _) => code.to_owned(),
        (None, Some(symbol)) => symbol.to_owned(),
        (None, None) => String::new(),
    };
    let facts = [
        (
            "Invoice date",
            invoice
                .invoice_date
                .as_ref()
                .map(format_date)
                .unwrap_or_default(),
        ),
        ("Billing period", period),
        ("Currency", currency),
        (
            "Invoice type",
            invoice
                .invoice_type
                .as_ref()
                .map(|t| t.spelling())
                .unwrap_or_default(),
        ),
    ];
    let label_x = 190.0;
    let value_x = 215.0;
    for (row, (label, value)) in facts.iter().enumerate() {
        let y = 190.0 - 5.0 * row as f32;
        canvas.text_left(label, Face::Bold, 9.0, label_x, y, value_x - label_x - 2.0);
        canvas.text_left(value, Face::Regular, 9.0, value_x, y, TABLE_RIGHT - value_x);
    }
}

/// The header of the pages after the first.
fn draw_continued_header(canvas: &Canvas<'_>, title: &str) {
    canvas.text_left(
        &format!("{title} (continued)"),
        Face::Bold,
        10.0,
        MARGIN,
        192.0,
        TABLE_WIDTH,
    );
}

/// The table header row whose top is at `top`; returns the top of the first line row.
fn draw_table_header(canvas: &Canvas<'_>, top: f32) -> f32 {
    let bottom = top - HEADER_ROW_HEIGHT;
    canvas.shade(TABLE_LEFT, bottom, TABLE_RIGHT, top, 0.85);
    let baseline = top - 4.6;
    let mut x = TABLE_LEFT;
    for column in &COLUMNS {
        canvas.cell(column.title, Face::Bold, column, x, baseline);
        x += column.width;
    }
    canvas.rule(TABLE_LEFT, TABLE_RIGHT, bottom, 0.6);
    bottom
}

/// One line item as a row whose top is at `top`; `index` (0-based over the whole table)
/// decides the zebra shading.
fn draw_row(canvas: &Canvas<'_>, top: f32, index: usize, line: &OneTimeInvoiceLineItem) {
    if index % 2 == 1 {
        canvas.shade(TABLE_LEFT, top - ROW_HEIGHT, TABLE_RIGHT, top, 0.95);
    }
    let baseline = top - ROW_BASELINE;
    let mut x = TABLE_LEFT;
    for (column, value) in COLUMNS.iter().zip(row_cells(line)) {
        canvas.cell(&value, Face::Regular, column, x, baseline);
        x += column.width;
    }
}

/// The cell texts of a line item, in [`COLUMNS`] order; missing values are empty.
fn row_cells(line: &OneTimeInvoiceLineItem) -> [String; 9] {
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let product = match (
        line.product_name.as_deref().filter(|s| !s.is_empty()),
        line.sku_name.as_deref().filter(|s| !s.is_empty()),
    ) {
        (Some(product), Some(sku)) if product != sku => format!("{product} / {sku}"),
        (Some(product), _) => product.to_owned(),
        (None, Some(sku)) => sku.to_owned(),
        (None, None) => String::new(),
    };
    let money = |value: Option<Decimal>| value.map(format_money).unwrap_or_default();
    [
        text(&line.customer_name),
        product,
        text(&line.order_id),
        text(&line.charge_type),
        line.quantity.map(format_quantity).unwrap_or_default(),
        line.unit_price.map(format_unit_price).unwrap_or_default(),
        money(line.subtotal),
        money(line.tax_total),
        money(line.total_for_customer),
    ]
}

/// The statement's totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Totals {
    /// The invoice's `totalCharges`, else the sum of the lines' `totalForCustomer`.
    charges: Option<Decimal>,
    /// The sum of the lines' `taxTotal` (part of the charges).
    tax: Option<Decimal>,
    /// The invoice's `paidAmount` (negative when a payment was received).
    paid: Option<Decimal>,
    /// Charges plus paid amount: what is still due.
    balance: Option<Decimal>,
}

impl Totals {
    /// Computes the totals of `statement`.
    fn of(statement: &Statement<'_>) -> Self {
        let sum = |pick: fn(&OneTimeInvoiceLineItem) -> Option<Decimal>| {
            statement
                .lines
                .iter()
                .filter_map(pick)
                .fold(None, |acc: Option<Decimal>, v| {
                    Some(acc.unwrap_or_default().saturating_add(v))
                })
        };
        let charges = statement
            .invoice
            .total_charges
            .or_else(|| sum(|line| line.total_for_customer));
        let tax = sum(|line| line.tax_total);
        let paid = statement.invoice.paid_amount;
        let balance = charges.map(|c| c.saturating_add(paid.unwrap_or_default()));
        Self {
            charges,
            tax,
            paid,
            balance,
        }
    }
}

/// The totals block under the row ending at `top`.
fn draw_totals(canvas: &Canvas<'_>, top: f32, totals: &Totals, invoice: &Invoice) {
    let code = invoice.currency_code.as_deref().unwrap_or_default();
    let amount = |value: Option<Decimal>| match value {
        Some(v) if code.is_empty() => format_money(v),
        Some(v) => format!("{} {code}", format_money(v)),
        None => String::new(),
    };
    let block_left = TABLE_RIGHT - 95.0;
    canvas.rule(block_left, TABLE_RIGHT, top - 1.5, 0.6);
    let rows = [
        ("Total charges", amount(totals.charges), Face::Regular),
        ("Tax included", amount(totals.tax), Face::Regular),
        ("Paid", amount(totals.paid), Face::Regular),
        ("Balance", amount(totals.balance), Face::Bold),
    ];
    for (row, (label, value, face)) in rows.iter().enumerate() {
        let y = top - 6.0 - 5.5 * row as f32;
        canvas.text_left(label, *face, 9.0, block_left + CELL_PADDING, y, 40.0);
        canvas.text_right(value, *face, 9.0, TABLE_RIGHT - CELL_PADDING, y, 50.0);
    }
}

/// The footer: what the document is, and "Page n of m".
fn draw_footer(canvas: &Canvas<'_>, partner_name: &str, title: &str, page: usize, pages: usize) {
    canvas.fill_grey(0.35);
    let left = if partner_name.is_empty() {
        title.to_owned()
    } else {
        format!("{title} \u{2013} {partner_name}")
    };
    canvas.text_left(&left, Face::Regular, 7.5, MARGIN, FOOTER_BASELINE, 200.0);
    canvas.text_right(
        &format!("Page {page} of {pages}"),
        Face::Regular,
        7.5,
        TABLE_RIGHT,
        FOOTER_BASELINE,
        40.0,
    );
    canvas.fill_grey(0.0);
}

// ----- values -----

/// A timestamp as `YYYY-MM-DD`; text that is no date is printed as received.
fn format_date(timestamp: &Timestamp) -> String {
    match timestamp {
        Timestamp::At(at) => at.format("%Y-%m-%d").to_string(),
        Timestamp::Unparsed(text) => text.clone(),
    }
}

/// An amount with two decimals and thousands separators: `-1,234.50`.
fn format_money(value: Decimal) -> String {
    group(
        value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
        2,
    )
}

/// A unit price: two decimals, or up to four when the price has them (`0.0125`).
fn format_unit_price(value: Decimal) -> String {
    let rounded = value
        .round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    group(rounded, rounded.scale().max(2))
}

/// A quantity as given, without trailing zeros: `3`, `1.5`, `12,000`.
fn format_quantity(value: Decimal) -> String {
    let normalized = value.normalize();
    group(normalized, normalized.scale())
}

/// `value` with exactly `decimals` decimals (it must not have more) and `,` between thousands.
fn group(value: Decimal, decimals: u32) -> String {
    let mut value = value;
    value.rescale(decimals);
    let text = value.abs().to_string();
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 1);
    if value.is_sign_negative() && !value.is_zero() {
        out.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// The document dates: the invoice date, else the Unix epoch, so output does not depend on
/// the clock.
fn document_date(invoice: &Invoice) -> OffsetDateTime {
    invoice
        .invoice_date
        .as_ref()
        .and_then(Timestamp::instant)
        .and_then(|at| OffsetDateTime::from_unix_timestamp(at.timestamp()).ok())
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

// ----- text -----

/// `text` with every character the built-in fonts cannot show (outside WinAnsiEncoding)
/// replaced by `?`, combining marks and soft hyphens dropped, and control characters and
/// other spaces (tab, newline, no-break space, …) turned into plain spaces.
///
/// printpdf silently drops such characters; replacing them keeps the gap visible.
fn win_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut buffer = [0_u8; 4];
    for ch in text.chars() {
        if ch.is_control() || ch.is_whitespace() {
            out.push(' ');
        } else if is_combining_mark(ch) || ch == '\u{00AD}' {
            // A combining mark belongs to the previous letter, which is kept; a soft hyphen is
            // invisible.
        } else if ch.is_ascii() || in_win_ansi(ch.encode_utf8(&mut buffer)) {
            out.push(ch);
        } else {
            out.push('?');
        }
    }
    out
}

/// Whether the one character `ch` has a WinAnsiEncoding code: asked of lopdf's table, the one
/// printpdf encodes built-in-font text with (it drops what is not there).
fn in_win_ansi(ch: &str) -> bool {
    lopdf::Document::encode_text(Some("WinAnsiEncoding"), ch).len() == 1
}

/// Whether `ch` is a combining diacritical mark (drawn on the previous letter).
fn is_combining_mark(ch: char) -> bool {
    matches!(
        ch,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

/// `text` with characters outside printable ASCII replaced by `?`: for the document-info
/// title, which printpdf writes as raw bytes.
fn ascii_only(text: &str) -> String {
    text.chars()
        .map(|ch| {
            if ch.is_ascii_graphic() || ch == ' ' {
                ch
            } else {
                '?'
            }
        })
        .collect()
}

/// The ellipsis that marks cut text.
const ELLIPSIS: char = '\u{2026}';

/// The largest size from `size` down to [`MIN_FONT_SIZE`], in half points, at which `text` is
/// at most `max_width` millimetres wide; [`MIN_FONT_SIZE`] when none is.
fn fitting_size(text: &str, face: Face, size: f32, max_width: f32) -> f32 {
    let mut size = size;
    while size > MIN_FONT_SIZE && text_width(text, face, size) > max_width {
        size = (size - 0.5).max(MIN_FONT_SIZE);
    }
    size
}

/// `text` (WinAnsi-safe) cut so that it is at most `max_width` millimetres wide at `size`
/// points, ending in an ellipsis when cut; empty when not even the ellipsis fits.
fn fit(text: &str, face: Face, size: f32, max_width: f32) -> String {
    if text_width(text, face, size) <= max_width {
        return text.to_owned();
    }
    let limit = max_width * PT_PER_MM * 1000.0 / size;
    let ellipsis = char_width(ELLIPSIS, face) as f32;
    if ellipsis > limit {
        return String::new();
    }
    let mut used = 0.0;
    let mut end = 0;
    for (index, ch) in text.char_indices() {
        let width = char_width(ch, face) as f32;
        if used + width + ellipsis > limit {
            break;
        }
        used += width;
        end = index + ch.len_utf8();
    }
    let mut out = text[..end].trim_end().to_owned();
    out.push(ELLIPSIS);
    out
}

/// Width of `text` in millimetres at `size` points.
fn text_width(text: &str, face: Face, size: f32) -> f32 {
    let units: u32 = text.chars().map(|ch| u32::from(char_width(ch, face))).sum();
    units as f32 * size / 1000.0 / PT_PER_MM
}

/// Advance width of `ch` in 1/1000 em (Adobe AFM metrics of Helvetica / Helvetica-Bold).
/// Characters without an entry count as 1000, at least as wide as any WinAnsi glyph but `@`,
/// so measuring errs on the side of cutting early.
fn char_width(ch: char, face: Face) -> u16 {
    let code = u32::from(ch);
    let (ascii, latin1) = match face {
        Face::Regular => (&HELVETICA_ASCII, &HELVETICA_LATIN1),
        Face::Bold => (&HELVETICA_BOLD_ASCII, &HELVETICA_BOLD_LATIN1),
    };
    let lookup = |table: &[u16], first: u32| {
        code.checked_sub(first)
            .and_then(|i| usize::try_from(i).ok())
            .and_then(|i| table.get(i).copied())
    };
    if let Some(width) = lookup(ascii, 0x20) {
        return width;
    }
    if let Some(width) = lookup(latin1, 0xA0) {
        return width;
    }
    let bold = face == Face::Bold;
    match ch {
        '\u{2013}' | '\u{20AC}' | '\u{2020}' | '\u{2021}' | '\u{0192}' => 556,
        '\u{2018}' | '\u{2019}' | '\u{201A}' => {
            if bold {
                278
            } else {
                222
            }
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' => {
            if bold {
                500
            } else {
                333
            }
        }
        '\u{2039}' | '\u{203A}' | '\u{02C6}' | '\u{02DC}' => 333,
        '\u{2022}' => 350,
        _ => 1000,
    }
}

/// Helvetica widths of U+0020..=U+007E.
#[rustfmt::skip]
const HELVETICA_ASCII: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ␠ … /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 … ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ … O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P … _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` … o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,      // p … ~
];

/// Helvetica-Bold widths of U+0020..=U+007E.
#[rustfmt::skip]
const HELVETICA_BOLD_ASCII: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // ␠ … /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 0 … ?
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // @ … O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // P … _
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // ` … o
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,      // p … ~
];

/// Helvetica widths of U+00A0..=U+00FF.
#[rustfmt::skip]
const HELVETICA_LATIN1: [u16; 96] = [
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, // NBSP … ¯
    400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, // ° … ¿
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // À … Ï
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // Ð … ß
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, // à … ï
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500, // ð … ÿ
];

/// Helvetica-Bold widths of U+00A0..=U+00FF.
#[rustfmt::skip]
const HELVETICA_BOLD_LATIN1: [u16; 96] = [
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, // NBSP … ¯
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, // ° … ¿
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // À … Ï
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // Ð … ß
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, // à … ï
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556, // ð … ÿ
];

// ----- output -----

/// Re-reads printpdf's output with lopdf and rewrites it deterministic and plain:
///
/// * drops unused objects and compresses the streams (printpdf only does either in release
///   builds, so debug and release output now agree);
/// * puts each page's font dictionary into its resources instead of referring to it (simple
///   text extractors, lopdf's `extract_text` among them, only look there and otherwise decode
///   with the wrong encoding);
/// * drops the document-info entries printpdf writes empty, among them `GTS_PDFXVersion`, which
///   makes readers take the file for PDF/X;
/// * writes a classic cross-reference table, matching the `%PDF-1.3` header (lopdf 0.31
///   defaults to a PDF 1.5 cross-reference stream);
/// * replaces printpdf's random trailer `/ID` with a fingerprint of the document.
fn finish(bytes: &[u8]) -> Result<Vec<u8>, PdfError> {
    use lopdf::{Dictionary, Object, StringFormat};

    let mut doc = lopdf::Document::load_mem(bytes)?;
    inline_page_fonts(&mut doc);
    tidy_info(&mut doc);
    doc.prune_objects();
    doc.delete_zero_length_streams();
    doc.compress();
    doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
    let mut trailer = Dictionary::new();
    for key in ["Root", "Info"] {
        if let Ok(value) = doc.trailer.get(key.as_bytes()) {
            trailer.set(key, value.clone());
        }
    }
    let with_id = |id: Vec<u8>| {
        let mut trailer = trailer.clone();
        trailer.set(
            "ID",
            Object::Array(vec![
                Object::String(id.clone(), StringFormat::Hexadecimal),
                Object::String(id, StringFormat::Hexadecimal),
            ]),
        );
        trailer
    };
    doc.trailer = with_id(vec![0; 16]);
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(lopdf::Error::from)?;
    doc.trailer = with_id(fingerprint(&out));
    out.clear();
    doc.save_to(&mut out).map_err(lopdf::Error::from)?;
    Ok(out)
}

/// Removes the empty entries (and the empty `GTS_PDFXVersion` claim) from the document info.
fn tidy_info(doc: &mut lopdf::Document) {
    let Ok(info) = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
    else {
        return;
    };
    if let Ok(info) = doc.get_dictionary_mut(info) {
        let empty: Vec<Vec<u8>> = info
            .iter()
            .filter(|(_, value)| value.as_str().is_ok_and(<[u8]>::is_empty))
            .map(|(key, _)| key.clone())
            .collect();
        for key in empty {
            info.remove(&key);
        }
    }
}

/// Replaces a page resources' `/Font` reference with the dictionary it refers to.
fn inline_page_fonts(doc: &mut lopdf::Document) {
    use lopdf::Object;

    let resources: Vec<lopdf::ObjectId> = doc
        .page_iter()
        .filter_map(|page| {
            doc.get_dictionary(page)
                .and_then(|page| page.get(b"Resources"))
                .and_then(Object::as_reference)
                .ok()
        })
        .collect();
    for id in resources {
        let fonts = doc
            .get_dictionary(id)
            .and_then(|resources| resources.get(b"Font"))
            .and_then(Object::as_reference)
            .and_then(|fonts| doc.get_dictionary(fonts))
            .cloned();
        if let (Ok(fonts), Ok(resources)) = (fonts, doc.get_dictionary_mut(id)) {
            resources.set("Font", Object::Dictionary(fonts));
        }
    }
}

/// A 16-byte fingerprint of `bytes` (two FNV-1a 64 hashes): a stable document ID, not a
/// security measure.
fn fingerprint(bytes: &[u8]) -> Vec<u8> {
    const PRIME: u64 = 0x0000_0100_0000_01B3;
    let mut out = Vec::with_capacity(16);
    for basis in [0xCBF2_9CE4_8422_2325_u64, 0x6C62_272E_07BB_0142] {
        let hash = bytes.iter().fold(basis, |hash, &byte| {
            (hash ^ u64::from(byte)).wrapping_mul(PRIME)
        });
        out.extend_from_slice(&hash.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use chrono::{TimeZone as _, Utc};
    use pc_core::enums::InvoiceType;
    use pc_core::ids::InvoiceId;
    use std::str::FromStr as _;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn at(y: i32, m: u32, d: u32) -> Timestamp {
        Timestamp::At(Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap())
    }

    fn invoice() -> Invoice {
        Invoice {
            id: Some(InvoiceId::new("G000024135")),
            invoice_date: Some(at(2024, 2, 1)),
            billing_period_start_date: Some(at(2024, 1, 1)),
            billing_period_end_date: Some(at(2024, 1, 31)),
            total_charges: Some(dec("1234.5")),
            paid_amount: Some(dec("-1000")),
            currency_code: Some("USD".into()),
            currency_symbol: Some("$".into()),
            invoice_type: Some(InvoiceType::OneTime.into()),
            ..Invoice::default()
        }
    }

    fn line(n: usize) -> OneTimeInvoiceLineItem {
        OneTimeInvoiceLineItem {
            customer_name: Some(format!("Customer {n}")),
            product_name: Some("Microsoft 365 Business Basic".into()),
            sku_name: Some("Microsoft 365 Business Basic".into()),
            order_id: Some(format!("order-{n:04}")),
            charge_type: Some("new".into()),
            quantity: Some(dec("3")),
            unit_price: Some(dec("6.00")),
            subtotal: Some(dec("18.00")),
            tax_total: Some(dec("1.80")),
            total_for_customer: Some(dec("19.80")),
            charge_start_date: Some(at(2024, 1, 1)),
            charge_end_date: Some(at(2024, 1, 31)),
            ..OneTimeInvoiceLineItem::default()
        }
    }

    fn render(invoice: &Invoice, partner: &str, lines: &[OneTimeInvoiceLineItem]) -> Vec<u8> {
        render_statement(&Statement {
            invoice,
            partner_name: partner,
            partner_country: "SE",
            lines,
        })
        .unwrap()
    }

    fn parse(bytes: &[u8]) -> lopdf::Document {
        lopdf::Document::load_mem(bytes).unwrap()
    }

    /// All text of the document, page after page (lopdf decompresses and decodes WinAnsi).
    fn text_of(doc: &lopdf::Document) -> String {
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        doc.extract_text(&pages).unwrap()
    }

    fn assert_pdf(bytes: &[u8]) {
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(bytes.trim_ascii_end().ends_with(b"%%EOF"));
    }

    #[test]
    fn renders_without_lines() {
        let bytes = render(&invoice(), "Contoso Ltd.", &[]);
        assert_pdf(&bytes);
        let doc = parse(&bytes);
        assert_eq!(doc.get_pages().len(), 1);
        let text = text_of(&doc);
        for expected in [
            "Invoice G000024135",
            "Contoso Ltd.",
            "No line items.",
            "2024-02-01",
            "2024-01-01 \u{2013} 2024-01-31",
            "USD ($)",
            "OneTime",
            "Page 1 of 1",
            "1,234.50 USD",
            "-1,000.00 USD",
            "Balance\n234.50 USD",
        ] {
            assert!(text.contains(expected), "{expected:?} missing from {text}");
        }
    }

    #[test]
    fn renders_one_line() {
        let bytes = render(&invoice(), "Contoso Ltd.", &[line(1)]);
        assert_pdf(&bytes);
        let doc = parse(&bytes);
        assert_eq!(doc.get_pages().len(), 1);
        let text = text_of(&doc);
        for expected in [
            "Invoice G000024135",
            "Contoso Ltd.",
            "Customer 1",
            "Microsoft 365 Business Basic",
            "order-0001",
            "new",
            "6.00",
            "18.00",
            "1.80",
            "19.80",
            "Page 1 of 1",
        ] {
            assert!(text.contains(expected), "{expected:?} missing from {text}");
        }
        // Product and SKU of the same name are printed once.
        assert!(!text.contains("Basic / Microsoft"));
    }

    #[test]
    fn many_lines_span_pages_with_repeated_header() {
        let lines: Vec<_> = (0..120).map(line).collect();
        let bytes = render(&invoice(), "Contoso Ltd.", &lines);
        assert_pdf(&bytes);
        let doc = parse(&bytes);
        let plan = plan_pages(120);
        assert!(plan.len() > 1);
        assert_eq!(doc.get_pages().len(), plan.len());
        // The raw file agrees: one `/Type /Page` object per page.
        let raw = String::from_utf8_lossy(&bytes);
        let page_objects = raw.matches("/Type/Page").count() - raw.matches("/Type/Pages").count();
        assert_eq!(page_objects, plan.len());

        let pages = doc.get_pages();
        for (n, page) in plan.iter().enumerate() {
            let number = u32::try_from(n + 1).unwrap();
            let text = doc.extract_text(&[number]).unwrap();
            assert!(
                text.contains(&format!("Page {number} of {}", plan.len())),
                "{text}"
            );
            assert!(text.contains("Invoice G000024135"), "{text}");
            assert_eq!(text.contains("Unit price"), page.has_table, "{text}");
            for i in page.lines.clone() {
                assert!(
                    text.contains(&format!("order-{i:04}\n")),
                    "{i} on page {number}"
                );
            }
            assert!(pages.contains_key(&number));
        }
        let all = text_of(&doc);
        assert!(all.contains("order-0000\n") && all.contains("order-0119\n"));
        assert_eq!(all.matches("Balance").count(), 1);
    }

    #[test]
    fn page_plan_fills_pages_and_places_totals() {
        assert_eq!(
            plan_pages(0),
            vec![PagePlan {
                lines: 0..0,
                has_table: true,
                has_totals: true
            }]
        );
        let full_first = FIRST_PAGE_ROWS - TOTALS_ROWS;
        assert_eq!(plan_pages(full_first).len(), 1);
        let spill = plan_pages(full_first + 1);
        assert_eq!(spill.len(), 2);
        assert_eq!(spill[0].lines, 0..full_first + 1);
        assert!(!spill[0].has_totals && !spill[1].has_table && spill[1].has_totals);
        for count in [1, 27, 28, 29, 60, 61, 120, 500] {
            let plan = plan_pages(count);
            let covered: Vec<usize> = plan.iter().flat_map(|p| p.lines.clone()).collect();
            assert_eq!(covered, (0..count).collect::<Vec<_>>());
            assert_eq!(plan.iter().filter(|p| p.has_totals).count(), 1);
            assert!(plan.last().unwrap().has_totals);
        }
    }

    #[test]
    fn layout_fits_the_page() {
        assert_eq!((FIRST_PAGE_ROWS, NEXT_PAGE_ROWS), (28, 32));
        let widths: f32 = COLUMNS.iter().map(|c| c.width).sum();
        assert!((widths - TABLE_WIDTH).abs() < 0.01);
        let rows_bottom =
            |top: f32, rows: usize| top - HEADER_ROW_HEIGHT - ROW_HEIGHT * rows as f32;
        assert!(rows_bottom(FIRST_TABLE_TOP, FIRST_PAGE_ROWS) >= TABLE_BOTTOM);
        assert!(rows_bottom(NEXT_TABLE_TOP, NEXT_PAGE_ROWS) >= TABLE_BOTTOM);
        // The totals block (last baseline 22.5 mm under its top) fits in TOTALS_ROWS rows.
        assert!(ROW_HEIGHT * TOTALS_ROWS as f32 >= 22.5 + 2.0);
    }

    #[test]
    fn is_deterministic() {
        let lines: Vec<_> = (0..40).map(line).collect();
        let first = render(&invoice(), "Contoso Ltd.", &lines);
        let _other = render(&invoice(), "Fabrikam", &[]);
        let second = render(&invoice(), "Contoso Ltd.", &lines);
        assert_eq!(first, second);
        let doc = parse(&first);
        let info = doc
            .trailer
            .get(b"Info")
            .and_then(lopdf::Object::as_reference)
            .and_then(|id| doc.get_dictionary(id))
            .unwrap();
        let created = info
            .get(b"CreationDate")
            .and_then(lopdf::Object::as_str)
            .unwrap();
        assert!(created.starts_with(b"D:20240201"), "{created:?}");
        assert!(info.get(b"GTS_PDFXVersion").is_err() && info.get(b"Author").is_err());
        assert_eq!(
            info.get(b"Title").and_then(lopdf::Object::as_str).unwrap(),
            b"Invoice G000024135"
        );
    }

    #[test]
    fn text_outside_win_ansi_becomes_question_marks() {
        let mut hebrew = line(1);
        hebrew.customer_name = Some("חברת בדיקה בע״מ".into());
        let mut chinese = line(2);
        chinese.customer_name = Some("微软中国有限公司".into());
        chinese.product_name = Some("Office 365 😀 E3".into());
        let mut swedish = line(3);
        swedish.customer_name = Some("Åkerö Bygg & Söner AB".into());
        let bytes = render(&invoice(), "שותף 合作伙伴", &[hebrew, chinese, swedish]);
        assert_pdf(&bytes);
        let text = text_of(&parse(&bytes));
        assert!(text.contains("???? ????? ????"), "{text}");
        assert!(text.contains("????????"), "{text}");
        assert!(text.contains("Office 365 ? E3"), "{text}");
        assert!(text.contains("Åkerö Bygg & Söner AB"), "{text}");
        assert!(text.contains("???? ????"), "{text}");
    }

    #[test]
    fn win_ansi_keeps_what_the_font_shows() {
        assert_eq!(win_ansi("Smörgås – 5 €"), "Smörgås – 5 €");
        assert_eq!(win_ansi("a\tb\nc\u{a0}d\u{2009}e"), "a b c d e");
        assert_eq!(win_ansi("Ex\u{ad}ample"), "Example");
        assert_eq!(win_ansi("e\u{301}t\u{e9}"), "et\u{e9}");
        assert_eq!(win_ansi("Ω ₪ 中"), "? ? ?");
        for ch in (0x20_u8..0x7F).map(char::from) {
            let safe = win_ansi(&ch.to_string());
            assert_eq!(safe, ch.to_string());
            assert_eq!(
                lopdf::Document::encode_text(Some("WinAnsiEncoding"), &safe).len(),
                1,
                "{ch:?}"
            );
        }
        assert_eq!(
            lopdf::Document::encode_text(Some("WinAnsiEncoding"), &ELLIPSIS.to_string()).len(),
            1
        );
    }

    #[test]
    fn long_text_is_cut_to_the_column() {
        let long = "Microsoft Dynamics 365 Customer Engagement Plan with an unusually long name";
        for face in [Face::Regular, Face::Bold] {
            let inner = COLUMNS[1].width - 2.0 * CELL_PADDING;
            let cut = fit(long, face, TABLE_FONT_SIZE, inner);
            assert!(cut.ends_with(ELLIPSIS), "{cut}");
            assert!(cut.len() < long.len());
            assert!(text_width(&cut, face, TABLE_FONT_SIZE) <= inner);
            assert!(long.starts_with(cut.trim_end_matches(ELLIPSIS)));
            assert_eq!(fit("Short", face, TABLE_FONT_SIZE, inner), "Short");
            assert_eq!(fit(long, face, TABLE_FONT_SIZE, 0.5), "");
        }
        let mut item = line(1);
        item.product_name = Some(long.into());
        item.sku_name = Some("E3".into());
        let bytes = render(&invoice(), "Contoso Ltd.", &[item]);
        let text = text_of(&parse(&bytes));
        assert!(text.contains('\u{2026}'), "{text}");
        assert!(!text.contains("unusually long name"), "{text}");
    }

    #[test]
    fn ids_and_numbers_shrink_before_they_are_cut() {
        let mut item = line(1);
        item.order_id = Some("d2b8a4e6-5c3f-4e1a-9b7d-0f6e2c8a4b1d".into());
        item.total_for_customer = Some(dec("12345678901.99"));
        let bytes = render(&invoice(), "Contoso Ltd.", &[item]);
        let text = text_of(&parse(&bytes));
        assert!(
            text.contains("d2b8a4e6-5c3f-4e1a-9b7d-0f6e2c8a4b1d\n"),
            "{text}"
        );
        assert!(text.contains("12,345,678,901.99\n"), "{text}");
        let order = &COLUMNS[2];
        let size = fitting_size(
            "d2b8a4e6-5c3f-4e1a-9b7d-0f6e2c8a4b1d",
            Face::Regular,
            TABLE_FONT_SIZE,
            order.width - 2.0 * CELL_PADDING,
        );
        assert!((MIN_FONT_SIZE..TABLE_FONT_SIZE).contains(&size), "{size}");
    }

    #[test]
    fn widths_match_the_afm_metrics() {
        let width =
            |s: &str, face| -> u32 { s.chars().map(|c| u32::from(char_width(c, face))).sum() };
        assert_eq!(
            width("Invoice", Face::Regular),
            278 + 556 + 500 + 556 + 222 + 500 + 556
        );
        assert_eq!(
            width("Invoice", Face::Bold),
            278 + 611 + 556 + 611 + 278 + 556 + 556
        );
        assert_eq!(char_width('@', Face::Regular), 1015);
        assert_eq!(char_width('~', Face::Bold), 584);
        assert_eq!(char_width('ö', Face::Regular), 556);
        assert_eq!(char_width('Å', Face::Bold), 722);
        assert_eq!(char_width('ÿ', Face::Regular), 500);
        assert_eq!(char_width(ELLIPSIS, Face::Regular), 1000);
    }

    #[test]
    fn missing_values_print_empty_cells() {
        let cells = row_cells(&OneTimeInvoiceLineItem::default());
        assert!(cells.iter().all(String::is_empty));
        let bare = Invoice::default();
        let bytes = render(&bare, "", &[OneTimeInvoiceLineItem::default()]);
        assert_pdf(&bytes);
        let text = text_of(&parse(&bytes));
        assert!(text.contains("Invoice\n"), "{text}");
        let totals = Totals::of(&Statement {
            invoice: &bare,
            partner_name: "",
            partner_country: "",
            lines: &[],
        });
        assert_eq!(totals, Totals::default());
    }

    #[test]
    fn totals_fall_back_to_the_lines() {
        let mut bare = invoice();
        bare.total_charges = None;
        bare.paid_amount = None;
        let lines = [line(1), line(2)];
        let totals = Totals::of(&Statement {
            invoice: &bare,
            partner_name: "",
            partner_country: "",
            lines: &lines,
        });
        assert_eq!(totals.charges, Some(dec("39.60")));
        assert_eq!(totals.tax, Some(dec("3.60")));
        assert_eq!(totals.paid, None);
        assert_eq!(totals.balance, Some(dec("39.60")));
    }

    #[test]
    fn numbers_are_formatted() {
        assert_eq!(format_money(dec("1234567.891")), "1,234,567.89");
        assert_eq!(format_money(dec("-1000")), "-1,000.00");
        assert_eq!(format_money(dec("0.005")), "0.01");
        assert_eq!(format_money(dec("-0.001")), "0.00");
        assert_eq!(format_money(dec("999.999")), "1,000.00");
        assert_eq!(format_unit_price(dec("6")), "6.00");
        assert_eq!(format_unit_price(dec("0.0125")), "0.0125");
        assert_eq!(format_unit_price(dec("0.012345")), "0.0123");
        assert_eq!(format_unit_price(dec("1500.5")), "1,500.50");
        assert_eq!(format_quantity(dec("3.000")), "3");
        assert_eq!(format_quantity(dec("1.50")), "1.5");
        assert_eq!(format_quantity(dec("12000")), "12,000");
        assert_eq!(format_date(&at(2024, 3, 9)), "2024-03-09");
        assert_eq!(format_date(&Timestamp::Unparsed("soon".into())), "soon");
    }
}
