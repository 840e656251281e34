//! Reacts to CRM merges (`crm.company.merged`, `crm.contact.merged`), whose data is
//! `{"survivor_id": "<uuid>", "merged_ids": ["<uuid>", ...]}`.

use async_trait::async_trait;
use atrium_outbox::{DeliveryError, Event, Subscriber};
use serde::Deserialize;
use uuid::Uuid;

use crate::service::{AgreementsService, MERGE_ACTOR, MergedKind};

pub struct CrmMergeSubscriber {
    svc: AgreementsService,
}

impl CrmMergeSubscriber {
    pub fn new(svc: AgreementsService) -> Self {
        Self { svc }
    }
}

#[derive(Deserialize)]
struct Merge {
    survivor_id: Uuid,
    merged_ids: Vec<Uuid>,
}

fn kind_of(event_type: &str) -> Option<MergedKind> {
    match event_type {
        "crm.company.merged" => Some(MergedKind::Company),
        "crm.contact.merged" => Some(MergedKind::Contact),
        _ => None,
    }
}

#[async_trait]
impl Subscriber for CrmMergeSubscriber {
    fn name(&self) -> &'static str {
        MERGE_ACTOR
    }

    fn accepts(&self, event_type: &str) -> bool {
        kind_of(event_type).is_some()
    }

    async fn deliver(&self, _target: &str, event: &Event) -> Result<(), DeliveryError> {
        let Some(kind) = kind_of(&event.event_type) else {
            return Ok(());
        };
        let merge: Merge = serde_json::from_value(event.data.clone())
            .map_err(|e| DeliveryError::new(format!("{} data: {e}", event.event_type)))?;
        self.svc
            .repoint_merged(event.org_id, kind, merge.survivor_id, &merge.merged_ids)
            .await
            .map_err(DeliveryError::new)?;
        Ok(())
    }
}
