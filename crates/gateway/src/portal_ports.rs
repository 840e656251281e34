//! The client portal's documents, implemented with the other domains' services:
//! agreements' proposals and contracts (decided and signed through its own paths,
//! the contact as the events' actor), files' `client` files and presigned URLs,
//! comms' threads shared with the client (a reply is a message comms writes
//! and sends its normal way, under the contact's actor), and projects'
//! client-visible projects, milestones and tasks. Every list is a keyset page on
//! ids, like the staff lists; where the other domain filters after reading
//! (shared threads, written messages, client files), pages are read until one
//! is full.

use std::sync::Arc;

use async_trait::async_trait;
use atrium_events::agreements::{ClientParty, EngagementId};
use atrium_kernel::{AppError, OrganizationId, Page, PageRequest};
use atrium_portal::ClientScope;
use atrium_portal::dto::{
    PortalContractOut, PortalFileOut, PortalLineOut, PortalMessageOut, PortalMilestoneOut, PortalProjectOut,
    PortalProposalOut, PortalSignIn, PortalTaskOut, PortalThreadOut,
};

use crate::ports::portal_reader;

/// How many rows of the other domain one read asks for while filling a page.
const READ_AHEAD: u64 = 200;

fn agreements_scope(scope: &ClientScope) -> atrium_agreements::ClientScope {
    atrium_agreements::ClientScope {
        engagement_id: scope.engagement_id,
        party: ClientParty { contact_id: scope.contact_id, name: scope.contact_name.clone() },
    }
}

fn actor(scope: &ClientScope) -> String {
    format!("portal:contact:{}", scope.contact_id)
}

fn proposal_out(p: atrium_agreements::dto::ProposalOut) -> PortalProposalOut {
    PortalProposalOut {
        id: p.id.into_uuid(),
        reference: atrium_events::agreements::proposal_reference(p.number),
        title: p.title,
        status: p.status.as_str().to_owned(),
        valid_until: p.valid_until,
        total: p.total,
        lines: p
            .line_items
            .into_iter()
            .map(|l| PortalLineOut {
                description: l.description,
                quantity: l.quantity.to_string(),
                unit_price: l.unit_price,
                amount: l.amount,
            })
            .collect(),
        sent_at: p.sent_at,
        decided_at: p.decided_at,
    }
}

fn contract_out(c: atrium_agreements::dto::ContractOut) -> PortalContractOut {
    PortalContractOut {
        id: c.id.into_uuid(),
        title: c.title,
        status: c.status.as_str().to_owned(),
        total: c.total,
        start_date: c.start_date,
        end_date: c.end_date,
        terms: c.terms,
        signer_name: c.signature.as_ref().map(|s| s.signer_name.clone()),
        signed_at: c.signature.map(|s| s.signed_at),
    }
}

/// Agreements for the portal.
pub struct PortalAgreements(pub atrium_agreements::AgreementsService);

#[async_trait]
impl atrium_portal::Agreements for PortalAgreements {
    async fn proposals(
        &self,
        org: OrganizationId,
        scope: &ClientScope,
        req: PageRequest,
    ) -> Result<Page<PortalProposalOut>, AppError> {
        Ok(self.0.client_proposals(org, &agreements_scope(scope), req).await?.map(proposal_out))
    }

    async fn decide(
        &self,
        org: OrganizationId,
        scope: &ClientScope,
        id: uuid::Uuid,
        accept: bool,
    ) -> Result<PortalProposalOut, AppError> {
        let out = self.0.client_decide_proposal(org, &agreements_scope(scope), id.into(), accept).await?;
        Ok(proposal_out(out))
    }

    async fn contracts(
        &self,
        org: OrganizationId,
        scope: &ClientScope,
        req: PageRequest,
    ) -> Result<Page<PortalContractOut>, AppError> {
        Ok(self.0.client_contracts(org, &agreements_scope(scope), req).await?.map(contract_out))
    }

