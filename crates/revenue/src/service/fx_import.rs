//! Exchange rates imported from CSV (`date,from,to,rate`): all rows or none.
//! A rate for a currency and day that already has one replaces it, as entering it
//! through the API does; an identical rate is left alone (no write, no event), so
//! importing the same file twice changes nothing the second time.

use std::collections::{BTreeSet, HashMap};

use atrium_events::revenue::{FxRateId, FxRateRecorded};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Currency, FieldError, OrgCtx, Scoped};
use chrono::NaiveDate;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{RevenueService, settings};
use crate::calc::{self, format_rate};
use crate::dto::FxImportOut;
use crate::entity::fx_rate;

/// Most data rows in one import.
pub const FX_IMPORT_MAX_ROWS: usize = 10_000;
/// Most errors reported for one file (the first ones, in row order).
const MAX_ERRORS: usize = 100;
/// Rows per multi-row insert (7 parameters each: well inside SQLite's limit).
const INSERT_CHUNK: usize = 500;
const COLUMNS: [&str; 4] = ["date", "from", "to", "rate"];

/// One valid row: `currency` against the base currency on `date`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RateRow {
    pub date: NaiveDate,
    pub currency: Currency,
    pub rate: i64,
}

/// Parses and validates the whole file against the base currency. Errors name
/// `rows[N].column`, N counting data rows from 1 (the row after the header), or
/// `header` / `rows` for the file as a whole.
pub(crate) fn parse(csv_bytes: &[u8], base: Currency) -> Result<Vec<RateRow>, Vec<FieldError>> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(csv_bytes);
    let header = reader
        .headers()
        .map_err(|e| vec![FieldError::new("header", format!("unreadable: {e}"))])?
        .iter()
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>();
    let mut at = [0usize; 4];
    let mut missing = Vec::new();
    for (i, col) in COLUMNS.iter().enumerate() {
        match header.iter().position(|h| h == col) {
            Some(p) => at[i] = p,
            None => missing.push(*col),
        }
    }
    if !missing.is_empty() {
        let msg = format!("needs the columns date,from,to,rate; missing {}", missing.join(","));
        return Err(vec![FieldError::new("header", msg)]);
    }
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<(NaiveDate, Currency), usize> = HashMap::new();
    for (i, record) in reader.records().enumerate() {
        let n = i + 1;
        if n > FX_IMPORT_MAX_ROWS {
            return Err(vec![FieldError::new("rows", format!("at most {FX_IMPORT_MAX_ROWS} rows per import"))]);
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(FieldError::new(format!("rows[{n}]"), format!("unreadable: {e}")));
                continue;
            }
        };
        if record.len() != header.len() {
            let msg = format!("has {} cells; the header has {}", record.len(), header.len());
            errors.push(FieldError::new(format!("rows[{n}]"), msg));
            continue;
        }
        let cell = |c: usize| record.get(at[c]).unwrap_or_default();
        let mut err = |col: &str, msg: String| errors.push(FieldError::new(format!("rows[{n}].{col}"), msg));
        let date = match NaiveDate::parse_from_str(cell(0), "%Y-%m-%d") {
            Ok(d) if atrium_kernel::Date::new(d).is_ok() => Some(d),
            _ => {
                err("date", format!("`{}` is not a date (YYYY-MM-DD, years 1 to 9999)", cell(0)));
                None
            }
        };
        let from = match cell(1).parse::<Currency>() {
            Ok(c) if c == base => {
                err("from", format!("is the base currency {base}; its rate is 1"));
                None
            }
            Ok(c) => Some(c),
            Err(_) => {
                err("from", format!("`{}` is not an ISO 4217 currency code", cell(1)));
                None
            }
        };
        match cell(2).parse::<Currency>() {
            Ok(c) if c == base => {}
            Ok(_) => err("to", format!("rates are entered against the base currency {base}")),
            Err(_) => err("to", format!("`{}` is not an ISO 4217 currency code", cell(2))),
        }
        let rate = match calc::parse_rate(cell(3)) {
            Ok(r) => Some(r),
            Err(e) => {
                err("rate", e.to_string());
                None
            }
        };
        if let (Some(date), Some(currency), Some(rate)) = (date, from, rate) {
            if let Some(first) = seen.insert((date, currency), n) {
                err("date", format!("{currency} on {date} is already on row {first}"));
            }
            rows.push(RateRow { date, currency, rate });
        }
    }
    if rows.is_empty() && errors.is_empty() {
        return Err(vec![FieldError::new("rows", "the file has no data rows")]);
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        errors.truncate(MAX_ERRORS);
        Err(errors)
    }
}

