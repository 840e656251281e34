//! Atrium's records as the ledger sees them: what each push sends, with the
//! ledger ids of the customer, vendor, document and mapped accounts resolved
//! through the link and mapping tables.

use std::collections::HashMap;

use atrium_kernel::{AppError, Currency, OrgCtx, OrganizationId, Scoped};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::LedgerService;
use crate::entity::{
    bill, bill_line, bill_payment, credit_note, credit_note_line, invoice, invoice_line, ledger_link, ledger_mapping,
    payment, tax_rate, vendor,
};
use crate::ledger::{Body, Line, MappingKind, Record, RecordKind};

/// A record to push, or why it cannot be built (reported; the run goes on).
pub(super) type Built = Result<Record, String>;

/// What a run resolves records against: mappings and known ledger ids.
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

impl LedgerService {
    /// The ledger id a pushed record got, when it has one.
    pub(super) async fn remote_id(
        &self,
        org: OrganizationId,
        kind: RecordKind,
        id: Uuid,
    ) -> Result<Option<String>, AppError> {
        Ok(ledger_link::Entity::scoped(org)
            .filter(ledger_link::Column::LocalType.eq(kind.as_str()))
            .filter(ledger_link::Column::LocalId.eq(id))
            .one(&self.db)
            .await?
            .and_then(|l| l.remote_id))
    }

