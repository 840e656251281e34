//! The gateway implements each domain's port traits with the other domains' services.
//! Ports speak in typed ids from `atrium_events`, so a contact id cannot be passed
//! where a deal id is expected across a domain boundary either.

use std::collections::HashMap;

use async_trait::async_trait;
use atrium_events::agreements::EngagementId;
use atrium_events::crm::{ClientCompanyId, ContactId, DealId};
use atrium_identity::IdentityService;
use atrium_kernel::{AppError, OrganizationId, UserId};

/// CRM and projects ask identity whether an owner or assignee is a member.
pub struct Members(pub IdentityService);

#[async_trait]
impl atrium_crm::Members for Members {
    async fn is_member(&self, org: OrganizationId, user: UserId) -> Result<bool, AppError> {
        self.0.is_member(org, user).await
    }
}

#[async_trait]
impl atrium_projects::Members for Members {
    async fn is_member(&self, org: OrganizationId, user: UserId) -> Result<bool, AppError> {
        self.0.is_member(org, user).await
    }
}

#[async_trait]
impl atrium_revenue::Members for Members {
    async fn is_member(&self, org: OrganizationId, user: UserId) -> Result<bool, AppError> {
        self.0.is_member(org, user).await
    }

    async fn members_with_role(&self, org: OrganizationId, role: atrium_kernel::Role) -> Result<Vec<UserId>, AppError> {
        self.0.members_with_role(org, role).await
    }
}

/// Projects asks agreements whether an engagement exists and whose it is.
pub struct Engagements(pub atrium_agreements::AgreementsService);

#[async_trait]
impl atrium_projects::Engagements for Engagements {
    async fn engagement(
        &self,
        org: OrganizationId,
        id: EngagementId,
    ) -> Result<Option<atrium_projects::EngagementRef>, AppError> {
        let found = self.0.engagement_ref(org, id).await?;
        Ok(found.map(|e| atrium_projects::EngagementRef {
            id: e.id,
            client_company_id: e.client_company_id,
            currency: e.currency,
        }))
    }

    async fn client_companies(
        &self,
        org: OrganizationId,
        ids: &[EngagementId],
    ) -> Result<HashMap<EngagementId, Option<ClientCompanyId>>, AppError> {
        self.0.engagement_client_companies(org, ids).await
    }
}

#[async_trait]
impl atrium_revenue::Engagements for Engagements {
    async fn engagement(
        &self,
        org: OrganizationId,
        id: EngagementId,
    ) -> Result<Option<atrium_revenue::EngagementRef>, AppError> {
        let found = self.0.engagement_ref(org, id).await?;
        Ok(found.map(|e| atrium_revenue::EngagementRef {
            id: e.id,
            client_company_id: e.client_company_id,
            currency: e.currency,
            contract_id: e.contract_id,
        }))
    }

    async fn client_companies(
        &self,
        org: OrganizationId,
        ids: &[EngagementId],
    ) -> Result<HashMap<EngagementId, Option<ClientCompanyId>>, AppError> {
        self.0.engagement_client_companies(org, ids).await
    }
}

#[async_trait]
impl atrium_files::Engagements for Engagements {
    async fn exists(&self, org: OrganizationId, id: EngagementId) -> Result<bool, AppError> {
        Ok(self.0.engagement_ref(org, id).await?.is_some())
    }
}

#[async_trait]
impl atrium_comms::Engagements for Engagements {
    async fn exists(&self, org: OrganizationId, id: EngagementId) -> Result<bool, AppError> {
        Ok(self.0.engagement_ref(org, id).await?.is_some())
    }
}

/// Comms matches the addresses of synced mail to CRM contacts.
#[async_trait]
impl atrium_comms::Contacts for Crm {
    async fn by_emails(&self, org: OrganizationId, emails: &[String]) -> Result<HashMap<String, ContactId>, AppError> {
        self.0.contacts_by_email(org, emails).await
    }

    async fn contact(&self, org: OrganizationId, id: ContactId) -> Result<Option<ContactId>, AppError> {
        Ok(self.0.contact_ref(org, id).await?.map(|c| c.id))
    }

