//! Templates: validation, instantiation (dates, atomicity), save-as-template.

use atrium_kernel::{AppError, IfMatch, OrgCtx, PageRequest, Patch, Text};
use atrium_projects::dto::{
    EngagementId, InstantiateIn, MilestoneFilter, ProjectOut, ProjectStatus, SaveAsTemplateIn, TaskFilter, TemplateIn,
    TemplateMilestone, TemplatePatch, TemplateTask,
};
use atrium_testkit::{Backend, TestDb, backend_tests};
use sea_orm::ConnectionTrait;
use sea_orm::sea_query::{Alias, Expr, ExprTrait};
use serde_json::json;

use crate::assert_err;
use crate::common::{Harness, date, day, events_of, events_of_type, harness, invalid_field, snapshot, text, types};

backend_tests!(
    template_validation_names_the_field,
    instantiate_computes_dates,
    instantiate_is_all_or_nothing,
    save_as_template_round_trips,
);

fn ms(key: &str, name: &str, offset_days: i32) -> TemplateMilestone {
    TemplateMilestone { key: text(key), name: text(name), offset_days }
}

fn tk(title: &str, key: Option<&str>, offset_days: i32) -> TemplateTask {
    TemplateTask {
        title: text(title),
        milestone_key: key.map(text),
        offset_days,
        description: None,
        estimate_minutes: None,
    }
}

fn relaunch() -> TemplateIn {
    TemplateIn {
        name: text("Website relaunch"),
        description: Some(text("The usual")),
        milestones: vec![ms("design", "Design signed off", 14), ms("launch", "Launch", 60)],
        tasks: vec![
            TemplateTask {
                estimate_minutes: Some(480),
                description: Some(text("Low-fi first")),
                ..tk("Wireframes", Some("design"), 7)
            },
            tk("Kick-off", None, 0),
            tk("Go live", Some("launch"), 60),
        ],
    }
}

