//! `Patch<T>` tells apart a field that is absent, explicitly `null`, or set.

use serde::{Deserialize, Deserializer};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Patch<T> {
    #[default]
    Absent,
    Null,
    Value(T),
}

impl<T> Patch<T> {
    pub fn is_absent(&self) -> bool {
        matches!(self, Self::Absent)
    }

    /// `None` when absent; `Some(None)` when cleared; `Some(Some(v))` when set.
    pub fn into_change(self) -> Option<Option<T>> {
        match self {
            Self::Absent => None,
            Self::Null => Some(None),
            Self::Value(v) => Some(Some(v)),
        }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Patch<U> {
        match self {
            Self::Absent => Patch::Absent,
            Self::Null => Patch::Null,
            Self::Value(v) => Patch::Value(f(v)),
        }
    }

    pub fn as_value(&self) -> Option<&T> {
        match self {
            Self::Value(v) => Some(v),
            _ => None,
        }
    }
}

/// Documented as the carried type or `null` (utoipa derives `PartialSchema` from
/// this), so `#[derive(ToSchema)]` takes `Patch<Text<N>>` fields as they are.
impl<T: utoipa::PartialSchema> utoipa::__dev::ComposeSchema for Patch<T> {
    fn compose(
        _: Vec<utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>>,
    ) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
        OneOfBuilder::new().item(T::schema()).item(ObjectBuilder::new().schema_type(Type::Null)).into()
    }
}

impl<T: utoipa::PartialSchema> utoipa::ToSchema for Patch<T> {}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Patch<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Only reached when the key is present; `#[serde(default)]` covers absence.
        Ok(match Option::<T>::deserialize(d)? {
            Some(v) => Self::Value(v),
            None => Self::Null,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct P {
        #[serde(default)]
        title: Patch<String>,
    }

    #[test]
    fn absent_null_and_value_differ() {
        let p = |s: &str| serde_json::from_str::<P>(s).expect("json").title;
        assert_eq!(p("{}"), Patch::Absent);
        assert_eq!(p(r#"{"title": null}"#), Patch::Null);
        assert_eq!(p(r#"{"title": "x"}"#), Patch::Value("x".into()));
    }
}
