//! Invoice arithmetic. Amounts are integer minor units of the document's currency,
//! quantities are thousandths, tax rates are basis points and exchange rates are
//! billionths: every figure is an integer, so no float ever touches money. Rounding
//! is half-even (banker's), applied once per line; totals are sums of rounded
//! lines, so they always add up exactly on the printed document.

use atrium_kernel::Currency;

/// Quantities are stored in thousandths (1.5 hours = 1500).
pub const QUANTITY_SCALE: i64 = 1_000;
/// Tax rates are basis points (20 % = 2000).
pub const BASIS_POINTS: i64 = 10_000;
/// Exchange rates are billionths (1.0834 = 1_083_400_000).
pub const RATE_SCALE: i64 = 1_000_000_000;
/// The highest tax rate accepted: 100 %.
pub const MAX_TAX_BASIS_POINTS: i64 = BASIS_POINTS;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalcError {
    #[error("amount out of range")]
    Overflow,
    #[error("`{0}` is not a positive decimal number with at most 9 decimal places")]
    BadRate(String),
}

/// Whether a line's price already contains its tax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaxMode {
    /// The price is net; tax is added on top.
    Exclusive,
    /// The price is gross; the tax inside it is worked out.
    Inclusive,
}

/// One tax rate applied to a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tax {
    pub basis_points: i64,
    pub mode: TaxMode,
}

/// What one line comes to, in minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LineAmounts {
    pub net: i64,
    pub tax: i64,
    pub gross: i64,
}

/// `n / d` rounded half to even; `d` must be positive.
pub fn div_half_even(n: i128, d: i128) -> i128 {
    debug_assert!(d > 0);
    let (q, r) = (n.div_euclid(d), n.rem_euclid(d));
    // q is the floor; compare the remainder with half of d.
    match (2 * r).cmp(&d) {
        std::cmp::Ordering::Less => q,
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal => {
            if q % 2 == 0 {
                q
            } else {
                q + 1
            }
        }
    }
}

fn narrow(v: i128) -> Result<i64, CalcError> {
    i64::try_from(v).map_err(|_| CalcError::Overflow)
}

/// A line of `quantity` thousandths at `unit_price` minor units, with an optional tax.
pub fn line_amounts(quantity: i64, unit_price: i64, tax: Option<Tax>) -> Result<LineAmounts, CalcError> {
    let entered = narrow(div_half_even(i128::from(quantity) * i128::from(unit_price), i128::from(QUANTITY_SCALE)))?;
    let Some(tax) = tax else {
        return Ok(LineAmounts { net: entered, tax: 0, gross: entered });
    };
    let bp = i128::from(tax.basis_points);
    match tax.mode {
        TaxMode::Exclusive => {
            let t = narrow(div_half_even(i128::from(entered) * bp, i128::from(BASIS_POINTS)))?;
            let gross = entered.checked_add(t).ok_or(CalcError::Overflow)?;
            Ok(LineAmounts { net: entered, tax: t, gross })
        }
        TaxMode::Inclusive => {
            let net =
                narrow(div_half_even(i128::from(entered) * i128::from(BASIS_POINTS), i128::from(BASIS_POINTS) + bp))?;
            Ok(LineAmounts { net, tax: entered - net, gross: entered })
        }
    }
}

/// Sums lines without overflow.
pub fn sum(lines: impl IntoIterator<Item = LineAmounts>) -> Result<LineAmounts, CalcError> {
    lines.into_iter().try_fold(LineAmounts::default(), |acc, l| {
        Ok(LineAmounts {
            net: acc.net.checked_add(l.net).ok_or(CalcError::Overflow)?,
            tax: acc.tax.checked_add(l.tax).ok_or(CalcError::Overflow)?,
            gross: acc.gross.checked_add(l.gross).ok_or(CalcError::Overflow)?,
        })
    })
}

/// `amount` minor units of `from` in minor units of `to`, at `rate` billionths of
/// `to` per unit of `from`, rounded half-even (JPY has no minor unit, BHD three).
pub fn convert(amount: i64, from: Currency, to: Currency, rate: i64) -> Result<i64, CalcError> {
    let (from_exp, to_exp) = (u32::from(from.minor_digits()), u32::from(to.minor_digits()));
    let num = i128::from(amount)
        .checked_mul(i128::from(rate))
        .and_then(|v| v.checked_mul(10_i128.pow(to_exp)))
        .ok_or(CalcError::Overflow)?;
    let den = 10_i128.pow(from_exp) * i128::from(RATE_SCALE);
    narrow(div_half_even(num, den))
}

