//! Inbound booking endpoints: their CRUD (every write publishes its event in the
//! same transaction; the signing secret is sealed by the vault and leaves only in
//! the create and rotate responses), and the deliveries they receive — verified
//! over the raw body, then recorded once per provider booking with the
//! `appointment.booked` event in the same transaction.

use std::sync::Arc;

use atrium_events::crm::{AppointmentBooked, BookingSource};
use atrium_events::workflow::{
    BookingEndpointCreated, BookingEndpointDeleted, BookingEndpointSecretRotated, BookingEndpointState,
    BookingEndpointUpdated,
};
use atrium_kernel::vault::ColumnVault;
use atrium_kernel::{
    AppError, Clock, IfMatch, OrgCtx, OrganizationId, Page, PageRequest, Scoped, SortOrder, db::begin_write,
};
use atrium_outbox::{publish, publish_as};
use rand::RngCore;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, IntoActiveModel, QueryFilter};
use uuid::Uuid;

use crate::booking::{self, Booking, Delivery};
use crate::dto::{
    BookingEndpointId, BookingEndpointIn, BookingEndpointOut, BookingEndpointPatch, BookingEndpointSecretOut,
    BookingIgnoredOut, BookingProvider, BookingReceiptOut, BookingSecretIn,
};
use crate::entity::{booking_endpoint as endpoint, booking_receipt as receipt};
use crate::error::WorkflowError;

/// Where providers deliver; the last segment is the endpoint's random ingest id.
pub const INBOUND_PREFIX: &str = "/api/v1/integrations/bookings/";

/// Booking endpoints and their deliveries.
#[derive(Clone)]
pub struct BookingService {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    secrets: ColumnVault,
}

/// What a verified delivery led to.
#[derive(Debug)]
pub enum Received {
    /// Recorded (or found again, `duplicate`), with its event published once.
    Booked(BookingReceiptOut),
    /// A provider event the integration does not act on: nothing recorded.
    Ignored(BookingIgnoredOut),
}

