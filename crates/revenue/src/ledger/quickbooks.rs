//! QuickBooks Online Accounting API v3: `/v3/company/{realmId}/{entity}`, updates
//! carry `SyncToken` (a stale one is fault 5010), creates carry `requestid` (QBO
//! answers a repeated request id with the first result, so a retry creates nothing
//! twice), lists through `query`, changes since an instant through `cdc`.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde_json::{Value, json};

use super::oauth::OAuth;
use super::{
    Api, Body, Grant, Ledger, LedgerError, MappingKind, Provider, ProviderConfig, Record, RecordKind, Remote,
    RemoteFields, RemoteOption, RemotePayment, Session, Tokens, decimal,
};

const MINOR_VERSION: &str = "75";

pub(super) struct QuickBooks {
    pub cfg: ProviderConfig,
    pub api: Api,
    pub oauth: OAuth,
}

/// The QBO entity of each record kind (path segment, response key).
fn entity(kind: RecordKind) -> (&'static str, &'static str) {
    match kind {
        RecordKind::Customer => ("customer", "Customer"),
        RecordKind::Vendor => ("vendor", "Vendor"),
        RecordKind::Invoice => ("invoice", "Invoice"),
        RecordKind::CreditNote => ("creditmemo", "CreditMemo"),
        RecordKind::Payment => ("payment", "Payment"),
        RecordKind::Bill => ("bill", "Bill"),
        RecordKind::BillPayment => ("billpayment", "BillPayment"),
    }
}

/// `{"Fault":{"Error":[{"Message","Detail","code"}],"type"}}` → one message; a
/// stale `SyncToken` (code 5010) is marked so it reads as a conflict.
fn fault(body: &Value) -> Option<String> {
    let errors = body.pointer("/Fault/Error")?.as_array()?;
    let parts: Vec<String> = errors
        .iter()
        .map(|e| {
            let code = e.get("code").and_then(Value::as_str).unwrap_or("");
            let msg = e.get("Detail").or_else(|| e.get("Message")).and_then(Value::as_str).unwrap_or("");
            format!("[{code}] {msg}")
        })
        .collect();
    Some(parts.join("; "))
}

fn reference(id: &str) -> Value {
    json!({ "value": id })
}

fn remote_of(body: &Value, key: &str) -> Result<Remote, LedgerError> {
    let obj = body.get(key).ok_or_else(|| LedgerError::Upstream(format!("no `{key}` in the answer")))?;
    let id = obj.get("Id").and_then(Value::as_str).ok_or_else(|| LedgerError::Upstream("no `Id`".into()))?;
    let version = obj.get("SyncToken").and_then(Value::as_str).unwrap_or("0");
    Ok(Remote { id: id.to_owned(), version: version.to_owned() })
}

fn fields_of(body: &Value, key: &str) -> RemoteFields {
    let text = |p: &str| body.pointer(&format!("/{key}/{p}")).and_then(Value::as_str).map(str::to_owned);
    RemoteFields {
        name: text("DisplayName"),
        email: text("PrimaryEmailAddr/Address"),
        due: text("DueDate").and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        number: text("DocNumber"),
    }
}

/// QBO's "Object Not Found" (a deleted or never created record).
fn not_found(e: &LedgerError) -> bool {
    matches!(e, LedgerError::NotFound) || matches!(e, LedgerError::Validation(m) if m.contains("[610]"))
}

