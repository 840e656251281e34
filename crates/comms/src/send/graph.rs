//! Sending through Microsoft Graph (`/me/sendMail` with the MIME message, its
//! fixed `Message-ID` kept). Graph answers 202 without an id: the copy in Sent
//! Items is recognised by that `Message-ID` when the sync meets it.

use atrium_kernel::OrganizationId;

use super::smtp::SendFailure;
use crate::entity::connection;
use crate::provider::{ProviderError, Session, graph};
use crate::service::CommsService;

impl CommsService {
    pub(super) async fn send_graph(
        &self,
        org: OrganizationId,
        conn: &connection::Model,
        raw: &[u8],
    ) -> Result<(), SendFailure> {
        let provider = self.cfg.microsoft.as_ref().ok_or_else(|| {
            SendFailure::transient("microsoft is not configured on this server (COMMS_MICROSOFT_CLIENT_ID)")
        })?;
        let result = async {
            let mut s = Session::open(self, org, conn, provider).await?;
            graph::send(&mut s, &provider.api_base, raw).await
        }
        .await;
        match result {
            Ok(()) => Ok(()),
            Err(e @ (ProviderError::Refused(_) | ProviderError::NotFound)) => {
                Err(SendFailure::permanent(format!("Microsoft Graph refused the message: {e}")))
            }
            // Refused credentials are retried: the mailbox may be connected again meanwhile.
            Err(e) => Err(SendFailure::transient(format!("Microsoft Graph: {e}"))),
        }
    }
}