    async fn of_company(
        &self,
        org: OrganizationId,
        company: ClientCompanyId,
    ) -> Result<Vec<(ContactId, String, String)>, AppError> {
        self.0.company_contacts_with_email(org, company).await
    }
}

/// Agreements asks CRM about companies, contacts and deals (merged ids resolve to survivors).
pub struct Crm(pub atrium_crm::CrmService);

#[async_trait]
impl atrium_agreements::Crm for Crm {
    async fn company(&self, org: OrganizationId, id: ClientCompanyId) -> Result<Option<ClientCompanyId>, AppError> {
        self.0.company_ref(org, id).await
    }

    async fn contact(
        &self,
        org: OrganizationId,
        id: ContactId,
    ) -> Result<Option<atrium_agreements::ContactRef>, AppError> {
        let found = self.0.contact_ref(org, id).await?;
        Ok(found.map(|c| atrium_agreements::ContactRef { id: c.id, client_company_id: c.client_company_id }))
    }

    async fn deal(&self, org: OrganizationId, id: DealId) -> Result<Option<atrium_agreements::DealRef>, AppError> {
        let found = self.0.deal_ref(org, id).await?;
        Ok(found.map(|d| atrium_agreements::DealRef {
            id: d.id,
            client_company_id: d.client_company_id,
            contact_id: d.contact_id,
        }))
    }
}

/// Revenue prints the organization's and the client's names on documents.
pub struct Parties {
    pub identity: IdentityService,
    pub crm: atrium_crm::CrmService,
}

#[async_trait]
impl atrium_revenue::Parties for Parties {
    async fn organization_name(&self, ctx: &atrium_kernel::OrgCtx) -> Result<String, AppError> {
        Ok(self.identity.me(ctx).await?.organization.name)
    }

