//! Sending through Gmail (`users.messages.send`, the raw RFC 5322 message with
//! its fixed `Message-ID`), in the Gmail thread of the Atrium thread when it has one.

use atrium_kernel::{OrganizationId, Scoped};

use super::smtp::SendFailure;
use crate::entity::{connection, message, thread};
use crate::provider::{ProviderError, Session, gmail};
use crate::service::CommsService;

impl CommsService {
    /// Answers Gmail's (message id, thread id) of the sent message.
    pub(super) async fn send_gmail(
        &self,
        org: OrganizationId,
        conn: &connection::Model,
        m: &message::Model,
        raw: &[u8],
    ) -> Result<(String, Option<String>), SendFailure> {
        let provider =
            self.cfg.gmail.as_ref().ok_or_else(|| {
                SendFailure::transient("gmail is not configured on this server (COMMS_GMAIL_CLIENT_ID)")
            })?;
        let t = thread::Entity::find_in(&self.db, org, m.thread_id)
            .await
            .map_err(|e| SendFailure::transient(format!("internal error: {e}")))?;
        let threads: Vec<String> = serde_json::from_value(t.provider_thread_ids).unwrap_or_default();
        let result = async {
            let mut s = Session::open(self, org, conn, provider).await?;
            gmail::send(&mut s, &provider.api_base, raw, threads.first().map(String::as_str)).await
        }
        .await;
        match result {
            Ok(sent) => Ok((sent.id, sent.thread_id)),
            Err(e @ (ProviderError::Refused(_) | ProviderError::NotFound)) => {
                Err(SendFailure::permanent(format!("Gmail refused the message: {e}")))
            }
            // Refused credentials are retried: the mailbox may be connected again meanwhile.
            Err(e) => Err(SendFailure::transient(format!("Gmail: {e}"))),
        }
    }
}