    async fn need(
        &self,
        org: OrganizationId,
        kind: RecordKind,
        id: Option<Uuid>,
    ) -> Result<Result<String, String>, AppError> {
        let Some(id) = id else { return Ok(Err(format!("has no {}", kind.as_str()))) };
        Ok(self
            .remote_id(org, kind, id)
            .await?
            .ok_or_else(|| format!("its {} {id} is not in the ledger yet", kind.as_str())))
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

    pub(super) async fn vendors(&self, org: OrganizationId) -> Result<Vec<(Uuid, Built)>, AppError> {
        let rows = vendor::Entity::scoped(org).order_by_asc(vendor::Column::Id).all(&self.db).await?;
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

    pub(super) async fn invoices(&self, org: OrganizationId, look: &Lookup) -> Result<Vec<(Uuid, Built)>, AppError> {
        let rows = invoice::Entity::scoped(org)
            .filter(invoice::Column::Status.is_in(["issued", "partially_paid", "paid"]))
            .order_by_asc(invoice::Column::Id)
            .all(&self.db)
            .await?;
        let mut out = Vec::new();
        for inv in rows {
            let lines = invoice_line::Entity::scoped(org)
                .filter(invoice_line::Column::InvoiceId.eq(inv.id))
                .order_by_asc(invoice_line::Column::Position)
                .all(&self.db)
                .await?;
            let party = self.need(org, RecordKind::Customer, inv.client_company_id).await?;
            let built = (|| {
                let account = look.account(MappingKind::IncomeAccount)?;
                let lines = lines
                    .iter()
                    .map(|l| {
                        Ok(Line {
                            description: l.description.clone(),
                            amount_minor: l.net,
                            account: account.clone(),
                            tax_code: look.tax(l.tax_name.as_deref(), l.tax_basis_points)?,
                        })
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                Ok(Record {
                    kind: RecordKind::Invoice,
                    reference: reference(inv.id),
                    body: Body::Document {
                        party: party?,
                        number: inv.number.clone(),
                        date: inv.issue_date.ok_or("has no issue date")?,
                        due: inv.due_date,
                        currency: inv.currency.clone(),
                        minor_digits: digits(&inv.currency)?,
                        lines,
                    },
                })
            })();
            out.push((inv.id, built));
        }
        Ok(out)
    }

    pub(super) async fn credit_notes(
        &self,
        org: OrganizationId,
        look: &Lookup,
    ) -> Result<Vec<(Uuid, Built)>, AppError> {
        let rows = credit_note::Entity::scoped(org).order_by_asc(credit_note::Column::Id).all(&self.db).await?;
        let mut out = Vec::new();
        for cn in rows {
            let inv = invoice::Entity::find_in(&self.db, org, cn.invoice_id).await?;
            let lines = credit_note_line::Entity::scoped(org)
                .filter(credit_note_line::Column::CreditNoteId.eq(cn.id))
                .order_by_asc(credit_note_line::Column::Position)
                .all(&self.db)
                .await?;
            let party = self.need(org, RecordKind::Customer, inv.client_company_id).await?;
            let built = (|| {
                let account = look.account(MappingKind::IncomeAccount)?;
                let lines = lines
                    .iter()
                    .map(|l| {
                        Ok(Line {
                            description: l.description.clone(),
                            amount_minor: l.net,
                            account: account.clone(),
                            tax_code: look.tax(l.tax_name.as_deref(), l.tax_basis_points)?,
                        })
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                Ok(Record {
                    kind: RecordKind::CreditNote,
                    reference: reference(cn.id),
                    body: Body::Document {
                        party: party?,
                        number: Some(cn.number.clone()),
                        date: cn.issue_date,
                        due: None,
                        currency: cn.currency.clone(),
                        minor_digits: digits(&cn.currency)?,
                        lines,
                    },
                })
            })();
            out.push((cn.id, built));
        }
        Ok(out)
    }

    /// Payments made in Atrium (those pulled from the ledger are already there).
    pub(super) async fn payments(&self, org: OrganizationId, look: &Lookup) -> Result<Vec<(Uuid, Built)>, AppError> {
        let rows = payment::Entity::scoped(org)
            .filter(payment::Column::ReversedAt.is_null())
            .order_by_asc(payment::Column::Id)
            .all(&self.db)
            .await?;
        let mut out = Vec::new();
        for p in rows {
            let inv = invoice::Entity::find_in(&self.db, org, p.invoice_id).await?;
            let party = self.need(org, RecordKind::Customer, inv.client_company_id).await?;
            let document = self.need(org, RecordKind::Invoice, Some(inv.id)).await?;
            let built = (|| {
                Ok(Record {
                    kind: RecordKind::Payment,
                    reference: reference(p.id),
                    body: Body::Payment {
                        party: party?,
                        document: document?,
                        amount_minor: p.amount,
                        currency: p.currency.clone(),
                        minor_digits: digits(&p.currency)?,
                        date: p.received_on,
                        account: look.account(MappingKind::BankAccount)?,
                    },
                })
            })();
            out.push((p.id, built));
        }
        Ok(out)
    }

    pub(super) async fn bills(&self, org: OrganizationId, look: &Lookup) -> Result<Vec<(Uuid, Built)>, AppError> {
        let rows = bill::Entity::scoped(org)
            .filter(bill::Column::Status.is_in(["approved", "partially_paid", "paid"]))
            .order_by_asc(bill::Column::Id)
            .all(&self.db)
            .await?;
        let mut out = Vec::new();
        for b in rows {
            let lines = bill_line::Entity::scoped(org)
                .filter(bill_line::Column::BillId.eq(b.id))
                .order_by_asc(bill_line::Column::Position)
                .all(&self.db)
                .await?;
            let party = self.need(org, RecordKind::Vendor, b.vendor_id).await?;
            let built = (|| {
                let account = look.account(MappingKind::ExpenseAccount)?;
                let lines = lines
                    .iter()
                    .map(|l| {
                        Ok(Line {
                            description: l.description.clone(),
                            amount_minor: l.net,
                            account: account.clone(),
                            tax_code: look.tax(l.tax_name.as_deref(), l.tax_basis_points)?,
                        })
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                Ok(Record {
                    kind: RecordKind::Bill,
                    reference: reference(b.id),
                    body: Body::Document {
                        party: party?,
                        number: b.vendor_reference.clone(),
                        date: b.bill_date,
                        due: b.due_date,
                        currency: b.currency.clone(),
                        minor_digits: digits(&b.currency)?,
                        lines,
                    },
                })
            })();
            out.push((b.id, built));
        }
        Ok(out)
    }

    pub(super) async fn bill_payments(
        &self,
        org: OrganizationId,
        look: &Lookup,
    ) -> Result<Vec<(Uuid, Built)>, AppError> {
        let rows = bill_payment::Entity::scoped(org).order_by_asc(bill_payment::Column::Id).all(&self.db).await?;
        let mut out = Vec::new();
        for p in rows {
            let b = bill::Entity::find_in(&self.db, org, p.bill_id).await?;
            let party = self.need(org, RecordKind::Vendor, b.vendor_id).await?;
            let document = self.need(org, RecordKind::Bill, Some(b.id)).await?;
            let built = (|| {
                Ok(Record {
                    kind: RecordKind::BillPayment,
                    reference: reference(p.id),
                    body: Body::Payment {
                        party: party?,
                        document: document?,
                        amount_minor: p.amount,
                        currency: p.currency.clone(),
                        minor_digits: digits(&p.currency)?,
                        date: p.paid_on,
                        account: look.account(MappingKind::BankAccount)?,
                    },
                })
            })();
            out.push((p.id, built));
        }
        Ok(out)
    }
}