/// Parses a decimal exchange rate ("1.0834") into billionths.
pub fn parse_rate(s: &str) -> Result<i64, CalcError> {
    let bad = || CalcError::BadRate(s.to_owned());
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(frac) || frac.len() > 9 || (s.contains('.') && frac.is_empty()) {
        return Err(bad());
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let frac_val: i64 = if frac.is_empty() { 0 } else { frac.parse().map_err(|_| bad())? };
    let scale = 10_i64.pow(9 - u32::try_from(frac.len()).map_err(|_| bad())?);
    let rate = whole.checked_mul(RATE_SCALE).and_then(|w| w.checked_add(frac_val * scale)).ok_or_else(bad)?;
    if rate <= 0 {
        return Err(bad());
    }
    Ok(rate)
}

/// The decimal form of a rate in billionths, without trailing zeros ("1.0834").
pub fn format_rate(rate: i64) -> String {
    let (whole, frac) = (rate / RATE_SCALE, rate % RATE_SCALE);
    if frac == 0 {
        return whole.to_string();
    }
    let frac = format!("{frac:09}");
    format!("{whole}.{}", frac.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cur(code: &str) -> Currency {
        code.parse().expect("ISO 4217")
    }

    #[test]
    fn half_even_rounds_ties_to_the_even_neighbour() {
        assert_eq!(div_half_even(5, 2), 2);
        assert_eq!(div_half_even(7, 2), 4);
        assert_eq!(div_half_even(-5, 2), -2);
        assert_eq!(div_half_even(-7, 2), -4);
        assert_eq!(div_half_even(1, 3), 0);
        assert_eq!(div_half_even(2, 3), 1);
        assert_eq!(div_half_even(-2, 3), -1);
    }

    #[test]
    fn a_line_is_quantity_times_price_rounded_once() {
        // 1.5 h at 100.01 = 150.015 → 150.02 (tie, 15001.5 → 15002 even)
        assert_eq!(line_amounts(1500, 10001, None), Ok(LineAmounts { net: 15002, tax: 0, gross: 15002 }));
        // 2.5 × 0.01 = 0.025 → 0.02 (tie to even)
        assert_eq!(line_amounts(2500, 1, None).map(|l| l.net), Ok(2));
        // 3.5 × 0.01 = 0.035 → 0.04
        assert_eq!(line_amounts(3500, 1, None).map(|l| l.net), Ok(4));
    }

    #[test]
    fn exclusive_and_inclusive_tax() {
        let vat = Tax { basis_points: 2000, mode: TaxMode::Exclusive };
        assert_eq!(line_amounts(1000, 10000, Some(vat)), Ok(LineAmounts { net: 10000, tax: 2000, gross: 12000 }));
        let incl = Tax { basis_points: 2000, mode: TaxMode::Inclusive };
        // 120.00 gross at 20 % inclusive: net 100.00, tax 20.00
        assert_eq!(line_amounts(1000, 12000, Some(incl)), Ok(LineAmounts { net: 10000, tax: 2000, gross: 12000 }));
        // 10.00 gross at 19 %: net 8.403… → 8.40, tax 1.60; parts add up to the gross
        let l = line_amounts(1000, 1000, Some(Tax { basis_points: 1900, mode: TaxMode::Inclusive })).expect("fits");
        assert_eq!((l.net, l.tax, l.gross), (840, 160, 1000));
    }

    #[test]
    fn totals_are_sums_of_rounded_lines() {
        let vat = Some(Tax { basis_points: 1900, mode: TaxMode::Exclusive });
        let lines: Vec<_> = (0..3).map(|_| line_amounts(1000, 333, vat).expect("fits")).collect();
        // each line 3.33 + 0.63 (0.6327 → 0.63)
        let t = sum(lines).expect("fits");
        assert_eq!((t.net, t.tax, t.gross), (999, 189, 1188));
        assert_eq!(t.net + t.tax, t.gross);
    }

    #[test]
    fn overflow_is_an_error_not_a_wrap() {
        assert_eq!(line_amounts(i64::MAX, i64::MAX, None), Err(CalcError::Overflow));
        assert_eq!(sum([LineAmounts { net: i64::MAX, tax: 0, gross: 0 }; 2]), Err(CalcError::Overflow));
    }

    #[test]
    fn conversion_respects_each_currencys_exponent() {
        let rate = parse_rate("1.0834").expect("rate");
        // 100.00 EUR → 108.34 USD
        assert_eq!(convert(10000, cur("EUR"), cur("USD"), rate), Ok(10834));
        // 1000 JPY at 0.0061 USD/JPY → 6.10 USD
        assert_eq!(convert(1000, cur("JPY"), cur("USD"), parse_rate("0.0061").expect("rate")), Ok(610));
        // 1.000 BHD at 2.65 USD/BHD → 2.65 USD
        assert_eq!(convert(1000, cur("BHD"), cur("USD"), parse_rate("2.65").expect("rate")), Ok(265));
        // 1.00 USD at 150.5 JPY/USD → 150.5 → 150 JPY (tie to even)
        assert_eq!(convert(100, cur("USD"), cur("JPY"), parse_rate("150.5").expect("rate")), Ok(150));
    }

    #[test]
    fn rates_parse_strictly_and_print_back() {
        assert_eq!(parse_rate("1"), Ok(RATE_SCALE));
        assert_eq!(parse_rate("0.000000001"), Ok(1));
        for bad in ["", "0", "0.0", "-1", "1.", ".5", "1.0000000001", "1e3", "abc", "1,5"] {
            assert!(parse_rate(bad).is_err(), "{bad} accepted");
        }
        assert_eq!(format_rate(parse_rate("1.0834").expect("rate")), "1.0834");
        assert_eq!(format_rate(parse_rate("150").expect("rate")), "150");
    }
}
