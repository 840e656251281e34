use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::ContactId;

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct ImportParams {
    /// Report what the import would do without writing anything.
    #[serde(default)]
    pub dry_run: bool,
}

/// One data row of a contact import as read, cell by cell. Cells are parsed with
/// the same types as the JSON API, and a bad cell skips its row with the column
/// named, instead of failing the file.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ImportRow {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub title: Option<String>,
    /// A company name: the live company of that name, created when there is none.
    pub company: Option<String>,
    pub client_company_id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportOutcome {
    Created,
    Updated,
    Skipped,
}

/// What happened to one data row of an import.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ImportRowOut {
    /// 1 is the first row after the header.
    #[schema(example = 1)]
    pub row: u64,
    pub outcome: ImportOutcome,
    pub contact_id: Option<ContactId>,
    pub email: Option<String>,
    /// Why a row was skipped.
    #[schema(example = "same email as row 3")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ImportReportOut {
    pub dry_run: bool,
    pub created: u64,
    pub updated: u64,
    pub skipped: u64,
    pub rows: Vec<ImportRowOut>,
}
