//! The pages of a signed-in contact's documents: projects' neighbours in the
//! nav — proposals (accept or decline), contracts (sign), files (download) and
//! messages (read, reply). Each form is a POST with the session's CSRF token,
//! answered by a 303 back to its page with a notice; a refused action shows
//! the reason as a page (the gateway renders portal errors for people).

use atrium_kernel::{AppError, ClientIp, PageQuery, Text};
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use super::{csrf_of, layout, more};
use crate::dto::PortalSignIn;
use crate::http::PortalHttp;
use crate::service::PortalCtx;

/// The signed-in contact and their session token, or where to go instead.
pub(super) async fn signed_in(st: &PortalHttp, headers: &HeaderMap) -> Result<(PortalCtx, String), Response> {
    let Some(token) = crate::http::cookie_token(headers) else {
        return Err(Redirect::to("/portal/sign-in").into_response());
    };
    match st.svc.authenticate(&token).await {
        Ok(Some(ctx)) => Ok((ctx, token)),
        Ok(None) => Err(Redirect::to("/portal/sign-in").into_response()),
        Err(e) => Err(e.into_response()),
    }
}

/// The refusal of a form whose CSRF token is not the session's.
fn csrf_refusal(token: &str, sent: &str) -> Option<Response> {
    (sent != csrf_of(token)).then(|| {
        AppError::Forbidden("the form's CSRF token does not match this session; reload the page".into()).into_response()
    })
}

