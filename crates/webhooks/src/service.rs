use std::sync::Arc;

use atrium_kernel::{AppError, Clock, IfMatch, OrgCtx, Page, PageRequest, SortOrder, db::begin_write};
use atrium_outbox::{NewEvent, append_for};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
};
use serde_json::json;

use crate::dto::{AttemptOut, WebhookCreatedOut, WebhookId, WebhookIn, WebhookOut, WebhookPatch};
use crate::entity::{attempt, endpoint};
use crate::guard::UrlGuard;
use crate::signature::new_secret;

#[derive(Clone)]
pub struct WebhookService {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    guard: UrlGuard,
}

impl WebhookService {
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>, guard: UrlGuard) -> Self {
        Self { db, clock, guard }
    }

    pub async fn create(&self, ctx: &OrgCtx, input: WebhookIn) -> Result<WebhookCreatedOut, AppError> {
        let url = self.guard.check(&input.url).await.map_err(|m| AppError::invalid("url", m))?;
        let now = self.clock.now();
        let secret = new_secret();
        let row = endpoint::ActiveModel {
            id: Set(WebhookId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            url: Set(url.to_string()),
            description: Set(input.description),
            event_types: Set(json!(input.event_types)),
            secret: Set(secret.clone()),
            enabled: Set(true),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let txn = begin_write(&self.db).await?;
        let row = endpoint::Entity::insert(row).exec_with_returning(&txn).await?;
        let data = json!({"url": row.url, "event_types": row.event_types});
        append_for(&txn, ctx, now, NewEvent::new("webhooks.endpoint.created", "webhook", row.id, data)).await?;
        txn.commit().await?;
        Ok(WebhookCreatedOut { webhook: out(row), secret })
    }

    pub async fn list(&self, ctx: &OrgCtx, req: PageRequest) -> Result<Page<WebhookOut>, AppError> {
        let rows =
            req.apply(endpoint::Entity::scoped(ctx.org_id), endpoint::Column::Id, SortOrder::Asc).all(&self.db).await?;
        Ok(Page::from_rows(rows, &req, |r| r.id).map(out))
    }

    pub async fn get(&self, ctx: &OrgCtx, id: WebhookId) -> Result<WebhookOut, AppError> {
        Ok(out(self.find(ctx, id).await?))
    }

    pub async fn update(
        &self,
        ctx: &OrgCtx,
        id: WebhookId,
        patch: WebhookPatch,
        if_match: IfMatch,
    ) -> Result<WebhookOut, AppError> {
        let url = match &patch.url {
            Some(raw) => Some(self.guard.check(raw).await.map_err(|m| AppError::invalid("url", m))?),
            None => None,
        };
        let txn = begin_write(&self.db).await?;
        let current = endpoint::Entity::scoped(ctx.org_id)
            .filter(endpoint::Column::Id.eq(id.into_uuid()))
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound("webhook"))?;
        if_match.check(current.version)?;
        let now = self.clock.now();
        let mut row = current.clone().into_active_model();
        if let Some(url) = url {
            row.url = Set(url.to_string());
        }
        if let Some(types) = patch.event_types {
            row.event_types = Set(json!(types));
        }
        if let Some(d) = patch.description {
            row.description = Set(d);
        }
        if let Some(e) = patch.enabled {
            row.enabled = Set(e);
        }
        row.version = Set(current.version + 1);
        row.updated_at = Set(now);
        let row = row.update(&txn).await?;
        let data = json!({"url": row.url, "event_types": row.event_types, "enabled": row.enabled});
        append_for(&txn, ctx, now, NewEvent::new("webhooks.endpoint.updated", "webhook", row.id, data)).await?;
        txn.commit().await?;
        Ok(out(row))
    }

    pub async fn delete(&self, ctx: &OrgCtx, id: WebhookId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = endpoint::Entity::scoped(ctx.org_id)
            .filter(endpoint::Column::Id.eq(id.into_uuid()))
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound("webhook"))?;
        if_match.check(current.version)?;
        endpoint::Entity::delete_by_id(current.id).exec(&txn).await?;
        let data = json!({"url": current.url});
        append_for(
            &txn,
            ctx,
            self.clock.now(),
            NewEvent::new("webhooks.endpoint.deleted", "webhook", current.id, data),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Delivery attempts to one endpoint, newest first.
    pub async fn attempts(&self, ctx: &OrgCtx, id: WebhookId, req: PageRequest) -> Result<Page<AttemptOut>, AppError> {
        self.find(ctx, id).await?;
        let query = attempt::Entity::scoped(ctx.org_id).filter(attempt::Column::EndpointId.eq(id.into_uuid()));
        let rows = req.apply(query, attempt::Column::Id, SortOrder::Desc).all(&self.db).await?;
        Ok(Page::from_rows(rows, &req, |r| r.id).map(|a| AttemptOut {
            id: a.id,
            event_id: a.event_id,
            event_type: a.event_type,
            status_code: a.status_code,
            error: a.error,
            duration_ms: a.duration_ms,
            created_at: a.created_at,
        }))
    }

    async fn find(&self, ctx: &OrgCtx, id: WebhookId) -> Result<endpoint::Model, AppError> {
        endpoint::Entity::scoped(ctx.org_id)
            .filter(endpoint::Column::Id.eq(id.into_uuid()))
            .one(&self.db)
            .await?
            .ok_or(AppError::NotFound("webhook"))
    }
}

pub(crate) fn patterns(row: &endpoint::Model) -> Vec<String> {
    serde_json::from_value(row.event_types.clone()).unwrap_or_default()
}

fn out(row: endpoint::Model) -> WebhookOut {
    WebhookOut {
        id: row.id.into(),
        event_types: patterns(&row),
        url: row.url,
        description: row.description,
        enabled: row.enabled,
        version: row.version,
        created_at: row.created_at,
        updated_at: row.updated_at,
    }
}

/// Whether an event type matches one of the endpoint's patterns.
pub fn matches(patterns: &[String], event_type: &str) -> bool {
    patterns.iter().any(|p| {
        p == "*" || p == event_type || p.strip_suffix('*').is_some_and(|prefix| event_type.starts_with(prefix))
    })
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn pattern_matching() {
        let p = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert!(matches(&p(&["*"]), "crm.contact.created"));
        assert!(matches(&p(&["crm.*"]), "crm.contact.created"));
        assert!(!matches(&p(&["crm.*"]), "crmx.contact.created"));
        assert!(matches(&p(&["identity.member.added"]), "identity.member.added"));
        assert!(!matches(&p(&["identity.member.added"]), "identity.member.removed"));
    }
}
