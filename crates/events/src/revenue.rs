//! Events published by the `revenue` domain: billing settings, tax and exchange
//! rates, invoices, payments and credit notes. Every document event names its
//! engagement, so the timeline files it there; projects follows
//! `revenue.invoice.issued` and `revenue.invoice.voided` to mark the time entries
//! an invoice bills.

use atrium_kernel::{Money, OrganizationId, typed_id};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::agreements::EngagementId;
use crate::crm::ClientCompanyId;
use crate::projects::TimeEntryId;
use crate::{EventType, Facets, event};

pub mod ledger;
pub mod payables;

typed_id!(
    /// An invoice.
    InvoiceId
);
typed_id!(
    /// A payment received against an invoice.
    PaymentId
);
typed_id!(
    /// A credit note against an issued invoice.
    CreditNoteId
);
typed_id!(
    /// A tax rate of an organization.
    TaxRateId
);
typed_id!(
    /// An exchange rate of an organization for one currency and day.
    FxRateId
);
typed_id!(
    /// An invoice schedule of an engagement.
    InvoiceScheduleId
);
typed_id!(
    /// A reminder drafted for an overdue invoice at one step.
    InvoiceReminderId
);

/// An invoice as events carry it (lines are not repeated: read the invoice).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InvoiceState {
    pub id: InvoiceId,
    pub engagement_id: EngagementId,
    pub client_company_id: Option<ClientCompanyId>,
    /// The schedule that drafted it, if any.
    #[serde(default)]
    pub schedule_id: Option<InvoiceScheduleId>,
    /// `draft`, `issued`, `partially_paid`, `paid` or `void`.
    pub status: String,
    /// Assigned at issue.
    pub number: Option<String>,
    pub issue_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    pub total: Money,
    /// What remains to be paid: total − paid − credited.
    pub balance: Money,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

impl InvoiceState {
    fn facets(&self) -> Facets {
        Facets {
            engagement_id: Some(self.engagement_id.into()),
            label: self.number.clone(),
            ..Facets::default()
        }
    }
}

/// `revenue.invoice.created`: a draft invoice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InvoiceCreated {
    #[serde(flatten)]
    pub invoice: InvoiceState,
}

/// `revenue.invoice.updated`: a draft changed (lines, notes, dates), and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InvoiceUpdated {
    #[serde(flatten)]
    pub invoice: InvoiceState,
    pub changed: Vec<String>,
}

/// `revenue.invoice.deleted`: a draft was deleted (issued invoices never are).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InvoiceDeleted {
    #[serde(flatten)]
    pub invoice: InvoiceState,
}

/// `revenue.invoice.issued`: an invoice got its number and became immutable,
/// billing the time entries it names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InvoiceIssued {
    pub invoice_id: InvoiceId,
    pub engagement_id: EngagementId,
    pub client_company_id: Option<ClientCompanyId>,
    /// The invoice number, e.g. `INV-2026-0042`.
    pub number: String,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub total: Money,
    /// The total in the organization's base currency at the stored rate.
    pub base_total: Money,
    /// Base-currency units per document-currency unit, as a decimal string.
    pub fx_rate: String,
    /// The time entries the invoice bills.
    pub time_entry_ids: Vec<TimeEntryId>,
}

/// `revenue.invoice.voided`: an issued invoice without payments was voided; the
/// time it billed is unbilled again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InvoiceVoided {
    pub invoice_id: InvoiceId,
    pub engagement_id: EngagementId,
    pub number: String,
    pub time_entry_ids: Vec<TimeEntryId>,
}

/// A payment as events carry it, with the invoice status it led to (payments and
/// credit notes move an invoice's status; no separate event says so).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PaymentState {
    pub id: PaymentId,
    pub invoice_id: InvoiceId,
    pub engagement_id: EngagementId,
    pub invoice_number: String,
    pub amount: Money,
    pub base_amount: Money,
    pub received_on: NaiveDate,
    /// The invoice's status after this payment (or its reversal).
    pub invoice_status: String,
    pub invoice_balance: Money,
}

/// `revenue.payment.recorded`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PaymentRecorded {
    #[serde(flatten)]
    pub payment: PaymentState,
}

