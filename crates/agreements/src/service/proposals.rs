use std::collections::HashMap;

use atrium_events::agreements::{ProposalCreated, ProposalDeleted, ProposalState, ProposalUpdated};
use atrium_kernel::db::begin_write;
use atrium_kernel::{
    AppError, Currency, Date, IfMatch, Money, OrgCtx, OrganizationId, Page, PageRequest, Scoped, SortOrder,
};
use atrium_outbox::publish;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::links::{Link, proposal_links};
use super::parties::Parties;
use super::pricing::{PricedLine, line_state, price_lines};
use super::{AgreementsService, changed_fields, stored, stored_currency, wrong_status};
use crate::dto::{ProposalFilter, ProposalId, ProposalIn, ProposalOut, ProposalPatch, ProposalStatus};
use crate::entity::{counter, line_item, proposal};
use crate::error::AgreementsError;

/// What a patch resolves to before the transaction: the currency, the repriced
/// lines and the checked parties (CRM lookups stay outside the write lock).
struct ProposalPlan {
    currency: Currency,
    priced: Option<(Vec<PricedLine>, i64)>,
    parties: Option<Parties>,
}

impl AgreementsService {
    /// Creates a draft with the organization's next number; totals are computed here.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_proposal(&self, ctx: &OrgCtx, input: ProposalIn) -> Result<ProposalOut, AppError> {
        let (lines, total) = price_lines(input.currency, &input.line_items)?;
        let wanted = Parties { company: Some(input.client_company_id), contact: input.contact_id, deal: input.deal_id };
        let parties = self.resolve_parties(ctx, wanted).await?;
        let txn = begin_write(&self.db).await?;
        let number = next_proposal_number(&txn, ctx.org_id).await?;
        let now = self.clock.now();
        let id = ProposalId::new().into_uuid();
        let row = proposal::ActiveModel {
            id: Set(id),
            organization_id: Set(ctx.org_id.into_uuid()),
            number: Set(number),
            title: Set(input.title.into_inner()),
            client_company_id: Set(parties.company.map(Into::into)),
            contact_id: Set(parties.contact.map(Into::into)),
            deal_id: Set(parties.deal.map(Into::into)),
            currency: Set(input.currency.code().to_owned()),
            valid_until: Set(input.valid_until.map(Date::get)),
            status: Set(ProposalStatus::Draft.as_str().to_owned()),
            subtotal_minor: Set(total),
            total_minor: Set(total),
            sent_at: Set(None),
            decided_at: Set(None),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let row = proposal::Entity::insert(row).exec_with_returning(&txn).await?;
        let lines = insert_lines(&txn, ctx.org_id, id, lines).await?;
        let state = proposal_state(row, &lines, Link::default())?;
        publish(&txn, ctx, now, &ProposalCreated { proposal: state.clone() }).await?;
        txn.commit().await?;
        Ok(state.into())
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_proposals(
        &self,
        ctx: &OrgCtx,
        f: &ProposalFilter,
        req: PageRequest,
    ) -> Result<Page<ProposalOut>, AppError> {
        let mut q = proposal::Entity::scoped(ctx.org_id);
        if let Some(s) = f.status {
            q = q.filter(proposal::Column::Status.eq(s.as_str()));
        }
        if let Some(c) = f.client_company_id {
            q = q.filter(proposal::Column::ClientCompanyId.eq(c.into_uuid()));
        }
        if let Some(d) = f.deal_id {
            q = q.filter(proposal::Column::DealId.eq(d.into_uuid()));
        }
        let rows = req.apply(q, proposal::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let ids: Vec<Uuid> = page.items.iter().map(|r| r.id).collect();
        let mut lines = lines_of(&self.db, ctx.org_id, &ids).await?;
        let links = proposal_links(&self.db, ctx.org_id, &ids).await?;
        let items = page
            .items
            .into_iter()
            .map(|r| {
                let (id, ls) = (r.id, lines.remove(&r.id).unwrap_or_default());
                proposal_state(r, &ls, links.get(&id).copied().unwrap_or_default()).map(ProposalOut::from)
            })
            .collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, proposal_id = %id))]
    pub async fn get_proposal(&self, ctx: &OrgCtx, id: ProposalId) -> Result<ProposalOut, AppError> {
        let row = proposal::Entity::find_in(&self.db, ctx.org_id, id).await?;
        Ok(self.proposal_view(&self.db, ctx.org_id, row).await?.into())
    }

