//! Money in integer minor units with an ISO 4217 currency. No floats anywhere.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::ToSchema;

/// An active ISO 4217 currency code, e.g. `EUR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency(iso_currency::Currency);

impl Currency {
    pub fn code(&self) -> &'static str {
        self.0.code()
    }

    /// Digits after the decimal point (2 for EUR, 0 for JPY).
    pub fn minor_digits(&self) -> u16 {
        self.0.exponent().unwrap_or(0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an ISO 4217 currency code")]
pub struct UnknownCurrency(pub String);

impl FromStr for Currency {
    type Err = UnknownCurrency;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Only upper-case three-letter codes: "eur" is a client bug worth reporting.
        if s.len() != 3 || !s.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(UnknownCurrency(s.to_owned()));
        }
        iso_currency::Currency::from_code(s).map(Self).ok_or_else(|| UnknownCurrency(s.to_owned()))
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl utoipa::PartialSchema for Currency {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some("^[A-Z]{3}$"))
            .description(Some("ISO 4217 currency code"))
            .examples([serde_json::json!("EUR")])
            .into()
    }
}

impl ToSchema for Currency {}

/// An amount of money: integer minor units (cents for EUR) and a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"amount_minor": 12345, "currency": "EUR"}))]
pub struct Money {
    pub amount_minor: i64,
    pub currency: Currency,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("cannot combine {0} and {1}")]
    CurrencyMismatch(Currency, Currency),
    #[error("amount out of range")]
    Overflow,
}

impl Money {
    pub fn new(amount_minor: i64, currency: Currency) -> Self {
        Self { amount_minor, currency }
    }

    pub fn zero(currency: Currency) -> Self {
        Self::new(0, currency)
    }

    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        if self.currency != other.currency {
            return Err(MoneyError::CurrencyMismatch(self.currency, other.currency));
        }
        let sum = self.amount_minor.checked_add(other.amount_minor).ok_or(MoneyError::Overflow)?;
        Ok(Money::new(sum, self.currency))
    }

    pub fn checked_mul(self, factor: i64) -> Result<Money, MoneyError> {
        let product = self.amount_minor.checked_mul(factor).ok_or(MoneyError::Overflow)?;
        Ok(Money::new(product, self.currency))
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = u32::from(self.currency.minor_digits());
        if digits == 0 {
            return write!(f, "{} {}", self.amount_minor, self.currency);
        }
        let scale = 10_i128.pow(digits);
        let amount = i128::from(self.amount_minor);
        let sign = if amount < 0 { "-" } else { "" };
        let (whole, frac) = (amount.abs() / scale, amount.abs() % scale);
        write!(f, "{sign}{whole}.{frac:0width$} {}", self.currency, width = digits as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur() -> Currency {
        "EUR".parse().expect("EUR is ISO 4217")
    }

    #[test]
    fn currency_codes_are_validated() {
        assert!("EUR".parse::<Currency>().is_ok());
        assert!("JPY".parse::<Currency>().is_ok());
        assert!("eur".parse::<Currency>().is_err());
        assert!("XYZ".parse::<Currency>().is_err());
        assert!("EURO".parse::<Currency>().is_err());
    }

    #[test]
    fn json_round_trip_and_rejection() {
        let m: Money = serde_json::from_str(r#"{"amount_minor": 12345, "currency": "EUR"}"#).expect("valid");
        assert_eq!(m, Money::new(12345, eur()));
        assert_eq!(m.to_string(), "123.45 EUR");
        assert!(serde_json::from_str::<Money>(r#"{"amount_minor": 1.5, "currency": "EUR"}"#).is_err());
        assert!(serde_json::from_str::<Money>(r#"{"amount_minor": 1, "currency": "ZZZ"}"#).is_err());
    }

    #[test]
    fn arithmetic_is_checked() {
        let usd: Currency = "USD".parse().expect("USD");
        assert_eq!(Money::new(5, eur()).checked_add(Money::new(7, eur())), Ok(Money::new(12, eur())));
        assert!(matches!(Money::new(5, eur()).checked_add(Money::new(1, usd)), Err(MoneyError::CurrencyMismatch(..))));
        assert_eq!(Money::new(i64::MAX, eur()).checked_mul(2), Err(MoneyError::Overflow));
        assert_eq!(Money::new(-5, eur()).to_string(), "-0.05 EUR");
    }
}
