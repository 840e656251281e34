//! Line-item quantities, exact to a thousandth: no floats on the money path.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Largest quantity accepted: one million units.
const MAX_MILLI: i64 = 1_000_000_000;

/// A positive quantity with at most three decimals. On the wire a JSON integer
/// (`3`) or a decimal string (`"1.5"`, `"0.125"`); always answered as a string.
/// JSON fractions (`1.5`) are refused because a binary float cannot carry them exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quantity(i64);

impl Quantity {
    /// From thousandths (1.5 is 1500).
    pub fn from_milli(milli: i64) -> Result<Self, String> {
        if milli <= 0 {
            return Err("must be greater than 0".into());
        }
        if milli > MAX_MILLI {
            return Err("must be at most 1000000".into());
        }
        Ok(Self(milli))
    }

    pub fn units(units: i64) -> Result<Self, String> {
        Self::from_milli(units.checked_mul(1000).ok_or("must be at most 1000000")?)
    }

    pub fn milli(self) -> i64 {
        self.0
    }
}

impl FromStr for Quantity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}` is not a decimal quantity with at most 3 decimals, e.g. \"1.5\"");
        let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
        let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || whole.len() > 10 || !digits(whole) || frac.len() > 3 || !digits(frac) {
            return Err(bad());
        }
        if s.ends_with('.') {
            return Err(bad());
        }
        let whole: i64 = whole.parse().map_err(|_| bad())?;
        let frac_milli: i64 = if frac.is_empty() { 0 } else { format!("{frac:0<3}").parse().map_err(|_| bad())? };
        Self::from_milli(whole * 1000 + frac_milli)
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, frac) = (self.0 / 1000, self.0 % 1000);
        if frac == 0 {
            write!(f, "{whole}")
        } else {
            let frac = format!("{frac:03}");
            write!(f, "{whole}.{}", frac.trim_end_matches('0'))
        }
    }
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Quantity;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a positive integer or a decimal string with at most 3 decimals")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Quantity, E> {
                Quantity::units(i64::try_from(v).map_err(|_| E::custom("must be at most 1000000"))?).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Quantity, E> {
                Quantity::units(v).map_err(E::custom)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Quantity, E> {
                Err(E::custom("send a fractional quantity as a decimal string, e.g. \"1.5\""))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Quantity, E> {
                v.parse().map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

impl utoipa::PartialSchema for Quantity {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
        OneOfBuilder::new()
            .item(ObjectBuilder::new().schema_type(Type::String).pattern(Some(r"^[0-9]{1,10}(\.[0-9]{1,3})?$")))
            .item(ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(1)).maximum(Some(1_000_000)))
            .description(Some(
                "Quantity, exact to a thousandth: a JSON integer or a decimal string (at most 3 decimals). \
                 Answered as a string.",
            ))
            .examples([serde_json::json!("1.5")])
            .into()
    }
}

impl utoipa::ToSchema for Quantity {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_exactly() {
        let q = |s: &str| s.parse::<Quantity>().map(Quantity::milli);
        assert_eq!(q("2"), Ok(2000));
        assert_eq!(q("1.5"), Ok(1500));
        assert_eq!(q("0.125"), Ok(125));
        assert_eq!(q("0.1"), Ok(100));
        for bad in ["", "0", "0.000", "1.2345", "-1", "1e3", "1.", ".5", " 1", "1,5", "99999999999"] {
            assert!(q(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn wire_forms() {
        let de = |s: &str| serde_json::from_str::<Quantity>(s);
        assert_eq!(de("3").map(Quantity::milli).ok(), Some(3000));
        assert_eq!(de("\"2.50\"").map(Quantity::milli).ok(), Some(2500));
        assert!(de("1.5").is_err(), "JSON fractions are refused");
        assert!(de("0").is_err() && de("-2").is_err());
        let out = serde_json::to_string(&Quantity::from_milli(2500).expect("q")).expect("json");
        assert_eq!(out, "\"2.5\"");
        assert_eq!(Quantity::from_milli(3000).expect("q").to_string(), "3");
        assert_eq!(Quantity::from_milli(125).expect("q").to_string(), "0.125");
    }
}
