//! Comms: mailbox connections and their sync state, email threads (filed under an
//! engagement, or unfiled), the messages in them, the contacts matched to threads,
//! and the senders no contact matched.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, big_integer_null, boolean, integer, json, string, string_len, string_null, text, text_null,
    timestamp_with_time_zone, timestamp_with_time_zone_null, uuid, uuid_null,
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
enum Contacts {
    Table,
}

#[derive(DeriveIden, Clone)]
enum MailboxConnections {
    Table,
    Id,
    OrganizationId,
    Provider,
    EmailAddress,
    /// Provider settings without secrets (IMAP host, port, TLS, user, folder).
    Settings,
    /// Sealed by the kernel's vault, bound to the row id.
    CredentialsCiphertext,
    /// The first sync reads this many days back.
    SyncWindowDays,
    Paused,
    Version,
    CreatedAt,
    UpdatedAt,
}

/// One row per connection, written by the sync (never by users): the cursor,
/// the lease and the health the API reports.
#[derive(DeriveIden, Clone)]
enum MailboxSyncStates {
    Table,
    /// The connection's id.
    Id,
    OrganizationId,
    /// `active`, `backing_off`, `auth_failed` or `paused`.
    State,
    CursorUidvalidity,
    CursorLastUid,
    ResyncRequested,
    NextRunAt,
    LockedUntil,
    LeaseToken,
    LastRunAt,
    LastSuccessAt,
    LastError,
    LastErrorAt,
    ConsecutiveFailures,
    ImportedLastRun,
    SkippedLastRun,
    ImportedTotal,
    /// Why messages or parts of the last run were skipped (a JSON list).
    LastSkips,
}

