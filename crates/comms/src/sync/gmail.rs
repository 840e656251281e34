//! Gmail sync. The first run (and a resync, and a run whose history Gmail no
//! longer keeps — a 404 from `users.history.list`) reads the profile's current
//! `historyId`, then lists the first-sync window (`q=after:`) and imports each
//! message from its raw RFC 5322 form through the same pipeline as IMAP. Later
//! runs list the history from the stored `historyId`. The cursor moves only at
//! the end of a run; a run cut short is resumed by the next, which skips (without
//! fetching) what was already imported, so nothing is lost or imported twice.

use std::collections::HashSet;

use atrium_kernel::{AppError, Scoped};
use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter};

use super::import::{Imported, Lease};
use super::{Cursor, RunReport, SyncError, mime};
use crate::dto::SkipOut;
use crate::entity::{message, sync_state};
use crate::provider::gmail::{self, MessageRef};
use crate::provider::{ProviderError, Session};
use crate::service::CommsService;

impl CommsService {
    pub(super) async fn run_gmail(
        &self,
        lease: &Lease<'_>,
        state: &sync_state::Model,
        report: &mut RunReport,
    ) -> Result<Cursor, SyncError> {
        let provider = self.cfg.gmail.as_ref().ok_or_else(|| {
            ProviderError::Refused("gmail is not configured on this server (COMMS_GMAIL_CLIENT_ID)".into())
        })?;
        let mut s = Session::open(self, lease.org, lease.connection, provider).await?;
        let base = provider.api_base.as_str();
        if !state.resync_requested
            && let Some(start) = state.cursor_token.as_deref()
        {
            match self.gmail_history(&mut s, base, lease, start, report).await {
                Err(SyncError::Provider(ProviderError::NotFound)) => {
                    tracing::info!(start, "gmail no longer keeps this history: reading the window again");
                }
                done => return done,
            }
        }
        self.gmail_window(&mut s, base, lease, report).await
    }

    async fn gmail_window(
        &self,
        s: &mut Session<'_>,
        base: &str,
        lease: &Lease<'_>,
        report: &mut RunReport,
    ) -> Result<Cursor, SyncError> {
        // Taken before listing: what arrives meanwhile is in the history after it.
        let profile = gmail::profile(s, base).await?;
        let after =
            (self.clock.now() - chrono::Duration::days(i64::from(lease.connection.sync_window_days))).timestamp();
        let mut page: Option<String> = None;
        loop {
            let p = gmail::list(s, base, after, page.as_deref()).await?;
            for m in &p.messages {
                self.gmail_message(s, base, lease, m, report).await?;
            }
            match p.next_page_token {
                Some(t) => page = Some(t),
                None => break,
            }
        }
        Ok(Cursor::Token(profile.history_id))
    }

    async fn gmail_history(
        &self,
        s: &mut Session<'_>,
        base: &str,
        lease: &Lease<'_>,
        start: &str,
        report: &mut RunReport,
    ) -> Result<Cursor, SyncError> {
        let mut latest = start.to_owned();
        let mut seen = HashSet::new();
        let mut page: Option<String> = None;
        loop {
            let p = gmail::history(s, base, start, page.as_deref()).await?;
            if let Some(h) = p.history_id {
                latest = h;
            }
            for m in &p.messages {
                if seen.insert(m.id.clone()) {
                    self.gmail_message(s, base, lease, m, report).await?;
                }
            }
            match p.next_page_token {
                Some(t) => page = Some(t),
                None => break,
            }
        }
        Ok(Cursor::Token(latest))
    }

    async fn gmail_message(
        &self,
        s: &mut Session<'_>,
        base: &str,
        lease: &Lease<'_>,
        m: &MessageRef,
        report: &mut RunReport,
    ) -> Result<(), SyncError> {
        // Drafts are not mail yet; they arrive again as sent messages.
        if m.label_ids.iter().any(|l| l == "DRAFT") {
            return Ok(());
        }
        let known = message::Entity::scoped(lease.org)
            .filter(message::Column::ConnectionId.eq(lease.connection.id))
            .filter(message::Column::ProviderMessageId.eq(m.id.as_str()))
            .count(&self.db)
            .await
            .map_err(AppError::from)?;
        if known > 0 {
            report.duplicates += 1;
            return self.pass(lease, None).await;
        }
        let raw = match gmail::raw(s, base, &m.id).await {
            // Deleted since it was listed: nothing to import.
            Err(ProviderError::NotFound) => return self.pass(lease, None).await,
            r => r?,
        };
        let size = raw.bytes.len() as u64;
        let max = self.cfg.max_message_bytes;
        if size > max {
            report.skipped.push(SkipOut {
                provider_message_id: m.id.clone(),
                reason: format!("the message is {size} bytes, over the {max} bytes allowed"),
            });
            return self.pass(lease, None).await;
        }
        let Some(parsed) = mime::parse(&raw.bytes, self.cfg.max_part_bytes) else {
            report.skipped.push(SkipOut {
                provider_message_id: m.id.clone(),
                reason: "nothing in it reads as an RFC 5322 message".into(),
            });
            return self.pass(lease, None).await;
        };
        let thread = raw.thread_id.or_else(|| m.thread_id.clone());
        match self.import(lease, m.id.clone(), thread, None, size, raw.internal_date, parsed).await? {
            Imported::New => report.imported += 1,
            Imported::Duplicate => report.duplicates += 1,
        }
        Ok(())
    }
}