async fn template_validation_names_the_field(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let before = snapshot(&h.conn).await;
    let cases = [
        (
            TemplateIn { milestones: vec![ms("a", "A", 1), ms("a", "B", 2)], tasks: vec![], ..relaunch() },
            "milestones[1].key",
        ),
        (
            TemplateIn { tasks: vec![tk("x", Some("design"), 1), tk("y", Some("nope"), 1)], ..relaunch() },
            "tasks[1].milestone_key",
        ),
        (TemplateIn { tasks: vec![tk("x", None, 3651)], ..relaunch() }, "tasks[0].offset_days"),
        (TemplateIn { milestones: vec![ms("a", "A", -1)], tasks: vec![], ..relaunch() }, "milestones[0].offset_days"),
    ];
    for (input, field) in cases {
        let err = assert_err!(h.svc.create_template(&ctx, input).await, AppError::Validation(_), field);
        assert_eq!(invalid_field(&err), field);
    }
    // Every problem at once, item rules and cross-item rules alike.
    let all = TemplateIn {
        milestones: vec![ms("a", "A", 1), ms("a", "B", 2)],
        tasks: vec![tk("x", None, 3651), tk("y", Some("nope"), 1)],
        ..relaunch()
    };
    match h.svc.create_template(&ctx, all).await {
        Err(AppError::Validation(fields)) => assert_eq!(
            fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(),
            ["milestones[1].key", "tasks[0].offset_days", "tasks[1].milestone_key"]
        ),
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert_eq!(snapshot(&h.conn).await, before, "nothing written");

    let out = h.svc.create_template(&ctx, relaunch()).await.expect("create");
    assert_eq!((out.milestones.len(), out.tasks.len(), out.version), (2, 3, 1));
    assert_eq!(json!(h.svc.get_template(&ctx, out.id).await.expect("get")), json!(out));
    // A patch that drops a milestone its tasks still name is refused.
    let before = snapshot(&h.conn).await;
    let patch = TemplatePatch { milestones: Some(vec![ms("design", "Design", 14)]), ..Default::default() };
    let err = assert_err!(
        h.svc.update_template(&ctx, out.id, patch, IfMatch(Some(1))).await,
        AppError::Validation(_),
        "dangling"
    );
    assert_eq!(invalid_field(&err), "tasks[2].milestone_key");
    assert_eq!(snapshot(&h.conn).await, before);
    let patch =
        TemplatePatch { description: Patch::Null, tasks: Some(vec![tk("Only", None, 3650)]), ..Default::default() };
    let v2 = h.svc.update_template(&ctx, out.id, patch, IfMatch(Some(1))).await.expect("update");
    assert_eq!((v2.version, v2.description.clone(), v2.tasks.len(), v2.milestones.len()), (2, None, 1, 2));
    assert_eq!(h.svc.list_templates(&ctx, PageRequest::default()).await.expect("list").items, vec![v2.clone()]);
    h.svc.delete_template(&ctx, out.id, IfMatch(Some(2))).await.expect("delete");
    assert!(matches!(h.svc.get_template(&ctx, out.id).await, Err(AppError::NotFound(_))));
    assert_eq!(
        types(&events_of(&h.conn, out.id).await),
        ["projects.template.created", "projects.template.updated", "projects.template.deleted"]
    );
}

async fn instantiate(h: &Harness, ctx: &OrgCtx, input: TemplateIn) -> (EngagementId, ProjectOut) {
    let (engagement, _) = h.engagement(ctx).await;
    let tpl = h.svc.create_template(ctx, input).await.expect("template");
    let inst = InstantiateIn { engagement_id: engagement, name: text("Globex relaunch"), start_date: day(2026, 12, 1) };
    (engagement, h.svc.instantiate_template(ctx, tpl.id, inst).await.expect("instantiate"))
}

async fn instantiate_computes_dates(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let (engagement, company) = h.engagement(&ctx).await;
    let tpl = h.svc.create_template(&ctx, relaunch()).await.expect("template");
    let inst = InstantiateIn { engagement_id: engagement, name: text("Globex relaunch"), start_date: day(2026, 12, 1) };
    let p = h.svc.instantiate_template(&ctx, tpl.id, inst).await.expect("instantiate");
    assert_eq!((p.engagement_id, p.client_company_id, p.status), (engagement, Some(company), ProjectStatus::Planned));
    assert_eq!(
        (p.start_date, p.due_date, p.description.as_deref()),
        (Some(date(2026, 12, 1)), Some(date(2027, 1, 30)), Some("The usual"))
    );

    let f = MilestoneFilter { project_id: Some(p.id), ..Default::default() };
    let milestones = h.svc.list_milestones(&ctx, &f, PageRequest::default()).await.expect("milestones").items;
    let got: Vec<_> = milestones.iter().map(|m| (m.name.as_str(), m.due_date)).collect();
    assert_eq!(got, [("Design signed off", Some(date(2026, 12, 15))), ("Launch", Some(date(2027, 1, 30)))]);
    let f = TaskFilter { project_id: Some(p.id), ..Default::default() };
    let tasks = h.svc.list_tasks(&ctx, &f, PageRequest::default()).await.expect("tasks").items;
    let got: Vec<_> = tasks.iter().map(|t| (t.title.as_str(), t.due_date, t.position, t.milestone_id)).collect();
    assert_eq!(
        got,
        [
            ("Wireframes", Some(date(2026, 12, 8)), 0, Some(milestones[0].id)),
            ("Kick-off", Some(date(2026, 12, 1)), 1, None),
            ("Go live", Some(date(2027, 1, 30)), 2, Some(milestones[1].id)),
        ]
    );
    assert_eq!((tasks[0].estimate_minutes, tasks[0].description.as_deref()), (Some(480), Some("Low-fi first")));

    let ev = events_of(&h.conn, p.id).await;
    assert_eq!(types(&ev), ["projects.project.instantiated"], "one event for the whole creation");
    assert_eq!(ev[0].data["engagement_id"], json!(engagement));
    assert_eq!(ev[0].data["template_id"], json!(tpl.id));
    assert_eq!(ev[0].data["task_ids"].as_array().map(Vec::len), Some(3));

    // Another organization's engagement is refused and nothing is written.
    let b = h.org().await;
    let (foreign, _) = h.engagement(&b).await;
    let before = snapshot(&h.conn).await;
    let inst = InstantiateIn { engagement_id: foreign, name: text("X"), start_date: day(2026, 12, 1) };
    let err = assert_err!(
        h.svc.instantiate_template(&ctx, tpl.id, inst).await,
        AppError::Validation(_),
        "foreign engagement"
    );
    assert_eq!(invalid_field(&err), "engagement_id");
    assert_eq!(snapshot(&h.conn).await, before);
}

/// A database trigger fails the third task insert: the project, milestones and
/// the tasks already inserted must all roll back.
async fn instantiate_is_all_or_nothing(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    match db.backend {
        Backend::Sqlite => {
            db.conn
                .execute_unprepared(
                    "CREATE TRIGGER tasks_boom BEFORE INSERT ON tasks WHEN NEW.title = 'boom' \
                     BEGIN SELECT RAISE(ABORT, 'boom'); END",
                )
                .await
                .expect("trigger");
        }
        Backend::Postgres => {
            db.conn
                .execute_unprepared(
                    "CREATE FUNCTION tasks_boom() RETURNS trigger LANGUAGE plpgsql AS $$ \
                     BEGIN IF NEW.title = 'boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$",
                )
                .await
                .expect("function");
            db.conn
                .execute_unprepared(
                    "CREATE TRIGGER tasks_boom BEFORE INSERT ON tasks FOR EACH ROW EXECUTE FUNCTION tasks_boom()",
                )
                .await
                .expect("trigger");
        }
    }
    let (engagement, _) = h.engagement(&ctx).await;
    let mut input = relaunch();
    input.tasks.push(tk("boom", Some("launch"), 61));
    input.tasks.push(tk("After", None, 62));
    let tpl = h.svc.create_template(&ctx, input).await.expect("template");
    let before = snapshot(&h.conn).await;
    let inst = InstantiateIn { engagement_id: engagement, name: text("Doomed"), start_date: day(2026, 12, 1) };
    let err = h.svc.instantiate_template(&ctx, tpl.id, inst).await.expect_err("the trigger fails it");
    assert!(matches!(err, AppError::Internal(_)), "{err:?}");
    assert_eq!(snapshot(&h.conn).await, before, "no project, milestone, task or event");
}

async fn save_as_template_round_trips(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let (engagement, p) = instantiate(&h, &ctx, relaunch()).await;
    let saved = h
        .svc
        .save_as_template(&ctx, p.id, SaveAsTemplateIn { name: text("Playbook"), description: Some(text("saved")) })
        .await
        .expect("save");
    let original = relaunch();
    // Keys are renamed (m1, m2, ...); everything else comes back.
    let names: Vec<_> = saved.milestones.iter().map(|m| (m.name.as_str(), m.offset_days)).collect();
    assert_eq!(names, original.milestones.iter().map(|m| (m.name.as_str(), m.offset_days)).collect::<Vec<_>>());
    let key_name = |k: &Option<Text<50>>, ms: &[TemplateMilestone]| {
        k.as_ref().and_then(|k| ms.iter().find(|m| &m.key == k)).map(|m| m.name.clone())
    };
    let shape = |tasks: &[TemplateTask], ms: &[TemplateMilestone]| {
        tasks
            .iter()
            .map(|t| {
                (
                    t.title.clone(),
                    key_name(&t.milestone_key, ms),
                    t.offset_days,
                    t.description.clone(),
                    t.estimate_minutes,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(shape(&saved.tasks, &saved.milestones), shape(&original.tasks, &original.milestones));
    assert_eq!((saved.name.as_str(), saved.description.as_deref()), ("Playbook", Some("saved")));

    // And the saved template instantiates to the same dates.
    let inst = InstantiateIn { engagement_id: engagement, name: text("Again"), start_date: day(2026, 12, 1) };
    let again = h.svc.instantiate_template(&ctx, saved.id, inst).await.expect("instantiate saved");
    let dates = |project| {
        let (svc, ctx) = (h.svc.clone(), ctx);
        async move {
            let f = TaskFilter { project_id: Some(project), ..Default::default() };
            let tasks = svc.list_tasks(&ctx, &f, PageRequest::default()).await.expect("tasks").items;
            tasks.into_iter().map(|t| (t.title, t.due_date)).collect::<Vec<_>>()
        }
    };
    assert_eq!(dates(again.id).await, dates(p.id).await);

    // Without a start date, offsets count from the earliest due date.
    let patch = atrium_projects::dto::ProjectPatch { start_date: Patch::Null, ..Default::default() };
    h.svc.update_project(&ctx, p.id, patch, IfMatch(None)).await.expect("clear start");
    let f = TaskFilter { project_id: Some(p.id), ..Default::default() };
    let kickoff = h
        .svc
        .list_tasks(&ctx, &f, PageRequest::default())
        .await
        .expect("tasks")
        .items
        .into_iter()
        .find(|t| t.title == "Kick-off")
        .expect("kick-off");
    h.svc.delete_task(&ctx, kickoff.id, IfMatch(None)).await.expect("drop the day-0 task");
    let shifted = h
        .svc
        .save_as_template(&ctx, p.id, SaveAsTemplateIn { name: text("Shifted"), description: None })
        .await
        .expect("save");
    let offsets: Vec<_> = shifted.tasks.iter().map(|t| (t.title.as_str(), t.offset_days)).collect();
    assert_eq!(offsets, [("Wireframes", 0), ("Go live", 53)]);

    let ev = events_of_type(&h.conn, "projects.template.created").await;
    let from_project: Vec<_> = ev.iter().filter(|e| e.data["source_project_id"] == json!(p.id)).collect();
    assert_eq!(from_project.len(), 2);
    assert!(from_project.iter().all(|e| e.data["engagement_id"] == json!(engagement)));

    // Values stored before the input rules: a blank description is none, a blank
    // title cannot be a template's and is refused by name, writing nothing.
    let set = |column: &'static str, value: &'static str, title: &'static str| {
        sea_orm::sea_query::Query::update()
            .table(Alias::new("tasks"))
            .value(Alias::new(column), value)
            .and_where(Expr::col(Alias::new("project_id")).eq(p.id.into_uuid()))
            .and_where(Expr::col(Alias::new("title")).eq(title))
            .to_owned()
    };
    h.conn.execute(&set("description", "  ", "Wireframes")).await.expect("blank description");
    let saved = h
        .svc
        .save_as_template(&ctx, p.id, SaveAsTemplateIn { name: text("Legacy"), description: None })
        .await
        .expect("save");
    assert_eq!(saved.tasks[0].description, None);
    h.conn.execute(&set("title", " ", "Go live")).await.expect("blank title");
    let before = snapshot(&h.conn).await;
    let save = SaveAsTemplateIn { name: text("Refused"), description: None };
    assert_err!(h.svc.save_as_template(&ctx, p.id, save).await, AppError::Conflict { .. }, "blank title");
    assert_eq!(snapshot(&h.conn).await, before);
}