impl BookingService {
    /// `secrets` is the vault of [`crate::BOOKING_SECRET_COLUMN`].
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>, secrets: ColumnVault) -> Self {
        Self { db, clock, secrets }
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_endpoint(
        &self,
        ctx: &OrgCtx,
        input: BookingEndpointIn,
    ) -> Result<BookingEndpointSecretOut, AppError> {
        let secret = secret_or_new(input.secret)?;
        let now = self.clock.now();
        let id = BookingEndpointId::new().into_uuid();
        let row = endpoint::ActiveModel {
            id: Set(id),
            organization_id: Set(ctx.org_id.into_uuid()),
            ingest_id: Set(random_uuid()),
            name: Set(input.name.into_inner()),
            provider: Set(input.provider.as_str().to_owned()),
            secret_ciphertext: Set(self.secrets.seal_str(id, &secret)?),
            enabled: Set(true),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let txn = begin_write(&self.db).await?;
        let row = endpoint::Entity::insert(row).exec_with_returning(&txn).await?;
        publish(&txn, ctx, now, &BookingEndpointCreated { endpoint: state(&row)? }).await?;
        txn.commit().await?;
        Ok(BookingEndpointSecretOut { endpoint: out(row)?, secret })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_endpoints(&self, ctx: &OrgCtx, req: PageRequest) -> Result<Page<BookingEndpointOut>, AppError> {
        let query = endpoint::Entity::scoped(ctx.org_id);
        let rows = req.apply(query, endpoint::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(out).collect::<Result<Vec<_>, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, endpoint_id = %id))]
    pub async fn get_endpoint(&self, ctx: &OrgCtx, id: BookingEndpointId) -> Result<BookingEndpointOut, AppError> {
        out(endpoint::Entity::find_in(&self.db, ctx.org_id, id).await?)
    }

    /// Changes what `patch` sets; a patch that changes nothing writes nothing.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, endpoint_id = %id))]
    pub async fn update_endpoint(
        &self,
        ctx: &OrgCtx,
        id: BookingEndpointId,
        patch: BookingEndpointPatch,
        if_match: IfMatch,
    ) -> Result<BookingEndpointOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let current = endpoint::Entity::find_in(&txn, ctx.org_id, id).await?;
        if_match.check(current.version)?;
        let mut changed = Vec::new();
        let mut row = current.clone().into_active_model();
        if let Some(name) = patch.name.map(|n| n.into_inner()).filter(|n| *n != current.name) {
            row.name = Set(name);
            changed.push("name".to_owned());
        }
        if let Some(enabled) = patch.enabled.filter(|e| *e != current.enabled) {
            row.enabled = Set(enabled);
            changed.push("enabled".to_owned());
        }
        if changed.is_empty() {
            return out(current);
        }
        let now = self.clock.now();
        row.updated_at = Set(now);
        let row = endpoint::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?;
        publish(&txn, ctx, now, &BookingEndpointUpdated { endpoint: state(&row)?, changed }).await?;
        txn.commit().await?;
        out(row)
    }

    /// Replaces the signing secret: deliveries signed with the old one are refused
    /// from now on.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, endpoint_id = %id))]
    pub async fn rotate_secret(
        &self,
        ctx: &OrgCtx,
        id: BookingEndpointId,
        input: BookingSecretIn,
    ) -> Result<BookingEndpointSecretOut, AppError> {
        let supplied = input.secret.is_some();
        let secret = secret_or_new(input.secret)?;
        let txn = begin_write(&self.db).await?;
        let current = endpoint::Entity::find_in(&txn, ctx.org_id, id).await?;
        let now = self.clock.now();
        let mut row = current.into_active_model();
        row.secret_ciphertext = Set(self.secrets.seal_str(id.into_uuid(), &secret)?);
        row.updated_at = Set(now);
        let row = endpoint::Entity::update_in(&txn, ctx.org_id, id, row, IfMatch(None)).await?;
        publish(&txn, ctx, now, &BookingEndpointSecretRotated { endpoint: state(&row)?, supplied }).await?;
        txn.commit().await?;
        Ok(BookingEndpointSecretOut { endpoint: out(row)?, secret })
    }

    /// Deletes an endpoint with its receipts; its URL stops answering.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, endpoint_id = %id))]
    pub async fn delete_endpoint(
        &self,
        ctx: &OrgCtx,
        id: BookingEndpointId,
        if_match: IfMatch,
    ) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = endpoint::Entity::find_in(&txn, ctx.org_id, id).await?;
        endpoint::Entity::delete_in(&txn, ctx.org_id, id, if_match).await?;
        publish(&txn, ctx, self.clock.now(), &BookingEndpointDeleted { id, name: current.name }).await?;
        txn.commit().await?;
        Ok(())
    }

    /// A delivery to the endpoint whose ingest id is `ingest`, with the value of
    /// its provider's signature header. An unknown or disabled endpoint and a bad
    /// signature are the same refusal; the body is interpreted only once it is signed.
    #[tracing::instrument(skip_all, fields(org_id))]
    pub async fn receive(&self, ingest: &str, signature: &Signatures, body: &[u8]) -> Result<Received, AppError> {
        // Malformed bytes are a 400 before anything is looked up, as on every JSON
        // route; the answer is the same for every endpoint, so it tells nothing.
        booking::well_formed(body)?;
        let row = self.endpoint_for(ingest).await?.ok_or(WorkflowError::BookingRefused)?;
        tracing::Span::current().record("org_id", tracing::field::display(row.organization_id));
        let provider = provider_of(&row)?;
        let secret = self.secrets.open_str(row.id, &row.secret_ciphertext)?;
        let header = signature.of(provider).ok_or(WorkflowError::BookingRefused)?;
        if !booking::verify(provider, &secret, header, body, self.clock.now()) {
            return Err(WorkflowError::BookingRefused.into());
        }
        match booking::parse(provider, body)? {
            Delivery::NotABooking(ignored) => Ok(Received::Ignored(BookingIgnoredOut { ignored })),
            Delivery::Booked(b) => Ok(Received::Booked(self.record(&row, provider, b).await?)),
        }
    }

    /// The enabled endpoint of that ingest id, of whichever organization (the
    /// delivery carries no other credential; the signature decides).
    #[allow(clippy::disallowed_methods)]
    async fn endpoint_for(&self, ingest: &str) -> Result<Option<endpoint::Model>, AppError> {
        let Ok(ingest) = Uuid::parse_str(ingest) else { return Ok(None) };
        let found = endpoint::Entity::find()
            .filter(endpoint::Column::IngestId.eq(ingest))
            .filter(endpoint::Column::Enabled.eq(true))
            .one(&self.db)
            .await?;
        Ok(found)
    }

    /// The receipt and its `appointment.booked` in one transaction; a booking
    /// received before is found again and publishes nothing.
    async fn record(
        &self,
        row: &endpoint::Model,
        provider: BookingProvider,
        b: Booking,
    ) -> Result<BookingReceiptOut, AppError> {
        let org = OrganizationId::from(row.organization_id);
        let now = self.clock.now();
        let txn = begin_write(&self.db).await?;
        if let Some(found) = find_receipt(&txn, org, row.id, &b.uid).await? {
            return Ok(receipt_out(found, true));
        }
        let id = Uuid::now_v7();
        let event = AppointmentBooked {
            appointment_id: Some(id),
            email: b.email,
            name: b.name,
            company: None,
            booking: Some(BookingSource {
                provider: provider.as_str().to_owned(),
                endpoint_id: row.id,
                booking_uid: b.uid.clone(),
                title: b.title,
                start_time: b.start_time,
            }),
        };
        let actor = format!("integration:booking:{}", row.id);
        let event_id = publish_as(&txn, org, &actor, now, &event).await?;
        let new = receipt::ActiveModel {
            id: Set(id),
            organization_id: Set(row.organization_id),
            endpoint_id: Set(row.id),
            booking_uid: Set(b.uid.clone()),
            event_id: Set(Uuid::from(event_id)),
            created_at: Set(now),
        };
        let inserted = receipt::Entity::insert(new)
            .on_conflict(
                OnConflict::columns([receipt::Column::EndpointId, receipt::Column::BookingUid]).do_nothing().to_owned(),
            )
            .exec_without_returning(&txn)
            .await;
        match inserted {
            Ok(n) if n > 0 => {}
            // A concurrent delivery of the same booking committed first: drop this
            // transaction's event with it, and answer with that receipt.
            Ok(_) | Err(DbErr::RecordNotInserted) => {
                drop(txn);
                let found = find_receipt(&self.db, org, row.id, &b.uid).await?;
                let found = found.ok_or_else(|| AppError::internal("booking receipt vanished after a conflict"))?;
                return Ok(receipt_out(found, true));
            }
            Err(e) => return Err(e.into()),
        }
        txn.commit().await?;
        tracing::info!(endpoint_id = %row.id, event_id = %Uuid::from(event_id), "booking received");
        let stored = receipt::Model {
            id,
            organization_id: row.organization_id,
            endpoint_id: row.id,
            booking_uid: b.uid,
            event_id: Uuid::from(event_id),
            created_at: now,
        };
        Ok(receipt_out(stored, false))
    }
}