    async fn sign(
        &self,
        org: OrganizationId,
        scope: &ClientScope,
        id: uuid::Uuid,
        input: PortalSignIn,
        ip: Option<String>,
    ) -> Result<PortalContractOut, AppError> {
        let sign = atrium_agreements::dto::SignIn {
            signer_name: input.signer_name,
            signer_email: input.signer_email,
            signature_data: atrium_kernel::Text::parse(input.signature_data.as_str())
                .map_err(|e| AppError::invalid("signature_data", e))?,
        };
        let out = self.0.client_sign_contract(org, &agreements_scope(scope), id.into(), sign, ip).await?;
        Ok(contract_out(out))
    }
}

/// Files for the portal: one engagement's `client` files.
pub struct PortalFiles(pub atrium_files::FilesService);

struct OneEngagement(EngagementId);

#[async_trait]
impl atrium_files::FileAccess for OneEngagement {
    async fn engagements_of_contact(&self, _: OrganizationId, _: uuid::Uuid) -> Result<Vec<EngagementId>, AppError> {
        Ok(vec![self.0])
    }
}

#[async_trait]
impl atrium_portal::Files for PortalFiles {
    async fn files(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        req: PageRequest,
    ) -> Result<Page<PortalFileOut>, AppError> {
        // Files hands over the client's files whole (oldest first): paged here, newest first.
        let found = self.0.list_for_client(&portal_reader(org), &OneEngagement(engagement), uuid::Uuid::nil()).await?;
        let rows: Vec<PortalFileOut> = found
            .into_iter()
            .rev()
            .filter(|f| req.after.is_none_or(|after| f.id.into_uuid() < after))
            .filter_map(|f| {
                let v = f.current?;
                Some(PortalFileOut {
                    id: f.id.into_uuid(),
                    name: f.name,
                    size: v.size,
                    media_type: v.media_type,
                    uploaded_at: v.uploaded_at,
                })
            })
            .take(usize::try_from(req.limit + 1).unwrap_or(usize::MAX))
            .collect();
        Ok(Page::from_rows(rows, &req, |f| f.id))
    }

    async fn download_url(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        id: uuid::Uuid,
    ) -> Result<String, AppError> {
        self.0.client_download_url(&portal_reader(org), &[engagement], id.into()).await
    }
}

/// Comms for the portal: threads of the engagement shared with the client.
pub struct PortalThreads(pub atrium_comms::CommsService);

impl PortalThreads {
    /// The thread, when it is the engagement's and shared; else 404.
    async fn shared(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        id: uuid::Uuid,
    ) -> Result<atrium_comms::dto::ThreadOut, AppError> {
        let t = self.0.get_thread(&portal_reader(org), id.into()).await?;
        if t.engagement_id != Some(engagement) || !t.shared_with_client {
            return Err(AppError::NotFound("thread"));
        }
        Ok(t)
    }
}

fn message_out(m: atrium_comms::dto::MessageOut) -> PortalMessageOut {
    PortalMessageOut {
        id: m.id.into_uuid(),
        from_name: m.from.name,
        from_address: m.from.address,
        sent_at: m.sent_at,
        body_text: m.body_text,
        status: m.status,
    }
}

/// Messages the client sees: every written one, never drafts (not yet written to anyone).
fn shown(m: &atrium_comms::dto::MessageOut) -> bool {
    m.status != "draft"
}

