//! Line amounts and totals, in integer minor units. The client's totals are never
//! read: they are derived here from quantity × unit price.

use atrium_events::agreements::LineItemState;
use atrium_kernel::{AppError, Currency, FieldError, Money};

use crate::dto::{LineItemIn, Quantity};
use crate::entity::line_item;
use crate::error::AgreementsError;

pub(crate) struct PricedLine {
    pub description: String,
    pub quantity_milli: i64,
    pub unit_price_minor: i64,
    pub amount_minor: i64,
}

/// Prices every line in `currency`. Every line priced in another currency is
/// reported, named `line_items[i].unit_price.currency`.
pub(crate) fn price_lines(currency: Currency, items: &[LineItemIn]) -> Result<(Vec<PricedLine>, i64), AppError> {
    let mut errors = Vec::new();
    let mut lines = Vec::with_capacity(items.len());
    let mut total: i64 = 0;
    for (i, item) in items.iter().enumerate() {
        if item.unit_price.currency != currency {
            errors.push(FieldError::new(
                format!("line_items[{i}].unit_price.currency"),
                format!("must be {currency}, the document's currency"),
            ));
            continue;
        }
        let Some(amount) = line_amount(item.quantity.milli(), item.unit_price.amount_minor) else {
            errors.push(FieldError::new(format!("line_items[{i}].unit_price"), "amount is out of range"));
            continue;
        };
        match total.checked_add(amount) {
            Some(t) => total = t,
            None => errors.push(FieldError::new("line_items", "total is out of range")),
        }
        lines.push(PricedLine {
            description: item.description.as_str().to_owned(),
            quantity_milli: item.quantity.milli(),
            unit_price_minor: item.unit_price.amount_minor,
            amount_minor: amount,
        });
    }
    if errors.is_empty() { Ok((lines, total)) } else { Err(AppError::Validation(errors)) }
}

/// quantity (thousandths) × unit price, rounded half away from zero.
fn line_amount(quantity_milli: i64, unit_price_minor: i64) -> Option<i64> {
    let product = i128::from(quantity_milli) * i128::from(unit_price_minor);
    let (whole, rest) = (product / 1000, product % 1000);
    let rounded = if rest.abs() * 2 >= 1000 { whole + product.signum() } else { whole };
    i64::try_from(rounded).ok()
}

pub(crate) fn line_state(row: &line_item::Model, currency: Currency) -> Result<LineItemState, AppError> {
    Ok(LineItemState {
        description: row.description.clone(),
        quantity: Quantity::from_milli(row.quantity_milli).map_err(AgreementsError::Corrupt)?,
        unit_price: Money::new(row.unit_price_minor, currency),
        amount: Money::new(row.amount_minor, currency),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(line_amount(1500, 999), Some(1499)); // 1498.5
        assert_eq!(line_amount(1500, -999), Some(-1499));
        assert_eq!(line_amount(333, 100), Some(33)); // 33.3
        assert_eq!(line_amount(2000, 120_000), Some(240_000));
        assert_eq!(line_amount(1_000_000_000, i64::MAX), None);
    }
}
