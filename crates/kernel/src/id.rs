//! Typed UUIDv7 identifiers. Declare one per entity with [`typed_id!`] next to
//! the entity, so a `ContactId` can never be passed where a `DealId` is expected.

/// Declares a newtype over a UUIDv7 with serde, `Display`/`FromStr` and an
/// OpenAPI schema (`string`, format `uuid`).
#[macro_export]
macro_rules! typed_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub $crate::reexport::Uuid);

        impl $name {
            /// A fresh, time-ordered (v7) id.
            pub fn new() -> Self {
                Self($crate::reexport::Uuid::now_v7())
            }

            pub fn into_uuid(self) -> $crate::reexport::Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::reexport::uuid_error::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map(Self)
            }
        }

        impl From<$crate::reexport::Uuid> for $name {
            fn from(id: $crate::reexport::Uuid) -> Self {
                Self(id)
            }
        }

        impl From<$name> for $crate::reexport::Uuid {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        impl $crate::reexport::serde::Serialize for $name {
            fn serialize<S: $crate::reexport::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $crate::reexport::serde::Serialize::serialize(&self.0, s)
            }
        }

        impl<'de> $crate::reexport::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::reexport::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <$crate::reexport::Uuid as $crate::reexport::serde::Deserialize>::deserialize(d).map(Self)
            }
        }

        impl $crate::reexport::utoipa::PartialSchema for $name {
            fn schema() -> $crate::reexport::utoipa::openapi::RefOr<$crate::reexport::utoipa::openapi::schema::Schema> {
                $crate::id::uuid_schema(stringify!($name))
            }
        }

        impl $crate::reexport::utoipa::ToSchema for $name {}
    };
}

#[doc(hidden)]
pub fn uuid_schema(name: &str) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
    ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Uuid)))
        .description(Some(format!("{name}: a UUIDv7")))
        .examples([serde_json::json!("01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a")])
        .into()
}

#[cfg(test)]
mod tests {
    crate::typed_id!(ThingId);

    #[test]
    fn ids_are_time_ordered_and_round_trip() {
        let a = ThingId::new();
        let b = ThingId::new();
        assert!(a < b, "v7 ids sort by creation");
        let parsed: ThingId = a.to_string().parse().expect("parses");
        assert_eq!(parsed, a);
        let json = serde_json::to_string(&a).expect("serializes");
        assert_eq!(json, format!("\"{a}\""));
        assert!("not-a-uuid".parse::<ThingId>().is_err());
    }
}