    /// Changes a draft; anything past draft is a 409 naming its status.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, proposal_id = %id))]
    pub async fn update_proposal(
        &self,
        ctx: &OrgCtx,
        id: ProposalId,
        patch: ProposalPatch,
        if_match: IfMatch,
    ) -> Result<ProposalOut, AppError> {
        let before = proposal::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let plan = self.plan_proposal_patch(ctx, &before, &patch).await?;

        let txn = begin_write(&self.db).await?;
        let current = proposal::Entity::find_in(&txn, ctx.org_id, id).await?;
        if_match.check(current.version)?;
        if current.status != ProposalStatus::Draft.as_str() {
            return Err(wrong_status("proposal", &current.status, "a change", &["draft"]));
        }
        if current.version != before.version {
            return Err(AgreementsError::ChangedMeanwhile("proposal").into());
        }
        check_currency_change(&txn, ctx.org_id, &current, &patch, &plan).await?;
        let old = self.proposal_view(&txn, ctx.org_id, current.clone()).await?;
        let now = self.clock.now();
        let updated = apply_proposal_patch(&txn, ctx.org_id, current, patch, plan, now).await?;
        let new = self.proposal_view(&txn, ctx.org_id, updated).await?;
        let changed = changed_fields(&old, &new);
        publish(&txn, ctx, now, &ProposalUpdated { proposal: new.clone(), changed }).await?;
        txn.commit().await?;
        Ok(new.into())
    }

    /// Deletes a proposal; an accepted one is the basis of a contract and is kept (409).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, proposal_id = %id))]
    pub async fn delete_proposal(&self, ctx: &OrgCtx, id: ProposalId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = proposal::Entity::find_in(&txn, ctx.org_id, id).await?;
        if_match.check(current.version)?;
        if current.status == ProposalStatus::Accepted.as_str() {
            return Err(wrong_status(
                "proposal",
                &current.status,
                "deletion",
                &["draft", "sent", "declined", "expired"],
            ));
        }
        let version = current.version;
        let state = self.proposal_view(&txn, ctx.org_id, current).await?;
        proposal::Entity::delete_in(&txn, ctx.org_id, id, IfMatch(Some(version))).await?;
        publish(&txn, ctx, self.clock.now(), &ProposalDeleted { proposal: state }).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Prices the new lines in the currency the proposal will have and checks the
    /// parties the patch touches.
    async fn plan_proposal_patch(
        &self,
        ctx: &OrgCtx,
        before: &proposal::Model,
        patch: &ProposalPatch,
    ) -> Result<ProposalPlan, AppError> {
        let currency = match patch.currency {
            Some(c) => c,
            None => stored_currency(&before.currency)?,
        };
        let priced = match &patch.line_items {
            Some(items) => Some(price_lines(currency, items)?),
            None => None,
        };
        let touches_parties =
            patch.client_company_id.is_some() || !patch.contact_id.is_absent() || !patch.deal_id.is_absent();
        let parties = if touches_parties {
            let stored = Parties::stored(before.client_company_id, before.contact_id, before.deal_id);
            let wanted = Parties {
                company: patch.client_company_id.or(stored.company),
                contact: patch.contact_id.clone().into_change().unwrap_or(stored.contact),
                deal: patch.deal_id.clone().into_change().unwrap_or(stored.deal),
            };
            Some(self.resolve_parties(ctx, wanted).await?)
        } else {
            None
        };
        Ok(ProposalPlan { currency, priced, parties })
    }

    /// The event state of one row, with its lines and links.
    pub(crate) async fn proposal_view<C: ConnectionTrait>(
        &self,
        conn: &C,
        org: OrganizationId,
        row: proposal::Model,
    ) -> Result<ProposalState, AppError> {
        let mut lines = lines_of(conn, org, &[row.id]).await?;
        let link = proposal_links(conn, org, &[row.id]).await?.remove(&row.id).unwrap_or_default();
        let ls = lines.remove(&row.id).unwrap_or_default();
        proposal_state(row, &ls, link)
    }
}

/// A new currency needs lines priced in it: the stored ones are in the old one.
async fn check_currency_change<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    current: &proposal::Model,
    patch: &ProposalPatch,
    plan: &ProposalPlan,
) -> Result<(), AppError> {
    if patch.currency.is_none_or(|c| c.code() == current.currency) || plan.priced.is_some() {
        return Ok(());
    }
    let has_lines =
        line_item::Entity::scoped(org).filter(line_item::Column::ProposalId.eq(current.id)).one(conn).await?.is_some();
    if has_lines {
        return Err(AppError::invalid("currency", "changing it requires line_items priced in the new currency"));
    }
    Ok(())
}

