//! Microsoft Graph sync: the inbox and sent items, each by its own delta round.
//! A first run (or a resync) asks for the first-sync window; every round follows
//! `@odata.nextLink` until `@odata.deltaLink`, which is kept for the next run.
//! A delta state Graph no longer keeps (410, `syncStateNotFound`) reads that
//! folder's window again. Each message is fetched as MIME (`$value`) and imported
//! through the same pipeline as IMAP; threading follows its `conversationId`.

use std::collections::BTreeMap;

use atrium_kernel::{AppError, Scoped};
use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter};

use super::import::{Imported, Lease};
use super::{Cursor, RunReport, SyncError, mime};
use crate::dto::SkipOut;
use crate::entity::{message, sync_state};
use crate::provider::graph::{self, FOLDERS, Item};
use crate::provider::{ProviderError, Session};
use crate::service::CommsService;

impl CommsService {
    pub(super) async fn run_graph(
        &self,
        lease: &Lease<'_>,
        state: &sync_state::Model,
        report: &mut RunReport,
    ) -> Result<Cursor, SyncError> {
        let provider = self.cfg.microsoft.as_ref().ok_or_else(|| {
            ProviderError::Refused("microsoft is not configured on this server (COMMS_MICROSOFT_CLIENT_ID)".into())
        })?;
        let mut s = Session::open(self, lease.org, lease.connection, provider).await?;
        let base = provider.api_base.as_str();
        let mut links: BTreeMap<String, String> = match (&state.cursor_token, state.resync_requested) {
            (Some(t), false) => serde_json::from_str(t).unwrap_or_default(),
            _ => BTreeMap::new(),
        };
        let since = self.clock.now() - chrono::Duration::days(i64::from(lease.connection.sync_window_days));
        for folder in FOLDERS {
            let link = match links.get(*folder) {
                Some(stored) => match self.graph_round(&mut s, base, lease, stored, report).await {
                    Err(SyncError::Provider(ProviderError::NotFound)) => {
                        tracing::info!(folder, "graph no longer keeps this delta state: reading the window again");
                        self.graph_round(&mut s, base, lease, &graph::initial_link(base, folder, since), report).await?
                    }
                    done => done?,
                },
                None => {
                    self.graph_round(&mut s, base, lease, &graph::initial_link(base, folder, since), report).await?
                }
            };
            links.insert((*folder).to_owned(), link);
        }
        Ok(Cursor::Token(serde_json::to_string(&links).map_err(AppError::internal)?))
    }

    /// Follows the pages from `link`; answers the delta link to keep.
    async fn graph_round(
        &self,
        s: &mut Session<'_>,
        base: &str,
        lease: &Lease<'_>,
        link: &str,
        report: &mut RunReport,
    ) -> Result<String, SyncError> {
        let mut link = link.to_owned();
        loop {
            let page = graph::delta(s, base, &link).await?;
            for item in page.items.iter().filter(|i| i.removed.is_none()) {
                self.graph_message(s, base, lease, item, report).await?;
            }
            match (page.next_link, page.delta_link) {
                (Some(next), _) => link = next,
                (None, Some(delta)) => return Ok(delta),
                (None, None) => {
                    return Err(ProviderError::Refused(
                        "messages/delta answered neither a next nor a delta link".into(),
                    )
                    .into());
                }
            }
        }
    }

    async fn graph_message(
        &self,
        s: &mut Session<'_>,
        base: &str,
        lease: &Lease<'_>,
        item: &Item,
        report: &mut RunReport,
    ) -> Result<(), SyncError> {
        let known = message::Entity::scoped(lease.org)
            .filter(message::Column::ConnectionId.eq(lease.connection.id))
            .filter(message::Column::ProviderMessageId.eq(item.id.as_str()))
            .count(&self.db)
            .await
            .map_err(AppError::from)?;
        if known > 0 {
            report.duplicates += 1;
            return self.pass(lease, None).await;
        }
        let bytes = match graph::raw(s, base, &item.id).await {
            // Deleted since the delta listed it.
            Err(ProviderError::NotFound) => return self.pass(lease, None).await,
            r => r?,
        };
        let size = bytes.len() as u64;
        let max = self.cfg.max_message_bytes;
        if size > max {
            report.skipped.push(SkipOut {
                provider_message_id: item.id.clone(),
                reason: format!("the message is {size} bytes, over the {max} bytes allowed"),
            });
            return self.pass(lease, None).await;
        }
        let Some(parsed) = mime::parse(&bytes, self.cfg.max_part_bytes) else {
            report.skipped.push(SkipOut {
                provider_message_id: item.id.clone(),
                reason: "nothing in it reads as an RFC 5322 message".into(),
            });
            return self.pass(lease, None).await;
        };
        match self.import(lease, item.id.clone(), item.conversation_id.clone(), None, size, None, parsed).await? {
            Imported::New => report.imported += 1,
            Imported::Duplicate => report.duplicates += 1,
        }
        Ok(())
    }
}
