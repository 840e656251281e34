//! The invoice as a PDF document, written with `pdf-writer` (typst's PDF
//! writer: no dependencies beyond the standard library's, no C). Text is set in
//! Helvetica, one of the 14 fonts every PDF reader has, so nothing is embedded;
//! it is encoded as WinAnsi, so characters outside Latin-1 print as `?`.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};

use crate::dto::InvoiceOut;

const PAGE: (f32, f32) = (595.0, 842.0); // A4 in points
const MARGIN: f32 = 56.0;
const LINE: f32 = 15.0;
/// Lines of text on one page before the next begins.
const ROWS_PER_PAGE: usize = ((PAGE.1 - 2.0 * MARGIN) / LINE) as usize;

/// Who the invoice is from and to, besides what the invoice itself says.
pub struct Parties<'a> {
    pub issuer: &'a str,
    pub client: Option<&'a str>,
}

/// One positioned run of text.
struct Cell {
    x: f32,
    size: f32,
    text: String,
}

fn latin1(s: &str) -> Vec<u8> {
    s.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')).collect()
}

/// The document's rows, top to bottom; each row is one or more cells.
fn rows(inv: &InvoiceOut, parties: &Parties<'_>) -> Vec<Vec<Cell>> {
    let cell = |x: f32, size: f32, text: String| Cell { x, size, text };
    let left = |text: String| vec![cell(MARGIN, 10.0, text)];
    let title = match &inv.number {
        Some(n) => format!("Invoice {n}"),
        None => "Draft invoice".to_owned(),
    };
    let mut out = vec![vec![cell(MARGIN, 18.0, title)], vec![], left(format!("From: {}", parties.issuer))];
    out.push(left(format!("To: {}", parties.client.unwrap_or("-"))));
    if let Some(d) = inv.issue_date {
        out.push(left(format!("Issue date: {d}")));
    }
    if let Some(d) = inv.due_date {
        out.push(left(format!("Due date: {d}")));
    }
    out.push(left(format!("Currency: {}", inv.currency)));
    out.push(vec![]);
    out.push(vec![
        cell(MARGIN, 10.0, "Description".into()),
        cell(300.0, 10.0, "Qty".into()),
        cell(350.0, 10.0, "Unit price".into()),
        cell(440.0, 10.0, "Tax".into()),
        cell(480.0, 10.0, "Amount".into()),
    ]);
    for l in &inv.lines {
        out.push(vec![
            cell(MARGIN, 10.0, l.description.chars().take(45).collect()),
            cell(300.0, 10.0, l.quantity.to_string()),
            cell(350.0, 10.0, l.unit_price.to_string()),
            cell(440.0, 10.0, l.tax.as_ref().map_or_else(String::new, |t| pct(t.basis_points))),
            cell(480.0, 10.0, l.net.to_string()),
        ]);
    }
    out.push(vec![]);
    let total_row = |label: String, value: String| vec![cell(330.0, 10.0, label), cell(480.0, 10.0, value)];
    out.push(total_row("Subtotal".into(), inv.subtotal.to_string()));
    for t in &inv.tax_totals {
        out.push(total_row(format!("{} on {}", t.name, t.taxable), t.tax.to_string()));
    }
    out.push(total_row("Total".into(), inv.total.to_string()));
    if inv.paid.amount_minor != 0 || inv.credited.amount_minor != 0 {
        out.push(total_row("Paid".into(), inv.paid.to_string()));
        out.push(total_row("Credited".into(), inv.credited.to_string()));
        out.push(total_row("Balance due".into(), inv.balance.to_string()));
    }
    if let (Some(rate), Some(base), true) = (&inv.fx_rate, &inv.base_total, inv.currency != inv.base_currency) {
        out.push(vec![]);
        out.push(left(format!("Exchange rate: 1 {} = {rate} {} ({base})", inv.currency, inv.base_currency)));
    }
    if let Some(n) = &inv.notes {
        out.push(vec![]);
        out.extend(n.lines().map(|l| left(l.chars().take(95).collect())));
    }
    out
}

fn pct(basis_points: i32) -> String {
    let (whole, frac) = (basis_points / 100, basis_points % 100);
    if frac == 0 { format!("{whole}%") } else { format!("{}%", format!("{whole}.{frac:02}").trim_end_matches('0')) }
}

/// The invoice rendered as a PDF file.
pub fn render(inv: &InvoiceOut, parties: &Parties<'_>) -> Vec<u8> {
    let rows = rows(inv, parties);
    let pages: Vec<&[Vec<Cell>]> = rows.chunks(ROWS_PER_PAGE.max(1)).collect();
    let mut pdf = Pdf::new();
    let (catalog, tree, font) = (Ref::new(1), Ref::new(2), Ref::new(3));
    let page_ref = |i: usize| Ref::new(4 + 2 * i32::try_from(i).unwrap_or(0));
    let content_ref = |i: usize| Ref::new(5 + 2 * i32::try_from(i).unwrap_or(0));
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids((0..pages.len()).map(page_ref)).count(i32::try_from(pages.len()).unwrap_or(1));
    pdf.type1_font(font).base_font(Name(b"Helvetica")).encoding_predefined(Name(b"WinAnsiEncoding"));
    for (i, page_rows) in pages.iter().enumerate() {
        let mut page = pdf.page(page_ref(i));
        page.media_box(Rect::new(0.0, 0.0, PAGE.0, PAGE.1)).parent(tree).contents(content_ref(i));
        page.resources().fonts().pair(Name(b"F1"), font);
        page.finish();
        let mut content = Content::new();
        let mut y = PAGE.1 - MARGIN;
        for row in page_rows.iter() {
            for c in row {
                content
                    .begin_text()
                    .set_font(Name(b"F1"), c.size)
                    .next_line(c.x, y)
                    .show(Str(&latin1(&c.text)))
                    .end_text();
            }
            y -= if row.first().is_some_and(|c| c.size > 12.0) { LINE * 1.6 } else { LINE };
        }
        pdf.stream(content_ref(i), &content.finish());
    }
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_print_without_trailing_zeros() {
        assert_eq!(pct(2000), "20%");
        assert_eq!(pct(1950), "19.5%");
        assert_eq!(pct(725), "7.25%");
    }

    #[test]
    fn text_outside_latin1_is_replaced() {
        assert_eq!(latin1("Zürich – ok"), b"Z\xfcrich ? ok");
    }
}
