//! Domain input types: each has one parser, used by create, PATCH, CSV import and
//! event subscribers alike, so the rules for a field cannot drift between write
//! paths. They parse during deserialization, so a bad value is a 422 naming the
//! field before any handler runs. Use them in wire types with `#[schema(inline)]`
//! (they document their limits).

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

/// Why a string is not acceptable, or `None`. NUL is refused everywhere: PostgreSQL
/// cannot store it, and no human-entered text contains it.
pub fn text_problem(s: &str, min: usize, max: usize) -> Option<String> {
    if s.contains('\0') {
        return Some("must not contain NUL characters".into());
    }
    let n = s.chars().count();
    if n < min {
        return Some(if min == 1 { "must not be blank".into() } else { format!("must be at least {min} characters") });
    }
    if n > max {
        return Some(format!("must be at most {max} characters"));
    }
    None
}

/// Trimmed text of 1 to `MAX` characters, without NUL. Whitespace only is blank.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text<const MAX: usize>(String);

impl<const MAX: usize> Text<MAX> {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let trimmed = raw.trim();
        match text_problem(trimmed, 1, MAX) {
            Some(problem) => Err(problem),
            None => Ok(Self(trimmed.to_owned())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

impl<const MAX: usize> Deref for Text<MAX> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<const MAX: usize> fmt::Debug for Text<MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl<const MAX: usize> fmt::Display for Text<MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<const MAX: usize> From<Text<MAX>> for String {
    fn from(t: Text<MAX>) -> String {
        t.0
    }
}

impl<const MAX: usize> Serialize for Text<MAX> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de, const MAX: usize> Deserialize<'de> for Text<MAX> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = Cow::<'de, str>::deserialize(d)?;
        Self::parse(&raw).map_err(de::Error::custom)
    }
}

fn string_schema(min: usize, max: usize) -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String).min_length(Some(min)).max_length(Some(max))
}

impl<const MAX: usize> PartialSchema for Text<MAX> {
    fn schema() -> RefOr<Schema> {
        string_schema(1, MAX).into()
    }
}

impl<const MAX: usize> ToSchema for Text<MAX> {}

