//! Reacts to CRM merges (`crm.company.merged`, `crm.contact.merged`): what named a
//! merged company or contact is pointed at the survivor.

use async_trait::async_trait;
use atrium_events::EventPayload;
use atrium_events::agreements::RepointedMerge;
use atrium_events::crm::{CompanyMerged, ContactMerged};
use atrium_outbox::{DeliveryError, Event, Subscriber};

use crate::service::{AgreementsService, MERGE_ACTOR};

pub struct CrmMergeSubscriber {
    svc: AgreementsService,
}

impl CrmMergeSubscriber {
    pub fn new(svc: AgreementsService) -> Self {
        Self { svc }
    }
}

/// The merge an event reports, if it is one this subscriber follows.
fn merge_of(event: &Event) -> Result<Option<RepointedMerge>, DeliveryError> {
    if let Some(m) = event.payload_if::<CompanyMerged>()? {
        return Ok(Some(RepointedMerge::Companies { survivor_id: m.survivor_id, merged_ids: m.merged_ids }));
    }
    if let Some(m) = event.payload_if::<ContactMerged>()? {
        return Ok(Some(RepointedMerge::Contacts { survivor_id: m.survivor_id, merged_ids: m.merged_ids }));
    }
    Ok(None)
}

#[async_trait]
impl Subscriber for CrmMergeSubscriber {
    fn name(&self) -> &'static str {
        MERGE_ACTOR
    }

    fn accepts(&self, event_type: &str) -> bool {
        event_type == CompanyMerged::TYPE || event_type == ContactMerged::TYPE
    }

    #[tracing::instrument(skip_all, fields(org_id = %event.org_id, event_id = %event.id))]
    async fn deliver(&self, _target: &str, event: &Event) -> Result<(), DeliveryError> {
        let Some(merge) = merge_of(event)? else {
            return Ok(());
        };
        self.svc.repoint_merged(event.org_id, merge).await.map_err(DeliveryError::new)?;
        Ok(())
    }
}
