use atrium_kernel::{AppError, OrgCtx, Page, PageRequest};
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, DatabaseConnection, QueryFilter, QueryOrder, QuerySelect};

use crate::dto::{ActivityOut, TimelineFilter};
use crate::entity;

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
    pub async fn list(
        &self,
        ctx: &OrgCtx,
        filter: &TimelineFilter,
        req: PageRequest,
    ) -> Result<Page<ActivityOut>, AppError> {
        let mut query = entity::Entity::scoped(ctx.org_id);
        if let Some(e) = filter.engagement_id {
            query = query.filter(entity::Column::EngagementId.eq(e));
        }
        if let Some(t) = &filter.entity_type {
            query = query.filter(entity::Column::EntityType.eq(t.as_str()));
        }
        if let Some(id) = filter.entity_id {
            query = query.filter(entity::Column::EntityId.eq(id));
        }
        if let Some(after) = req.after {
            let anchor = entity::Entity::scoped(ctx.org_id)
                .filter(entity::Column::Id.eq(after))
                .one(&self.db)
                .await?
                .ok_or_else(|| AppError::invalid("cursor", "points at an entry that no longer exists"))?;
            query = query.filter(
                Condition::any().add(entity::Column::CreatedAt.lt(anchor.created_at)).add(
                    Condition::all()
                        .add(entity::Column::CreatedAt.eq(anchor.created_at))
                        .add(entity::Column::Id.lt(anchor.id)),
                ),
            );
        }
        let rows = query
            .order_by_desc(entity::Column::CreatedAt)
            .order_by_desc(entity::Column::Id)
            .limit(req.limit + 1)
            .all(&self.db)
            .await?;
        Ok(Page::from_rows(rows, &req, |r| r.id).map(|r| ActivityOut {
            id: r.id,
            engagement_id: r.engagement_id,
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
