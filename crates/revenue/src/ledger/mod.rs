//! The ledger connector: what revenue asks of an accounting ledger (QuickBooks
//! Online or Xero), and one implementation per provider over its HTTP API. Base
//! URLs come from configuration, so tests point them at local servers.

mod client;
mod oauth;
mod quickbooks;
mod xero;

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub use client::Api;
pub use oauth::{Grant, Tokens};

/// The ledgers Atrium syncs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Provider {
    Quickbooks,
    Xero,
}

impl Provider {
    pub fn as_str(&self) -> &'static str {
        match self {
            Provider::Quickbooks => "quickbooks",
            Provider::Xero => "xero",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "quickbooks" => Some(Provider::Quickbooks),
            "xero" => Some(Provider::Xero),
            _ => None,
        }
    }
}

/// One provider's OAuth client and endpoints.
#[derive(Debug, Clone)]
pub struct ProviderConfig {
    pub client_id: String,
    pub client_secret: String,
    /// Where the user authorizes (the browser is sent there).
    pub authorize_url: String,
    /// Where codes and refresh tokens are exchanged.
    pub token_url: String,
    /// The API root: `https://quickbooks.api.intuit.com` or `https://api.xero.com`.
    pub api_base: String,
}

impl ProviderConfig {
    /// The production endpoints of `provider` for this OAuth client.
    pub fn production(provider: Provider, client_id: String, client_secret: String) -> Self {
        let (authorize_url, token_url, api_base) = match provider {
            Provider::Quickbooks => (
                "https://appcenter.intuit.com/connect/oauth2",
                "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
                "https://quickbooks.api.intuit.com",
            ),
            Provider::Xero => (
                "https://login.xero.com/identity/connect/authorize",
                "https://identity.xero.com/connect/token",
                "https://api.xero.com",
            ),
        };
        Self {
            client_id,
            client_secret,
            authorize_url: authorize_url.into(),
            token_url: token_url.into(),
            api_base: api_base.into(),
        }
    }
}

/// Ledger sync settings: the configured providers and where OAuth returns.
#[derive(Debug, Clone, Default)]
pub struct LedgerConfig {
    pub quickbooks: Option<ProviderConfig>,
    pub xero: Option<ProviderConfig>,
    /// The public base URL of Atrium; the callback is `{base}/api/v1/ledger/callback/{provider}`.
    pub redirect_base: String,
    /// Longest `Retry-After` honoured before a record is reported as rate limited.
    pub max_retry_after: std::time::Duration,
}

impl LedgerConfig {
    pub fn provider(&self, p: Provider) -> Option<&ProviderConfig> {
        match p {
            Provider::Quickbooks => self.quickbooks.as_ref(),
            Provider::Xero => self.xero.as_ref(),
        }
    }

    pub fn redirect_uri(&self, p: Provider) -> String {
        format!("{}/api/v1/ledger/callback/{}", self.redirect_base.trim_end_matches('/'), p.as_str())
    }

    /// The connector of `p`, when configured.
    pub fn connector(&self, p: Provider) -> Option<Arc<dyn Ledger>> {
        let cfg = self.provider(p)?.clone();
        let api = Api::new(self.max_retry_after);
        let oauth = oauth::OAuth { cfg: cfg.clone(), redirect_uri: self.redirect_uri(p), api: api.clone() };
        Some(match p {
            Provider::Quickbooks => Arc::new(quickbooks::QuickBooks { cfg, api, oauth }),
            Provider::Xero => Arc::new(xero::Xero { cfg, api, oauth }),
        })
    }
}

/// What every call needs: a live access token and whose books (QBO realm, Xero tenant).
#[derive(Debug, Clone)]
pub struct Session {
    pub access_token: String,
    pub tenant: String,
}

/// The kinds of records pushed, and the link table's `local_type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Customer,
    Vendor,
    Invoice,
    CreditNote,
    Payment,
    Bill,
    BillPayment,
}

