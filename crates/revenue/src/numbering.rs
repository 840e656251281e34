//! Document number formats, e.g. `INV-{YYYY}-{seq:5}` → `INV-2026-00042`.
//!
//! The sequence itself is allocated in the issuing transaction (see
//! `service::numbers`); this module only validates and renders the template.

use chrono::{Datelike, NaiveDate};

/// The longest template accepted, and so (with a 19-digit sequence) the longest number.
pub const MAX_TEMPLATE_LEN: usize = 40;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("must contain {{seq}} or {{seq:N}} exactly once")]
    NoSequence,
    #[error("unknown placeholder {{{0}}}: use {{seq}}, {{seq:N}} (N = 1..=12), {{YYYY}}, {{YY}} or {{MM}}")]
    Unknown(String),
    #[error("unclosed {{")]
    Unclosed,
    #[error("must be 1 to 40 characters of printable ASCII")]
    Length,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Literal(String),
    Seq { width: usize },
    Year4,
    Year2,
    Month,
}

/// A validated number template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberFormat {
    template: String,
    parts: Vec<Part>,
}

impl NumberFormat {
    pub fn parse(template: &str) -> Result<Self, FormatError> {
        if template.is_empty()
            || template.len() > MAX_TEMPLATE_LEN
            || !template.bytes().all(|b| b.is_ascii_graphic() || b == b' ')
        {
            return Err(FormatError::Length);
        }
        let mut parts = Vec::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                parts.push(Part::Literal(rest[..open].to_owned()));
            }
            let close = rest[open..].find('}').ok_or(FormatError::Unclosed)? + open;
            let name = &rest[open + 1..close];
            parts.push(match name {
                "seq" => Part::Seq { width: 1 },
                "YYYY" => Part::Year4,
                "YY" => Part::Year2,
                "MM" => Part::Month,
                _ => match name.strip_prefix("seq:").and_then(|w| w.parse::<usize>().ok()) {
                    Some(width @ 1..=12) => Part::Seq { width },
                    _ => return Err(FormatError::Unknown(name.to_owned())),
                },
            });
            rest = &rest[close + 1..];
        }
        if !rest.is_empty() {
            parts.push(Part::Literal(rest.to_owned()));
        }
        if parts.iter().filter(|p| matches!(p, Part::Seq { .. })).count() != 1 {
            return Err(FormatError::NoSequence);
        }
        Ok(Self { template: template.to_owned(), parts })
    }

    pub fn as_str(&self) -> &str {
        &self.template
    }

    /// The number for sequence value `seq` on a document dated `on`.
    pub fn render(&self, seq: i64, on: NaiveDate) -> String {
        self.parts
            .iter()
            .map(|p| match p {
                Part::Literal(s) => s.clone(),
                Part::Seq { width } => format!("{seq:0width$}"),
                Part::Year4 => format!("{:04}", on.year()),
                Part::Year2 => format!("{:02}", on.year().rem_euclid(100)),
                Part::Month => format!("{:02}", on.month()),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 9).expect("date")
    }

    #[test]
    fn renders_placeholders() {
        let f = NumberFormat::parse("INV-{YYYY}-{seq:5}").expect("valid");
        assert_eq!(f.render(42, day()), "INV-2026-00042");
        assert_eq!(NumberFormat::parse("{YY}{MM}/{seq}").expect("valid").render(7, day()), "2603/7");
        assert_eq!(NumberFormat::parse("CN{seq:3}").expect("valid").render(12345, day()), "CN12345");
    }

    #[test]
    fn refuses_bad_templates() {
        assert_eq!(NumberFormat::parse("INV-"), Err(FormatError::NoSequence));
        assert_eq!(NumberFormat::parse("{seq}{seq}"), Err(FormatError::NoSequence));
        assert_eq!(NumberFormat::parse("{seq"), Err(FormatError::Unclosed));
        assert!(matches!(NumberFormat::parse("{seq:0}"), Err(FormatError::Unknown(_))));
        assert!(matches!(NumberFormat::parse("{DD}-{seq}"), Err(FormatError::Unknown(_))));
        assert_eq!(NumberFormat::parse(""), Err(FormatError::Length));
        assert_eq!(NumberFormat::parse("é{seq}"), Err(FormatError::Length));
        assert_eq!(NumberFormat::parse(&"x".repeat(41)), Err(FormatError::Length));
    }
}