impl RevenueService {
    /// Imports a CSV of exchange rates in one transaction: any bad row is a 422
    /// naming its row and column, and nothing is written. Each rate written
    /// publishes `revenue.fx_rate.recorded`, as entering it one by one would.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bytes = csv_bytes.len()))]
    pub async fn import_fx_rates(&self, ctx: &OrgCtx, csv_bytes: &[u8]) -> Result<FxImportOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let base = settings::base_currency(&settings::current(&txn, ctx.org_id, now).await?)?;
        let rows = parse(csv_bytes, base).map_err(AppError::Validation)?;
        let codes: BTreeSet<&str> = rows.iter().map(|r| r.currency.code()).collect();
        let (first, last) =
            rows.iter().fold((NaiveDate::MAX, NaiveDate::MIN), |(lo, hi), r| (lo.min(r.date), hi.max(r.date)));
        let existing: HashMap<(String, NaiveDate), (Uuid, i64)> = fx_rate::Entity::scoped(ctx.org_id)
            .filter(fx_rate::Column::BaseCurrency.eq(base.code()))
            .filter(fx_rate::Column::Currency.is_in(codes))
            .filter(fx_rate::Column::RateDate.between(first, last))
            .all(&txn)
            .await?
            .into_iter()
            .map(|r| ((r.currency, r.rate_date), (r.id, r.rate)))
            .collect();
        let mut out = FxImportOut { created: 0, replaced: 0, unchanged: 0 };
        let mut written: Vec<(Uuid, &RateRow)> = Vec::new();
        for r in &rows {
            match existing.get(&(r.currency.code().to_owned(), r.date)) {
                Some((_, rate)) if *rate == r.rate => out.unchanged += 1,
                Some((id, _)) => {
                    out.replaced += 1;
                    written.push((*id, r));
                }
                None => {
                    out.created += 1;
                    written.push((FxRateId::new().into_uuid(), r));
                }
            }
        }
        for chunk in written.chunks(INSERT_CHUNK) {
            let models = chunk.iter().map(|(id, r)| fx_rate::ActiveModel {
                id: Set(*id),
                organization_id: Set(ctx.org_id.into_uuid()),
                currency: Set(r.currency.code().to_owned()),
                base_currency: Set(base.code().to_owned()),
                rate_date: Set(r.date),
                rate: Set(r.rate),
                created_at: Set(now),
            });
            // The key is the pair and day: a replaced row keeps its id and takes the new rate.
            fx_rate::Entity::insert_many(models)
                .on_conflict(
                    OnConflict::columns([
                        fx_rate::Column::OrganizationId,
                        fx_rate::Column::Currency,
                        fx_rate::Column::BaseCurrency,
                        fx_rate::Column::RateDate,
                    ])
                    .update_columns([fx_rate::Column::Rate, fx_rate::Column::CreatedAt])
                    .to_owned(),
                )
                .exec_without_returning(&txn)
                .await?;
        }
        for (id, r) in &written {
            let event = FxRateRecorded {
                id: (*id).into(),
                currency: r.currency.code().to_owned(),
                base_currency: base.code().to_owned(),
                rate_date: r.date,
                rate: format_rate(r.rate),
            };
            atrium_outbox::publish(&txn, ctx, now, &event).await?;
        }
        txn.commit().await?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd() -> Currency {
        "USD".parse().expect("ISO 4217")
    }

    fn fields(e: Vec<FieldError>) -> Vec<String> {
        e.into_iter().map(|f| f.field).collect()
    }

    #[test]
    fn rates_parse_exactly_in_any_column_order() {
        let rows = parse(b"rate,to,from,date\n1.0834,USD,EUR,2027-01-31\n 151.2 , USD , JPY , 2027-01-31\n", usd())
            .expect("valid");
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].currency.code(), rows[0].rate), ("EUR", 1_083_400_000));
        assert_eq!(rows[1].rate, 151_200_000_000);
    }

    #[test]
    fn every_bad_cell_is_named_by_row_and_column() {
        let csv = b"date,from,to,rate\n2027-02-30,EUR,USD,1.1\n2027-01-01,eur,USD,1.1\n2027-01-01,EUR,GBP,-1\n\
2027-01-01,USD,USD,1\n2027-01-02,EUR,USD,1.1\n2027-01-02,EUR,USD,1.2\n2027-01-03,EUR,USD\n";
        let errors = fields(parse(csv, usd()).expect_err("invalid"));
        assert_eq!(
            errors,
            ["rows[1].date", "rows[2].from", "rows[3].to", "rows[3].rate", "rows[4].from", "rows[6].date", "rows[7]"]
        );
    }

    #[test]
    fn a_file_without_the_columns_or_rows_is_refused() {
        assert_eq!(fields(parse(b"day,from,to,rate\n", usd()).expect_err("header")), ["header"]);
        assert_eq!(fields(parse(b"date,from,to,rate\n", usd()).expect_err("empty")), ["rows"]);
        let mut big = String::from("date,from,to,rate\n");
        big.push_str(&"2027-01-01,EUR,USD,1.1\n".repeat(FX_IMPORT_MAX_ROWS + 1));
        assert_eq!(fields(parse(big.as_bytes(), usd()).expect_err("too many")), ["rows"]);
    }
}