/// The QBO body of a record.
fn body(record: &Record) -> Value {
    match (&record.body, record.kind) {
        (Body::Party { name, email }, _) => {
            let mut v = json!({ "DisplayName": name, "Notes": record.reference });
            if let Some(e) = email {
                v["PrimaryEmailAddr"] = json!({ "Address": e });
            }
            v
        }
        (Body::Document { party, number, date, due, currency, minor_digits, lines }, kind) => {
            let bill = kind == RecordKind::Bill;
            let lines: Vec<Value> = lines
                .iter()
                .map(|l| {
                    let mut detail = if bill {
                        json!({ "AccountRef": reference(&l.account) })
                    } else {
                        json!({ "ItemRef": reference(&l.account) })
                    };
                    if let Some(t) = &l.tax_code {
                        detail["TaxCodeRef"] = reference(t);
                    }
                    let (detail_type, key) = if bill {
                        ("AccountBasedExpenseLineDetail", "AccountBasedExpenseLineDetail")
                    } else {
                        ("SalesItemLineDetail", "SalesItemLineDetail")
                    };
                    json!({
                        "Amount": decimal(l.amount_minor, *minor_digits),
                        "Description": l.description,
                        "DetailType": detail_type,
                        key: detail,
                    })
                })
                .collect();
            let party_key = if bill { "VendorRef" } else { "CustomerRef" };
            let mut v = json!({
                party_key: reference(party),
                "TxnDate": date.to_string(),
                "CurrencyRef": reference(currency),
                "PrivateNote": record.reference,
                "Line": lines,
            });
            if let Some(n) = number {
                v["DocNumber"] = json!(n);
            }
            if let Some(d) = due {
                v["DueDate"] = json!(d.to_string());
            }
            v
        }
        (Body::Payment { party, document, amount_minor, currency, minor_digits, date, account }, kind) => {
            let amount = decimal(*amount_minor, *minor_digits);
            if kind == RecordKind::BillPayment {
                json!({
                    "VendorRef": reference(party),
                    "PayType": "Check",
                    "CheckPayment": { "BankAccountRef": reference(account) },
                    "TotalAmt": amount,
                    "TxnDate": date.to_string(),
                    "CurrencyRef": reference(currency),
                    "PrivateNote": record.reference,
                    "Line": [{ "Amount": amount, "LinkedTxn": [{ "TxnId": document, "TxnType": "Bill" }] }],
                })
            } else {
                json!({
                    "CustomerRef": reference(party),
                    "DepositToAccountRef": reference(account),
                    "TotalAmt": amount,
                    "TxnDate": date.to_string(),
                    "CurrencyRef": reference(currency),
                    "PrivateNote": record.reference,
                    "Line": [{ "Amount": amount, "LinkedTxn": [{ "TxnId": document, "TxnType": "Invoice" }] }],
                })
            }
        }
    }
}

impl QuickBooks {
    fn url(&self, s: &Session, path: &str) -> String {
        format!("{}/v3/company/{}/{path}", self.cfg.api_base.trim_end_matches('/'), s.tenant)
    }

    async fn get(&self, s: &Session, path: &str, query: &[(&str, &str)]) -> Result<Value, LedgerError> {
        let url = self.url(s, path);
        self.api
            .send(
                |c| {
                    c.get(&url)
                        .bearer_auth(&s.access_token)
                        .header("Accept", "application/json")
                        .query(query)
                        .query(&[("minorversion", MINOR_VERSION)])
                },
                fault,
            )
            .await
    }

    async fn post(&self, s: &Session, path: &str, query: &[(&str, &str)], body: &Value) -> Result<Value, LedgerError> {
        let url = self.url(s, path);
        let sent = self
            .api
            .send(
                |c| {
                    c.post(&url)
                        .bearer_auth(&s.access_token)
                        .header("Accept", "application/json")
                        .query(query)
                        .query(&[("minorversion", MINOR_VERSION)])
                        .json(body)
                },
                fault,
            )
            .await;
        match sent {
            Err(LedgerError::Validation(m)) if m.contains("[5010]") => Err(LedgerError::Conflict(m)),
            other => other,
        }
    }

    async fn query(&self, s: &Session, entity: &str, filter: &str) -> Result<Vec<Value>, LedgerError> {
        let q = format!("select * from {entity}{filter} maxresults 1000");
        let body = self.get(s, "query", &[("query", q.as_str())]).await?;
        Ok(body.pointer(&format!("/QueryResponse/{entity}")).and_then(Value::as_array).cloned().unwrap_or_default())
    }
}

#[async_trait]
impl Ledger for QuickBooks {
    fn provider(&self) -> Provider {
        Provider::Quickbooks
    }

    fn authorize_url(&self, state: &str) -> String {
        self.oauth.authorize_url("com.intuit.quickbooks.accounting", state)
    }

    async fn exchange(&self, code: &str, realm_id: Option<&str>) -> Result<Grant, LedgerError> {
        let realm = realm_id
            .filter(|r| !r.is_empty())
            .ok_or_else(|| LedgerError::Validation("the callback has no realmId".into()))?;
        let tokens = self.oauth.exchange(code).await?;
        Ok(Grant { tokens, tenant: realm.to_owned() })
    }

    async fn refresh(&self, refresh_token: &str) -> Result<Tokens, LedgerError> {
        self.oauth.refresh(refresh_token).await
    }