/// `revenue.payment.reversed`: a refund or a bounced payment; the invoice's
/// balance grows back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PaymentReversed {
    #[serde(flatten)]
    pub payment: PaymentState,
    pub reason: Option<String>,
}

/// `revenue.credit_note.issued`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CreditNoteIssued {
    pub id: CreditNoteId,
    pub invoice_id: InvoiceId,
    pub engagement_id: EngagementId,
    pub number: String,
    pub invoice_number: String,
    pub issue_date: NaiveDate,
    pub total: Money,
    pub invoice_status: String,
    pub invoice_balance: Money,
}

/// `revenue.settings.updated`: the organization's billing settings changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SettingsUpdated {
    pub organization_id: OrganizationId,
    pub base_currency: String,
    pub invoice_number_format: String,
    pub credit_note_number_format: String,
    pub payment_terms_days: i32,
    pub reminder_steps: Vec<i32>,
    pub changed: Vec<String>,
}

/// A tax rate as events carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TaxRateState {
    pub id: TaxRateId,
    pub name: String,
    pub basis_points: i32,
    pub inclusive: bool,
    pub archived: bool,
    pub version: i32,
}

/// `revenue.tax_rate.created`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TaxRateCreated {
    #[serde(flatten)]
    pub tax_rate: TaxRateState,
}

/// `revenue.tax_rate.updated`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TaxRateUpdated {
    #[serde(flatten)]
    pub tax_rate: TaxRateState,
    pub changed: Vec<String>,
}

/// `revenue.fx_rate.recorded`: an exchange rate for one currency and day was
/// entered or replaced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FxRateRecorded {
    pub id: FxRateId,
    pub currency: String,
    pub base_currency: String,
    pub rate_date: NaiveDate,
    pub rate: String,
}

event!(InvoiceCreated, "revenue.invoice.created", "invoice", "A draft invoice was created.",
    |e| e.invoice.id, facets: |e| e.invoice.facets());
event!(InvoiceUpdated, "revenue.invoice.updated", "invoice", "A draft invoice was changed.",
    |e| e.invoice.id, facets: |e| e.invoice.facets());
event!(InvoiceDeleted, "revenue.invoice.deleted", "invoice", "A draft invoice was deleted.",
    |e| e.invoice.id, facets: |e| e.invoice.facets());
event!(InvoiceIssued, "revenue.invoice.issued", "invoice", "An invoice was issued under an engagement.",
    |e| e.invoice_id, facets: |e| Facets {
        engagement_id: Some(e.engagement_id.into()),
        label: Some(e.number.clone()),
        summary: Some(format!("Invoice {} issued for {}", e.number, e.total)),
        ..Facets::default()
    });
event!(InvoiceVoided, "revenue.invoice.voided", "invoice", "An issued invoice was voided.",
    |e| e.invoice_id, facets: |e| Facets {
        engagement_id: Some(e.engagement_id.into()),
        label: Some(e.number.clone()),
        summary: Some(format!("Invoice {} voided", e.number)),
        ..Facets::default()
    });
event!(PaymentRecorded, "revenue.payment.recorded", "payment", "A payment was recorded against an invoice.",
    |e| e.payment.id, facets: |e| Facets {
        engagement_id: Some(e.payment.engagement_id.into()),
        label: Some(e.payment.invoice_number.clone()),
        summary: Some(format!("Payment of {} received for invoice {}", e.payment.amount, e.payment.invoice_number)),
        ..Facets::default()
    });
event!(PaymentReversed, "revenue.payment.reversed", "payment", "A payment was reversed (refunded or bounced).",
    |e| e.payment.id, facets: |e| Facets {
        engagement_id: Some(e.payment.engagement_id.into()),
        label: Some(e.payment.invoice_number.clone()),
        summary: Some(format!("Payment of {} on invoice {} reversed", e.payment.amount, e.payment.invoice_number)),
        ..Facets::default()
    });
event!(CreditNoteIssued, "revenue.credit_note.issued", "credit_note", "A credit note was issued against an invoice.",
    |e| e.id, facets: |e| Facets {
        engagement_id: Some(e.engagement_id.into()),
        label: Some(e.number.clone()),
        summary: Some(format!("Credit note {} of {} against invoice {}", e.number, e.total, e.invoice_number)),
        ..Facets::default()
    });