/// The signature headers a delivery came with.
#[derive(Debug, Default, Clone)]
pub struct Signatures {
    pub cal_com: Option<String>,
    pub calendly: Option<String>,
}

impl Signatures {
    fn of(&self, provider: BookingProvider) -> Option<&str> {
        match provider {
            BookingProvider::CalCom => self.cal_com.as_deref(),
            BookingProvider::Calendly => self.calendly.as_deref(),
        }
    }
}

async fn find_receipt<C: sea_orm::ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    endpoint_id: Uuid,
    uid: &str,
) -> Result<Option<receipt::Model>, AppError> {
    Ok(receipt::Entity::scoped(org)
        .filter(receipt::Column::EndpointId.eq(endpoint_id))
        .filter(receipt::Column::BookingUid.eq(uid))
        .one(conn)
        .await?)
}

/// The caller's secret (checked), or 256 random bits in hex.
fn secret_or_new(given: Option<String>) -> Result<String, AppError> {
    match given {
        Some(s) if s.contains('\0') || s.trim().is_empty() || s.trim() != s => {
            Err(WorkflowError::InvalidSecret("must be printable, without leading or trailing spaces").into())
        }
        Some(s) => Ok(s),
        None => {
            let mut key = [0u8; 32];
            rand::rng().fill_bytes(&mut key);
            Ok(hex::encode(key))
        }
    }
}

/// A UUID of 122 random bits: the ingest id cannot be guessed from the time or
/// from other ids, unlike a UUIDv7.
fn random_uuid() -> Uuid {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

fn provider_of(row: &endpoint::Model) -> Result<BookingProvider, AppError> {
    BookingProvider::parse(&row.provider)
        .ok_or_else(|| AppError::internal(format!("booking endpoint {} has provider {}", row.id, row.provider)))
}

fn state(row: &endpoint::Model) -> Result<BookingEndpointState, AppError> {
    Ok(BookingEndpointState {
        id: row.id.into(),
        name: row.name.clone(),
        provider: provider_of(row)?,
        enabled: row.enabled,
    })
}

fn out(row: endpoint::Model) -> Result<BookingEndpointOut, AppError> {
    Ok(BookingEndpointOut {
        provider: provider_of(&row)?,
        id: row.id.into(),
        inbound_path: format!("{INBOUND_PREFIX}{}", row.ingest_id),
        name: row.name,
        enabled: row.enabled,
        version: row.version,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

fn receipt_out(r: receipt::Model, duplicate: bool) -> BookingReceiptOut {
    BookingReceiptOut {
        id: r.id.into(),
        endpoint_id: r.endpoint_id.into(),
        booking_uid: r.booking_uid,
        event_id: r.event_id,
        duplicate,
        received_at: r.created_at,
    }
}
