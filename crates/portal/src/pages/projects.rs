//! The pages of the engagement's client-visible work: the projects, and a
//! project with its milestones and tasks (status, due date, completion). Lists
//! go page by page with a "more" link carrying the cursor, as the API does.

use atrium_kernel::{AppError, PageOut, PageQuery, PageRequest};
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use super::documents::signed_in;
use super::{csrf_of, layout, more};
use crate::dto::{PortalMilestoneOut, PortalProjectOut, PortalTaskOut};
use crate::http::PortalHttp;

fn project_status(s: &str) -> &'static str {
    match s {
        "planned" => "Planned",
        "active" => "In progress",
        "on_hold" => "On hold",
        "completed" => "Completed",
        "cancelled" => "Cancelled",
        _ => "Other",
    }
}

fn task_status(s: &str) -> &'static str {
    match s {
        "todo" => "To do",
        "in_progress" => "In progress",
        "blocked" => "Waiting",
        "done" => "Done",
        "open" => "Open",
        _ => "Other",
    }
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "Not set".to_owned(), |d| d.to_string())
}

/// `GET /portal/projects`.
pub(crate) async fn projects(State(st): State<PortalHttp>, headers: HeaderMap, page: PageQuery) -> Response {
    let (ctx, token) = match signed_in(&st, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let body = match st.svc.projects(&ctx, page.request()).await {
        Ok(p) => projects_body(&page.respond(p, |p| p)),
        Err(AppError::Forbidden(_)) => html! {
            h1 { "Projects" }
            p.notice { "Your portal access does not include this." }
        },
        Err(e) => return e.into_response(),
    };
    layout::page("Projects", Some(&csrf_of(&token)), body).into_response()
}

fn projects_body(page: &PageOut<PortalProjectOut>) -> Markup {
    html! {
        h1 { "Projects" }
        @if page.items.is_empty() { p { "No projects shared with you yet." } }
        ul.cards {
            @for p in &page.items {
                li {
                    h2 { a href={ "/portal/projects/" (p.id) } { (p.name) } }
                    dl {
                        dt { "Status" } dd { (project_status(&p.status)) }
                        dt { "Starts" } dd { (date(p.start_date)) }
                        dt { "Due" } dd { (date(p.due_date)) }
                    }
                }
            }
        }
        (more("/portal/projects", "projects", page.next_cursor.as_deref()))
    }
}

/// `GET /portal/projects/{id}`: the project, its milestones and its tasks (a
/// `cursor` continues the tasks).
pub(crate) async fn project(
    State(st): State<PortalHttp>,
    headers: HeaderMap,
    Path(id): Path<uuid::Uuid>,
    page: PageQuery,
) -> Response {
    let (ctx, token) = match signed_in(&st, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let found = async {
        let project = st.svc.project(&ctx, id).await?;
        let milestones = st.svc.milestones(&ctx, id, PageRequest::first(200)).await?;
        let tasks = st.svc.tasks(&ctx, id, page.request()).await?;
        Ok::<_, AppError>((project, milestones.items, page.respond(tasks, |t| t)))
    }
    .await;
    let body = match found {
        Ok((p, milestones, tasks)) => project_body(&p, &milestones, &tasks),
        Err(AppError::Forbidden(_)) => html! {
            h1 { "Project" }
            p.notice { "Your portal access does not include this." }
        },
        Err(e) => return e.into_response(),
    };
    layout::page("Project", Some(&csrf_of(&token)), body).into_response()
}

fn project_body(p: &PortalProjectOut, milestones: &[PortalMilestoneOut], tasks: &PageOut<PortalTaskOut>) -> Markup {
    let path = format!("/portal/projects/{}", p.id);
    html! {
        p { a href="/portal/projects" { "All projects" } }
        h1 { (p.name) }
        dl {
            dt { "Status" } dd { (project_status(&p.status)) }
            dt { "Starts" } dd { (date(p.start_date)) }
            dt { "Due" } dd { (date(p.due_date)) }
        }
        h2 { "Milestones" }
        @if milestones.is_empty() {
            p { "No milestones shared yet." }
        } @else {
            table {
                caption { "Milestones of " (p.name) }
                thead { tr { th scope="col" { "Milestone" } th scope="col" { "Due" } th scope="col" { "Status" } } }
                tbody {
                    @for m in milestones {
                        tr { td { (m.name) } td { (date(m.due_date)) } td { (task_status(&m.status)) } }
                    }
                }
            }
        }
        h2 { "Tasks" }
        @if tasks.items.is_empty() {
            p { "No tasks shared yet." }
        } @else {
            table {
                caption { "Tasks of " (p.name) }
                thead { tr { th scope="col" { "Task" } th scope="col" { "Due" } th scope="col" { "Status" } } }
                tbody {
                    @for t in &tasks.items {
                        tr {
                            td { (t.title) }
                            td { (date(t.due_date)) }
                            td {
                                (task_status(&t.status))
                                @if let Some(at) = t.completed_at {
                                    ", " time datetime=(at.to_rfc3339()) { (at.format("%Y-%m-%d")) }
                                }
                            }
                        }
                    }
                }
            }
        }
        (more(&path, "tasks", tasks.next_cursor.as_deref()))
    }
}