/// An email address: trimmed, at most 254 characters, of a valid shape.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub const MAX: usize = 254;

    pub fn parse(raw: &str) -> Result<Self, String> {
        let trimmed = raw.trim();
        if let Some(problem) = text_problem(trimmed, 1, Self::MAX) {
            return Err(problem);
        }
        if !validator::ValidateEmail::validate_email(&trimmed) {
            return Err("must be a valid email address".into());
        }
        Ok(Self(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Lower-case: the form emails are compared and kept unique in.
    pub fn normalized(&self) -> String {
        self.0.to_lowercase()
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// A phone number as written: trimmed, 3 to 50 characters.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Phone(String);

impl Phone {
    pub const MIN: usize = 3;
    pub const MAX: usize = 50;

    pub fn parse(raw: &str) -> Result<Self, String> {
        let trimmed = raw.trim();
        match text_problem(trimmed, Self::MIN, Self::MAX) {
            Some(problem) => Err(problem),
            None => Ok(Self(trimmed.to_owned())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Digits, with a leading `+` kept: "+49 (30) 123-456" → "+4930123456". `None`
    /// for a value without digits ("n/a"), so such placeholders never look alike.
    pub fn normalized(&self) -> Option<String> {
        let digits: String = self.0.chars().filter(char::is_ascii_digit).collect();
        if digits.is_empty() {
            None
        } else if self.0.starts_with('+') {
            Some(format!("+{digits}"))
        } else {
            Some(digits)
        }
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

macro_rules! string_type {
    ($t:ident, $min:expr, $max:expr, $format:expr) => {
        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&self.0, f)
            }
        }

        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl Deref for $t {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = Cow::<'de, str>::deserialize(d)?;
                Self::parse(&raw).map_err(de::Error::custom)
            }
        }

        impl PartialSchema for $t {
            fn schema() -> RefOr<Schema> {
                let s = string_schema($min, $max);
                let s = match $format {
                    Some(f) => s.format(Some(SchemaFormat::KnownFormat(f))),
                    None => s,
                };
                s.into()
            }
        }

        impl ToSchema for $t {}
    };
}

string_type!(Email, 3, Email::MAX, Some(KnownFormat::Email));
string_type!(Phone, Phone::MIN, Phone::MAX, None::<KnownFormat>);

/// The dates both databases store: years 1 to 9999.
const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;
const DATE_RANGE: &str = "must be a date between 0001-01-01 and 9999-12-31";

/// A calendar date (`YYYY-MM-DD`) in years 1–9999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date(pub NaiveDate);

impl Date {
    pub fn new(d: NaiveDate) -> Result<Self, String> {
        if YEARS.contains(&d.year()) { Ok(Self(d)) } else { Err(DATE_RANGE.into()) }
    }

    pub fn get(self) -> NaiveDate {
        self.0
    }
}

impl From<Date> for NaiveDate {
    fn from(d: Date) -> NaiveDate {
        d.0
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = Cow::<'de, str>::deserialize(d)?;
        let date = NaiveDate::parse_from_str(&raw, "%Y-%m-%d")
            .map_err(|_| de::Error::custom("must be a date as YYYY-MM-DD"))?;
        Self::new(date).map_err(de::Error::custom)
    }
}

impl PartialSchema for Date {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .examples([serde_json::json!("2026-12-31")])
            .into()
    }
}

impl ToSchema for Date {}

/// An RFC 3339 instant in years 1–9999, as UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp(pub DateTime<Utc>);

impl Timestamp {
    pub fn new(t: DateTime<Utc>) -> Result<Self, String> {
        if YEARS.contains(&t.year()) { Ok(Self(t)) } else { Err("must be a time between years 0001 and 9999".into()) }
    }

    pub fn get(self) -> DateTime<Utc> {
        self.0
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = Cow::<'de, str>::deserialize(d)?;
        let t = DateTime::parse_from_rfc3339(&raw)
            .map_err(|_| de::Error::custom("must be an RFC 3339 time, e.g. 2026-12-01T10:00:00Z"))?;
        Self::new(t.with_timezone(&Utc)).map_err(de::Error::custom)
    }
}

impl PartialSchema for Timestamp {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)))
            .examples([serde_json::json!("2026-12-01T10:00:00Z")])
            .into()
    }
}

impl ToSchema for Timestamp {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_trims_and_bounds() {
        assert_eq!(Text::<5>::parse("  ada ").map(Text::into_inner), Ok("ada".into()));
        assert_eq!(Text::<5>::parse("   ").err().as_deref(), Some("must not be blank"));
        assert_eq!(Text::<5>::parse("abcdef").err().as_deref(), Some("must be at most 5 characters"));
        assert_eq!(Text::<5>::parse("a\0b").err().as_deref(), Some("must not contain NUL characters"));
        assert!(serde_json::from_str::<Text<3>>("\"abcd\"").is_err());
        assert!(Text::<3>::parse("äöü").is_ok(), "characters, not bytes");
    }

    #[test]
    fn email_and_phone() {
        let e = Email::parse(" Ada@Example.COM ").expect("valid");
        assert_eq!((e.as_str(), e.normalized().as_str()), ("Ada@Example.COM", "ada@example.com"));
        assert!(Email::parse("nope").is_err());
        let p = Phone::parse("+49 (30) 123-456").expect("valid");
        assert_eq!(p.normalized().as_deref(), Some("+4930123456"));
        assert_eq!(Phone::parse("n/a").ok().and_then(|p| p.normalized()), None);
        assert!(Phone::parse("12").is_err() && Phone::parse(&"1".repeat(51)).is_err());
    }

    #[test]
    fn dates_stay_in_storable_years() {
        assert!(serde_json::from_str::<Date>("\"2026-12-01\"").is_ok());
        assert!(serde_json::from_str::<Date>("\"-10000-01-01\"").is_err());
        assert!(serde_json::from_str::<Date>("\"+10000-01-01\"").is_err());
        assert!(serde_json::from_str::<Timestamp>("\"2026-12-01T10:00:00+02:00\"").is_ok());
        assert!(serde_json::from_str::<Timestamp>("\"-10000-01-01T00:00:00Z\"").is_err());
    }
}