#[async_trait]
impl atrium_portal::Threads for PortalThreads {
    async fn threads(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        req: PageRequest,
    ) -> Result<Page<PortalThreadOut>, AppError> {
        let filter = atrium_comms::dto::ThreadFilter { engagement_id: Some(engagement), ..Default::default() };
        let ctx = portal_reader(org);
        let mut out = Vec::new();
        let mut read = PageRequest { limit: READ_AHEAD, after: req.after };
        // Comms lists newest first by id; the shared ones are kept until the page is full.
        loop {
            let page = self.0.list_threads(&ctx, &filter, read).await?;
            out.extend(page.items.into_iter().filter(|t| t.shared_with_client).map(|t| PortalThreadOut {
                id: t.id.into_uuid(),
                subject: t.subject,
                message_count: t.message_count,
                last_message_at: t.last_message_at,
            }));
            match page.next_after {
                Some(after) if (out.len() as u64) <= req.limit => read.after = Some(after),
                _ => break,
            }
        }
        Ok(Page::from_rows(out, &req, |t| t.id))
    }

    async fn messages(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        thread: uuid::Uuid,
        req: PageRequest,
    ) -> Result<Page<PortalMessageOut>, AppError> {
        let t = self.shared(org, engagement, thread).await?;
        let ctx = portal_reader(org);
        let mut out = Vec::new();
        let mut read = PageRequest { limit: READ_AHEAD, after: req.after };
        // Comms lists a thread's messages oldest first by id; drafts are left out.
        loop {
            let page = self.0.list_messages(&ctx, t.id, read).await?;
            out.extend(page.items.into_iter().filter(shown).map(message_out));
            match page.next_after {
                Some(after) if (out.len() as u64) <= req.limit => read.after = Some(after),
                _ => break,
            }
        }
        Ok(Page::from_rows(out, &req, |m| m.id))
    }

    async fn reply(
        &self,
        org: OrganizationId,
        scope: &ClientScope,
        thread: uuid::Uuid,
        body: String,
    ) -> Result<PortalMessageOut, AppError> {
        let t = self.shared(org, scope.engagement_id, thread).await?;
        let ctx = portal_reader(org);
        let messages = self.0.list_messages(&ctx, t.id, PageRequest::first(200)).await?;
        let connection = messages.items.iter().rev().find_map(|m| m.connection_id).ok_or_else(|| {
            AppError::conflict("this thread has no mailbox to reply from; ask your contact at the firm")
        })?;
        let mailbox = self.0.get_connection(&ctx, connection).await?;
        let firm = atrium_kernel::Email::parse(&mailbox.email_address).map_err(AppError::internal)?;
        // The client's words go to the firm's mailbox, saying who wrote them.
        let text = format!("{} (client) wrote in the client portal:\n\n{body}", scope.contact_name);
        let input = atrium_comms::dto::ReplyIn {
            connection_id: Some(connection),
            to: Some(vec![firm]),
            cc: Vec::new(),
            body_text: atrium_kernel::Text::parse(&text).map_err(|e| AppError::invalid("body_text", e))?,
            body_html: None,
        };
        let m = atrium_outbox::acting_as(actor(scope), self.0.reply(&ctx, t.id, input)).await?;
        Ok(message_out(m))
    }
}

/// The portal's document ports.
pub fn documents(
    agreements: &atrium_agreements::AgreementsService,
    files: &atrium_files::FilesService,
    comms: &atrium_comms::CommsService,
) -> (Arc<dyn atrium_portal::Agreements>, Arc<dyn atrium_portal::Files>, Arc<dyn atrium_portal::Threads>) {
    (
        Arc::new(PortalAgreements(agreements.clone())),
        Arc::new(PortalFiles(files.clone())),
        Arc::new(PortalThreads(comms.clone())),
    )
}

/// Projects for the portal: the engagement's client-visible projects and, in a
/// visible project, its client-visible milestones and tasks. Anything else —
/// hidden, another engagement's, another organization's — is 404.
pub struct PortalProjects(pub atrium_projects::ProjectsService);

fn project_out(p: atrium_projects::dto::ProjectOut) -> PortalProjectOut {
    PortalProjectOut {
        id: p.id.into_uuid(),
        name: p.name,
        status: p.status.as_str().to_owned(),
        start_date: p.start_date,
        due_date: p.due_date,
    }
}