impl RecordKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            RecordKind::Customer => "customer",
            RecordKind::Vendor => "vendor",
            RecordKind::Invoice => "invoice",
            RecordKind::CreditNote => "credit_note",
            RecordKind::Payment => "payment",
            RecordKind::Bill => "bill",
            RecordKind::BillPayment => "bill_payment",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Customer, Self::Vendor, Self::Invoice, Self::CreditNote, Self::Payment, Self::Bill, Self::BillPayment]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// The lists a mapping is validated against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MappingKind {
    /// A tax rate → the ledger's tax code (QBO `TaxCode` id, Xero `TaxType`).
    TaxRate,
    /// Where invoice lines post (QBO: the `Item` carrying the income account; Xero: account code).
    IncomeAccount,
    /// Where bill lines post (QBO `Account` id, Xero account code).
    ExpenseAccount,
    /// Where payments are deposited or paid from (QBO `Account` id, Xero account code).
    BankAccount,
}

impl MappingKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            MappingKind::TaxRate => "tax_rate",
            MappingKind::IncomeAccount => "income_account",
            MappingKind::ExpenseAccount => "expense_account",
            MappingKind::BankAccount => "bank_account",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::TaxRate, Self::IncomeAccount, Self::ExpenseAccount, Self::BankAccount]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// An entry of a ledger list (an account, a tax code, an item).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RemoteOption {
    pub id: String,
    pub name: String,
}

/// A line of a document, in the ledger's terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    pub description: String,
    /// Net amount (tax exclusive), in minor units.
    pub amount_minor: i64,
    /// Mapped income, expense or item id.
    pub account: String,
    /// Mapped tax code, when the line is taxed.
    pub tax_code: Option<String>,
}

/// What a record says, in the ledger's terms (remote ids already resolved).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Body {
    /// A customer or a vendor.
    Party { name: String, email: Option<String> },
    /// An invoice, credit note or bill.
    Document {
        party: String,
        number: Option<String>,
        date: NaiveDate,
        due: Option<NaiveDate>,
        currency: String,
        minor_digits: u16,
        lines: Vec<Line>,
    },
    /// A payment of an invoice or of a bill.
    Payment {
        party: String,
        document: String,
        amount_minor: i64,
        currency: String,
        minor_digits: u16,
        date: NaiveDate,
        account: String,
    },
}

/// One record to push.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    pub kind: RecordKind,
    /// `atrium:<local id>`: written on the ledger record so a lost answer can be found again.
    pub reference: String,
    pub body: Body,
}

impl Record {
    /// SHA-256 of the body: whether it changed since the last push.
    pub fn content_hash(&self) -> String {
        use sha2::Digest;
        let json = serde_json::to_vec(&self.body).unwrap_or_default();
        hex::encode(sha2::Sha256::digest(json))
    }
}

/// A ledger record as the link table keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    pub id: String,
    /// QBO `SyncToken`, Xero `UpdatedDateUTC`.
    pub version: String,
}

/// The fields of a ledger record that deciding a conflict for the ledger copies
/// back into Atrium (see `service::ledger::keep`); what the ledger lacks is `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RemoteFields {
    /// A party's name: QBO `DisplayName`, Xero `Name`.
    pub name: Option<String>,
    /// A party's email: QBO `PrimaryEmailAddr.Address`, Xero `EmailAddress`.
    pub email: Option<String>,
    /// A document's due date: `DueDate` in both.
    pub due: Option<NaiveDate>,
    /// A document's number: QBO `DocNumber`, Xero `InvoiceNumber` (a bill's: the vendor's reference).
    pub number: Option<String>,
}

