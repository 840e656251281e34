//! Which kinds of records changed, for readers that keep copies (the gateway's
//! query cache). Every write publishes an event of its aggregate type in its
//! transaction, so the aggregate types of the events a piece of work appended
//! say what it changed.
//!
//! Two paths report them. A request runs inside [`collecting`]: every event it
//! appends is recorded, and the caller announces them once the request's writes
//! have committed and before its response leaves, so the writer's next read (on
//! any replica) already sees past them. Every other writer (subscribers, jobs,
//! workflow actions, integrations appending raw events) is covered by the
//! dispatcher, which announces every event it sequences to its [`ChangeSink`]:
//! later than the request path, but for all events, whoever wrote them.

use std::collections::BTreeSet;
use std::future::Future;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use atrium_kernel::OrganizationId;

/// One kind of record changed in one organization.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Change {
    pub org: OrganizationId,
    /// The event's aggregate type, e.g. `contact`.
    pub aggregate_type: String,
}

/// Told of committed changes. Must not fail the writer: it handles its own outages.
#[async_trait]
pub trait ChangeSink: Send + Sync + 'static {
    async fn changed(&self, changes: &[Change]);
}

type Recorded = Arc<Mutex<BTreeSet<Change>>>;

tokio::task_local! {
    static RECORDED: Recorded;
}

/// Runs `fut` (a request) and returns, beside its output, every change it
/// appended an event for (committed or not: a rolled-back one only costs an
/// extra invalidation).
pub async fn collecting<F: Future>(fut: F) -> (F::Output, Vec<Change>) {
    let recorded = Recorded::default();
    let out = RECORDED.scope(recorded.clone(), fut).await;
    let changes = std::mem::take(&mut *recorded.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
    (out, changes.into_iter().collect())
}

/// Records an appended event with the current request, if any.
pub(crate) fn record(org: OrganizationId, aggregate_type: &str) {
    let _ = RECORDED.try_with(|r| {
        r.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(Change { org, aggregate_type: aggregate_type.to_owned() });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn records_only_inside_collecting_and_deduplicates() {
        let org = OrganizationId::new();
        record(org, "contact");
        let ((), changes) = collecting(async {
            record(org, "contact");
            record(org, "deal");
            record(org, "contact");
        })
        .await;
        let kinds: Vec<&str> = changes.iter().map(|c| c.aggregate_type.as_str()).collect();
        assert_eq!(kinds, ["contact", "deal"]);
        let ((), none) = collecting(async {}).await;
        assert!(none.is_empty());
    }
}