    async fn options(&self, s: &Session, kind: MappingKind) -> Result<Vec<RemoteOption>, LedgerError> {
        let (entity, filter) = match kind {
            MappingKind::TaxRate => ("TaxCode", ""),
            MappingKind::IncomeAccount => ("Item", ""),
            MappingKind::ExpenseAccount => ("Account", " where Classification = 'Expense'"),
            MappingKind::BankAccount => ("Account", " where AccountType = 'Bank'"),
        };
        let rows = self.query(s, entity, filter).await?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                Some(RemoteOption {
                    id: r.get("Id")?.as_str()?.to_owned(),
                    name: r.get("Name").and_then(Value::as_str).unwrap_or("").to_owned(),
                })
            })
            .collect())
    }

    /// QBO creates are idempotent by `requestid`; nothing to look up.
    async fn find(&self, _: &Session, _: RecordKind, _: &str) -> Result<Option<Remote>, LedgerError> {
        Ok(None)
    }

    async fn read(&self, s: &Session, kind: RecordKind, id: &str) -> Result<(Remote, RemoteFields), LedgerError> {
        let (path, key) = entity(kind);
        let body = self
            .get(s, &format!("{path}/{id}"), &[])
            .await
            .map_err(|e| if not_found(&e) { LedgerError::NotFound } else { e })?;
        Ok((remote_of(&body, key)?, fields_of(&body, key)))
    }

    /// `POST /{payment|billpayment}?operation=delete` with `Id` and the current
    /// `SyncToken` (read first: QBO refuses a stale one).
    async fn delete_payment(&self, s: &Session, kind: RecordKind, remote: &Remote) -> Result<(), LedgerError> {
        let (path, _) = entity(kind);
        let current = match self.current(s, kind, &remote.id).await {
            Err(LedgerError::NotFound) => return Ok(()),
            other => other?,
        };
        let body = json!({ "Id": current.id, "SyncToken": current.version });
        match self.post(s, path, &[("operation", "delete")], &body).await {
            Ok(_) => Ok(()),
            Err(e) if not_found(&e) => Ok(()),
            Err(e) => Err(e),
        }
    }

    async fn create(&self, s: &Session, record: &Record, request_id: &str) -> Result<Remote, LedgerError> {
        let (path, key) = entity(record.kind);
        remote_of(&self.post(s, path, &[("requestid", request_id)], &body(record)).await?, key)
    }

    async fn update(&self, s: &Session, record: &Record, remote: &Remote) -> Result<Remote, LedgerError> {
        let (path, key) = entity(record.kind);
        let mut b = body(record);
        b["Id"] = json!(remote.id);
        b["SyncToken"] = json!(remote.version);
        b["sparse"] = json!(true);
        remote_of(&self.post(s, path, &[], &b).await?, key)
    }

    async fn payments_since(
        &self,
        s: &Session,
        since: Option<DateTime<Utc>>,
    ) -> Result<Vec<RemotePayment>, LedgerError> {
        // cdc looks back 30 days at most; the first pull starts there.
        let since = since.unwrap_or_else(|| Utc::now() - chrono::Duration::days(29));
        let changed = since.to_rfc3339_opts(SecondsFormat::Secs, true);
        let body = self.get(s, "cdc", &[("entities", "Payment"), ("changedSince", changed.as_str())]).await?;
        let mut out = Vec::new();
        let responses = body.pointer("/CDCResponse/0/QueryResponse").and_then(Value::as_array).cloned();
        for qr in responses.unwrap_or_default() {
            for p in qr.get("Payment").and_then(Value::as_array).cloned().unwrap_or_default() {
                if p.get("status").and_then(Value::as_str) == Some("Deleted") {
                    continue;
                }
                let Some(id) = p.get("Id").and_then(Value::as_str) else { continue };
                let date = p
                    .get("TxnDate")
                    .and_then(Value::as_str)
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                    .unwrap_or_else(|| Utc::now().date_naive());
                let currency = p.pointer("/CurrencyRef/value").and_then(Value::as_str).map(str::to_owned);
                for line in p.get("Line").and_then(Value::as_array).cloned().unwrap_or_default() {
                    let amount = line.get("Amount").and_then(Value::as_f64).unwrap_or(0.0);
                    for txn in line.get("LinkedTxn").and_then(Value::as_array).cloned().unwrap_or_default() {
                        if txn.get("TxnType").and_then(Value::as_str) != Some("Invoice") {
                            continue;
                        }
                        let Some(inv) = txn.get("TxnId").and_then(Value::as_str) else { continue };
                        out.push(RemotePayment {
                            id: format!("{id}:{inv}"),
                            invoice: inv.to_owned(),
                            amount,
                            currency: currency.clone(),
                            date,
                        });
                    }
                }
            }
        }
        Ok(out)
    }
}
