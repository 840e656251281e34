//! Reading the timeline.

use atrium_kernel::{AppError, OrgCtx, Page, PageRequest, Scoped};
use sea_orm::sea_query::{Condition, Query};
use sea_orm::{ColumnTrait, DatabaseConnection, QueryFilter, QueryOrder, QuerySelect};

use crate::dto::{ActivityOut, TimelineFilter};
use crate::entity::{activity, refs};
use crate::error::TimelineError;

#[derive(Clone)]
pub struct TimelineService {
    db: DatabaseConnection,
}

impl TimelineService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    /// Newest first, keyset on `(created_at, id)` so the
    /// `(engagement_id | organization_id, created_at DESC)` indexes serve it.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list(
        &self,
        ctx: &OrgCtx,
        filter: &TimelineFilter,
        req: PageRequest,
    ) -> Result<Page<ActivityOut>, AppError> {
        let mut query = activity::Entity::scoped(ctx.org_id);
        if let Some(e) = filter.engagement_id {
            query = query.filter(activity::Column::EngagementId.eq(e.into_uuid()));
        }
        if let Some(t) = &filter.entity_type {
            query = query.filter(activity::Column::EntityType.eq(t.as_str()));
        }
        if let Some(id) = filter.entity_id {
            query = query.filter(activity::Column::EntityId.eq(id));
        }
        if let Some(contact) = filter.contact_id {
            // The contact's own entries and those that name it (emails matched to it).
            let naming = Query::select()
                .column(refs::Column::ActivityId)
                .from(refs::Entity)
                .and_where(refs::Column::OrganizationId.eq(ctx.org_id.into_uuid()))
                .and_where(refs::Column::RefId.eq(contact.into_uuid()))
                .and_where(refs::Column::Kind.eq("contact"))
                .to_owned();
            query = query.filter(
                Condition::any()
                    .add(
                        Condition::all()
                            .add(activity::Column::EntityType.eq("contact"))
                            .add(activity::Column::EntityId.eq(contact.into_uuid())),
                    )
                    .add(activity::Column::Id.in_subquery(naming)),
            );
        }
        if let Some(after) = req.after {
            let anchor = activity::Entity::find_in(&self.db, ctx.org_id, after).await.map_err(|e| match e {
                AppError::NotFound(_) => TimelineError::StaleCursor.into(),
                other => other,
            })?;
            query = query.filter(
                Condition::any().add(activity::Column::CreatedAt.lt(anchor.created_at)).add(
                    Condition::all()
                        .add(activity::Column::CreatedAt.eq(anchor.created_at))
                        .add(activity::Column::Id.lt(anchor.id)),
                ),
            );
        }
        let rows = query
            .order_by_desc(activity::Column::CreatedAt)
            .order_by_desc(activity::Column::Id)
            .limit(req.limit + 1)
            .all(&self.db)
            .await?;
        Ok(Page::from_rows(rows, &req, |r| r.id).map(|r| ActivityOut {
            id: r.id.into(),
            engagement_id: r.engagement_id.map(Into::into),
            entity_type: r.entity_type,
            entity_id: r.entity_id,
            event_type: r.event_type,
            actor: r.actor,
            summary: r.summary,
            data: r.data,
            created_at: r.created_at,
        }))
    }
}
