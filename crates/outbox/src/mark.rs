//! A mark written in every write transaction of one request. The gateway's
//! idempotency layer sets it for a request that carries an `Idempotency-Key`:
//! [`publish`](crate::publish) runs inside each writer's transaction, so the mark
//! records atomically with the write that the key's request committed (and which
//! resource it touched). The mark is also a fence: when its statement matches no
//! row (the key was taken over by a retry after its lease ran out), the write
//! fails and rolls back, so a request that lost its key never writes.
//! Domains know nothing of this; work outside a request (jobs, subscribers) has
//! no mark.

use std::future::Future;
use std::sync::Arc;

use atrium_kernel::AppError;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use uuid::Uuid;

/// What the mark learns about the write it is part of.
#[derive(Debug, Clone, Copy)]
pub struct MarkedEvent<'a> {
    pub event_type: &'a str,
    pub aggregate_type: &'a str,
    pub aggregate_id: Uuid,
}

/// The statement a request runs in each of its write transactions.
pub trait WriteMark: Send + Sync {
    /// Must match exactly one row while the request may still write.
    fn statement(&self, backend: DbBackend, event: MarkedEvent<'_>) -> Statement;
}

tokio::task_local! {
    static MARK: Arc<dyn WriteMark>;
}

/// Runs `fut` (a request) with `mark` applied to every event it publishes.
pub async fn with_write_mark<F: Future>(mark: Arc<dyn WriteMark>, fut: F) -> F::Output {
    MARK.scope(mark, fut).await
}

/// Runs the current request's mark on `conn`, the writer's transaction.
pub(crate) async fn apply<C: ConnectionTrait>(conn: &C, event: MarkedEvent<'_>) -> Result<(), AppError> {
    let Ok(mark) = MARK.try_with(Arc::clone) else {
        return Ok(());
    };
    let done = conn.execute_raw(mark.statement(conn.get_database_backend(), event)).await?;
    if done.rows_affected() == 1 {
        Ok(())
    } else {
        Err(AppError::conflict(
            "this request's Idempotency-Key was taken over by a retry after its lease ran out; nothing was written",
        ))
    }
}
