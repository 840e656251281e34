//! Contract status changes: draft → sent → signed → active → completed, and
//! signed | active → terminated. Signing stores the signature data encrypted.

use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, IntoActiveModel};
use serde_json::json;

use super::{Actor, AgreementsService, emit, wrong_status};
use crate::dto::{ContractId, ContractOut, ContractStatus, SignIn, SignatureDataOut, SignatureOut};
use crate::entity::contract;

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

    /// The event's verb: `agreements.contract.<verb>`.
    fn verb(self) -> &'static str {
        match self {
            Self::Send => "sent",
            Self::Activate => "activated",
            Self::Complete => "completed",
            Self::Terminate => "terminated",
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
}

fn check_from(current: &str, action: &str, allowed: &[ContractStatus]) -> Result<(), AppError> {
    if allowed.iter().any(|s| s.as_str() == current) {
        return Ok(());
    }
    let names: Vec<&str> = allowed.iter().map(ContractStatus::as_str).collect();
    Err(wrong_status("contract", current, action, &names))
}

impl AgreementsService {
    pub async fn send_contract(
        &self,
        ctx: &OrgCtx,
        id: ContractId,
        if_match: IfMatch,
    ) -> Result<ContractOut, AppError> {
        self.step_contract(ctx, id, if_match, Step::Send).await
    }

    pub async fn activate_contract(
        &self,
        ctx: &OrgCtx,
        id: ContractId,
        if_match: IfMatch,
    ) -> Result<ContractOut, AppError> {
        self.step_contract(ctx, id, if_match, Step::Activate).await
    }

    pub async fn complete_contract(
        &self,
        ctx: &OrgCtx,
        id: ContractId,
        if_match: IfMatch,
    ) -> Result<ContractOut, AppError> {
        self.step_contract(ctx, id, if_match, Step::Complete).await
    }

    pub async fn terminate_contract(
        &self,
        ctx: &OrgCtx,
        id: ContractId,
        if_match: IfMatch,
    ) -> Result<ContractOut, AppError> {
        self.step_contract(ctx, id, if_match, Step::Terminate).await
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, contract_id = %id, step = ?step))]
    async fn step_contract(
        &self,
        ctx: &OrgCtx,
        id: ContractId,
        if_match: IfMatch,
        step: Step,
    ) -> Result<ContractOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let current = self.find_contract(&txn, ctx.org_id, id.into_uuid()).await?;
        if_match.check(current.version)?;
        check_from(&current.status, step.action(), step.allowed_from())?;
        let now = self.clock.now();
        let mut row = current.clone().into_active_model();
        row.status = Set(step.to().as_str().to_owned());
        row.version = Set(current.version + 1);
        row.updated_at = Set(now);
        let updated = row.update(&txn).await?;
        let out = self.contract_view(&txn, ctx.org_id, updated).await?;
        let event = format!("agreements.contract.{}", step.verb());
        emit(&txn, Actor::Caller(ctx), now, &event, "contract", current.id, json!(out)).await?;
        txn.commit().await?;
        Ok(out)
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
        let txn = begin_write(&self.db).await?;
        let current = self.find_contract(&txn, ctx.org_id, id.into_uuid()).await?;
        if_match.check(current.version)?;
        check_from(&current.status, "signing", &[ContractStatus::Sent])?;
        let sealed = self.signatures.encrypt(current.id, &input.signature_data).map_err(AppError::internal)?;
        let now = self.clock.now();
        let mut row = current.clone().into_active_model();
        row.status = Set(ContractStatus::Signed.as_str().to_owned());
        row.signer_name = Set(Some(input.signer_name.trim().to_owned()));
        row.signer_email = Set(Some(input.signer_email.trim().to_owned()));
        row.signer_ip = Set(signer_ip.map(|ip| ip.chars().take(45).collect()));
        row.signed_at = Set(Some(now));
        row.signature_ciphertext = Set(Some(sealed));
        row.version = Set(current.version + 1);
        row.updated_at = Set(now);
        let updated = row.update(&txn).await?;
        let out = self.contract_view(&txn, ctx.org_id, updated).await?;
        emit(&txn, Actor::Caller(ctx), now, "agreements.contract.signed", "contract", current.id, json!(out)).await?;
        txn.commit().await?;
        Ok(out)
    }

    /// The decrypted signature of a signed contract (404 `signature` when unsigned).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, contract_id = %id))]
    pub async fn contract_signature(&self, ctx: &OrgCtx, id: ContractId) -> Result<SignatureDataOut, AppError> {
        let row: contract::Model = self.find_contract(&self.db, ctx.org_id, id.into_uuid()).await?;
        let (Some(signer_name), Some(signer_email), Some(signed_at), Some(sealed)) =
            (row.signer_name, row.signer_email, row.signed_at, row.signature_ciphertext)
        else {
            return Err(AppError::NotFound("signature"));
        };
        let signature_data = self.signatures.decrypt(row.id, &sealed).map_err(AppError::internal)?;
        Ok(SignatureDataOut {
            signature: SignatureOut { signer_name, signer_email, signed_at, signer_ip: row.signer_ip },
            signature_data,
        })
    }
}
