use atrium_events::projects::{RateCardCreated, RateCardDeleted, RateCardState};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Currency, Money, OrgCtx, OrganizationId, Page, PageRequest, Scoped, SortOrder};
use atrium_outbox::publish;
use chrono::NaiveDate;
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::TimeService;
use crate::dto::{
    EffectiveRateOut, EffectiveRateQuery, EngagementId, MAX_RATE_MINOR, RateCardFilter, RateCardId, RateCardIn,
    RateCardOut, RateSource,
};
use crate::entity::rate_card;
use crate::error::ProjectsError;

impl TimeService {
    /// Sets a member's rates from a date: their default, or an override for one
    /// engagement in that engagement's currency. Rates never change in place; a
    /// later card takes over from its date.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, member_id = %input.member_id))]
    pub async fn create_rate_card(&self, ctx: &OrgCtx, input: RateCardIn) -> Result<RateCardOut, AppError> {
        for (field, rate) in [("billing_rate", input.billing_rate), ("cost_rate", input.cost_rate)] {
            if !(0..=MAX_RATE_MINOR).contains(&rate.amount_minor) {
                return Err(ProjectsError::RateOutOfRange { field }.into());
            }
        }
        if input.cost_rate.currency != input.billing_rate.currency {
            return Err(ProjectsError::RateCurrenciesDiffer.into());
        }
        if !self.is_member(ctx, input.member_id).await? {
            return Err(ProjectsError::MemberNotInOrg.into());
        }
        if let Some(e) = input.engagement_id {
            let engagement =
                self.engagements.engagement(ctx.org_id, e).await?.ok_or(ProjectsError::NoSuchEngagement)?;
            if let Some(expected) = engagement.currency
                && expected != input.billing_rate.currency
            {
                return Err(ProjectsError::NotEngagementCurrency { expected: expected.to_string() }.into());
            }
        }
        let txn = begin_write(&self.db).await?;
        let same = rate_card::Entity::scoped(ctx.org_id)
            .filter(rate_card::Column::MemberId.eq(input.member_id.into_uuid()))
            .filter(engagement_is(input.engagement_id))
            .filter(rate_card::Column::EffectiveFrom.eq(input.effective_from.get()))
            .one(&txn)
            .await?;
        if let Some(existing) = same {
            return Err(ProjectsError::RateCardExists { existing_id: existing.id }.into());
        }
        let now = self.clock.now();
        let row = rate_card::ActiveModel {
            id: Set(RateCardId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            member_id: Set(input.member_id.into_uuid()),
            engagement_id: Set(input.engagement_id.map(Into::into)),
            effective_from: Set(input.effective_from.get()),
            currency: Set(input.billing_rate.currency.code().to_owned()),
            billing_rate_minor: Set(input.billing_rate.amount_minor),
            cost_rate_minor: Set(input.cost_rate.amount_minor),
            created_at: Set(now),
        };
        let row = rate_card::Entity::insert(row).exec_with_returning(&txn).await.map_err(|e| {
            if atrium_kernel::error::is_unique_violation(&e) {
                AppError::conflict("a rate card for this member, engagement and date was just created; read again")
            } else {
                e.into()
            }
        })?;
        let state = card_state(&row)?;
        publish(&txn, ctx, now, &RateCardCreated { rate_card: state.clone() }).await?;
        txn.commit().await?;
        Ok(state.into())
    }

    /// Rate cards, oldest first.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_rate_cards(
        &self,
        ctx: &OrgCtx,
        f: &RateCardFilter,
        req: PageRequest,
    ) -> Result<Page<RateCardOut>, AppError> {
        let mut q = rate_card::Entity::scoped(ctx.org_id);
        if let Some(m) = f.member_id {
            if !self.is_member(ctx, m).await? {
                return Err(AppError::NotFound("member"));
            }
            q = q.filter(rate_card::Column::MemberId.eq(m.into_uuid()));
        }
        if let Some(e) = f.engagement_id {
            self.engagements.engagement(ctx.org_id, e).await?.ok_or(AppError::NotFound("engagement"))?;
            q = q.filter(rate_card::Column::EngagementId.eq(e.into_uuid()));
        }
        match f.default {
            Some(true) => q = q.filter(rate_card::Column::EngagementId.is_null()),
            Some(false) => q = q.filter(rate_card::Column::EngagementId.is_not_null()),
            None => {}
        }
        let rows = req.apply(q, rate_card::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.iter().map(|r| card_state(r).map(Into::into)).collect::<Result<_, AppError>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, rate_card_id = %id))]
    pub async fn get_rate_card(&self, ctx: &OrgCtx, id: RateCardId) -> Result<RateCardOut, AppError> {
        Ok(card_state(&rate_card::Entity::find_in(&self.db, ctx.org_id, id).await?)?.into())
    }

    /// Deletes a card: from its date the earlier card (or none) applies again.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, rate_card_id = %id))]
    pub async fn delete_rate_card(&self, ctx: &OrgCtx, id: RateCardId) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = rate_card::Entity::find_in(&txn, ctx.org_id, id).await?;
        rate_card::Entity::delete_in(&txn, ctx.org_id, id, Default::default()).await?;
        publish(&txn, ctx, self.clock.now(), &RateCardDeleted { rate_card: card_state(&current)? }).await?;
        txn.commit().await?;
        Ok(())
    }

    /// The rates of member M on engagement E at day D: E's override for M in force
    /// on D, else M's default in force on D (if it is in E's currency, or E has
    /// none). `None` when neither exists.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, member_id = %q.member_id))]
    pub async fn effective_rate(&self, ctx: &OrgCtx, q: &EffectiveRateQuery) -> Result<EffectiveRateOut, AppError> {
        if !self.is_member(ctx, q.member_id).await? {
            return Err(AppError::NotFound("member"));
        }
        let engagement =
            self.engagements.engagement(ctx.org_id, q.engagement_id).await?.ok_or(AppError::NotFound("engagement"))?;
        let date = q.date.get();
        let cards = self.cards_for(ctx.org_id, &[q.member_id.into_uuid()], q.engagement_id, date).await?;
        let found = pick(&cards, q.member_id.into_uuid(), date, engagement.currency)
            .ok_or(AppError::NotFound("effective rate"))?;
        let (card, source) = found;
        let (billing_rate, cost_rate) = rates_of(card)?;
        Ok(EffectiveRateOut {
            member_id: q.member_id,
            engagement_id: q.engagement_id,
            date,
            billing_rate,
            cost_rate,
            rate_card_id: card.id.into(),
            source,
        })
    }

    /// The cards of `members` that can apply to `engagement` up to `up_to`:
    /// its overrides and the defaults, newest start first.
    pub(super) async fn cards_for(
        &self,
        org: OrganizationId,
        members: &[Uuid],
        engagement: EngagementId,
        up_to: NaiveDate,
    ) -> Result<Vec<rate_card::Model>, AppError> {
        let mut out = Vec::new();
        // Bounded IN lists keep every backend under its bind-parameter limit.
        for chunk in members.chunks(500) {
            let rows = rate_card::Entity::scoped(org)
                .filter(rate_card::Column::MemberId.is_in(chunk.iter().copied()))
                .filter(
                    Condition::any()
                        .add(rate_card::Column::EngagementId.eq(engagement.into_uuid()))
                        .add(rate_card::Column::EngagementId.is_null()),
                )
                .filter(rate_card::Column::EffectiveFrom.lte(up_to))
                .order_by_desc(rate_card::Column::EffectiveFrom)
                .all(&self.db)
                .await?;
            out.extend(rows);
        }
        out.sort_by_key(|c| std::cmp::Reverse(c.effective_from));
        Ok(out)
    }
}