#[derive(DeriveIden, Clone)]
enum Threads {
    Table,
    Id,
    OrganizationId,
    EngagementId,
    ConnectionId,
    Subject,
    SubjectNormalized,
    Participants,
    /// The sorted participants joined: threading by subject happens within them.
    ParticipantsKey,
    ProviderThreadIds,
    SharedWithClient,
    MessageCount,
    LastMessageAt,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum Messages {
    Table,
    Id,
    OrganizationId,
    ThreadId,
    ConnectionId,
    ProviderMessageId,
    /// RFC 5322 `Message-ID` (synthesized from the content's hash when missing).
    MessageIdHeader,
    InReplyTo,
    References,
    Direction,
    FromAddress,
    FromName,
    ToAddresses,
    CcAddresses,
    BccAddresses,
    Subject,
    SentAt,
    BodyText,
    BodyHtml,
    Attachments,
    SkippedParts,
    SizeBytes,
    FromContactId,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum ThreadContacts {
    Table,
    Id,
    OrganizationId,
    ThreadId,
    ContactId,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum UnknownSenders {
    Table,
    Id,
    OrganizationId,
    EmailAddress,
    Name,
    MessageCount,
    FirstSeenAt,
    LastSeenAt,
    LastThreadId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(MailboxConnections::Table)
                .col(id(MailboxConnections::Id))
                .col(uuid(MailboxConnections::OrganizationId))
                .col(text_enum(MailboxConnections::Provider, &["imap", "gmail", "microsoft"]))
                .col(string_len(MailboxConnections::EmailAddress, 320))
                .col(json(MailboxConnections::Settings))
                .col(text(MailboxConnections::CredentialsCiphertext))
                .col(integer(MailboxConnections::SyncWindowDays))
                .col(boolean(MailboxConnections::Paused))
                .col(integer(MailboxConnections::Version))
                .col(created_at(MailboxConnections::CreatedAt))
                .col(timestamp_with_time_zone(MailboxConnections::UpdatedAt))
                .foreign_key(&mut fk(
                    MailboxConnections::Table,
                    MailboxConnections::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_mailbox_connections_org",
            MailboxConnections::Table,
            vec![MailboxConnections::OrganizationId, MailboxConnections::Id],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(MailboxSyncStates::Table)
                .col(id(MailboxSyncStates::Id))
                .col(uuid(MailboxSyncStates::OrganizationId))
                .col(text_enum(MailboxSyncStates::State, &["active", "backing_off", "auth_failed", "paused"]))
                .col(big_integer_null(MailboxSyncStates::CursorUidvalidity))
                .col(big_integer_null(MailboxSyncStates::CursorLastUid))
                .col(boolean(MailboxSyncStates::ResyncRequested))
                .col(timestamp_with_time_zone(MailboxSyncStates::NextRunAt))
                .col(timestamp_with_time_zone_null(MailboxSyncStates::LockedUntil))
                .col(uuid_null(MailboxSyncStates::LeaseToken))
                .col(timestamp_with_time_zone_null(MailboxSyncStates::LastRunAt))
                .col(timestamp_with_time_zone_null(MailboxSyncStates::LastSuccessAt))
                .col(text_null(MailboxSyncStates::LastError))
                .col(timestamp_with_time_zone_null(MailboxSyncStates::LastErrorAt))
                .col(integer(MailboxSyncStates::ConsecutiveFailures))
                .col(integer(MailboxSyncStates::ImportedLastRun))
                .col(integer(MailboxSyncStates::SkippedLastRun))
                .col(big_integer(MailboxSyncStates::ImportedTotal))
                .col(json(MailboxSyncStates::LastSkips))
                .foreign_key(&mut fk(
                    MailboxSyncStates::Table,
                    MailboxSyncStates::Id,
                    MailboxConnections::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    MailboxSyncStates::Table,
                    MailboxSyncStates::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        // The sync job picks due connections across organizations.
        m.create_index(index(
            "ix_mailbox_sync_states_due",
            MailboxSyncStates::Table,
            vec![MailboxSyncStates::NextRunAt],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Threads::Table)
                .col(id(Threads::Id))
                .col(uuid(Threads::OrganizationId))
                .col(uuid_null(Threads::EngagementId))
                .col(uuid_null(Threads::ConnectionId))
                .col(string_len(Threads::Subject, 998))
                .col(string_len(Threads::SubjectNormalized, 998))
                .col(json(Threads::Participants))
                .col(text(Threads::ParticipantsKey))
                .col(json(Threads::ProviderThreadIds))
                .col(boolean(Threads::SharedWithClient))
                .col(integer(Threads::MessageCount))
                .col(timestamp_with_time_zone(Threads::LastMessageAt))
                .col(integer(Threads::Version))
                .col(created_at(Threads::CreatedAt))
                .col(timestamp_with_time_zone(Threads::UpdatedAt))
                .foreign_key(&mut fk(
                    Threads::Table,
                    Threads::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    Threads::Table,
                    Threads::EngagementId,
                    Engagements::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    Threads::Table,
                    Threads::ConnectionId,
                    MailboxConnections::Table,
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_threads_org", Threads::Table, vec![Threads::OrganizationId, Threads::Id])).await?;
        m.create_index(index(
            "ix_threads_engagement",
            Threads::Table,
            vec![Threads::OrganizationId, Threads::EngagementId, Threads::Id],
        ))
        .await?;
        // Threading by subject within the participants.
        m.create_index(index(
            "ix_threads_subject",
            Threads::Table,
            vec![Threads::OrganizationId, Threads::SubjectNormalized],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Messages::Table)
                .col(id(Messages::Id))
                .col(uuid(Messages::OrganizationId))
                .col(uuid(Messages::ThreadId))
                .col(uuid_null(Messages::ConnectionId))
                .col(string_null(Messages::ProviderMessageId))
                .col(string_len(Messages::MessageIdHeader, 998))
                .col(string_len(Messages::InReplyTo, 998).null())
                .col(json(Messages::References))
                .col(text_enum(Messages::Direction, &["inbound", "outbound"]))
                .col(string_len(Messages::FromAddress, 320))
                .col(string_len(Messages::FromName, 998).null())
                .col(json(Messages::ToAddresses))
                .col(json(Messages::CcAddresses))
                .col(json(Messages::BccAddresses))
                .col(string_len(Messages::Subject, 998))
                .col(timestamp_with_time_zone(Messages::SentAt))
                .col(text(Messages::BodyText))
                .col(text_null(Messages::BodyHtml))
                .col(json(Messages::Attachments))
                .col(json(Messages::SkippedParts))
                .col(big_integer(Messages::SizeBytes))
                .col(uuid_null(Messages::FromContactId))
                .col(created_at(Messages::CreatedAt))
                .foreign_key(&mut fk(
                    Messages::Table,
                    Messages::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(Messages::Table, Messages::ThreadId, Threads::Table, ForeignKeyAction::Cascade))
                .foreign_key(&mut fk(
                    Messages::Table,
                    Messages::ConnectionId,
                    MailboxConnections::Table,
                    ForeignKeyAction::SetNull,
                ))
                .foreign_key(&mut fk(
                    Messages::Table,
                    Messages::FromContactId,
                    Contacts::Table,
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
        // Idempotent import: one row per provider message of a connection, and one
        // per Message-ID in an organization (the same mail in two mailboxes, or
        // re-read after a UIDVALIDITY change, is stored once).
        m.create_index(
            index(
                "ux_messages_provider_id",
                Messages::Table,
                vec![Messages::ConnectionId, Messages::ProviderMessageId],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        m.create_index(
            index("ux_messages_message_id", Messages::Table, vec![Messages::OrganizationId, Messages::MessageIdHeader])
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_messages_thread",
            Messages::Table,
            vec![Messages::OrganizationId, Messages::ThreadId, Messages::Id],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(ThreadContacts::Table)
                .col(id(ThreadContacts::Id))
                .col(uuid(ThreadContacts::OrganizationId))
                .col(uuid(ThreadContacts::ThreadId))
                .col(uuid(ThreadContacts::ContactId))
                .col(created_at(ThreadContacts::CreatedAt))
                .foreign_key(&mut fk(
                    ThreadContacts::Table,
                    ThreadContacts::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    ThreadContacts::Table,
                    ThreadContacts::ThreadId,
                    Threads::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    ThreadContacts::Table,
                    ThreadContacts::ContactId,
                    Contacts::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "ux_thread_contacts",
                ThreadContacts::Table,
                vec![ThreadContacts::ThreadId, ThreadContacts::ContactId],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_thread_contacts_contact",
            ThreadContacts::Table,
            vec![ThreadContacts::OrganizationId, ThreadContacts::ContactId, ThreadContacts::ThreadId],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(UnknownSenders::Table)
                .col(id(UnknownSenders::Id))
                .col(uuid(UnknownSenders::OrganizationId))
                .col(string_len(UnknownSenders::EmailAddress, 320))
                .col(string(UnknownSenders::Name).null())
                .col(integer(UnknownSenders::MessageCount))
                .col(timestamp_with_time_zone(UnknownSenders::FirstSeenAt))
                .col(timestamp_with_time_zone(UnknownSenders::LastSeenAt))
                .col(uuid_null(UnknownSenders::LastThreadId))
                .foreign_key(&mut fk(
                    UnknownSenders::Table,
                    UnknownSenders::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    UnknownSenders::Table,
                    UnknownSenders::LastThreadId,
                    Threads::Table,
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "ux_unknown_senders_address",
                UnknownSenders::Table,
                vec![UnknownSenders::OrganizationId, UnknownSenders::EmailAddress],
            )
            .unique()
            .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            UnknownSenders::Table.into_iden(),
            ThreadContacts::Table.into_iden(),
            Messages::Table.into_iden(),
            Threads::Table.into_iden(),
            MailboxSyncStates::Table.into_iden(),
            MailboxConnections::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