    async fn company_name(&self, ctx: &atrium_kernel::OrgCtx, id: ClientCompanyId) -> Result<Option<String>, AppError> {
        match self.crm.get_company(ctx, id).await {
            Ok(c) => Ok(Some(c.name)),
            Err(AppError::NotFound(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// Revenue bills projects' time and milestones, and prints members' names and
/// tasks' titles on the lines that bill time.
pub struct Projects {
    pub projects: atrium_projects::ProjectsService,
    pub identity: IdentityService,
}

#[async_trait]
impl atrium_revenue::Projects for Projects {
    async fn billable_time(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        up_to: chrono::NaiveDate,
    ) -> Result<Vec<atrium_revenue::BillableTime>, AppError> {
        let entries = match self.projects.time().billable_time_in(org, engagement, up_to).await {
            Ok(e) => e,
            Err(AppError::NotFound(_)) => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        Ok(entries
            .into_iter()
            .map(|e| atrium_revenue::BillableTime {
                entry_id: e.entry_id,
                member_id: e.member_id,
                task_id: e.task_id,
                date: e.date,
                minutes: e.minutes,
                billing_rate: e.billing_rate,
            })
            .collect())
    }

    async fn member_names(&self, org: OrganizationId, ids: &[UserId]) -> Result<HashMap<UserId, String>, AppError> {
        self.identity.member_names(org, ids).await
    }

    async fn task_titles(
        &self,
        org: OrganizationId,
        ids: &[atrium_events::projects::TaskId],
    ) -> Result<HashMap<atrium_events::projects::TaskId, String>, AppError> {
        self.projects.time().task_titles(org, ids).await
    }

    async fn milestone_engagements(
        &self,
        org: OrganizationId,
        ids: &[atrium_events::projects::MilestoneId],
    ) -> Result<HashMap<atrium_events::projects::MilestoneId, EngagementId>, AppError> {
        self.projects.milestone_engagements(org, ids).await
    }
}

#[async_trait]
impl atrium_revenue::EngagementBudgets for Engagements {
    async fn engagements(
        &self,
        org: OrganizationId,
        page: &atrium_revenue::EngagementPage,
    ) -> Result<Vec<atrium_revenue::EngagementBudget>, AppError> {
        let sel = atrium_agreements::EngagementSelection {
            engagement_id: page.engagement_id,
            client_company_id: page.client_company_id,
            after: page.after,
            limit: page.limit,
        };
        let found = self.0.engagement_budgets(org, &sel).await?;
        Ok(found
            .into_iter()
            .map(|e| atrium_revenue::EngagementBudget {
                id: e.id,
                client_company_id: e.client_company_id,
                name: e.name,
                budget: e.budget,
            })
            .collect())
    }
}

/// Revenue's profitability report asks projects what approved time cost.
pub struct TimeCosts(pub atrium_projects::TimeService);

#[async_trait]
impl atrium_revenue::TimeCosts for TimeCosts {
    async fn time_costs(
        &self,
        ctx: &atrium_kernel::OrgCtx,
        engagements: &[(EngagementId, Option<atrium_kernel::Currency>)],
        from: Option<chrono::NaiveDate>,
        to: Option<chrono::NaiveDate>,
    ) -> Result<Vec<atrium_revenue::TimeCost>, AppError> {
        let found = self.0.cost_of_time(ctx, engagements, from, to).await?;
        Ok(found
            .into_iter()
            .map(|c| atrium_revenue::TimeCost {
                engagement_id: c.engagement_id,
                minutes: c.minutes,
                unpriced_minutes: c.unpriced_minutes,
                costs: c.costs,
            })
            .collect())
    }
}

/// Comms' mail servers, judged by the webhooks' SSRF rules (the IANA
/// special-purpose registries): loopback and private addresses are refused
/// unless `COMMS_ALLOW_PRIVATE_HOSTS` is set.
pub struct MailHosts {
    pub allow_private: bool,
}

#[async_trait]
impl atrium_comms::HostGuard for MailHosts {
    async fn resolve(&self, host: &str, port: u16) -> Result<Vec<std::net::SocketAddr>, String> {
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        let lookup = tokio::time::timeout(std::time::Duration::from_secs(10), tokio::net::lookup_host((bare, port)))
            .await
            .map_err(|_| "the name did not resolve in time".to_owned())?
            .map_err(|e| format!("the name does not resolve: {e}"))?;
        let addrs: Vec<std::net::SocketAddr> = lookup.collect();
        if addrs.is_empty() {
            return Err("the name resolves to no address".into());
        }
        if !self.allow_private
            && let Some((ip, why)) =
                addrs.iter().find_map(|a| atrium_webhooks::guard::refusal(a.ip()).map(|w| (a.ip(), w)))
        {
            return Err(format!(
                "it resolves to {ip} ({why}); mail servers on loopback or private networks need COMMS_ALLOW_PRIVATE_HOSTS"
            ));
        }
        Ok(addrs)
    }
}

/// What workflow actions act through.
pub fn workflow(
    agreements: &atrium_agreements::AgreementsService,
    projects: &atrium_projects::ProjectsService,
    crm: &atrium_crm::CrmService,
    comms: &atrium_comms::CommsService,
    webhooks: atrium_webhooks::WebhookCaller,
) -> atrium_workflow::ActionPorts {
    atrium_workflow::ActionPorts {
        projects: std::sync::Arc::new(WorkflowProjects(projects.clone())),
        agreements: std::sync::Arc::new(WorkflowAgreements(agreements.clone())),
        crm: std::sync::Arc::new(Crm(crm.clone())),
        comms: std::sync::Arc::new(WorkflowMail(comms.clone())),
        webhooks: std::sync::Arc::new(WorkflowWebhooks(webhooks)),
    }
}

/// Workflow's email action writes through comms, like the compose and reply routes.
pub struct WorkflowMail(pub atrium_comms::CommsService);

#[async_trait]
impl atrium_workflow::ports::Comms for WorkflowMail {
    async fn email(
        &self,
        ctx: &atrium_kernel::OrgCtx,
        m: atrium_workflow::ports::NewEmail,
    ) -> Result<atrium_workflow::ports::WrittenEmail, AppError> {
        use atrium_comms::dto::{ComposeIn, MailboxConnectionId, ReplyIn};
        let to =
            m.to.iter()
                .map(|a| atrium_kernel::Email::parse(a).map_err(|e| AppError::invalid("to", format!("`{a}`: {e}"))))
                .collect::<Result<Vec<_>, _>>()?;
        if to.len() > 100 {
            return Err(AppError::invalid("to", "must name at most 100 recipients"));
        }
        let body_text = atrium_kernel::Text::parse(&m.body_text).map_err(|e| AppError::invalid("body", e))?;
        let connection_id = MailboxConnectionId::from(m.connection_id);
        let written = match m.thread_id {
            Some(thread) => {
                let input = ReplyIn {
                    connection_id: Some(connection_id),
                    to: Some(to),
                    cc: Vec::new(),
                    body_text,
                    body_html: None,
                };
                self.0.reply_as(ctx, thread.into(), input, m.draft).await?
            }
            None => {
                let subject = m.subject.unwrap_or_default();
                let input = ComposeIn {
                    connection_id,
                    to,
                    cc: Vec::new(),
                    bcc: Vec::new(),
                    subject: atrium_kernel::Text::parse(&subject).map_err(|e| AppError::invalid("subject", e))?,
                    body_text,
                    body_html: None,
                    engagement_id: m.engagement_id,
                };
                self.0.compose_as(ctx, input, m.draft).await?
            }
        };
        Ok(atrium_workflow::ports::WrittenEmail {
            message_id: written.id.into_uuid(),
            thread_id: written.thread_id.into_uuid(),
            status: written.status,
        })
    }
}

/// Workflow's webhook action posts through the webhooks domain: its endpoints,
/// URL rules, signing and attempt log.
pub struct WorkflowWebhooks(pub atrium_webhooks::WebhookCaller);

#[async_trait]
impl atrium_workflow::ports::Webhooks for WorkflowWebhooks {
    async fn call(&self, org: OrganizationId, c: atrium_workflow::ports::WebhookCall) -> Result<u16, AppError> {
        self.0.call(org, c.endpoint_id, (c.event_id, "workflow.webhook"), &c.id, &c.body).await
    }
}

/// Workflow's contact action is CRM's booking path: the golden record decides
/// whether the person is new.
#[async_trait]
impl atrium_workflow::ports::Crm for Crm {
    async fn contact_from_booking(
        &self,
        org: OrganizationId,
        actor: &str,
        b: atrium_workflow::ports::NewBooking,
    ) -> Result<(ContactId, bool), AppError> {
        let booking = atrium_events::crm::AppointmentBooked {
            appointment_id: None,
            email: atrium_kernel::Email::parse(&b.email).map_err(|e| AppError::invalid("email", e))?,
            name: b.name,
            company: b.company,
            booking: None,
        };
        Ok(match self.0.contact_from_booking(org, actor, &booking).await? {
            atrium_crm::BookingOutcome::Known(id) => (id, false),
            atrium_crm::BookingOutcome::Created { contact, .. } => (contact, true),
        })
    }
}

/// Workflow actions create tasks and projects with projects' service, so they
/// are checked and published like any other.
pub struct WorkflowProjects(pub atrium_projects::ProjectsService);

#[async_trait]
impl atrium_workflow::ports::Projects for WorkflowProjects {
    async fn create_task(
        &self,
        ctx: &atrium_kernel::OrgCtx,
        t: atrium_workflow::ports::NewTask,
    ) -> Result<atrium_events::projects::TaskId, AppError> {
        use atrium_projects::dto::{Description, TaskIn, Title};
        let input = TaskIn {
            project_id: t.project_id,
            title: Title::parse(&t.title).map_err(|e| AppError::invalid("title", e))?,
            milestone_id: None,
            assignee_id: t.assignee_id,
            status: None,
            description: t
                .description
                .map(|d| Description::parse(&d).map_err(|e| AppError::invalid("description", e)))
                .transpose()?,
            due_date: t
                .due_date
                .map(|d| atrium_kernel::Date::new(d).map_err(|e| AppError::invalid("due_date", e)))
                .transpose()?,
            estimate_minutes: None,
            client_visible: None,
        };
        Ok(self.0.create_task(ctx, input).await?.id)
    }

    async fn create_project(
        &self,
        ctx: &atrium_kernel::OrgCtx,
        engagement: EngagementId,
        name: String,
    ) -> Result<atrium_events::projects::ProjectId, AppError> {
        use atrium_projects::dto::{Name, ProjectIn};
        let input = ProjectIn {
            name: Name::parse(&name).map_err(|e| AppError::invalid("project_name", e))?,
            engagement_id: engagement,
            description: None,
            status: None,
            start_date: None,
            due_date: None,
            client_visible: None,
        };
        Ok(self.0.create_project(ctx, input).await?.id)
    }
}

/// Workflow actions create engagements with agreements' service.
pub struct WorkflowAgreements(pub atrium_agreements::AgreementsService);

#[async_trait]
impl atrium_workflow::ports::Agreements for WorkflowAgreements {
    async fn create_engagement(
        &self,
        ctx: &atrium_kernel::OrgCtx,
        e: atrium_workflow::ports::NewEngagement,
    ) -> Result<EngagementId, AppError> {
        use atrium_agreements::dto::{EngagementIn, Title};
        let input = EngagementIn {
            name: Title::parse(&e.name).map_err(|err| AppError::invalid("name", err))?,
            client_company_id: None,
            contract_id: None,
            deal_id: e.deal_id,
            billing_model: e.billing_model.parse().map_err(|err: String| AppError::invalid("billing_model", err))?,
            budget: None,
            start_date: None,
            end_date: None,
            status: None,
        };
        Ok(self.0.create_engagement(ctx, input).await?.id)
    }
}

/// The portal asks CRM who a contact is and where to mail them.
#[async_trait]
impl atrium_portal::Contacts for Crm {
    async fn contact(
        &self,
        ctx: &atrium_kernel::OrgCtx,
        id: ContactId,
    ) -> Result<Option<atrium_portal::ContactInfo>, AppError> {
        let Some(found) = self.0.contact_ref(ctx.org_id, id).await? else {
            return Ok(None);
        };
        let c = self.0.get_contact(ctx, found.id).await?;
        let name = format!("{} {}", c.first_name, c.last_name).trim().to_owned();
        Ok(Some(atrium_portal::ContactInfo { id: c.id, name, email: c.email }))
    }
}

/// The portal shows the engagement a grant is for.
#[async_trait]
impl atrium_portal::Engagements for Engagements {
    async fn engagement(
        &self,
        org: OrganizationId,
        id: EngagementId,
    ) -> Result<Option<atrium_portal::EngagementInfo>, AppError> {
        let sel = atrium_agreements::EngagementSelection {
            engagement_id: Some(id),
            client_company_id: None,
            after: None,
            limit: 1,
        };
        let found = self.0.engagement_budgets(org, &sel).await?;
        Ok(found.into_iter().next().map(|e| atrium_portal::EngagementInfo { id: e.id, name: e.name }))
    }
}

/// The portal's sign-in links go out as comms messages to the contact.
pub struct PortalMail(pub atrium_comms::CommsService);

#[async_trait]
impl atrium_portal::Mailer for PortalMail {
    async fn send_link(
        &self,
        ctx: &atrium_kernel::OrgCtx,
        mail: atrium_portal::LinkMail,
    ) -> Result<uuid::Uuid, AppError> {
        let notice = atrium_comms::Notice {
            engagement_id: mail.engagement_id,
            contact_id: mail.contact_id,
            to: atrium_comms::dto::AddressOut {
                address: mail.to_address,
                name: (!mail.to_name.is_empty()).then_some(mail.to_name),
            },
            subject: mail.subject,
            body_text: mail.body_text,
        };
        self.0.notify_contact(ctx, notice).await
    }
}

/// The portal shows a client the engagement's issued invoices. Revenue's reads
/// take an `OrgCtx`; the portal has no member, so these reads run as a viewer of
/// the organization with no user (reads only: nothing is written under it).
pub struct PortalInvoices(pub atrium_revenue::RevenueService);

pub(crate) fn portal_reader(org: OrganizationId) -> atrium_kernel::OrgCtx {
    atrium_kernel::OrgCtx {
        org_id: org,
        principal: atrium_kernel::Principal::User(UserId::from(uuid::Uuid::nil())),
        role: atrium_kernel::Role::Viewer,
    }
}

fn client_visible(status: atrium_revenue::dto::InvoiceStatus) -> bool {
    use atrium_revenue::dto::InvoiceStatus::{Draft, Void};
    !matches!(status, Draft | Void)
}

#[async_trait]
impl atrium_portal::Invoices for PortalInvoices {
    async fn issued(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        req: atrium_kernel::PageRequest,
    ) -> Result<atrium_kernel::Page<atrium_portal::InvoiceSummary>, AppError> {
        let filter = atrium_revenue::dto::InvoiceFilter { engagement_id: Some(engagement), ..Default::default() };
        let page = self.0.list_invoices(&portal_reader(org), &filter, req).await?;
        let items = page
            .items
            .into_iter()
            .filter(|i| client_visible(i.status))
            .map(|i| atrium_portal::InvoiceSummary {
                id: i.id.into_uuid(),
                number: i.number.unwrap_or_default(),
                status: i.status.as_str().to_owned(),
                overdue: i.overdue,
                issue_date: i.issue_date,
                due_date: i.due_date,
                total: i.total,
                paid: i.paid,
                balance: i.balance,
            })
            .collect();
        Ok(atrium_kernel::Page { items, next_after: page.next_after })
    }

    async fn pdf(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        id: uuid::Uuid,
    ) -> Result<Option<(String, Vec<u8>)>, AppError> {
        let ctx = portal_reader(org);
        let inv = match self.0.get_invoice(&ctx, id.into()).await {
            Ok(inv) => inv,
            Err(AppError::NotFound(_)) => return Ok(None),
            Err(e) => return Err(e),
        };
        if inv.engagement_id != engagement || !client_visible(inv.status) {
            return Ok(None);
        }
        self.0.invoice_pdf(&ctx, inv.id).await.map(Some)
    }
}

/// Revenue attaches files of the files domain to bills: a file as files shows it to
/// the caller (another organization's or a deleted one is not found).
pub struct BillFiles(pub atrium_files::FilesService);

#[async_trait]
impl atrium_revenue::BillFiles for BillFiles {
    async fn file(
        &self,
        ctx: &atrium_kernel::OrgCtx,
        id: atrium_events::files::FileId,
    ) -> Result<Option<atrium_revenue::AttachableFile>, AppError> {
        let f = match self.0.get(ctx, id).await {
            Ok(f) => f,
            Err(AppError::NotFound(_)) => return Ok(None),
            Err(e) => return Err(e),
        };
        Ok(Some(atrium_revenue::AttachableFile {
            id: f.id,
            engagement_id: f.engagement_id,
            name: f.name,
            internal: f.visibility == atrium_files::dto::Visibility::Internal,
            size: f.current.as_ref().map(|v| v.size),
            media_type: f.current.map(|v| v.media_type),
        }))
    }
}

/// Comms keeps email attachments as files of the thread's engagement, attached
/// to the message. There is no member behind a sync: the files are written as a
/// member of the organization with no user (`created_by` `user:<nil>`).
pub struct MailAttachments(pub atrium_files::FilesService);

#[async_trait]
impl atrium_comms::Attachments for MailAttachments {
    async fn store(
        &self,
        org: OrganizationId,
        file: atrium_comms::AttachmentFile,
    ) -> Result<atrium_comms::AttachmentStored, AppError> {
        let ctx = atrium_kernel::OrgCtx {
            org_id: org,
            principal: atrium_kernel::Principal::User(UserId::from(uuid::Uuid::nil())),
            role: atrium_kernel::Role::Member,
        };
        let meta = atrium_files::dto::FileMeta {
            engagement_id: Some(file.engagement),
            name: Some(file.name),
            visibility: None,
            attached_type: Some("message".into()),
            attached_id: Some(file.message.into_uuid()),
        };
        let max = self.0.config().max_bytes;
        match self.0.upload_as(&ctx, file.id.into(), meta, file.bytes.into()).await {
            Ok(out) => Ok(atrium_comms::AttachmentStored::File(out.id.into_uuid())),
            Err(AppError::PayloadTooLarge) => Ok(atrium_comms::AttachmentStored::Refused(format!(
                "larger than the {max} bytes allowed for a file (FILE_MAX_BYTES)"
            ))),
            Err(AppError::Validation(errors)) => Ok(atrium_comms::AttachmentStored::Refused(
                errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; "),
            )),
            Err(e) => Err(e),
        }
    }
}