fn milestone_out(m: atrium_projects::dto::MilestoneOut) -> PortalMilestoneOut {
    PortalMilestoneOut {
        id: m.id.into_uuid(),
        project_id: m.project_id.into_uuid(),
        name: m.name,
        status: m.status.as_str().to_owned(),
        due_date: m.due_date,
    }
}

fn task_out(t: atrium_projects::dto::TaskOut) -> PortalTaskOut {
    PortalTaskOut {
        id: t.id.into_uuid(),
        project_id: t.project_id.into_uuid(),
        title: t.title,
        status: t.status.as_str().to_owned(),
        due_date: t.due_date,
        completed_at: t.completed_at,
    }
}

/// A hidden project's milestone or task is missing itself (never "no such project",
/// which would tell that the id exists); other errors stay what they are.
fn as_missing(e: AppError, what: &'static str) -> AppError {
    match e {
        AppError::NotFound(_) => AppError::NotFound(what),
        e => e,
    }
}

impl PortalProjects {
    /// The project, when it is the engagement's and client-visible; else 404.
    async fn visible(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        id: uuid::Uuid,
    ) -> Result<atrium_projects::dto::ProjectOut, AppError> {
        let p = self.0.get_project(&portal_reader(org), id.into()).await?;
        if p.engagement_id != engagement || !p.client_visible {
            return Err(AppError::NotFound("project"));
        }
        Ok(p)
    }
}

#[async_trait]
impl atrium_portal::Projects for PortalProjects {
    async fn projects(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        req: PageRequest,
    ) -> Result<Page<PortalProjectOut>, AppError> {
        let filter = atrium_projects::dto::ProjectFilter {
            engagement_id: Some(engagement),
            client_visible: Some(true),
            ..Default::default()
        };
        Ok(self.0.list_projects(&portal_reader(org), &filter, req).await?.map(project_out))
    }

    async fn project(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        id: uuid::Uuid,
    ) -> Result<PortalProjectOut, AppError> {
        Ok(project_out(self.visible(org, engagement, id).await?))
    }

    async fn milestones(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        project: uuid::Uuid,
        req: PageRequest,
    ) -> Result<Page<PortalMilestoneOut>, AppError> {
        let p = self.visible(org, engagement, project).await?;
        let filter = atrium_projects::dto::MilestoneFilter {
            project_id: Some(p.id),
            client_visible: Some(true),
            ..Default::default()
        };
        Ok(self.0.list_milestones(&portal_reader(org), &filter, req).await?.map(milestone_out))
    }

    async fn milestone(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        id: uuid::Uuid,
    ) -> Result<PortalMilestoneOut, AppError> {
        let m = self.0.get_milestone(&portal_reader(org), id.into()).await?;
        if !m.client_visible || m.engagement_id != engagement {
            return Err(AppError::NotFound("milestone"));
        }
        self.visible(org, engagement, m.project_id.into_uuid()).await.map_err(|e| as_missing(e, "milestone"))?;
        Ok(milestone_out(m))
    }

    async fn tasks(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        project: uuid::Uuid,
        req: PageRequest,
    ) -> Result<Page<PortalTaskOut>, AppError> {
        let p = self.visible(org, engagement, project).await?;
        let filter = atrium_projects::dto::TaskFilter {
            project_id: Some(p.id),
            client_visible: Some(true),
            ..Default::default()
        };
        Ok(self.0.list_tasks(&portal_reader(org), &filter, req).await?.map(task_out))
    }

    async fn task(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        id: uuid::Uuid,
    ) -> Result<PortalTaskOut, AppError> {
        let t = self.0.get_task(&portal_reader(org), id.into()).await?;
        if !t.client_visible || t.engagement_id != engagement {
            return Err(AppError::NotFound("task"));
        }
        self.visible(org, engagement, t.project_id.into_uuid()).await.map_err(|e| as_missing(e, "task"))?;
        Ok(task_out(t))
    }
}
