//! Atrium's records as the ledger sees them: what each push sends, with the
//! ledger ids of the customer, vendor, document and mapped accounts resolved
//! through the link and mapping tables. Each kind is read in a few batched
//! queries (its rows, their lines or parents by id, chunked), never per record;
//! invoices, credit notes and bills share one document builder, invoice and bill
//! payments one payment builder.

use std::collections::HashMap;

use atrium_kernel::{AppError, Currency, OrgCtx, OrganizationId, Scoped};
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, DatabaseConnection, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::LedgerService;
use crate::entity::{
    bill, bill_line, bill_payment, credit_note, credit_note_line, invoice, invoice_line, ledger_link, ledger_mapping,
    payment, tax_rate, vendor,
};
use crate::ledger::{Body, Line, MappingKind, Record, RecordKind};

/// A record to push, or why it cannot be built (reported; the run goes on).
pub(super) type Built = Result<Record, String>;

/// The links of one kind, by local id.
pub(super) type Links = HashMap<Uuid, ledger_link::Model>;

/// Ids per `IN (…)`: well under every backend's bound parameter limit.
const CHUNK: usize = 500;

/// What a run resolves records against: mappings and tax rates by name.
pub(super) struct Lookup {
    mappings: HashMap<(String, String), String>,
    tax_names: HashMap<String, Uuid>,
}

impl Lookup {
    pub async fn load(svc: &LedgerService, org: OrganizationId) -> Result<Self, AppError> {
        let rows = ledger_mapping::Entity::scoped(org).all(&svc.db).await?;
        let mappings = rows.into_iter().map(|m| ((m.kind, m.local_key), m.remote_id)).collect();
        let rates = tax_rate::Entity::scoped(org).all(&svc.db).await?;
        let tax_names = rates.into_iter().map(|r| (r.name, r.id)).collect();
        Ok(Self { mappings, tax_names })
    }

    fn account(&self, kind: MappingKind) -> Result<String, String> {
        self.mappings
            .get(&(kind.as_str().to_owned(), "default".to_owned()))
            .cloned()
            .ok_or_else(|| format!("no ledger mapping for the {}; set it under /ledger/mappings", kind.as_str()))
    }

    fn tax(&self, name: Option<&str>, basis_points: i32) -> Result<Option<String>, String> {
        if basis_points == 0 {
            return Ok(None);
        }
        let name = name.unwrap_or_default();
        let id = self.tax_names.get(name).ok_or_else(|| format!("the tax `{name}` is not a tax rate of Atrium"))?;
        self.mappings
            .get(&(MappingKind::TaxRate.as_str().to_owned(), id.to_string()))
            .cloned()
            .map(Some)
            .ok_or_else(|| format!("no ledger mapping for the tax rate `{name}`"))
    }
}

pub(super) fn reference(id: Uuid) -> String {
    format!("atrium:{id}")
}

fn digits(code: &str) -> Result<u16, String> {
    code.parse::<Currency>().map(|c| c.minor_digits()).map_err(|_| format!("unknown currency {code}"))
}

/// The ledger id of `id` (a record of `kind`) once pushed.
fn remote(links: &Links, kind: RecordKind, id: Option<Uuid>) -> Result<String, String> {
    let id = id.ok_or_else(|| format!("has no {}", kind.as_str()))?;
    links
        .get(&id)
        .and_then(|l| l.remote_id.clone())
        .ok_or_else(|| format!("its {} {id} is not in the ledger yet", kind.as_str()))
}

/// A line of an invoice, credit note or bill, as every document keeps it.
struct DocLine<'a> {
    description: &'a str,
    net: i64,
    tax_name: Option<&'a str>,
    tax_basis_points: i32,
}

macro_rules! doc_line_from {
    ($($m:path),*) => {$(
        impl<'a> From<&'a $m> for DocLine<'a> {
            fn from(l: &'a $m) -> Self {
                DocLine {
                    description: &l.description,
                    net: l.net,
                    tax_name: l.tax_name.as_deref(),
                    tax_basis_points: l.tax_basis_points,
                }
            }
        }
    )*};
}
doc_line_from!(invoice_line::Model, credit_note_line::Model, bill_line::Model);

/// The lines of document `id`, from lines grouped by document.
fn lines_of<'a, M>(lines: &'a HashMap<Uuid, Vec<M>>, id: Uuid) -> Vec<DocLine<'a>>
where
    &'a M: Into<DocLine<'a>>,
{
    lines.get(&id).map(Vec::as_slice).unwrap_or_default().iter().map(Into::into).collect()
}

