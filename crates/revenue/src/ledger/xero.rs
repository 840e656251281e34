//! Xero Accounting API: `/api.xro/2.0/{Resource}` with the `Xero-tenant-id`
//! header. Xero has no version check on updates, so the version Atrium keeps is
//! `UpdatedDateUTC` and the sync compares it before an update. Creates carry the
//! link's request id as `Idempotency-Key` (Xero replays the first answer for a
//! day), and are found again by their deterministic reference (`ContactNumber`,
//! `Reference`) before a retry creates anything; bills (`ACCPAY`) keep no
//! `Reference` in Xero, so for them the key alone makes the retry safe.
//! Payments are pulled with `If-Modified-Since`.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Value, json};

use super::oauth::OAuth;
use super::{
    Api, Body, Grant, Ledger, LedgerError, MappingKind, Provider, ProviderConfig, Record, RecordKind, Remote,
    RemoteFields, RemoteOption, RemotePayment, Session, Tokens, decimal,
};

pub(super) struct Xero {
    pub cfg: ProviderConfig,
    pub api: Api,
    pub oauth: OAuth,
}

/// The resource of each record kind (path and list key, id field, reference field).
fn resource(kind: RecordKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        RecordKind::Customer | RecordKind::Vendor => ("Contacts", "ContactID", "ContactNumber"),
        RecordKind::Invoice | RecordKind::Bill => ("Invoices", "InvoiceID", "Reference"),
        RecordKind::CreditNote => ("CreditNotes", "CreditNoteID", "Reference"),
        RecordKind::Payment | RecordKind::BillPayment => ("Payments", "PaymentID", "Reference"),
    }
}

/// `{"Type":"ValidationException","Elements":[{"ValidationErrors":[{"Message"}]}]}` or `{"Message"}`.
fn fault(body: &Value) -> Option<String> {
    let mut messages: Vec<String> = Vec::new();
    for el in body.get("Elements").and_then(Value::as_array).cloned().unwrap_or_default() {
        for ve in el.get("ValidationErrors").and_then(Value::as_array).cloned().unwrap_or_default() {
            if let Some(m) = ve.get("Message").and_then(Value::as_str) {
                messages.push(m.to_owned());
            }
        }
    }
    if messages.is_empty() {
        messages.push(body.get("Message").or_else(|| body.get("Detail")).and_then(Value::as_str)?.to_owned());
    }
    Some(messages.join("; "))
}

fn remote_of(item: &Value, id_field: &str) -> Result<Remote, LedgerError> {
    let id =
        item.get(id_field).and_then(Value::as_str).ok_or_else(|| LedgerError::Upstream(format!("no `{id_field}`")))?;
    let version = item.get("UpdatedDateUTC").and_then(Value::as_str).unwrap_or("").to_owned();
    Ok(Remote { id: id.to_owned(), version })
}

fn first(body: &Value, list: &str) -> Option<Value> {
    body.get(list)?.as_array()?.first().cloned()
}

