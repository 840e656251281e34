//! Waking dispatchers after a commit, from one place per process.
//!
//! A `NOTIFY` inside a writing transaction takes PostgreSQL's global notify-queue
//! lock at commit, which serializes every committing writer behind it. Instead,
//! [`append`](crate::append) only counts the event it wrote, and the kernel calls
//! [`committed`] after every committed write transaction. A notifier task per
//! database ([`notify_after_commits`]) turns those calls into at most one
//! `NOTIFY atrium_outbox` per [`COALESCE`] interval, outside any transaction,
//! which every dispatcher on that database (other replicas included) hears
//! through `LISTEN`. On SQLite, which has no `LISTEN`, it wakes the dispatchers
//! of this process directly instead.
//!
//! Which transaction wrote an event is not known at commit, so a notifier that
//! has sent for new events keeps answering commits for a [`GRACE`] period: an
//! event appended before another writer's commit triggered the `NOTIFY`, but
//! committed only after it, still gets one of its own. A transaction that commits
//! later than that after appending is picked up by the dispatcher's poll.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex, Weak};
use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend};
use tokio::sync::{Notify, watch};

use crate::event::NOTIFY_CHANNEL;

/// Commits within this interval share one `NOTIFY`.
pub const COALESCE: Duration = Duration::from_millis(5);
/// How long after sending for new events a notifier still answers every commit.
pub const GRACE: Duration = Duration::from_millis(GRACE_MS);
const GRACE_MS: u64 = 250;

/// Events appended in this process, ever (on any database).
static APPENDED: AtomicU64 = AtomicU64::new(0);
static EPOCH: LazyLock<Instant> = LazyLock::new(Instant::now);
/// The running notifiers, and the dispatchers of this process waiting for work.
static NOTIFIERS: Mutex<Vec<Weak<Notifier>>> = Mutex::new(Vec::new());
static DISPATCHERS: Mutex<Vec<Weak<Notify>>> = Mutex::new(Vec::new());

struct Notifier {
    signal: Notify,
    /// `APPENDED` when this notifier last sent.
    covered: AtomicU64,
    /// Until when (ms since `EPOCH`) every commit is answered.
    grace_until_ms: AtomicU64,
}

fn now_ms() -> u64 {
    u64::try_from(EPOCH.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// An event was appended in a transaction that has not committed yet.
pub(crate) fn appended() {
    APPENDED.fetch_add(1, Ordering::Relaxed);
}

/// A write transaction committed (the kernel's after-commit hook): asks each
/// notifier with something to tell to send soon.
pub fn committed() {
    let appended = APPENDED.load(Ordering::Relaxed);
    let now = now_ms();
    let notifiers = NOTIFIERS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    for n in notifiers.iter().filter_map(Weak::upgrade) {
        if n.covered.load(Ordering::Relaxed) != appended || now < n.grace_until_ms.load(Ordering::Relaxed) {
            n.signal.notify_one();
        }
    }
}

/// Registers a dispatcher's wake-up with this process's notifiers.
pub(crate) fn register_dispatcher(wake: &Arc<Notify>) {
    let mut all = DISPATCHERS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    all.retain(|w| w.strong_count() > 0);
    all.push(Arc::downgrade(wake));
}

pub(crate) fn wake_local_dispatchers() {
    let all = DISPATCHERS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    for wake in all.iter().filter_map(Weak::upgrade) {
        wake.notify_one();
    }
}

/// Runs the notifier of `db` until `shutdown` turns true: after commits that may
/// have written events, one `NOTIFY` per [`COALESCE`] interval (on SQLite a
/// wake-up of this process's dispatchers). Every process that writes
/// events runs one (`atrium serve` and `atrium worker` do).
pub async fn notify_after_commits(db: DatabaseConnection, mut shutdown: watch::Receiver<bool>) {
    atrium_kernel::db::set_after_commit(committed);
    let me = Arc::new(Notifier {
        signal: Notify::new(),
        covered: AtomicU64::new(APPENDED.load(Ordering::Relaxed)),
        grace_until_ms: AtomicU64::new(0),
    });
    {
        let mut all = NOTIFIERS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        all.retain(|w| w.strong_count() > 0);
        all.push(Arc::downgrade(&me));
    }
    let postgres = db.get_database_backend() == DbBackend::Postgres;
    while !*shutdown.borrow() {
        tokio::select! {
            () = me.signal.notified() => {},
            _ = shutdown.changed() => break,
        }
        // Let the commits of this interval gather behind one NOTIFY.
        tokio::time::sleep(COALESCE).await;
        let seen = APPENDED.load(Ordering::Relaxed);
        if postgres && let Err(e) = db.execute_unprepared(&format!("NOTIFY {NOTIFY_CHANNEL}")).await {
            // The dispatchers' poll still finds the events.
            tracing::warn!(error = %e, "cannot NOTIFY the dispatchers");
        }
        if !postgres {
            // On PostgreSQL this process's dispatchers hear the NOTIFY like everyone else's.
            wake_local_dispatchers();
        }
        if me.covered.swap(seen, Ordering::Relaxed) != seen {
            me.grace_until_ms.store(now_ms() + GRACE_MS, Ordering::Relaxed);
        }
    }
}
