//! What a rule can do. Every text field is a template (see `crate::template`);
//! ids rendered from templates must come out as ids, dates as `YYYY-MM-DD`.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One action of a rule, run through the owning domain's service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ActionSpec {
    /// Create a task in a project (projects). Output: `task_id`.
    #[schema(example = json!({"kind": "create_task", "project_id": "{{ actions.0.project_id }}",
        "title": "Kick-off: {{ data.name }}", "due_date": "{{ occurred_at | date_add_days: 3 }}"}))]
    CreateTask {
        project_id: String,
        title: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        assignee_id: Option<String>,
        /// Renders to `YYYY-MM-DD`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due_date: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        description: Option<String>,
    },
    /// Create an engagement (agreements), from a deal when `deal_id` is given
    /// (its client company follows the deal); with `project_name`, also its first
    /// project (projects). Outputs: `engagement_id`, `project_id`.
    #[schema(example = json!({"kind": "create_engagement", "name": "{{ data.name }}", "deal_id": "{{ data.id }}",
        "project_name": "{{ data.name }} delivery"}))]
    CreateEngagement {
        name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        deal_id: Option<String>,
        /// `fixed` (default), `time_and_materials` or `retainer`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        billing_model: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        project_name: Option<String>,
    },
    /// Make the person a contact unless a live contact has that email (crm), with
    /// the named company (found by name, or created). Outputs: `contact_id`,
    /// `created` (false when the email was known).
    #[schema(example = json!({"kind": "create_contact", "email": "{{ data.email }}", "name": "{{ data.name }}",
        "company": "{{ data.company }}"}))]
    CreateContact {
        email: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        company: Option<String>,
    },
    /// Write an email from a connected mailbox (comms): a new thread, or a reply
    /// in `thread_id`'s; queued to be sent, or left a draft for review when
    /// `draft` is true. `to` is a comma-separated list of addresses. Outputs:
    /// `message_id`, `thread_id`, `status` (`queued` or `draft`).
    #[schema(example = json!({"kind": "send_email", "connection_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
        "to": "{{ data.email }}", "subject": "Thanks for booking, {{ data.name | default: \"there\" }}",
        "body": "See you soon.", "draft": false}))]
    SendEmail {
        connection_id: String,
        to: String,
        /// Required unless `thread_id` is given (a reply keeps the thread's subject).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        subject: Option<String>,
        body: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        thread_id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        engagement_id: Option<String>,
        #[serde(default)]
        draft: bool,
    },
    /// Post a signed call to one of the organization's webhook endpoints
    /// (`/webhooks`): its URL rules and signing secret, the Standard Webhooks
    /// headers; the body is `{type: "workflow.webhook", rule_id, run_id, message,
    /// event}`. A receiver that does not answer 2xx fails the action (retried with
    /// the run). Output: `status`.
    #[schema(example = json!({"kind": "call_webhook", "endpoint_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
        "message": "Deal {{ data.name }} won"}))]
    CallWebhook {
        endpoint_id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message: Option<String>,
    },
    /// Write a note on a record's timeline (`workflow.note.added`): by default the
    /// triggering event's record; or `subject_type` (`contact`, `client_company`,
    /// `deal`, `engagement`, `project`, `task`) with `subject_id`. Output: `note_id`.
    #[schema(example = json!({"kind": "add_note", "text": "Won at {{ occurred_at }}: call {{ data.name }} this week"}))]
    AddNote {
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        subject_type: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        subject_id: Option<String>,
    },
}