/// Xero's dates: `/Date(1518652800000+0000)/` or ISO 8601.
fn date_of(v: Option<&Value>) -> Option<NaiveDate> {
    let s = v?.as_str()?;
    if let Some(ms) = s.strip_prefix("/Date(") {
        let digits: String = ms.chars().take_while(|c| c.is_ascii_digit() || *c == '-').collect();
        return DateTime::from_timestamp_millis(digits.parse().ok()?).map(|d| d.date_naive());
    }
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

fn body(record: &Record) -> Value {
    match (&record.body, record.kind) {
        (Body::Party { name, email }, kind) => {
            let mut v = json!({ "Name": name, "ContactNumber": record.reference });
            if let Some(e) = email {
                v["EmailAddress"] = json!(e);
            }
            v[if kind == RecordKind::Vendor { "IsSupplier" } else { "IsCustomer" }] = json!(true);
            v
        }
        (Body::Document { party, number, date, due, currency, minor_digits, lines }, kind) => {
            let items: Vec<Value> = lines
                .iter()
                .map(|l| {
                    let mut item = json!({
                        "Description": l.description,
                        "Quantity": 1,
                        "UnitAmount": decimal(l.amount_minor, *minor_digits),
                        "AccountCode": l.account,
                    });
                    if let Some(t) = &l.tax_code {
                        item["TaxType"] = json!(t);
                    }
                    item
                })
                .collect();
            let kind_type = match kind {
                RecordKind::Bill => "ACCPAY",
                RecordKind::CreditNote => "ACCRECCREDIT",
                _ => "ACCREC",
            };
            let mut v = json!({
                "Type": kind_type,
                "Contact": { "ContactID": party },
                "Date": date.to_string(),
                "CurrencyCode": currency,
                "LineAmountTypes": "Exclusive",
                "Reference": record.reference,
                "Status": "AUTHORISED",
                "LineItems": items,
            });
            if let Some(n) = number {
                v[if kind == RecordKind::CreditNote { "CreditNoteNumber" } else { "InvoiceNumber" }] = json!(n);
            }
            if let Some(d) = due {
                v["DueDate"] = json!(d.to_string());
            }
            v
        }
        (Body::Payment { document, amount_minor, minor_digits, date, account, .. }, _) => json!({
            "Invoice": { "InvoiceID": document },
            "Account": { "Code": account },
            "Amount": decimal(*amount_minor, *minor_digits),
            "Date": date.to_string(),
            "Reference": record.reference,
        }),
    }
}

impl Xero {
    fn url(&self, path: &str) -> String {
        format!("{}/api.xro/2.0/{path}", self.cfg.api_base.trim_end_matches('/'))
    }

    async fn call(
        &self,
        s: &Session,
        method: reqwest::Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&Value>,
        header: Option<(&str, String)>,
    ) -> Result<Value, LedgerError> {
        let url = self.url(path);
        self.api
            .send(
                |c| {
                    let mut r = c
                        .request(method.clone(), &url)
                        .bearer_auth(&s.access_token)
                        .header("Xero-tenant-id", &s.tenant)
                        .header("Accept", "application/json")
                        .query(query);
                    if let Some(b) = body {
                        r = r.json(b);
                    }
                    if let Some((name, value)) = &header {
                        r = r.header(*name, value);
                    }
                    r
                },
                fault,
            )
            .await
    }
}

#[async_trait]
impl Ledger for Xero {
    fn provider(&self) -> Provider {
        Provider::Xero
    }

    fn authorize_url(&self, state: &str) -> String {
        self.oauth
            .authorize_url("offline_access accounting.transactions accounting.contacts accounting.settings", state)
    }

    /// The tenant is the first organisation the grant opens (`GET /connections`).
    async fn exchange(&self, code: &str, _: Option<&str>) -> Result<Grant, LedgerError> {
        let tokens = self.oauth.exchange(code).await?;
        let url = format!("{}/connections", self.cfg.api_base.trim_end_matches('/'));
        let access = tokens.access_token.clone();
        let body =
            self.api.send(|c| c.get(&url).bearer_auth(&access).header("Accept", "application/json"), fault).await?;
        let tenant = body
            .as_array()
            .and_then(|a| a.iter().find(|c| c.get("tenantType").and_then(Value::as_str) != Some("PRACTICEMANAGER")))
            .and_then(|c| c.get("tenantId"))
            .and_then(Value::as_str)
            .ok_or_else(|| LedgerError::AuthFailed("the grant opens no Xero organisation".into()))?;
        Ok(Grant { tokens, tenant: tenant.to_owned() })
    }

    async fn refresh(&self, refresh_token: &str) -> Result<Tokens, LedgerError> {
        self.oauth.refresh(refresh_token).await
    }

    async fn options(&self, s: &Session, kind: MappingKind) -> Result<Vec<RemoteOption>, LedgerError> {
        let (path, list, id_field) = match kind {
            MappingKind::TaxRate => ("TaxRates", "TaxRates", "TaxType"),
            _ => ("Accounts", "Accounts", "Code"),
        };
        let want_type = match kind {
            MappingKind::IncomeAccount => Some(&["REVENUE", "SALES", "OTHERINCOME"][..]),
            MappingKind::ExpenseAccount => Some(&["EXPENSE", "OVERHEADS", "DIRECTCOSTS"][..]),
            MappingKind::BankAccount => Some(&["BANK"][..]),
            MappingKind::TaxRate => None,
        };
        let body = self.call(s, reqwest::Method::GET, path, &[], None, None).await?;
        Ok(body
            .get(list)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
            .iter()
            .filter(|r| match want_type {
                Some(types) => r.get("Type").and_then(Value::as_str).is_some_and(|t| types.contains(&t)),
                None => true,
            })
            .filter_map(|r| {
                Some(RemoteOption {
                    id: r.get(id_field)?.as_str()?.to_owned(),
                    name: r.get("Name").and_then(Value::as_str).unwrap_or("").to_owned(),
                })
            })
            .collect())
    }

    async fn find(&self, s: &Session, kind: RecordKind, reference: &str) -> Result<Option<Remote>, LedgerError> {
        if kind == RecordKind::Bill {
            return Ok(None);
        }
        let (path, id_field, ref_field) = resource(kind);
        let filter = format!("{ref_field}==\"{}\"", reference.replace('"', ""));
        let body = self.call(s, reqwest::Method::GET, path, &[("where", filter.as_str())], None, None).await?;
        first(&body, path).map(|item| remote_of(&item, id_field)).transpose()
    }

    async fn read(&self, s: &Session, kind: RecordKind, id: &str) -> Result<(Remote, RemoteFields), LedgerError> {
        let (path, id_field, _) = resource(kind);
        let body = self.call(s, reqwest::Method::GET, &format!("{path}/{id}"), &[], None, None).await?;
        let item = first(&body, path).ok_or(LedgerError::NotFound)?;
        let text = |f: &str| item.get(f).and_then(Value::as_str).map(str::to_owned);
        let fields = RemoteFields {
            name: text("Name"),
            email: text("EmailAddress").filter(|e| !e.is_empty()),
            due: date_of(item.get("DueDate")),
            number: text("InvoiceNumber").filter(|n| !n.is_empty()),
        };
        Ok((remote_of(&item, id_field)?, fields))
    }

    /// `POST /Payments/{id}` with `Status: DELETED` (Xero's way to remove a payment).
    async fn delete_payment(&self, s: &Session, kind: RecordKind, remote: &Remote) -> Result<(), LedgerError> {
        let (path, id_field, _) = resource(kind);
        let body = self.call(s, reqwest::Method::GET, &format!("{path}/{}", remote.id), &[], None, None).await;
        let item = match body {
            Err(LedgerError::NotFound) => return Ok(()),
            other => first(&other?, path).ok_or(LedgerError::NotFound),
        };
        match item {
            Err(_) => return Ok(()),
            Ok(i) if i.get("Status").and_then(Value::as_str) == Some("DELETED") => return Ok(()),
            Ok(_) => {}
        }
        let wrapped = json!({ path: [{ id_field: remote.id, "Status": "DELETED" }] });
        self.call(s, reqwest::Method::POST, &format!("{path}/{}", remote.id), &[], Some(&wrapped), None).await?;
        Ok(())
    }

    async fn create(&self, s: &Session, record: &Record, request_id: &str) -> Result<Remote, LedgerError> {
        let (path, id_field, _) = resource(record.kind);
        let wrapped = json!({ path: [body(record)] });
        let key = Some(("Idempotency-Key", request_id.to_owned()));
        let answer = self.call(s, reqwest::Method::PUT, path, &[], Some(&wrapped), key).await?;
        remote_of(&first(&answer, path).ok_or_else(|| LedgerError::Upstream("empty answer".into()))?, id_field)
    }

    async fn update(&self, s: &Session, record: &Record, remote: &Remote) -> Result<Remote, LedgerError> {
        let (path, id_field, _) = resource(record.kind);
        let mut item = body(record);
        item[id_field] = json!(remote.id);
        let wrapped = json!({ path: [item] });
        let answer =
            self.call(s, reqwest::Method::POST, &format!("{path}/{}", remote.id), &[], Some(&wrapped), None).await?;
        remote_of(&first(&answer, path).ok_or_else(|| LedgerError::Upstream("empty answer".into()))?, id_field)
    }

    async fn payments_since(
        &self,
        s: &Session,
        since: Option<DateTime<Utc>>,
    ) -> Result<Vec<RemotePayment>, LedgerError> {
        let header = since.map(|t| ("If-Modified-Since", t.format("%a, %d %b %Y %H:%M:%S GMT").to_string()));
        let body = self.call(s, reqwest::Method::GET, "Payments", &[], None, header).await?;
        let mut out = Vec::new();
        for p in body.get("Payments").and_then(Value::as_array).cloned().unwrap_or_default() {
            if p.get("Status").and_then(Value::as_str) == Some("DELETED") {
                continue;
            }
            if p.pointer("/Invoice/Type").and_then(Value::as_str).is_some_and(|t| t != "ACCREC") {
                continue;
            }
            let (Some(id), Some(inv)) =
                (p.get("PaymentID").and_then(Value::as_str), p.pointer("/Invoice/InvoiceID").and_then(Value::as_str))
            else {
                continue;
            };
            out.push(RemotePayment {
                id: id.to_owned(),
                invoice: inv.to_owned(),
                amount: p.get("Amount").and_then(Value::as_f64).unwrap_or(0.0),
                currency: p.pointer("/Invoice/CurrencyCode").and_then(Value::as_str).map(str::to_owned),
                date: date_of(p.get("Date")).unwrap_or_else(|| Utc::now().date_naive()),
            });
        }
        Ok(out)
    }
}