/// A payment found in the ledger against an invoice.
#[derive(Debug, Clone, PartialEq)]
pub struct RemotePayment {
    /// Unique per (payment, invoice) application.
    pub id: String,
    /// The ledger id of the invoice it pays.
    pub invoice: String,
    /// In the invoice's currency, as the ledger writes it (`123.45`).
    pub amount: f64,
    pub currency: Option<String>,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LedgerError {
    /// 429 after the retries the `Retry-After` allowed.
    #[error("rate limited by the ledger (retry after {0} s)")]
    RateLimited(u64),
    /// The grant is revoked or invalid: the connection needs the user again.
    #[error("the ledger refused the authorization: {0}")]
    AuthFailed(String),
    /// The access token expired or was refused (401): refresh and retry once.
    #[error("the ledger refused the access token")]
    Unauthorized,
    /// The ledger refused this record (400).
    #[error("the ledger refused the record: {0}")]
    Validation(String),
    /// The record changed in the ledger since Atrium last saw it.
    #[error("changed in the ledger since the last sync: {0}")]
    Conflict(String),
    #[error("not found in the ledger")]
    NotFound,
    #[error("the ledger did not answer as expected: {0}")]
    Upstream(String),
}

/// An accounting ledger. Every call is for one organization's books (`Session`).
#[async_trait]
pub trait Ledger: Send + Sync {
    fn provider(&self) -> Provider;
    /// Where to send the user to grant access; `state` comes back on the callback.
    fn authorize_url(&self, state: &str) -> String;
    /// Exchanges the callback's code for tokens, and finds whose books they open
    /// (QBO sends `realmId` on the callback; Xero lists the tenants).
    async fn exchange(&self, code: &str, realm_id: Option<&str>) -> Result<Grant, LedgerError>;
    async fn refresh(&self, refresh_token: &str) -> Result<Tokens, LedgerError>;
    /// The ledger's list a mapping of `kind` must name an entry of.
    async fn options(&self, s: &Session, kind: MappingKind) -> Result<Vec<RemoteOption>, LedgerError>;
    /// The record carrying `reference`, when one exists (found again after a lost answer).
    async fn find(&self, s: &Session, kind: RecordKind, reference: &str) -> Result<Option<Remote>, LedgerError>;
    /// The current version of a linked record.
    async fn current(&self, s: &Session, kind: RecordKind, id: &str) -> Result<Remote, LedgerError> {
        Ok(self.read(s, kind, id).await?.0)
    }
    /// A linked record: its current version and the fields Atrium may copy from it.
    async fn read(&self, s: &Session, kind: RecordKind, id: &str) -> Result<(Remote, RemoteFields), LedgerError>;
    /// Deletes a linked payment (of an invoice or a bill) reversed in Atrium. A record
    /// the ledger no longer has, or has already deleted, is done: `Ok`.
    async fn delete_payment(&self, s: &Session, kind: RecordKind, remote: &Remote) -> Result<(), LedgerError>;
    /// Creates the record; `request_id` makes a retry the same request where the ledger supports it.
    async fn create(&self, s: &Session, record: &Record, request_id: &str) -> Result<Remote, LedgerError>;
    /// Updates a linked record at the version Atrium last saw.
    async fn update(&self, s: &Session, record: &Record, remote: &Remote) -> Result<Remote, LedgerError>;
    /// Payments against invoices changed after `since` (all of them when `None`).
    async fn payments_since(
        &self,
        s: &Session,
        since: Option<DateTime<Utc>>,
    ) -> Result<Vec<RemotePayment>, LedgerError>;
}

/// `12345` minor units with 2 digits → `123.45`, as both ledgers take amounts.
pub(crate) fn decimal(amount_minor: i64, digits: u16) -> serde_json::Number {
    let scale = 10f64.powi(i32::from(digits));
    #[allow(clippy::cast_precision_loss)]
    let v = amount_minor as f64 / scale;
    serde_json::Number::from_f64(v).unwrap_or_else(|| serde_json::Number::from(0))
}

/// A decimal amount from a ledger → minor units.
pub(crate) fn minor(amount: f64, digits: u16) -> i64 {
    #[allow(clippy::cast_possible_truncation)]
    let v = (amount * 10f64.powi(i32::from(digits))).round() as i64;
    v
}