event!(SettingsUpdated, "revenue.settings.updated", "organization", "The organization's billing settings changed.",
    |e| e.organization_id);
event!(TaxRateCreated, "revenue.tax_rate.created", "tax_rate", "A tax rate was created.",
    |e| e.tax_rate.id);
event!(TaxRateUpdated, "revenue.tax_rate.updated", "tax_rate", "A tax rate was changed or archived.",
    |e| e.tax_rate.id);
event!(FxRateRecorded, "revenue.fx_rate.recorded", "fx_rate", "An exchange rate was entered or replaced.",
    |e| e.id);

/// An invoice schedule as its events carry it (terms are not repeated: read the schedule).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InvoiceScheduleState {
    pub id: InvoiceScheduleId,
    pub engagement_id: EngagementId,
    /// `fixed`, `milestone`, `retainer` or `time_and_materials`.
    pub kind: String,
    pub name: String,
    /// `active`, `paused` or `ended`.
    pub status: String,
    pub currency: String,
    /// The next day the runner has something to do for it.
    pub next_due_on: Option<NaiveDate>,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

impl InvoiceScheduleState {
    fn facets(&self) -> Facets {
        Facets { engagement_id: Some(self.engagement_id.into()), label: Some(self.name.clone()), ..Facets::default() }
    }
}

/// `revenue.invoice_schedule.created`: a new schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InvoiceScheduleCreated {
    #[serde(flatten)]
    pub schedule: InvoiceScheduleState,
}

/// `revenue.invoice_schedule.updated`: a schedule changed (paused, resumed, ended,
/// terms), and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InvoiceScheduleUpdated {
    #[serde(flatten)]
    pub schedule: InvoiceScheduleState,
    pub changed: Vec<String>,
}

/// `revenue.invoice_schedule.deleted`: a schedule was deleted; the invoices it
/// drafted stay, without their schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InvoiceScheduleDeleted {
    #[serde(flatten)]
    pub schedule: InvoiceScheduleState,
}

/// `revenue.invoice_schedule.ran`: a schedule processed one period, installment or
/// milestone: it drafted an invoice, or found nothing to bill. Once per schedule
/// and `period_key`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InvoiceScheduleRan {
    pub schedule_id: InvoiceScheduleId,
    pub engagement_id: EngagementId,
    /// e.g. `period:2026-11-01`, `installment:<item id>`, `milestone:<milestone id>`.
    pub period_key: String,
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    /// `invoiced` or `nothing_to_bill`.
    pub outcome: String,
    pub invoice_id: Option<InvoiceId>,
    /// Why nothing was billed, or what was left out (e.g. time without a rate).
    pub detail: Option<String>,
}

event!(InvoiceScheduleCreated, "revenue.invoice_schedule.created", "invoice_schedule",
    "An invoice schedule was added to an engagement.", |e| e.schedule.id, facets: |e| e.schedule.facets());
event!(InvoiceScheduleUpdated, "revenue.invoice_schedule.updated", "invoice_schedule",
    "An invoice schedule was changed.", |e| e.schedule.id, facets: |e| e.schedule.facets());
event!(InvoiceScheduleDeleted, "revenue.invoice_schedule.deleted", "invoice_schedule",
    "An invoice schedule was deleted.", |e| e.schedule.id, facets: |e| e.schedule.facets());
event!(InvoiceScheduleRan, "revenue.invoice_schedule.ran", "invoice_schedule",
    "An invoice schedule processed a period, installment or milestone.", |e| e.schedule_id,
    facets: |e| Facets {
        engagement_id: Some(e.engagement_id.into()),
        label: Some(e.period_key.clone()),
        summary: Some(match e.outcome.as_str() {
            "invoiced" => format!("Invoice drafted by schedule for {}", e.period_key),
            _ => format!("Nothing to bill for {}", e.period_key),
        }),
        ..Facets::default()
    });

/// `revenue.reminder.drafted`: an overdue invoice reached a reminder step; comms
/// sends it. At most one per invoice and step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ReminderDrafted {
    pub id: InvoiceReminderId,
    pub invoice_id: InvoiceId,
    pub invoice_number: String,
    pub engagement_id: EngagementId,
    pub client_company_id: Option<ClientCompanyId>,
    /// The configured step reached, in days past due.
    pub step_days: i32,
    /// Days past due on the day the reminder was drafted (at least `step_days`).
    pub days_overdue: i32,
    pub due_date: NaiveDate,
    /// What remained to be paid when the reminder was drafted.
    pub balance: Money,
}