/// An invoice, credit note or bill, ready to be built.
struct Doc<'a> {
    kind: RecordKind,
    id: Uuid,
    party: Result<String, String>,
    number: Option<String>,
    date: Option<NaiveDate>,
    due: Option<NaiveDate>,
    currency: &'a str,
    /// Where the lines post.
    account: MappingKind,
    lines: Vec<DocLine<'a>>,
}

fn document(look: &Lookup, d: Doc<'_>) -> Built {
    let account = look.account(d.account)?;
    let lines = d
        .lines
        .iter()
        .map(|l| {
            Ok(Line {
                description: l.description.to_owned(),
                amount_minor: l.net,
                account: account.clone(),
                tax_code: look.tax(l.tax_name, l.tax_basis_points)?,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(Record {
        kind: d.kind,
        reference: reference(d.id),
        body: Body::Document {
            party: d.party?,
            number: d.number,
            date: d.date.ok_or("has no issue date")?,
            due: d.due,
            currency: d.currency.to_owned(),
            minor_digits: digits(d.currency)?,
            lines,
        },
    })
}

/// A payment of an invoice or of a bill, ready to be built.
struct Pay<'a> {
    kind: RecordKind,
    id: Uuid,
    party: Result<String, String>,
    document: Result<String, String>,
    amount_minor: i64,
    currency: &'a str,
    date: NaiveDate,
}

fn payment_record(look: &Lookup, p: Pay<'_>) -> Built {
    Ok(Record {
        kind: p.kind,
        reference: reference(p.id),
        body: Body::Payment {
            party: p.party?,
            document: p.document?,
            amount_minor: p.amount_minor,
            currency: p.currency.to_owned(),
            minor_digits: digits(p.currency)?,
            date: p.date,
            account: look.account(MappingKind::BankAccount)?,
        },
    })
}

/// Rows of `E` in `org` whose `column` is one of `ids`, ordered by `order`.
async fn rows_in<E>(
    db: &DatabaseConnection,
    org: OrganizationId,
    column: E::Column,
    ids: &[Uuid],
    order: E::Column,
) -> Result<Vec<E::Model>, AppError>
where
    E: Scoped,
{
    let mut out = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        let rows = E::scoped(org).filter(column.is_in(chunk.iter().copied())).order_by_asc(order).all(db).await?;
        out.extend(rows);
    }
    Ok(out)
}

/// `rows` grouped by `key`.
fn grouped<M>(rows: Vec<M>, key: impl Fn(&M) -> Uuid) -> HashMap<Uuid, Vec<M>> {
    let mut out: HashMap<Uuid, Vec<M>> = HashMap::new();
    for r in rows {
        out.entry(key(&r)).or_default().push(r);
    }
    out
}

impl LedgerService {
    /// Every link of `kind` in `org`.
    pub(super) async fn links(&self, org: OrganizationId, kind: RecordKind) -> Result<Links, AppError> {
        let rows = ledger_link::Entity::scoped(org)
            .filter(ledger_link::Column::LocalType.eq(kind.as_str()))
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(|l| (l.local_id, l)).collect())
    }

    /// The record the next push would build for `id` (a vendor, invoice or bill;
    /// `None` for other kinds, or when it cannot be built).
    pub(super) async fn record_of(&self, ctx: &OrgCtx, kind: RecordKind, id: Uuid) -> Result<Option<Record>, AppError> {
        let org = ctx.org_id;
        let built = match kind {
            RecordKind::Vendor => self.vendors(org, Some(id)).await?,
            RecordKind::Invoice => {
                let look = Lookup::load(self, org).await?;
                self.invoices(org, &look, &self.links(org, RecordKind::Customer).await?, Some(id)).await?
            }
            RecordKind::Bill => {
                let look = Lookup::load(self, org).await?;
                self.bills(org, &look, &self.links(org, RecordKind::Vendor).await?, Some(id)).await?
            }
            _ => return Ok(None),
        };
        Ok(built.into_iter().find(|(i, _)| *i == id).and_then(|(_, b)| b.ok()))
    }

    /// Client companies billed by an issued invoice, as customers.
    pub(super) async fn customers(&self, ctx: &OrgCtx) -> Result<Vec<(Uuid, Built)>, AppError> {
        let invoices = invoice::Entity::scoped(ctx.org_id)
            .filter(invoice::Column::Status.is_in(["issued", "partially_paid", "paid"]))
            .filter(invoice::Column::ClientCompanyId.is_not_null())
            .order_by_asc(invoice::Column::Id)
            .all(&self.db)
            .await?;
        let mut ids: Vec<Uuid> = invoices.iter().filter_map(|i| i.client_company_id).collect();
        ids.sort();
        ids.dedup();
        let mut out = Vec::new();
        for id in ids {
            let built = match self.parties.company_name(ctx, id.into()).await? {
                Some(name) => Ok(Record {
                    kind: RecordKind::Customer,
                    reference: reference(id),
                    body: Body::Party { name, email: None },
                }),
                None => Err("the client company is gone".to_owned()),
            };
            out.push((id, built));
        }
        Ok(out)
    }

    /// Vendors (only `only` when given).
    pub(super) async fn vendors(
        &self,
        org: OrganizationId,
        only: Option<Uuid>,
    ) -> Result<Vec<(Uuid, Built)>, AppError> {
        let mut q = vendor::Entity::scoped(org);
        if let Some(id) = only {
            q = q.filter(vendor::Column::Id.eq(id));
        }
        let rows = q.order_by_asc(vendor::Column::Id).all(&self.db).await?;
        Ok(rows
            .into_iter()
            .map(|v| {
                let r = Record {
                    kind: RecordKind::Vendor,
                    reference: reference(v.id),
                    body: Body::Party { name: v.name, email: v.email },
                };
                (v.id, Ok(r))
            })
            .collect())
    }

    pub(super) async fn invoices(
        &self,
        org: OrganizationId,
        look: &Lookup,
        customers: &Links,
        only: Option<Uuid>,
    ) -> Result<Vec<(Uuid, Built)>, AppError> {
        let mut q =
            invoice::Entity::scoped(org).filter(invoice::Column::Status.is_in(["issued", "partially_paid", "paid"]));
        if let Some(id) = only {
            q = q.filter(invoice::Column::Id.eq(id));
        }
        let rows = q.order_by_asc(invoice::Column::Id).all(&self.db).await?;
        let ids: Vec<Uuid> = rows.iter().map(|i| i.id).collect();
        let lines = rows_in::<invoice_line::Entity>(
            &self.db,
            org,
            invoice_line::Column::InvoiceId,
            &ids,
            invoice_line::Column::Position,
        )
        .await?;
        let lines = grouped(lines, |l| l.invoice_id);
        Ok(rows
            .iter()
            .map(|inv| {
                let doc = Doc {
                    kind: RecordKind::Invoice,
                    id: inv.id,
                    party: remote(customers, RecordKind::Customer, inv.client_company_id),
                    number: inv.number.clone(),
                    date: inv.issue_date,
                    due: inv.due_date,
                    currency: &inv.currency,
                    account: MappingKind::IncomeAccount,
                    lines: lines_of(&lines, inv.id),
                };
                (inv.id, document(look, doc))
            })
            .collect())
    }

    pub(super) async fn credit_notes(
        &self,
        org: OrganizationId,
        look: &Lookup,
        customers: &Links,
    ) -> Result<Vec<(Uuid, Built)>, AppError> {
        let rows = credit_note::Entity::scoped(org).order_by_asc(credit_note::Column::Id).all(&self.db).await?;
        let ids: Vec<Uuid> = rows.iter().map(|c| c.id).collect();
        let mut invoice_ids: Vec<Uuid> = rows.iter().map(|c| c.invoice_id).collect();
        invoice_ids.sort();
        invoice_ids.dedup();
        let invoices =
            rows_in::<invoice::Entity>(&self.db, org, invoice::Column::Id, &invoice_ids, invoice::Column::Id).await?;
        let company: HashMap<Uuid, Option<Uuid>> = invoices.into_iter().map(|i| (i.id, i.client_company_id)).collect();
        let lines = rows_in::<credit_note_line::Entity>(
            &self.db,
            org,
            credit_note_line::Column::CreditNoteId,
            &ids,
            credit_note_line::Column::Position,
        )
        .await?;
        let lines = grouped(lines, |l| l.credit_note_id);
        Ok(rows
            .iter()
            .map(|cn| {
                let doc = Doc {
                    kind: RecordKind::CreditNote,
                    id: cn.id,
                    party: remote(customers, RecordKind::Customer, company.get(&cn.invoice_id).copied().flatten()),
                    number: Some(cn.number.clone()),
                    date: Some(cn.issue_date),
                    due: None,
                    currency: &cn.currency,
                    account: MappingKind::IncomeAccount,
                    lines: lines_of(&lines, cn.id),
                };
                (cn.id, document(look, doc))
            })
            .collect())
    }

    /// Payments made in Atrium (those pulled from the ledger are already there).
    pub(super) async fn payments(
        &self,
        org: OrganizationId,
        look: &Lookup,
        customers: &Links,
        invoices: &Links,
    ) -> Result<Vec<(Uuid, Built)>, AppError> {
        let rows = payment::Entity::scoped(org)
            .filter(payment::Column::ReversedAt.is_null())
            .order_by_asc(payment::Column::Id)
            .all(&self.db)
            .await?;
        let mut invoice_ids: Vec<Uuid> = rows.iter().map(|p| p.invoice_id).collect();
        invoice_ids.sort();
        invoice_ids.dedup();
        let parents =
            rows_in::<invoice::Entity>(&self.db, org, invoice::Column::Id, &invoice_ids, invoice::Column::Id).await?;
        let company: HashMap<Uuid, Option<Uuid>> = parents.into_iter().map(|i| (i.id, i.client_company_id)).collect();
        Ok(rows
            .iter()
            .map(|p| {
                let pay = Pay {
                    kind: RecordKind::Payment,
                    id: p.id,
                    party: remote(customers, RecordKind::Customer, company.get(&p.invoice_id).copied().flatten()),
                    document: remote(invoices, RecordKind::Invoice, Some(p.invoice_id)),
                    amount_minor: p.amount,
                    currency: &p.currency,
                    date: p.received_on,
                };
                (p.id, payment_record(look, pay))
            })
            .collect())
    }

    pub(super) async fn bills(
        &self,
        org: OrganizationId,
        look: &Lookup,
        vendors: &Links,
        only: Option<Uuid>,
    ) -> Result<Vec<(Uuid, Built)>, AppError> {
        let mut q =
            bill::Entity::scoped(org).filter(bill::Column::Status.is_in(["approved", "partially_paid", "paid"]));
        if let Some(id) = only {
            q = q.filter(bill::Column::Id.eq(id));
        }
        let rows = q.order_by_asc(bill::Column::Id).all(&self.db).await?;
        let ids: Vec<Uuid> = rows.iter().map(|b| b.id).collect();
        let lines =
            rows_in::<bill_line::Entity>(&self.db, org, bill_line::Column::BillId, &ids, bill_line::Column::Position)
                .await?;
        let lines = grouped(lines, |l| l.bill_id);
        Ok(rows
            .iter()
            .map(|b| {
                let doc = Doc {
                    kind: RecordKind::Bill,
                    id: b.id,
                    party: remote(vendors, RecordKind::Vendor, b.vendor_id),
                    number: b.vendor_reference.clone(),
                    date: Some(b.bill_date),
                    due: b.due_date,
                    currency: &b.currency,
                    account: MappingKind::ExpenseAccount,
                    lines: lines_of(&lines, b.id),
                };
                (b.id, document(look, doc))
            })
            .collect())
    }

    pub(super) async fn bill_payments(
        &self,
        org: OrganizationId,
        look: &Lookup,
        vendors: &Links,
        bills: &Links,
    ) -> Result<Vec<(Uuid, Built)>, AppError> {
        let rows = bill_payment::Entity::scoped(org)
            .filter(bill_payment::Column::ReversedAt.is_null())
            .order_by_asc(bill_payment::Column::Id)
            .all(&self.db)
            .await?;
        let mut bill_ids: Vec<Uuid> = rows.iter().map(|p| p.bill_id).collect();
        bill_ids.sort();
        bill_ids.dedup();
        let parents = rows_in::<bill::Entity>(&self.db, org, bill::Column::Id, &bill_ids, bill::Column::Id).await?;
        let vendor_of: HashMap<Uuid, Option<Uuid>> = parents.into_iter().map(|b| (b.id, b.vendor_id)).collect();
        Ok(rows
            .iter()
            .map(|p| {
                let pay = Pay {
                    kind: RecordKind::BillPayment,
                    id: p.id,
                    party: remote(vendors, RecordKind::Vendor, vendor_of.get(&p.bill_id).copied().flatten()),
                    document: remote(bills, RecordKind::Bill, Some(p.bill_id)),
                    amount_minor: p.amount,
                    currency: &p.currency,
                    date: p.paid_on,
                };
                (p.id, payment_record(look, pay))
            })
            .collect())
    }
}
