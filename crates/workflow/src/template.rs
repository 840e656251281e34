//! The template language of action fields: text with `{{ path }}` holes, each
//! optionally piped through filters: `{{ data.name | upper }}`,
//! `{{ occurred_at | date_add_days: 3 }}`, `{{ data.company | default: "n/a" }}`.
//! Filters: `date_add_days: N` (a date or timestamp → `YYYY-MM-DD`), `upper`,
//! `lower`, `default: "text"`. There are no loops, calls or code: a template reads
//! fields and formats them, nothing else.
//!
//! Our own rather than `minijinja`: minijinja is sandboxed and well kept, but
//! checking at save that every variable is a field of the event's schema and
//! every filter is allowed needs its unstable AST; this language is one small
//! parser whose errors name the action field, and it cannot grow loops by accident.

use chrono::{DateTime, NaiveDate};
use serde_json::Value;

use crate::paths::lookup;

#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq)]
enum Part {
    Text(String),
    Hole { path: String, filters: Vec<Filter> },
}

#[derive(Debug, Clone, PartialEq)]
enum Filter {
    DateAddDays(i64),
    Upper,
    Lower,
    Default(String),
}

/// Longest template source accepted.
const MAX_LEN: usize = 2000;

impl Template {
    pub fn parse(src: &str) -> Result<Self, String> {
        if src.len() > MAX_LEN {
            return Err(format!("a template is at most {MAX_LEN} bytes"));
        }
        let mut parts = Vec::new();
        let mut rest = src;
        while let Some(start) = rest.find("{{") {
            if start > 0 {
                parts.push(Part::Text(rest[..start].to_owned()));
            }
            let after = &rest[start + 2..];
            let end = after.find("}}").ok_or("`{{` without its closing `}}`")?;
            parts.push(hole(&after[..end])?);
            rest = &after[end + 2..];
        }
        if rest.contains("}}") {
            return Err("`}}` without its opening `{{`".into());
        }
        if !rest.is_empty() {
            parts.push(Part::Text(rest.to_owned()));
        }
        Ok(Self { parts })
    }

    /// The field paths the template reads.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|p| match p {
            Part::Hole { path, .. } => Some(path.as_str()),
            Part::Text(_) => None,
        })
    }

    /// Renders against `ctx` (the event value, with earlier actions' outputs under
    /// `actions`). A missing field renders empty unless a `default` fills it.
    pub fn render(&self, ctx: &Value) -> Result<String, String> {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Hole { path, filters } => {
                    let mut v = lookup(ctx, path).map(display).unwrap_or_default();
                    for f in filters {
                        v = f.apply(v, path)?;
                    }
                    out.push_str(&v);
                }
            }
        }
        Ok(out)
    }
}

fn display(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn hole(inner: &str) -> Result<Part, String> {
    let mut pieces = inner.split('|');
    let path = pieces.next().unwrap_or_default().trim();
    let valid_path = !path.is_empty()
        && path.split('.').all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
    if !valid_path {
        return Err(format!("`{{{{{inner}}}}}` must name a field, like `{{{{data.name}}}}`"));
    }
    let filters = pieces.map(filter).collect::<Result<_, _>>()?;
    Ok(Part::Hole { path: path.to_owned(), filters })
}

fn filter(raw: &str) -> Result<Filter, String> {
    let (name, arg) = match raw.split_once(':') {
        Some((n, a)) => (n.trim(), Some(a.trim())),
        None => (raw.trim(), None),
    };
    match (name, arg) {
        ("upper", None) => Ok(Filter::Upper),
        ("lower", None) => Ok(Filter::Lower),
        ("date_add_days", Some(n)) => n
            .parse::<i64>()
            .ok()
            .filter(|n| n.abs() <= 36_500)
            .map(Filter::DateAddDays)
            .ok_or_else(|| format!("`date_add_days` takes a whole number of days, not `{n}`")),
        ("default", Some(s)) => s
            .strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .map(|s| Filter::Default(s.to_owned()))
            .ok_or_else(|| "`default` takes a quoted text, like `default: \"n/a\"`".to_owned()),
        _ => Err(format!(
            "unknown filter `{}`: filters are `date_add_days: N`, `upper`, `lower`, `default: \"text\"`",
            raw.trim()
        )),
    }
}

impl Filter {
    fn apply(&self, v: String, path: &str) -> Result<String, String> {
        Ok(match self {
            Filter::Upper => v.to_uppercase(),
            Filter::Lower => v.to_lowercase(),
            Filter::Default(d) if v.is_empty() => d.clone(),
            Filter::Default(_) => v,
            Filter::DateAddDays(_) if v.is_empty() => v,
            Filter::DateAddDays(n) => {
                let date = DateTime::parse_from_rfc3339(&v)
                    .map(|t| t.date_naive())
                    .or_else(|_| NaiveDate::parse_from_str(&v, "%Y-%m-%d"))
                    .map_err(|_| format!("`{path}` is `{v}`, not a date"))?;
                let moved = date
                    .checked_add_signed(chrono::Duration::days(*n))
                    .ok_or_else(|| format!("`{path}` plus {n} days is out of range"))?;
                moved.format("%Y-%m-%d").to_string()
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn renders_fields_and_filters() {
        let ctx = json!({"occurred_at": "2026-12-30T23:00:00Z", "data": {"name": "Relaunch", "due": "2026-02-27"},
            "actions": [{"project_id": "p1"}]});
        let r = |src: &str| Template::parse(src).expect("parses").render(&ctx).expect("renders");
        assert_eq!(r("Kick off {{ data.name }}"), "Kick off Relaunch");
        assert_eq!(r("{{data.name|upper}}/{{data.name | lower}}"), "RELAUNCH/relaunch");
        assert_eq!(r("{{ occurred_at | date_add_days: 3 }}"), "2027-01-02");
        assert_eq!(r("{{ data.due | date_add_days: 2 }}"), "2026-03-01");
        assert_eq!(r("{{ data.none | default: \"n/a\" }}"), "n/a");
        assert_eq!(r("{{ actions.0.project_id }}"), "p1");
        assert_eq!(r("no holes"), "no holes");
        let bad_date = Template::parse("{{ data.name | date_add_days: 1 }}").expect("parses");
        assert!(bad_date.render(&ctx).is_err());
    }

    #[test]
    fn malformed_templates_are_refused() {
        for src in [
            "{{ data.name",
            "x }}",
            "{{ }}",
            "{{ data.name | shout }}",
            "{{ data.name | date_add_days: x }}",
            "{{ data.name | default: n/a }}",
            "{{ data..name }}",
            "{{ data.name() }}",
        ] {
            assert!(Template::parse(src).is_err(), "{src}");
        }
        let t = Template::parse("{{a.b}} and {{ c | upper }}").expect("parses");
        assert_eq!(t.paths().collect::<Vec<_>>(), ["a.b", "c"]);
    }
}