/// A page's body, or "your access does not include this" for a 403.
fn or_not_included<T>(title: &str, r: Result<T, AppError>, body: impl FnOnce(T) -> Markup) -> Result<Markup, AppError> {
    match r {
        Ok(v) => Ok(body(v)),
        Err(AppError::Forbidden(_)) => Ok(html! {
            h1 { (title) }
            p.notice { "Your portal access does not include this." }
        }),
        Err(e) => Err(e),
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct Done {
    done: Option<String>,
}

fn notice(done: &Done) -> Markup {
    let text = match done.done.as_deref() {
        Some("accepted") => "Thank you: the proposal is accepted.",
        Some("declined") => "The proposal is declined.",
        Some("signed") => "Thank you: the contract is signed.",
        Some("replied") => "Your reply is on its way.",
        _ => return html! {},
    };
    html! { p.notice role="status" { (text) } }
}

fn label(status: &str) -> &'static str {
    match status {
        "sent" => "Awaiting your decision",
        "accepted" => "Accepted",
        "declined" => "Declined",
        "expired" => "Expired",
        "signed" => "Signed",
        "active" => "Active",
        "completed" => "Completed",
        "terminated" => "Terminated",
        _ => "Other",
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct CsrfOnly {
    csrf: String,
}

/// `GET /portal/proposals`.
pub(crate) async fn proposals(
    State(st): State<PortalHttp>,
    headers: HeaderMap,
    page: PageQuery,
    Query(done): Query<Done>,
) -> Response {
    let (ctx, token) = match signed_in(&st, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let csrf = csrf_of(&token);
    let may_decide = ctx.may(crate::dto::Permission::ApproveProposals);
    let body = or_not_included(
        "Proposals",
        st.svc.proposals(&ctx, page.request()).await.map(|p| page.respond(p, |i| i)),
        |list| {
            html! {
                h1 { "Proposals" }
                (notice(&done))
                @if list.items.is_empty() { p { "No proposals yet." } }
                ul.cards {
                    @for p in &list.items {
                        li {
                            h2 { (p.reference) ": " (p.title) }
                            dl {
                                dt { "Status" } dd { (label(&p.status)) }
                                dt { "Total" } dd { (p.total) }
                                @if let Some(v) = p.valid_until { dt { "Valid until" } dd { (v) } }
                            }
                            table {
                                caption { "Lines of " (p.reference) }
                                thead { tr { th scope="col" { "Item" } th scope="col" { "Quantity" } th scope="col" { "Amount" } } }
                                tbody {
                                    @for l in &p.lines {
                                        tr { td { (l.description) } td { (l.quantity) } td { (l.amount) } }
                                    }
                                }
                            }
                            @if p.status == "sent" && may_decide {
                                div.actions {
                                    form method="post" action={ "/portal/proposals/" (p.id) "/accept" } {
                                        input type="hidden" name="csrf" value=(csrf);
                                        button type="submit" { "Accept " (p.reference) }
                                    }
                                    form method="post" action={ "/portal/proposals/" (p.id) "/decline" } {
                                        input type="hidden" name="csrf" value=(csrf);
                                        button.secondary type="submit" { "Decline " (p.reference) }
                                    }
                                }
                            }
                        }
                    }
                }
                (more("/portal/proposals", "proposals", list.next_cursor.as_deref()))
            }
        },
    );
    match body {
        Ok(b) => layout::page("Proposals", Some(&csrf), b).into_response(),
        Err(e) => e.into_response(),
    }
}

async fn decide(st: PortalHttp, headers: HeaderMap, id: uuid::Uuid, form: CsrfOnly, accept: bool) -> Response {
    let (ctx, token) = match signed_in(&st, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    if let Some(r) = csrf_refusal(&token, &form.csrf) {
        return r;
    }
    match st.svc.decide_proposal(&ctx, id, accept).await {
        Ok(_) => {
            Redirect::to(if accept { "/portal/proposals?done=accepted" } else { "/portal/proposals?done=declined" })
                .into_response()
        }
        Err(e) => e.into_response(),
    }
}

/// `POST /portal/proposals/{id}/accept`.
pub(crate) async fn accept(
    State(st): State<PortalHttp>,
    headers: HeaderMap,
    Path(id): Path<uuid::Uuid>,
    Form(form): Form<CsrfOnly>,
) -> Response {
    decide(st, headers, id, form, true).await
}

/// `POST /portal/proposals/{id}/decline`.
pub(crate) async fn decline(
    State(st): State<PortalHttp>,
    headers: HeaderMap,
    Path(id): Path<uuid::Uuid>,
    Form(form): Form<CsrfOnly>,
) -> Response {
    decide(st, headers, id, form, false).await
}

/// `GET /portal/contracts`.
pub(crate) async fn contracts(
    State(st): State<PortalHttp>,
    headers: HeaderMap,
    page: PageQuery,
    Query(done): Query<Done>,
) -> Response {
    let (ctx, token) = match signed_in(&st, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let csrf = csrf_of(&token);
    let may_sign = ctx.may(crate::dto::Permission::SignContracts);
    let body = or_not_included(
        "Contracts",
        st.svc.contracts(&ctx, page.request()).await.map(|p| page.respond(p, |i| i)),
        |list| {
            html! {
                h1 { "Contracts" }
                (notice(&done))
                @if list.items.is_empty() { p { "No contracts yet." } }
                ul.cards {
                    @for c in &list.items {
                        li {
                            h2 { (c.title) }
                            dl {
                                dt { "Status" } dd { (label(&c.status)) }
                                @if let Some(t) = &c.total { dt { "Total" } dd { (t) } }
                                @if let Some(d) = c.start_date { dt { "Starts" } dd { (d) } }
                                @if let (Some(n), Some(at)) = (&c.signer_name, c.signed_at) {
                                    dt { "Signed by" } dd { (n) ", " (at.format("%Y-%m-%d %H:%M UTC")) }
                                }
                            }
                            @if let Some(terms) = &c.terms { h3 { "Terms" } p.terms { (terms) } }
                            @if c.status == "sent" && may_sign {
                                form.sign method="post" action={ "/portal/contracts/" (c.id) "/sign" } {
                                    input type="hidden" name="csrf" value=(csrf);
                                    label for={ "name-" (c.id) } { "Your full name" }
                                    input id={ "name-" (c.id) } name="signer_name" type="text" required autocomplete="name" maxlength="200";
                                    label for={ "email-" (c.id) } { "Your email address" }
                                    input id={ "email-" (c.id) } name="signer_email" type="email" required autocomplete="email";
                                    label for={ "sig-" (c.id) } { "Type your name again as your signature" }
                                    input id={ "sig-" (c.id) } name="signature" type="text" required maxlength="200";
                                    button type="submit" { "Sign “" (c.title) "”" }
                                }
                            }
                        }
                    }
                }
                (more("/portal/contracts", "contracts", list.next_cursor.as_deref()))
            }
        },
    );
    match body {
        Ok(b) => layout::page("Contracts", Some(&csrf), b).into_response(),
        Err(e) => e.into_response(),
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct SignForm {
    csrf: String,
    signer_name: String,
    signer_email: String,
    signature: String,
}

/// `POST /portal/contracts/{id}/sign`.
pub(crate) async fn sign(
    State(st): State<PortalHttp>,
    headers: HeaderMap,
    Path(id): Path<uuid::Uuid>,
    ClientIp(ip): ClientIp,
    Form(form): Form<SignForm>,
) -> Response {
    let (ctx, token) = match signed_in(&st, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    if let Some(r) = csrf_refusal(&token, &form.csrf) {
        return r;
    }
    let input = (|| -> Result<PortalSignIn, AppError> {
        Ok(PortalSignIn {
            signer_name: Text::parse(&form.signer_name).map_err(|e| AppError::invalid("signer_name", e))?,
            signer_email: atrium_kernel::Email::parse(&form.signer_email)
                .map_err(|e| AppError::invalid("signer_email", e))?,
            signature_data: Text::parse(&form.signature).map_err(|e| AppError::invalid("signature", e))?,
        })
    })();
    let result = match input {
        Ok(input) => st.svc.sign_contract(&ctx, id, input, ip.map(|ip| ip.to_string())).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Redirect::to("/portal/contracts?done=signed").into_response(),
        Err(e) => e.into_response(),
    }
}

/// `GET /portal/files`.
pub(crate) async fn files(State(st): State<PortalHttp>, headers: HeaderMap, page: PageQuery) -> Response {
    let (ctx, token) = match signed_in(&st, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let body =
        or_not_included("Files", st.svc.files(&ctx, page.request()).await.map(|p| page.respond(p, |i| i)), |list| {
            html! {
                h1 { "Files" }
                @if list.items.is_empty() { p { "No files shared with you yet." } }
                ul.cards {
                    @for f in &list.items {
                        li {
                            a href={ "/portal/api/v1/files/" (f.id) "/download" } { "Download " (f.name) }
                            " (" (f.media_type) ", " (kib(f.size)) ")"
                        }
                    }
                }
                (more("/portal/files", "files", list.next_cursor.as_deref()))
            }
        });
    match body {
        Ok(b) => layout::page("Files", Some(&csrf_of(&token)), b).into_response(),
        Err(e) => e.into_response(),
    }
}

fn kib(size: i64) -> String {
    if size < 1024 { format!("{size} bytes") } else { format!("{} KiB", size.div_euclid(1024)) }
}

/// `GET /portal/messages`.
pub(crate) async fn messages(State(st): State<PortalHttp>, headers: HeaderMap, page: PageQuery) -> Response {
    let (ctx, token) = match signed_in(&st, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let body = or_not_included(
        "Messages",
        st.svc.threads(&ctx, page.request()).await.map(|p| page.respond(p, |i| i)),
        |list| {
            html! {
                h1 { "Messages" }
                @if list.items.is_empty() { p { "No conversations shared with you yet." } }
                ul.cards {
                    @for t in &list.items {
                        li {
                            a href={ "/portal/messages/" (t.id) } { (t.subject) }
                            " · " (t.message_count) " message(s), last " (t.last_message_at.format("%Y-%m-%d"))
                        }
                    }
                }
                (more("/portal/messages", "conversations", list.next_cursor.as_deref()))
            }
        },
    );
    match body {
        Ok(b) => layout::page("Messages", Some(&csrf_of(&token)), b).into_response(),
        Err(e) => e.into_response(),
    }
}

/// `GET /portal/messages/{id}`: a shared thread and the reply form.
pub(crate) async fn thread(
    State(st): State<PortalHttp>,
    headers: HeaderMap,
    page: PageQuery,
    Path(id): Path<uuid::Uuid>,
    Query(done): Query<Done>,
) -> Response {
    let (ctx, token) = match signed_in(&st, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let csrf = csrf_of(&token);
    let may_reply = ctx.may(crate::dto::Permission::ReplyThreads);
    let body = or_not_included(
        "Messages",
        st.svc.thread_messages(&ctx, id, page.request()).await.map(|p| page.respond(p, |i| i)),
        |list| {
            html! {
                h1 { "Conversation" }
                (notice(&done))
                ol.messages {
                    @for m in &list.items {
                        li {
                            p.meta {
                                strong { (m.from_name.clone().unwrap_or_else(|| m.from_address.clone())) }
                                " · " time datetime=(m.sent_at.to_rfc3339()) { (m.sent_at.format("%Y-%m-%d %H:%M UTC")) }
                            }
                            p.body { (m.body_text) }
                        }
                    }
                }
                (more(&format!("/portal/messages/{id}"), "messages", list.next_cursor.as_deref()))
                @if may_reply {
                    form method="post" action={ "/portal/messages/" (id) "/reply" } {
                        input type="hidden" name="csrf" value=(csrf);
                        label for="reply" { "Your reply" }
                        textarea id="reply" name="body_text" rows="5" required maxlength="20000" {}
                        button type="submit" { "Send reply" }
                    }
                }
            }
        },
    );
    match body {
        Ok(b) => layout::page("Conversation", Some(&csrf), b).into_response(),
        Err(e) => e.into_response(),
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct ReplyForm {
    csrf: String,
    body_text: String,
}

/// `POST /portal/messages/{id}/reply`.
pub(crate) async fn reply(
    State(st): State<PortalHttp>,
    headers: HeaderMap,
    Path(id): Path<uuid::Uuid>,
    Form(form): Form<ReplyForm>,
) -> Response {
    let (ctx, token) = match signed_in(&st, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    if let Some(r) = csrf_refusal(&token, &form.csrf) {
        return r;
    }
    let body = match Text::<20_000>::parse(&form.body_text) {
        Ok(b) => b.into_inner(),
        Err(e) => return AppError::invalid("body_text", e).into_response(),
    };
    match st.svc.reply(&ctx, id, body).await {
        Ok(_) => Redirect::to(&format!("/portal/messages/{id}?done=replied")).into_response(),
        Err(e) => e.into_response(),
    }
}
