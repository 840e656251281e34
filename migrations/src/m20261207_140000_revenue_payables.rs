//! Revenue, payables: vendors (tax id sealed by the vault), bills with their lines,
//! approval rules, the approval route each bill got at submission, and payments
//! made against bills.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, big_integer_null, boolean, date, date_null, integer, integer_null, string_len, string_len_null, text,
    text_null, timestamp_with_time_zone, timestamp_with_time_zone_null, uuid, uuid_null,
};

use crate::common::{created_at, fk, id, index, text_enum};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Organizations {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Engagements {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Vendors {
    Table,
    Id,
    OrganizationId,
    Name,
    /// Lower case, punctuation and legal-form suffixes dropped: what dedup compares.
    NameNormalized,
    Email,
    EmailNormalized,
    /// Sealed by the kernel's vault, bound to the row id.
    TaxIdCiphertext,
    DefaultCurrency,
    PaymentTermsDays,
    Status,
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum Bills {
    Table,
    Id,
    OrganizationId,
    VendorId,
    EngagementId,
    VendorReference,
    BillDate,
    DueDate,
    Currency,
    BaseCurrency,
    /// Fixed at submission: base-currency units per unit of `currency`, in billionths.
    FxRate,
    BaseTotal,
    Subtotal,
    TaxTotal,
    Total,
    Paid,
    Status,
    Notes,
    /// How many times the bill was submitted; the route rows of the current one carry it.
    ApprovalRound,
    /// 1-based step of the route awaiting decisions while pending.
    CurrentStep,
    RuleId,
    RuleName,
    SubmittedBy,
    SubmittedAt,
    ApprovedAt,
    RejectionReason,
    RejectedBy,
    RejectedAt,
    VoidedAt,
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum BillLines {
    Table,
    Id,
    OrganizationId,
    BillId,
    Position,
    Description,
    /// The ledger account or expense category the line is booked to.
    Account,
    Quantity,
    UnitPrice,
    TaxName,
    TaxBasisPoints,
    TaxInclusive,
    Net,
    Tax,
    Gross,
}

#[derive(DeriveIden, Clone)]
enum BillApprovalRules {
    Table,
    Id,
    OrganizationId,
    Name,
    Priority,
    Active,
    /// Bill total in base minor units: the rule matches when total >= min.
    MinBaseAmount,
    /// … and total < max.
    MaxBaseAmount,
    VendorId,
    EngagementId,
    Currency,
    Account,
    /// JSON: the sequential steps, each `{mode, approvers: [{role} | {member_id}]}`.
    Steps,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum BillApprovals {
    Table,
    Id,
    OrganizationId,
    BillId,
    Round,
    Step,
    Mode,
    ApproverId,
    /// `role:<role>` or `member`: why this person is on the route.
    Source,
    Decision,
    Comment,
    DecidedAt,
}

#[derive(DeriveIden, Clone)]
enum BillPayments {
    Table,
    Id,
    OrganizationId,
    BillId,
    Amount,
    Currency,
    PaidOn,
    Method,
    Reference,
    FxRate,
    BaseAmount,
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Vendors::Table)
                .col(id(Vendors::Id))
                .col(uuid(Vendors::OrganizationId))
                .col(string_len(Vendors::Name, 200))
                .col(string_len(Vendors::NameNormalized, 200))
                .col(string_len_null(Vendors::Email, 254))
                .col(string_len_null(Vendors::EmailNormalized, 254))
                .col(text_null(Vendors::TaxIdCiphertext))
                .col(string_len_null(Vendors::DefaultCurrency, 3))
                .col(integer_null(Vendors::PaymentTermsDays))
                .col(text_enum(Vendors::Status, &["active", "archived"]))
                .col(integer(Vendors::Version))
                .col(string_len(Vendors::CreatedBy, 64))
                .col(created_at(Vendors::CreatedAt))
                .col(timestamp_with_time_zone(Vendors::UpdatedAt))
                .foreign_key(&mut fk(
                    Vendors::Table,
                    Vendors::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        // Dedup holds under concurrent writers: the indexes, not a read before the insert.
        m.create_index(
            index("ux_vendors_name", Vendors::Table, vec![Vendors::OrganizationId, Vendors::NameNormalized])
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            index("ux_vendors_email", Vendors::Table, vec![Vendors::OrganizationId, Vendors::EmailNormalized])
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_vendors_org", Vendors::Table, vec![Vendors::OrganizationId, Vendors::Id])).await?;

        m.create_table(
            Table::create()
                .table(Bills::Table)
                .col(id(Bills::Id))
                .col(uuid(Bills::OrganizationId))
                .col(uuid_null(Bills::VendorId))
                .col(uuid_null(Bills::EngagementId))
                .col(string_len_null(Bills::VendorReference, 100))
                .col(date(Bills::BillDate))
                .col(date_null(Bills::DueDate))
                .col(string_len(Bills::Currency, 3))
                .col(string_len(Bills::BaseCurrency, 3))
                .col(big_integer_null(Bills::FxRate))
                .col(big_integer_null(Bills::BaseTotal))
                .col(big_integer(Bills::Subtotal))
                .col(big_integer(Bills::TaxTotal))
                .col(big_integer(Bills::Total))
                .col(big_integer(Bills::Paid))
                .col(text_enum(
                    Bills::Status,
                    &["draft", "pending_approval", "approved", "partially_paid", "paid", "void"],
                ))
                .col(text_null(Bills::Notes))
                .col(integer(Bills::ApprovalRound))
                .col(integer_null(Bills::CurrentStep))
                .col(uuid_null(Bills::RuleId))
                .col(string_len_null(Bills::RuleName, 200))
                .col(string_len_null(Bills::SubmittedBy, 64))
                .col(timestamp_with_time_zone_null(Bills::SubmittedAt))
                .col(timestamp_with_time_zone_null(Bills::ApprovedAt))
                .col(text_null(Bills::RejectionReason))
                .col(string_len_null(Bills::RejectedBy, 64))
                .col(timestamp_with_time_zone_null(Bills::RejectedAt))
                .col(timestamp_with_time_zone_null(Bills::VoidedAt))
                .col(integer(Bills::Version))
                .col(string_len(Bills::CreatedBy, 64))
                .col(created_at(Bills::CreatedAt))
                .col(timestamp_with_time_zone(Bills::UpdatedAt))
                .foreign_key(&mut fk(
                    Bills::Table,
                    Bills::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(Bills::Table, Bills::VendorId, Vendors::Table, ForeignKeyAction::SetNull))
                .foreign_key(&mut fk(Bills::Table, Bills::EngagementId, Engagements::Table, ForeignKeyAction::SetNull))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_bills_org", Bills::Table, vec![Bills::OrganizationId, Bills::Id])).await?;
        m.create_index(index("ix_bills_status", Bills::Table, vec![Bills::OrganizationId, Bills::Status, Bills::Id]))
            .await?;
        // Profitability sums an engagement's bills; SET NULL on a deleted vendor needs its index.
        m.create_index(index("ix_bills_engagement", Bills::Table, vec![Bills::EngagementId, Bills::Status])).await?;
        m.create_index(index("ix_bills_vendor", Bills::Table, vec![Bills::VendorId])).await?;

        m.create_table(
            Table::create()
                .table(BillLines::Table)
                .col(id(BillLines::Id))
                .col(uuid(BillLines::OrganizationId))
                .col(uuid(BillLines::BillId))
                .col(integer(BillLines::Position))
                .col(string_len(BillLines::Description, 500))
                .col(string_len_null(BillLines::Account, 100))
                .col(big_integer(BillLines::Quantity))
                .col(big_integer(BillLines::UnitPrice))
                .col(string_len_null(BillLines::TaxName, 100))
                .col(integer(BillLines::TaxBasisPoints))
                .col(boolean(BillLines::TaxInclusive))
                .col(big_integer(BillLines::Net))
                .col(big_integer(BillLines::Tax))
                .col(big_integer(BillLines::Gross))
                .foreign_key(&mut fk(
                    BillLines::Table,
                    BillLines::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(BillLines::Table, BillLines::BillId, Bills::Table, ForeignKeyAction::Cascade))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_bill_lines_bill", BillLines::Table, vec![BillLines::BillId, BillLines::Position]))
            .await?;

        m.create_table(
            Table::create()
                .table(BillApprovalRules::Table)
                .col(id(BillApprovalRules::Id))
                .col(uuid(BillApprovalRules::OrganizationId))
                .col(string_len(BillApprovalRules::Name, 200))
                .col(integer(BillApprovalRules::Priority))
                .col(boolean(BillApprovalRules::Active))
                .col(big_integer_null(BillApprovalRules::MinBaseAmount))
                .col(big_integer_null(BillApprovalRules::MaxBaseAmount))
                .col(uuid_null(BillApprovalRules::VendorId))
                .col(uuid_null(BillApprovalRules::EngagementId))
                .col(string_len_null(BillApprovalRules::Currency, 3))
                .col(string_len_null(BillApprovalRules::Account, 100))
                .col(text(BillApprovalRules::Steps))
                .col(integer(BillApprovalRules::Version))
                .col(created_at(BillApprovalRules::CreatedAt))
                .col(timestamp_with_time_zone(BillApprovalRules::UpdatedAt))
                .foreign_key(&mut fk(
                    BillApprovalRules::Table,
                    BillApprovalRules::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                // A rule about a vendor or engagement that is gone can never match again.
                .foreign_key(&mut fk(
                    BillApprovalRules::Table,
                    BillApprovalRules::VendorId,
                    Vendors::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    BillApprovalRules::Table,
                    BillApprovalRules::EngagementId,
                    Engagements::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_bill_approval_rules_order",
            BillApprovalRules::Table,
            vec![BillApprovalRules::OrganizationId, BillApprovalRules::Priority, BillApprovalRules::Id],
        ))
        .await?;
        m.create_index(index(
            "ix_bill_approval_rules_vendor",
            BillApprovalRules::Table,
            vec![BillApprovalRules::VendorId],
        ))
        .await?;
        m.create_index(index(
            "ix_bill_approval_rules_engagement",
            BillApprovalRules::Table,
            vec![BillApprovalRules::EngagementId],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(BillApprovals::Table)
                .col(id(BillApprovals::Id))
                .col(uuid(BillApprovals::OrganizationId))
                .col(uuid(BillApprovals::BillId))
                .col(integer(BillApprovals::Round))
                .col(integer(BillApprovals::Step))
                .col(text_enum(BillApprovals::Mode, &["any_of", "all_of"]))
                .col(uuid(BillApprovals::ApproverId))
                .col(string_len(BillApprovals::Source, 64))
                .col(
                    string_len_null(BillApprovals::Decision, 32)
                        .check(Expr::col(BillApprovals::Decision).is_in(["approved", "rejected"]))
                        .take(),
                )
                .col(text_null(BillApprovals::Comment))
                .col(timestamp_with_time_zone_null(BillApprovals::DecidedAt))
                .foreign_key(&mut fk(
                    BillApprovals::Table,
                    BillApprovals::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    BillApprovals::Table,
                    BillApprovals::BillId,
                    Bills::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "ux_bill_approvals_seat",
                BillApprovals::Table,
                vec![BillApprovals::BillId, BillApprovals::Round, BillApprovals::Step, BillApprovals::ApproverId],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        // "Awaiting me": the undecided seats of one approver.
        m.create_index(index(
            "ix_bill_approvals_approver",
            BillApprovals::Table,
            vec![BillApprovals::OrganizationId, BillApprovals::ApproverId, BillApprovals::BillId],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(BillPayments::Table)
                .col(id(BillPayments::Id))
                .col(uuid(BillPayments::OrganizationId))
                .col(uuid(BillPayments::BillId))
                .col(big_integer(BillPayments::Amount))
                .col(string_len(BillPayments::Currency, 3))
                .col(date(BillPayments::PaidOn))
                .col(string_len_null(BillPayments::Method, 100))
                .col(string_len_null(BillPayments::Reference, 100))
                .col(big_integer_null(BillPayments::FxRate))
                .col(big_integer(BillPayments::BaseAmount))
                .col(integer(BillPayments::Version))
                .col(string_len(BillPayments::CreatedBy, 64))
                .col(created_at(BillPayments::CreatedAt))
                .col(timestamp_with_time_zone(BillPayments::UpdatedAt))
                .foreign_key(&mut fk(
                    BillPayments::Table,
                    BillPayments::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    BillPayments::Table,
                    BillPayments::BillId,
                    Bills::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_bill_payments_org",
            BillPayments::Table,
            vec![BillPayments::OrganizationId, BillPayments::Id],
        ))
        .await?;
        m.create_index(index("ix_bill_payments_bill", BillPayments::Table, vec![BillPayments::BillId])).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            BillPayments::Table.into_iden(),
            BillApprovals::Table.into_iden(),
            BillApprovalRules::Table.into_iden(),
            BillLines::Table.into_iden(),
            Bills::Table.into_iden(),
            Vendors::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