/// `revenue.reminder.dismissed`: a drafted reminder will not be sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ReminderDismissed {
    pub id: InvoiceReminderId,
    pub invoice_id: InvoiceId,
    pub invoice_number: String,
    pub engagement_id: EngagementId,
    pub step_days: i32,
}

/// `revenue.invoices.repointed`: after a CRM company merge, the invoices that named
/// a merged company now name the survivor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InvoicesRepointed {
    pub survivor_id: ClientCompanyId,
    pub merged_ids: Vec<ClientCompanyId>,
    /// How many invoices moved.
    pub count: u64,
    pub invoice_ids: Vec<InvoiceId>,
    /// The `crm.company.merged` event this follows.
    pub cause_event_id: uuid::Uuid,
}

/// `revenue.invoice.reconciled`: the invoice's client company was realigned with
/// its engagement's (a merge event lost or applied out of order, a manual fix).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InvoiceReconciled {
    pub id: InvoiceId,
    pub engagement_id: EngagementId,
    pub number: Option<String>,
    pub from: Option<ClientCompanyId>,
    pub to: Option<ClientCompanyId>,
}

event!(ReminderDrafted, "revenue.reminder.drafted", "invoice_reminder",
    "A payment reminder was drafted for an overdue invoice at one of the configured steps.",
    |e| e.id, facets: |e| Facets {
        engagement_id: Some(e.engagement_id.into()),
        label: Some(e.invoice_number.clone()),
        summary: Some(format!(
            "Reminder drafted for invoice {}: {} days overdue, {} outstanding",
            e.invoice_number, e.days_overdue, e.balance
        )),
        ..Facets::default()
    });
event!(ReminderDismissed, "revenue.reminder.dismissed", "invoice_reminder",
    "A drafted payment reminder was dismissed and will not be sent.",
    |e| e.id, facets: |e| Facets {
        engagement_id: Some(e.engagement_id.into()),
        label: Some(e.invoice_number.clone()),
        summary: Some(format!("Reminder for invoice {} ({} days) dismissed", e.invoice_number, e.step_days)),
        ..Facets::default()
    });
event!(InvoicesRepointed, "revenue.invoices.repointed", "client_company",
    "Invoices that named merged client companies now name the surviving one.",
    |e| e.survivor_id, facets: |e| Facets {
        summary: Some(format!("{} invoice(s) now name this client company after a merge", e.count)),
        ..Facets::default()
    });
event!(InvoiceReconciled, "revenue.invoice.reconciled", "invoice",
    "An invoice's client company was realigned with its engagement's.",
    |e| e.id, facets: |e| Facets {
        engagement_id: Some(e.engagement_id.into()),
        label: e.number.clone(),
        ..Facets::default()
    });

pub fn catalog() -> Vec<EventType> {
    vec![
        EventType::of::<InvoiceCreated>(),
        EventType::of::<InvoiceUpdated>(),
        EventType::of::<InvoiceDeleted>(),
        EventType::of::<InvoiceIssued>(),
        EventType::of::<InvoiceVoided>(),
        EventType::of::<PaymentRecorded>(),
        EventType::of::<PaymentReversed>(),
        EventType::of::<CreditNoteIssued>(),
        EventType::of::<SettingsUpdated>(),
        EventType::of::<TaxRateCreated>(),
        EventType::of::<TaxRateUpdated>(),
        EventType::of::<FxRateRecorded>(),
        EventType::of::<InvoiceScheduleCreated>(),
        EventType::of::<InvoiceScheduleUpdated>(),
        EventType::of::<InvoiceScheduleDeleted>(),
        EventType::of::<InvoiceScheduleRan>(),
        EventType::of::<ReminderDrafted>(),
        EventType::of::<ReminderDismissed>(),
        EventType::of::<InvoicesRepointed>(),
        EventType::of::<InvoiceReconciled>(),
    ]
    .into_iter()
    .chain(payables::catalog())
    .chain(ledger::catalog())
    .collect()
}
