//! Contract status changes: draft → sent → signed → active → completed, and
//! signed | active → terminated. Signing stores the signature data encrypted.

use atrium_events::agreements::{
    ClientParty, ContractActivated, ContractCompleted, ContractSent, ContractSigned, ContractState, ContractTerminated,
};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, Scoped};
use atrium_outbox::publish;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, IntoActiveModel};

use super::{AgreementsService, publish_by, wrong_status};
use crate::dto::{ContractId, ContractOut, ContractStatus, SignIn, SignatureDataOut, SignatureOut};
use crate::entity::contract;
use crate::error::AgreementsError;

/// A status change and what it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Send,
    Activate,
    Complete,
    Terminate,
}

impl Step {
    fn allowed_from(self) -> &'static [ContractStatus] {
        match self {
            Self::Send => &[ContractStatus::Draft],
            Self::Activate => &[ContractStatus::Signed],
            Self::Complete => &[ContractStatus::Active],
            Self::Terminate => &[ContractStatus::Signed, ContractStatus::Active],
        }
    }

    fn to(self) -> ContractStatus {
        match self {
            Self::Send => ContractStatus::Sent,
            Self::Activate => ContractStatus::Active,
            Self::Complete => ContractStatus::Completed,
            Self::Terminate => ContractStatus::Terminated,
        }
    }

    fn action(self) -> &'static str {
        match self {
            Self::Send => "sending",
            Self::Activate => "activating",
            Self::Complete => "completing",
            Self::Terminate => "terminating",
        }
    }

    /// Publishes the step's event: `agreements.contract.<sent|activated|…>`.
    async fn publish<C: ConnectionTrait>(
        self,
        conn: &C,
        ctx: &OrgCtx,
        now: DateTime<Utc>,
        contract: ContractState,
    ) -> Result<(), AppError> {
        match self {
            Self::Send => publish(conn, ctx, now, &ContractSent { contract }).await?,
            Self::Activate => publish(conn, ctx, now, &ContractActivated { contract }).await?,
            Self::Complete => publish(conn, ctx, now, &ContractCompleted { contract }).await?,
            Self::Terminate => publish(conn, ctx, now, &ContractTerminated { contract }).await?,
        };
        Ok(())
    }
}

fn check_from(current: &str, action: &'static str, allowed: &[ContractStatus]) -> Result<(), AppError> {
    if allowed.iter().any(|s| s.as_str() == current) {
        return Ok(());
    }
    let names: Vec<&'static str> = allowed.iter().map(ContractStatus::as_str).collect();
    Err(wrong_status("contract", current, action, &names))
}

impl AgreementsService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, contract_id = %id))]
    pub async fn send_contract(
        &self,
        ctx: &OrgCtx,
        id: ContractId,
        if_match: IfMatch,
    ) -> Result<ContractOut, AppError> {
        self.step_contract(ctx, id, if_match, Step::Send).await
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, contract_id = %id))]
    pub async fn activate_contract(
        &self,
        ctx: &OrgCtx,
        id: ContractId,
        if_match: IfMatch,
    ) -> Result<ContractOut, AppError> {
        self.step_contract(ctx, id, if_match, Step::Activate).await
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, contract_id = %id))]
    pub async fn complete_contract(
        &self,
        ctx: &OrgCtx,
        id: ContractId,
        if_match: IfMatch,
    ) -> Result<ContractOut, AppError> {
        self.step_contract(ctx, id, if_match, Step::Complete).await
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, contract_id = %id))]
    pub async fn terminate_contract(
        &self,
        ctx: &OrgCtx,
        id: ContractId,
        if_match: IfMatch,
    ) -> Result<ContractOut, AppError> {
        self.step_contract(ctx, id, if_match, Step::Terminate).await
    }

    async fn step_contract(
        &self,
        ctx: &OrgCtx,
        id: ContractId,
        if_match: IfMatch,
        step: Step,
    ) -> Result<ContractOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let current = contract::Entity::find_in(&txn, ctx.org_id, id).await?;
        if_match.check(current.version)?;
        check_from(&current.status, step.action(), step.allowed_from())?;
        let now = self.clock.now();
        let version = current.version;
        let mut row = current.into_active_model();
        row.status = Set(step.to().as_str().to_owned());
        row.updated_at = Set(now);
        let updated = contract::Entity::update_in(&txn, ctx.org_id, id, row, IfMatch(Some(version))).await?;
        let state = self.contract_view(&txn, ctx.org_id, updated).await?;
        step.publish(&txn, ctx, now, state.clone()).await?;
        txn.commit().await?;
        Ok(state.into())
    }

    /// sent → signed: records the signer, the server's clock and the caller's
    /// address; the signature data is stored encrypted and left out of the
    /// answer and the event.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, contract_id = %id))]
    pub async fn sign_contract(
        &self,
        ctx: &OrgCtx,
        id: ContractId,
        input: SignIn,
        signer_ip: Option<String>,
        if_match: IfMatch,
    ) -> Result<ContractOut, AppError> {
        self.sign_contract_by(ctx, id, input, signer_ip, if_match, None).await
    }

    /// [`Self::sign_contract`], by staff (`client: None`) or by the client's
    /// portal contact (the event's actor and its `client`).
    pub(super) async fn sign_contract_by(
        &self,
        ctx: &OrgCtx,
        id: ContractId,
        input: SignIn,
        signer_ip: Option<String>,
        if_match: IfMatch,
        client: Option<ClientParty>,
    ) -> Result<ContractOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let current = contract::Entity::find_in(&txn, ctx.org_id, id).await?;
        if_match.check(current.version)?;
        check_from(&current.status, "signing", &[ContractStatus::Sent])?;
        let sealed = self.signatures.seal_str(current.id, &input.signature_data)?;
        let now = self.clock.now();
        let version = current.version;
        let mut row = current.into_active_model();
        row.status = Set(ContractStatus::Signed.as_str().to_owned());
        row.signer_name = Set(Some(input.signer_name.into_inner()));
        row.signer_email = Set(Some(input.signer_email.into_inner()));
        // The column holds an IPv6 address at most; a longer value is not one.
        row.signer_ip = Set(signer_ip.map(|ip| ip.chars().take(45).collect()));
        row.signed_at = Set(Some(now));
        row.signature_ciphertext = Set(Some(sealed));
        row.updated_at = Set(now);
        let updated = contract::Entity::update_in(&txn, ctx.org_id, id, row, IfMatch(Some(version))).await?;
        let state = self.contract_view(&txn, ctx.org_id, updated).await?;
        let event = ContractSigned { contract: state.clone(), client: client.clone() };
        publish_by(&txn, ctx, client.as_ref(), now, &event).await?;
        txn.commit().await?;
        Ok(state.into())
    }

    /// The decrypted signature of a signed contract (404 `signature` when unsigned).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, contract_id = %id))]
    pub async fn contract_signature(&self, ctx: &OrgCtx, id: ContractId) -> Result<SignatureDataOut, AppError> {
        let row = contract::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let (Some(signer_name), Some(signer_email), Some(signed_at), Some(sealed)) =
            (row.signer_name, row.signer_email, row.signed_at, row.signature_ciphertext)
        else {
            return Err(AgreementsError::Unsigned.into());
        };
        // A value that does not open is logged for the operator (row and key id) and is a 500.
        let signature_data = self.signatures.open_str(row.id, &sealed)?;
        Ok(SignatureDataOut {
            signature: SignatureOut { signer_name, signer_email, signed_at, signer_ip: row.signer_ip },
            signature_data,
        })
    }
}
