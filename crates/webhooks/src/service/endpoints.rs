//! Endpoint CRUD and the attempts log. Every write publishes its event in the
//! same transaction; the signing secret is stored sealed and never leaves this
//! module except once, in the creation response.

use atrium_events::webhooks::{EndpointCreated, EndpointDeleted, EndpointUpdated, WebhookEndpointState};
use atrium_kernel::{AppError, IfMatch, OrgCtx, Page, PageRequest, Scoped, SortOrder, db::begin_write};
use atrium_outbox::publish;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};
use serde_json::json;

use super::{WebhookService, patterns};
use crate::dto::{AttemptOut, WebhookCreatedOut, WebhookEndpointId, WebhookIn, WebhookOut, WebhookPatch};
use crate::entity::{attempt, endpoint};
use crate::error::WebhookError;
use crate::signature::new_secret;

impl WebhookService {
    /// Subscribes a URL; it must pass the SSRF guard.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create(&self, ctx: &OrgCtx, input: WebhookIn) -> Result<WebhookCreatedOut, AppError> {
        let url = self.guard.check(&input.url).await.map_err(WebhookError::UnsafeUrl)?;
        let now = self.clock.now();
        let secret = new_secret();
        let id = WebhookEndpointId::new().into_uuid();
        let row = endpoint::ActiveModel {
            id: Set(id),
            organization_id: Set(ctx.org_id.into_uuid()),
            url: Set(url.to_string()),
            description: Set(input.description),
            event_types: Set(json!(input.event_types)),
            secret: Set(self.secrets.seal(id, &secret)?),
            enabled: Set(true),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let txn = begin_write(&self.db).await?;
        let row = endpoint::Entity::insert(row).exec_with_returning(&txn).await?;
        publish(&txn, ctx, now, &EndpointCreated { endpoint: state(&row) }).await?;
        txn.commit().await?;
        Ok(WebhookCreatedOut { webhook: out(row), secret })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list(&self, ctx: &OrgCtx, req: PageRequest) -> Result<Page<WebhookOut>, AppError> {
        let query = endpoint::Entity::scoped(ctx.org_id);
        let rows = req.apply(query, endpoint::Column::Id, SortOrder::Asc).all(&self.db).await?;
        Ok(Page::from_rows(rows, &req, |r| r.id).map(out))
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, webhook_id = %id))]
    pub async fn get(&self, ctx: &OrgCtx, id: WebhookEndpointId) -> Result<WebhookOut, AppError> {
        Ok(out(endpoint::Entity::find_in(&self.db, ctx.org_id, id).await?))
    }

    /// Changes what is set in `patch`; a new URL must pass the SSRF guard. A patch
    /// that changes nothing writes nothing and publishes nothing.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, webhook_id = %id))]
    pub async fn update(
        &self,
        ctx: &OrgCtx,
        id: WebhookEndpointId,
        patch: WebhookPatch,
        if_match: IfMatch,
    ) -> Result<WebhookOut, AppError> {
        let url = match &patch.url {
            Some(raw) => Some(self.guard.check(raw).await.map_err(WebhookError::UnsafeUrl)?.to_string()),
            None => None,
        };
        let txn = begin_write(&self.db).await?;
        let current = endpoint::Entity::find_in(&txn, ctx.org_id, id).await?;
        if_match.check(current.version)?;
        let now = self.clock.now();
        let mut changed = Vec::new();
        let mut row = current.clone().into_active_model();
        if let Some(url) = url.filter(|u| *u != current.url) {
            row.url = Set(url);
            changed.push("url".to_owned());
        }
        if let Some(types) = patch.event_types.filter(|t| *t != patterns(&current)) {
            row.event_types = Set(json!(types));
            changed.push("event_types".to_owned());
        }
        if let Some(d) = patch.description.filter(|d| *d != current.description) {
            row.description = Set(d);
            changed.push("description".to_owned());
        }
        if let Some(e) = patch.enabled.filter(|e| *e != current.enabled) {
            row.enabled = Set(e);
            changed.push("enabled".to_owned());
        }
        if changed.is_empty() {
            return Ok(out(current));
        }
        row.updated_at = Set(now);
        let row = endpoint::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?;
        publish(&txn, ctx, now, &EndpointUpdated { endpoint: state(&row), changed }).await?;
        txn.commit().await?;
        Ok(out(row))
    }

    /// Deletes an endpoint; deliveries still pending for it are dropped.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, webhook_id = %id))]
    pub async fn delete(&self, ctx: &OrgCtx, id: WebhookEndpointId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = endpoint::Entity::find_in(&txn, ctx.org_id, id).await?;
        endpoint::Entity::delete_in(&txn, ctx.org_id, id, if_match).await?;
        publish(&txn, ctx, self.clock.now(), &EndpointDeleted { id, url: current.url }).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Delivery attempts to one endpoint, newest first.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, webhook_id = %id))]
    pub async fn attempts(
        &self,
        ctx: &OrgCtx,
        id: WebhookEndpointId,
        req: PageRequest,
    ) -> Result<Page<AttemptOut>, AppError> {
        endpoint::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let query = attempt::Entity::scoped(ctx.org_id).filter(attempt::Column::EndpointId.eq(id.into_uuid()));
        let rows = req.apply(query, attempt::Column::Id, SortOrder::Desc).all(&self.db).await?;
        Ok(Page::from_rows(rows, &req, |r| r.id).map(|a| AttemptOut {
            id: a.id.into(),
            event_id: a.event_id.into(),
            event_type: a.event_type,
            status_code: a.status_code,
            error: a.error,
            duration_ms: a.duration_ms,
            created_at: a.created_at,
        }))
    }
}

fn state(row: &endpoint::Model) -> WebhookEndpointState {
    WebhookEndpointState {
        id: row.id.into(),
        url: row.url.clone(),
        event_types: patterns(row),
        description: row.description.clone(),
        enabled: row.enabled,
    }
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
