use std::fmt;

use atrium_kernel::{Date, Money, Patch, Text, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize, de};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{IntoParams, PartialSchema, ToSchema};
use validator::Validate;

use super::{ClientCompanyId, ContactId, DealId, DealStage};

/// A deal name (`deals.name` is `varchar(200)`).
pub type DealName = Text<200>;

/// A win probability in percent, 0 to 100; checked while parsing, so a new deal
/// and a patch refuse the same values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Probability(i32);

impl Probability {
    pub fn new(percent: i32) -> Result<Self, String> {
        if (0..=100).contains(&percent) { Ok(Self(percent)) } else { Err("must be between 0 and 100".into()) }
    }

    pub fn get(self) -> i32 {
        self.0
    }
}

impl fmt::Display for Probability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for Probability {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = i64::deserialize(d)?;
        i32::try_from(raw)
            .map_err(|_| "must be between 0 and 100".to_owned())
            .and_then(Self::new)
            .map_err(de::Error::custom)
    }
}

impl PartialSchema for Probability {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .format(Some(utoipa::openapi::schema::SchemaFormat::KnownFormat(
                utoipa::openapi::schema::KnownFormat::Int32,
            )))
            .minimum(Some(0))
            .maximum(Some(100))
            .into()
    }
}

impl ToSchema for Probability {}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"name": "Website relaunch", "stage": "qualified", "value": {"amount_minor": 4500000, "currency": "EUR"}, "probability": 40}))]
pub struct DealIn {
    #[schema(inline)]
    pub name: DealName,
    pub stage: Option<DealStage>,
    pub value: Option<Money>,
    #[schema(inline)]
    pub probability: Option<Probability>,
    #[schema(inline)]
    pub expected_close_date: Option<Date>,
    pub client_company_id: Option<ClientCompanyId>,
    pub contact_id: Option<ContactId>,
    pub owner_id: Option<UserId>,
}

impl DealIn {
    pub fn named(name: DealName) -> Self {
        Self {
            name,
            stage: None,
            value: None,
            probability: None,
            expected_close_date: None,
            client_company_id: None,
            contact_id: None,
            owner_id: None,
        }
    }
}

/// Partial update: an absent field is unchanged, `null` clears it.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"stage": "won", "probability": 100}))]
pub struct DealPatch {
    #[schema(inline)]
    pub name: Option<DealName>,
    pub stage: Option<DealStage>,
    #[serde(default)]
    #[schema(inline, value_type = Option<Money>)]
    pub value: Patch<Money>,
    #[serde(default)]
    #[schema(inline, value_type = Option<Probability>)]
    pub probability: Patch<Probability>,
    #[serde(default)]
    #[schema(inline, value_type = Option<Date>)]
    pub expected_close_date: Patch<Date>,
    #[serde(default)]
    #[schema(inline, value_type = Option<ClientCompanyId>)]
    pub client_company_id: Patch<ClientCompanyId>,
    #[serde(default)]
    #[schema(inline, value_type = Option<ContactId>)]
    pub contact_id: Patch<ContactId>,
    #[serde(default)]
    #[schema(inline, value_type = Option<UserId>)]
    pub owner_id: Patch<UserId>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DealOut {
    pub id: DealId,
    #[schema(example = "Website relaunch")]
    pub name: String,
    pub stage: DealStage,
    pub value: Option<Money>,
    pub probability: Option<i32>,
    pub expected_close_date: Option<NaiveDate>,
    pub client_company_id: Option<ClientCompanyId>,
    pub contact_id: Option<ContactId>,
    pub owner_id: Option<UserId>,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct DealFilter {
    pub stage: Option<DealStage>,
    pub client_company_id: Option<ClientCompanyId>,
    pub owner_id: Option<UserId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probability_is_a_percentage() {
        for ok in [0, 40, 100] {
            assert_eq!(serde_json::from_value::<Probability>(ok.into()).map(Probability::get).ok(), Some(ok));
        }
        for bad in
            [serde_json::json!(101), serde_json::json!(-1), serde_json::json!(1_i64 << 40), serde_json::json!(1.5)]
        {
            assert!(serde_json::from_value::<Probability>(bad.clone()).is_err(), "{bad} accepted");
        }
    }
}
