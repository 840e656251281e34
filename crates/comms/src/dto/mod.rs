//! Wire types of the comms API. Inputs are built from the kernel's input types,
//! so every refusal names its field.

mod connections;
mod oauth;
mod outbound;
mod threads;

pub use connections::*;
pub use oauth::*;
pub use outbound::*;
pub use threads::*;

pub use atrium_events::agreements::EngagementId;
pub use atrium_events::comms::{MailboxConnectionId, MessageId, ThreadId};
pub use atrium_events::crm::ContactId;