/// The card that prices `member`'s time on `date` among `cards` (one engagement's
/// overrides and the defaults, newest start first): an override beats a default.
pub(super) fn pick(
    cards: &[rate_card::Model],
    member: Uuid,
    date: NaiveDate,
    currency: Option<Currency>,
) -> Option<(&rate_card::Model, RateSource)> {
    let in_force = |c: &&rate_card::Model| c.member_id == member && c.effective_from <= date;
    if let Some(c) = cards.iter().filter(in_force).find(|c| c.engagement_id.is_some()) {
        return Some((c, RateSource::Engagement));
    }
    cards
        .iter()
        .filter(in_force)
        .find(|c| c.engagement_id.is_none())
        .filter(|c| currency.is_none_or(|cur| cur.code() == c.currency))
        .map(|c| (c, RateSource::Default))
}

/// A card's billing and cost rate.
pub(super) fn rates_of(card: &rate_card::Model) -> Result<(Money, Money), AppError> {
    let currency: Currency =
        card.currency.parse().map_err(|e| AppError::internal(format!("stored rate card currency: {e}")))?;
    Ok((Money::new(card.billing_rate_minor, currency), Money::new(card.cost_rate_minor, currency)))
}

fn engagement_is(engagement: Option<EngagementId>) -> Condition {
    match engagement {
        Some(e) => Condition::all().add(rate_card::Column::EngagementId.eq(e.into_uuid())),
        None => Condition::all().add(rate_card::Column::EngagementId.is_null()),
    }
}

fn card_state(r: &rate_card::Model) -> Result<RateCardState, AppError> {
    let (billing_rate, cost_rate) = rates_of(r)?;
    Ok(RateCardState {
        id: r.id.into(),
        member_id: r.member_id.into(),
        engagement_id: r.engagement_id.map(Into::into),
        effective_from: r.effective_from,
        billing_rate,
        cost_rate,
        created_at: r.created_at,
    })
}