impl ActionSpec {
    pub fn kind(&self) -> &'static str {
        match self {
            ActionSpec::CreateTask { .. } => "create_task",
            ActionSpec::CreateEngagement { .. } => "create_engagement",
            ActionSpec::CreateContact { .. } => "create_contact",
            ActionSpec::SendEmail { .. } => "send_email",
            ActionSpec::CallWebhook { .. } => "call_webhook",
            ActionSpec::AddNote { .. } => "add_note",
        }
    }

    /// What later actions may read from this one's output.
    pub fn outputs(&self) -> &'static [&'static str] {
        match self {
            ActionSpec::CreateTask { .. } => &["task_id"],
            ActionSpec::CreateEngagement { .. } => &["engagement_id", "project_id"],
            ActionSpec::CreateContact { .. } => &["contact_id", "created"],
            ActionSpec::SendEmail { .. } => &["message_id", "thread_id", "status"],
            ActionSpec::CallWebhook { .. } => &["status"],
            ActionSpec::AddNote { .. } => &["note_id"],
        }
    }

    /// Each templated field: (name, template source).
    pub fn templates(&self) -> Vec<(&'static str, &str)> {
        let fields: Vec<(&'static str, Option<&String>)> = match self {
            ActionSpec::CreateTask { project_id, title, assignee_id, due_date, description } => vec![
                ("project_id", Some(project_id)),
                ("title", Some(title)),
                ("assignee_id", assignee_id.as_ref()),
                ("due_date", due_date.as_ref()),
                ("description", description.as_ref()),
            ],
            ActionSpec::CreateEngagement { name, deal_id, billing_model, project_name } => vec![
                ("name", Some(name)),
                ("deal_id", deal_id.as_ref()),
                ("billing_model", billing_model.as_ref()),
                ("project_name", project_name.as_ref()),
            ],
            ActionSpec::CreateContact { email, name, company } => {
                vec![("email", Some(email)), ("name", name.as_ref()), ("company", company.as_ref())]
            }
            ActionSpec::SendEmail { connection_id, to, subject, body, thread_id, engagement_id, draft: _ } => vec![
                ("connection_id", Some(connection_id)),
                ("to", Some(to)),
                ("subject", subject.as_ref()),
                ("body", Some(body)),
                ("thread_id", thread_id.as_ref()),
                ("engagement_id", engagement_id.as_ref()),
            ],
            ActionSpec::CallWebhook { endpoint_id, message } => {
                vec![("endpoint_id", Some(endpoint_id)), ("message", message.as_ref())]
            }
            ActionSpec::AddNote { text, subject_type: _, subject_id } => {
                vec![("text", Some(text)), ("subject_id", subject_id.as_ref())]
            }
        };
        fields.into_iter().filter_map(|(name, v)| v.map(|v| (name, v.as_str()))).collect()
    }

    /// The same action with every template replaced by `render(field, source)`.
    pub fn map_templates<E>(&self, mut render: impl FnMut(&str, &str) -> Result<String, E>) -> Result<Self, E> {
        let mut opt = |field: &str, v: &Option<String>| v.as_deref().map(|s| render(field, s)).transpose();
        Ok(match self {
            ActionSpec::CreateTask { project_id, title, assignee_id, due_date, description } => {
                let assignee_id = opt("assignee_id", assignee_id)?;
                let due_date = opt("due_date", due_date)?;
                let description = opt("description", description)?;
                ActionSpec::CreateTask {
                    project_id: render("project_id", project_id)?,
                    title: render("title", title)?,
                    assignee_id,
                    due_date,
                    description,
                }
            }
            ActionSpec::CreateEngagement { name, deal_id, billing_model, project_name } => {
                let deal_id = opt("deal_id", deal_id)?;
                let billing_model = opt("billing_model", billing_model)?;
                let project_name = opt("project_name", project_name)?;
                ActionSpec::CreateEngagement { name: render("name", name)?, deal_id, billing_model, project_name }
            }
            ActionSpec::CreateContact { email, name, company } => {
                let name = opt("name", name)?;
                let company = opt("company", company)?;
                ActionSpec::CreateContact { email: render("email", email)?, name, company }
            }
            ActionSpec::SendEmail { connection_id, to, subject, body, thread_id, engagement_id, draft } => {
                let subject = opt("subject", subject)?;
                let thread_id = opt("thread_id", thread_id)?;
                let engagement_id = opt("engagement_id", engagement_id)?;
                ActionSpec::SendEmail {
                    connection_id: render("connection_id", connection_id)?,
                    to: render("to", to)?,
                    subject,
                    body: render("body", body)?,
                    thread_id,
                    engagement_id,
                    draft: *draft,
                }
            }
            ActionSpec::CallWebhook { endpoint_id, message } => {
                let message = opt("message", message)?;
                ActionSpec::CallWebhook { endpoint_id: render("endpoint_id", endpoint_id)?, message }
            }
            ActionSpec::AddNote { text, subject_type, subject_id } => {
                let subject_id = opt("subject_id", subject_id)?;
                ActionSpec::AddNote { text: render("text", text)?, subject_type: subject_type.clone(), subject_id }
            }
        })
    }
}
