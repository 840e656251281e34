//! Editing a draft (a reminder, or a notice written without a mailbox) before it
//! is sent. Only drafts change: a queued or sent message is what went out (409).

use atrium_events::comms::MessageEdited;
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, Scoped};
use atrium_outbox::publish;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter};

use super::outbound::outbound_state;
use super::threads::message_out;
use super::{CommsService, to_json};
use crate::dto::{AddressOut, DraftPatch, MessageId, MessageOut};
use crate::entity::{message, thread};
use crate::error::CommsError;

fn addresses(list: Vec<atrium_kernel::Email>) -> Vec<AddressOut> {
    list.into_iter().map(|e| AddressOut { address: e.normalized(), name: None }).collect()
}

impl CommsService {
    /// Applies `patch` to the draft `id`; `If-Match` guards against a concurrent edit.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, message_id = %id))]
    pub async fn edit_draft(
        &self,
        ctx: &OrgCtx,
        id: MessageId,
        patch: DraftPatch,
        if_match: IfMatch,
    ) -> Result<MessageOut, AppError> {
        let current = message::Entity::find_in(&self.db, ctx.org_id, id).await?;
        if current.status != "draft" {
            return Err(CommsError::MessageState(format!(
                "message is {}: only a draft can be edited (what was sent stays as it was sent)",
                current.status
            ))
            .into());
        }
        if_match.check(current.version)?;
        let mut q = message::Entity::update_scoped(ctx.org_id);
        let mut changed = Vec::new();
        if let Some(to) = patch.to {
            q = q.col_expr(message::Column::ToAddresses, Expr::value(to_json(&addresses(to))?));
            changed.push("to".to_owned());
        }
        if let Some(cc) = patch.cc {
            q = q.col_expr(message::Column::CcAddresses, Expr::value(to_json(&addresses(cc))?));
            changed.push("cc".to_owned());
        }
        if let Some(subject) = patch.subject {
            q = q.col_expr(message::Column::Subject, Expr::value(subject.as_str().to_owned()));
            changed.push("subject".to_owned());
        }
        if let Some(body) = patch.body_text {
            q = q.col_expr(message::Column::BodyText, Expr::value(body.as_str().to_owned()));
            changed.push("body_text".to_owned());
        }
        if changed.is_empty() {
            return message_out(current);
        }
        let now = self.clock.now();
        let txn = begin_write(&self.db).await?;
        let done = q
            .col_expr(message::Column::Version, Expr::col(message::Column::Version).add(1))
            .col_expr(message::Column::StatusChangedAt, Expr::value(now))
            .filter(message::Column::Id.eq(current.id))
            .filter(message::Column::Status.eq("draft"))
            .filter(message::Column::Version.eq(current.version))
            .exec(&txn)
            .await?;
        if done.rows_affected != 1 {
            return Err(
                CommsError::MessageState("the draft was changed or sent meanwhile; read it again".into()).into()
            );
        }
        let m = message::Entity::find_in(&txn, ctx.org_id, id).await?;
        let t = thread::Entity::find_in(&txn, ctx.org_id, m.thread_id).await?;
        let event = MessageEdited { message: outbound_state(&txn, &m, &t).await?, changed };
        publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        message_out(m)
    }
}
