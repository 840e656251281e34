//! Reading the outbox: dead letters (list, replay) and the change feed.

use std::sync::Arc;

use atrium_kernel::{AppError, Clock, OrgCtx, Page, PageRequest, Scoped, SortOrder};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, QueryFilter, QueryOrder, QuerySelect};

use crate::dto::{DeadLetterId, DeadLetterOut};
use crate::entity::{delivery, event};
use crate::event::Event;

#[derive(Clone)]
pub struct OutboxService {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
}

impl OutboxService {
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>) -> Self {
        Self { db, clock }
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_dead_letters(&self, ctx: &OrgCtx, req: PageRequest) -> Result<Page<DeadLetterOut>, AppError> {
        let query = delivery::Entity::scoped(ctx.org_id)
            .filter(delivery::Column::Status.eq(delivery::DEAD))
            .find_also_related(event::Entity);
        let rows = req.apply(query, delivery::Column::Id, SortOrder::Desc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |(d, _)| d.id);
        let mut items = Vec::with_capacity(page.items.len());
        for (d, ev) in page.items {
            let ev = ev.ok_or_else(|| AppError::internal("delivery without event"))?;
            items.push(DeadLetterOut {
                id: d.id.into(),
                subscriber: d.subscriber,
                attempts: d.attempts,
                last_error: d.last_error.unwrap_or_default(),
                failed_at: d.updated_at,
                event: ev.into(),
            });
        }
        Ok(Page { items, next_after: page.next_after })
    }

    /// Puts one dead letter back in line for a fresh set of attempts.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, dead_letter_id = tracing::field::Empty))]
    pub async fn replay(&self, ctx: &OrgCtx, id: impl Into<DeadLetterId>) -> Result<(), AppError> {
        let id = id.into();
        tracing::Span::current().record("dead_letter_id", tracing::field::display(id));
        let n = self.requeue(ctx, Some(id)).await?;
        if n == 0 {
            return Err(AppError::NotFound("dead letter"));
        }
        Ok(())
    }

    /// Puts every dead letter of the organization back in line; returns how many.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn replay_all(&self, ctx: &OrgCtx) -> Result<u64, AppError> {
        self.requeue(ctx, None).await
    }

    async fn requeue(&self, ctx: &OrgCtx, id: Option<DeadLetterId>) -> Result<u64, AppError> {
        let now = self.clock.now();
        let mut update = delivery::Entity::update_scoped(ctx.org_id)
            .col_expr(delivery::Column::Status, Expr::value(delivery::PENDING))
            .col_expr(delivery::Column::Attempts, Expr::value(0))
            .col_expr(delivery::Column::NextAttemptAt, Expr::value(now))
            .col_expr(delivery::Column::UpdatedAt, Expr::value(now))
            .filter(delivery::Column::Status.eq(delivery::DEAD));
        if let Some(id) = id {
            update = update.filter(delivery::Column::Id.eq(id.into_uuid()));
        }
        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        let requeued = update.exec(&txn).await?.rows_affected;
        txn.commit().await?;
        Ok(requeued)
    }

    /// The organization's events after `after` (a position), in commit order.
    /// Returns the events and the position to continue from.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, after = after))]
    pub async fn feed(&self, ctx: &OrgCtx, after: i64, limit: u64) -> Result<(Vec<Event>, i64), AppError> {
        let rows = event::Entity::scoped(ctx.org_id)
            .filter(event::Column::Position.gt(after))
            .order_by_asc(event::Column::Position)
            .limit(limit)
            .all(&self.db)
            .await?;
        let last = rows.last().and_then(|r| r.position).unwrap_or(after);
        Ok((rows.into_iter().map(Event::from).collect(), last))
    }
}