/// Writes the patch in one scoped UPDATE guarded by the version read in this
/// transaction, replacing the lines when the patch brings new ones.
async fn apply_proposal_patch<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    current: proposal::Model,
    patch: ProposalPatch,
    plan: ProposalPlan,
    now: DateTime<Utc>,
) -> Result<proposal::Model, AppError> {
    let (id, version) = (current.id, current.version);
    let mut row = current.into_active_model();
    if let Some(v) = patch.title {
        row.title = Set(v.into_inner());
    }
    if let Some(p) = plan.parties {
        row.client_company_id = Set(p.company.map(Into::into));
        row.contact_id = Set(p.contact.map(Into::into));
        row.deal_id = Set(p.deal.map(Into::into));
    }
    row.currency = Set(plan.currency.code().to_owned());
    if let Some(v) = patch.valid_until.into_change() {
        row.valid_until = Set(v.map(Date::get));
    }
    if let Some((lines, total)) = plan.priced {
        replace_lines(conn, org, id, lines).await?;
        row.subtotal_minor = Set(total);
        row.total_minor = Set(total);
    }
    row.updated_at = Set(now);
    proposal::Entity::update_in(conn, org, id, row, IfMatch(Some(version))).await
}

/// Takes the organization's next number. The UPDATE locks the counter row until
/// commit, so concurrent creations in one organization queue here on PostgreSQL
/// (SQLite has a single writer anyway); a rolled-back creation gives its number back.
// The counter is keyed by the organization itself: every statement names it.
#[allow(clippy::disallowed_methods)]
async fn next_proposal_number<C: ConnectionTrait>(conn: &C, org: OrganizationId) -> Result<i64, AppError> {
    let seed = counter::ActiveModel { organization_id: Set(org.into_uuid()), last_proposal_number: Set(0) };
    counter::Entity::insert(seed)
        .on_conflict(OnConflict::column(counter::Column::OrganizationId).do_nothing().to_owned())
        .exec_without_returning(conn)
        .await?;
    counter::Entity::update_many()
        .col_expr(counter::Column::LastProposalNumber, Expr::col(counter::Column::LastProposalNumber).add(1))
        .filter(counter::Column::OrganizationId.eq(org.into_uuid()))
        .exec(conn)
        .await?;
    let row = counter::Entity::find_by_id(org.into_uuid())
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("proposal counter row vanished"))?;
    Ok(row.last_proposal_number)
}

async fn insert_lines<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    proposal_id: Uuid,
    lines: Vec<PricedLine>,
) -> Result<Vec<line_item::Model>, AppError> {
    let rows: Vec<line_item::Model> = lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| line_item::Model {
            id: Uuid::now_v7(),
            organization_id: org.into_uuid(),
            proposal_id,
            position: i32::try_from(i).unwrap_or(i32::MAX),
            description: l.description,
            quantity_milli: l.quantity_milli,
            unit_price_minor: l.unit_price_minor,
            amount_minor: l.amount_minor,
        })
        .collect();
    if !rows.is_empty() {
        line_item::Entity::insert_many(rows.iter().cloned().map(IntoActiveModel::into_active_model))
            .exec_without_returning(conn)
            .await?;
    }
    Ok(rows)
}

/// Replaces every line of the proposal (a PATCH with `line_items` sends them all).
// Lines have no version of their own; the statement is scoped by organization.
#[allow(clippy::disallowed_methods)]
async fn replace_lines<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    proposal_id: Uuid,
    lines: Vec<PricedLine>,
) -> Result<(), AppError> {
    line_item::Entity::delete_many()
        .filter(line_item::Column::OrganizationId.eq(org.into_uuid()))
        .filter(line_item::Column::ProposalId.eq(proposal_id))
        .exec(conn)
        .await?;
    insert_lines(conn, org, proposal_id, lines).await?;
    Ok(())
}

/// proposal id → its lines in order.
async fn lines_of<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<line_item::Model>>, AppError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = line_item::Entity::scoped(org)
        .filter(line_item::Column::ProposalId.is_in(ids.iter().copied()))
        .order_by_asc(line_item::Column::ProposalId)
        .order_by_asc(line_item::Column::Position)
        .all(conn)
        .await?;
    let mut out: HashMap<Uuid, Vec<line_item::Model>> = HashMap::new();
    for r in rows {
        out.entry(r.proposal_id).or_default().push(r);
    }
    Ok(out)
}

pub(crate) fn proposal_state(
    r: proposal::Model,
    lines: &[line_item::Model],
    link: Link,
) -> Result<ProposalState, AppError> {
    let currency: Currency = stored_currency(&r.currency)?;
    Ok(ProposalState {
        id: r.id.into(),
        number: r.number,
        title: r.title,
        client_company_id: r.client_company_id.map(Into::into),
        contact_id: r.contact_id.map(Into::into),
        deal_id: r.deal_id.map(Into::into),
        currency,
        valid_until: r.valid_until,
        status: stored(&r.status)?,
        line_items: lines.iter().map(|l| line_state(l, currency)).collect::<Result<_, _>>()?,
        subtotal: Money::new(r.subtotal_minor, currency),
        total: Money::new(r.total_minor, currency),
        sent_at: r.sent_at,
        decided_at: r.decided_at,
        contract_id: link.contract,
        engagement_id: link.engagement,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}
