//! Rows as the records' state (what events carry) and as API responses. Both are
//! built from the state, so an event and the response of the same write agree.

use atrium_events::crm::{CompanyState, ContactState, DealState};
use atrium_kernel::{AppError, Money};

use crate::dto::{CompanyOut, CompanyStatus, ContactOut, DealOut, DealStage};
use crate::entity::{company, contact, deal};

pub(crate) fn company_state(r: &company::Model) -> CompanyState {
    CompanyState {
        id: r.id.into(),
        name: r.name.clone(),
        domain: r.domain.clone(),
        status: CompanyStatus::from_stored(&r.status),
        address: r.address.clone(),
        owner_id: r.owner_id.map(Into::into),
        tags: serde_json::from_value(r.tags.clone()).unwrap_or_default(),
        notes: r.notes.clone(),
        merged_into_id: r.merged_into_id.map(Into::into),
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

pub(crate) fn company_out(s: CompanyState) -> CompanyOut {
    CompanyOut {
        id: s.id,
        name: s.name,
        domain: s.domain,
        status: s.status,
        address: s.address,
        owner_id: s.owner_id,
        tags: s.tags,
        notes: s.notes,
        merged_into_id: s.merged_into_id,
        version: s.version,
        created_at: s.created_at,
        updated_at: s.updated_at,
    }
}

pub(crate) fn contact_state(r: &contact::Model) -> ContactState {
    ContactState {
        id: r.id.into(),
        client_company_id: r.client_company_id.map(Into::into),
        first_name: r.first_name.clone(),
        last_name: r.last_name.clone(),
        email: r.email.clone(),
        phone: r.phone.clone(),
        title: r.title.clone(),
        merged_into_id: r.merged_into_id.map(Into::into),
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

pub(crate) fn contact_out(s: ContactState) -> ContactOut {
    ContactOut {
        id: s.id,
        client_company_id: s.client_company_id,
        first_name: s.first_name,
        last_name: s.last_name,
        email: s.email,
        phone: s.phone,
        title: s.title,
        merged_into_id: s.merged_into_id,
        version: s.version,
        created_at: s.created_at,
        updated_at: s.updated_at,
    }
}

/// A stored currency that is not ISO 4217 is an internal error, never a guess.
pub(crate) fn deal_state(r: &deal::Model) -> Result<DealState, AppError> {
    let value = match (r.value_amount_minor, r.value_currency.as_deref()) {
        (Some(amount), Some(code)) => {
            let currency = code.parse().map_err(|e| AppError::internal(format!("stored currency: {e}")))?;
            Some(Money::new(amount, currency))
        }
        _ => None,
    };
    Ok(DealState {
        id: r.id.into(),
        name: r.name.clone(),
        stage: DealStage::from_stored(&r.stage),
        value,
        probability: r.probability,
        expected_close_date: r.expected_close_date,
        client_company_id: r.client_company_id.map(Into::into),
        contact_id: r.contact_id.map(Into::into),
        owner_id: r.owner_id.map(Into::into),
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}

pub(crate) fn deal_out(s: DealState) -> DealOut {
    DealOut {
        id: s.id,
        name: s.name,
        stage: s.stage,
        value: s.value,
        probability: s.probability,
        expected_close_date: s.expected_close_date,
        client_company_id: s.client_company_id,
        contact_id: s.contact_id,
        owner_id: s.owner_id,
        version: s.version,
        created_at: s.created_at,
        updated_at: s.updated_at,
    }
}
