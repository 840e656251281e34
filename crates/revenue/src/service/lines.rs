//! Turning entered lines into stored ones: tax rates looked up in the
//! organization, every amount computed by the server.

use std::collections::HashMap;

use atrium_kernel::{AppError, Currency, OrganizationId, Scoped};
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter};
use uuid::Uuid;

use crate::calc::{self, LineAmounts, Tax, TaxMode};
use crate::dto::{LineIn, MAX_AMOUNT};
use crate::entity::tax_rate;
use crate::error::RevenueError;

/// A line ready to store.
#[derive(Debug, Clone)]
pub(crate) struct Computed {
    pub description: String,
    pub quantity: i64,
    pub unit_price: i64,
    pub tax: Option<(String, i32, bool)>,
    pub amounts: LineAmounts,
}

/// `lines` of a document in `currency`: every unit price must be in it.
pub(crate) async fn compute<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    currency: Currency,
    lines: Vec<LineIn>,
) -> Result<Vec<Computed>, AppError> {
    let ids: Vec<Uuid> = lines.iter().filter_map(|l| l.tax_rate_id.map(Into::into)).collect();
    let rates: HashMap<Uuid, tax_rate::Model> = if ids.is_empty() {
        HashMap::new()
    } else {
        tax_rate::Entity::scoped(org)
            .filter(tax_rate::Column::Id.is_in(ids))
            .all(conn)
            .await?
            .into_iter()
            .map(|r| (r.id, r))
            .collect()
    };
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let tax = match l.tax_rate_id {
                None => None,
                Some(id) => {
                    let field = format!("lines[{i}].tax_rate_id");
                    let rate = rates.get(&id.into_uuid()).ok_or(RevenueError::NoSuchTaxRate)?;
                    if rate.archived_at.is_some() {
                        return Err(AppError::invalid(field, "the tax rate is archived"));
                    }
                    Some((rate.name.clone(), rate.basis_points, rate.inclusive))
                }
            };
            if l.unit_price.currency != currency {
                return Err(AppError::invalid(
                    format!("lines[{i}].unit_price.currency"),
                    format!("must be the document's currency {currency}"),
                ));
            }
            let price = l.unit_price.amount_minor;
            if price.abs() > MAX_AMOUNT {
                return Err(AppError::invalid(
                    format!("lines[{i}].unit_price.amount_minor"),
                    format!("must be between -{MAX_AMOUNT} and {MAX_AMOUNT}"),
                ));
            }
            let quantity = l.quantity.milli();
            let amounts = calc::line_amounts(quantity, price, tax.as_ref().map(|t| tax_of(t.1, t.2)))
                .map_err(|e| AppError::invalid(format!("lines[{i}]"), e.to_string()))?;
            Ok(Computed { description: l.description.into_inner(), quantity, unit_price: price, tax, amounts })
        })
        .collect()
}

pub(crate) fn tax_of(basis_points: i32, inclusive: bool) -> Tax {
    Tax { basis_points: i64::from(basis_points), mode: if inclusive { TaxMode::Inclusive } else { TaxMode::Exclusive } }
}

/// The document totals of computed lines.
pub(crate) fn totals(lines: &[Computed]) -> Result<LineAmounts, AppError> {
    calc::sum(lines.iter().map(|l| l.amounts)).map_err(|e| AppError::invalid("lines", e.to_string()))
}
