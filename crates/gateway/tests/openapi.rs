//! The OpenAPI document is the contract: it must match the committed file and
//! describe every operation completely.

use serde_json::Value;

async fn generated() -> Value {
    let doc = atrium_gateway::openapi_document().await.expect("document builds");
    serde_json::to_value(doc).expect("serializes")
}

#[tokio::test]
async fn committed_document_matches_the_code() {
    let committed: Value = serde_json::from_str(include_str!("../../../openapi/openapi.json")).expect("committed JSON");
    assert!(committed == generated().await, "openapi/openapi.json is stale: run `make openapi` and commit it");
}

#[tokio::test]
async fn every_operation_documents_success_errors_and_examples() {
    let doc = generated().await;
    let schemas = &doc["components"]["schemas"];
    let mut problems = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("path item") {
            let name = format!("{} {path}", method.to_uppercase());
            let responses = op["responses"].as_object().expect("responses");
            // A redirect is the success of a browser navigation (the OIDC start).
            if !responses.keys().any(|s| s.starts_with('2') || s.starts_with('3')) {
                problems.push(format!("{name}: no 2xx or 3xx response"));
            }
            let public = op["security"]
                .as_array()
                .is_some_and(|s| s.iter().all(|r| r.as_object().is_some_and(|o| o.is_empty())));
            let mut needed = vec!["500"];
            if !public {
                needed.push("401");
            }
            if path.contains('{') {
                needed.push("404");
            }
            if op.get("requestBody").is_some() {
                needed.extend(["400", "415", "422"]);
                // JSON bodies carry the example on their schema; other media types
                // (a CSV upload) on the media type itself.
                let has_example = op["requestBody"]["content"].as_object().is_some_and(|content| {
                    content.values().all(|media| {
                        let schema_ref = media["schema"]["$ref"].as_str().and_then(|r| r.rsplit('/').next());
                        media.get("example").is_some()
                            || schema_ref.is_some_and(|n| {
                                schemas[n].get("example").is_some() || schemas[n].get("examples").is_some()
                            })
                    })
                });
                if !has_example {
                    problems.push(format!("{name}: request body schema has no example"));
                }
            }
            for status in needed {
                if !responses.contains_key(status) {
                    problems.push(format!("{name}: no {status} response"));
                }
            }
            if op["operationId"].as_str().is_none_or(str::is_empty) || op["tags"].as_array().is_none_or(Vec::is_empty) {
                problems.push(format!("{name}: missing operationId or tag"));
            }
        }
    }
    assert!(problems.is_empty(), "incomplete operations:\n{}", problems.join("\n"));
    let schemes = &doc["components"]["securitySchemes"];
    assert!(schemes["bearer"].is_object() && schemes["cookie"].is_object());
    assert!(
        doc["components"]["responses"]["ValidationFailed"]["content"]["application/problem+json"]["example"]
            .is_object()
    );
}

#[tokio::test]
async fn every_authenticated_operation_states_its_role_and_its_403() {
    let doc = generated().await;
    let known = ["any", "write_records", "write_billing", "manage_organization", "log_time"];
    let mut problems = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("path item") {
            let name = format!("{} {path}", method.to_uppercase());
            let public = op["security"]
                .as_array()
                .is_some_and(|s| s.iter().all(|r| r.as_object().is_some_and(|o| o.is_empty())));
            // The client portal's realm has no staff roles (its session opens only its own engagement).
            let portal = op["security"]
                .as_array()
                .is_some_and(|s| !s.is_empty() && s.iter().all(|r| r.get("portal_session").is_some()));
            match op["x-required-role"].as_str() {
                None if public || portal => {}
                None => problems.push(format!("{name}: no x-required-role")),
                Some(role) if !known.contains(&role) => problems.push(format!("{name}: unknown role {role}")),
                Some(role) => {
                    let has_403 = op["responses"].get("403").is_some();
                    if role != "any" && !has_403 {
                        problems.push(format!("{name}: requires {role} but documents no 403"));
                    }
                    if !op["description"].as_str().is_some_and(|d| d.contains("Required role")) {
                        problems.push(format!("{name}: description does not state the role"));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "operations without their role:\n{}", problems.join("\n"));
}

#[tokio::test]
async fn every_problem_type_the_server_sends_is_documented_with_its_uri() {
    let doc = generated().await;
    let documented: Vec<&str> = doc["components"]["schemas"]["Problem"]["properties"]["type"]["enum"]
        .as_array()
        .expect("Problem.type lists the types")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for p in atrium_kernel::error::PROBLEM_TYPES {
        assert!(documented.contains(&p.uri().as_str()), "{} is not documented", p.uri());
        let example = &doc["components"]["responses"][p.response]["content"]["application/problem+json"]["example"];
        assert_eq!(example["type"], p.uri(), "the {} example names another type", p.response);
        assert_eq!(example["status"], p.status);
    }
}

#[tokio::test]
async fn the_event_catalog_is_in_the_document() {
    let doc = generated().await;
    let hooks = doc["webhooks"].as_object().expect("webhooks");
    assert!(!atrium_events::catalog().is_empty(), "the catalog lists event types");
    for t in atrium_events::catalog() {
        let hook = &hooks[t.name]["post"];
        assert!(hook.is_object(), "{} has no webhook entry", t.name);
        assert!(doc["components"]["schemas"][&t.schema_name].is_object(), "{} has no payload schema", t.name);
    }
}

/// OpenAPI requires unique operation ids; generators key types and functions by
/// them (a duplicate `list` made the TypeScript SDK refuse to compile).
#[tokio::test]
async fn operation_ids_are_unique() {
    let doc = generated().await;
    let mut seen = std::collections::BTreeMap::<String, String>::new();
    let mut problems = Vec::new();
    for section in ["paths", "webhooks"] {
        for (path, item) in doc[section].as_object().expect(section) {
            for (method, op) in item.as_object().expect("path item") {
                let name = format!("{} {path}", method.to_uppercase());
                let Some(id) = op["operationId"].as_str() else { continue };
                if let Some(first) = seen.insert(id.to_owned(), name.clone()) {
                    problems.push(format!("{id}: {first} and {name}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "operation ids used twice:\n{}", problems.join("\n"));
}

/// Every shared problem response points at the one `Problem` schema, so clients
/// get its `type` enum instead of a copy without it.
#[tokio::test]
async fn problem_responses_use_the_problem_schema() {
    let doc = generated().await;
    for (name, response) in doc["components"]["responses"].as_object().expect("responses") {
        let schema = &response["content"]["application/problem+json"]["schema"];
        assert_eq!(schema["$ref"], "#/components/schemas/Problem", "{name} has its own problem schema: {schema}");
    }
}

/// utoipa documents a `#[schema(inline)]` field that has a doc comment as
/// `allOf: [<schema>, {"type": "object", "description": …}]` (juhaku/utoipa#1507):
/// for a string no value satisfies both, and generated clients type the field as
/// `string & object`. Such fields state their schema with `value_type` instead.
#[tokio::test]
async fn no_schema_is_combined_with_an_empty_object() {
    fn walk(at: &str, v: &Value, found: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::Array(parts)) = map.get("allOf") {
                    let empty_object = |p: &Value| {
                        p.get("type").is_some_and(|t| t == "object")
                            && p.get("properties").is_none()
                            && p.get("$ref").is_none()
                            && p.get("additionalProperties").is_none()
                    };
                    if parts.len() > 1 && parts.iter().any(empty_object) {
                        found.push(format!("{at}: {v}"));
                    }
                }
                for (k, child) in map {
                    walk(&format!("{at}/{k}"), child, found);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(&format!("{at}/{i}"), child, found);
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk("", &generated().await, &mut found);
    assert!(found.is_empty(), "schemas that no value can satisfy:\n{}", found.join("\n"));
}

#[tokio::test]
async fn every_operation_documents_its_rate_limit() {
    let doc = generated().await;
    let limited = &doc["components"]["responses"]["TooManyRequests"];
    for h in ["Retry-After", "RateLimit", "RateLimit-Policy"] {
        assert!(limited["headers"][h].is_object(), "the 429 response documents {h}: {limited}");
    }
    let mut problems = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("item") {
            let name = format!("{} {path}", method.to_uppercase());
            match op["responses"]["429"]["$ref"].as_str() {
                Some("#/components/responses/TooManyRequests") => {}
                other => problems.push(format!("{name}: 429 is {other:?}")),
            }
            for (status, r) in op["responses"].as_object().expect("responses") {
                if r.get("$ref").is_none()
                    && !(r["headers"]["RateLimit"].is_object() && r["headers"]["RateLimit-Policy"].is_object())
                {
                    problems.push(format!("{name}: {status} lacks the RateLimit headers"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// Every `$ref` names a component that exists: a schema used only in a query
/// parameter is not registered by utoipa unless inlined, and SDK generators stop
/// at the dangling reference.
#[tokio::test]
async fn every_reference_resolves() {
    fn walk(v: &Value, doc: &Value, dangling: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("$ref") {
                    let target = r.strip_prefix("#/").map(|p| p.split('/').fold(doc, |node, key| &node[key]));
                    if target.is_none_or(Value::is_null) {
                        dangling.push(r.clone());
                    }
                }
                map.values().for_each(|c| walk(c, doc, dangling));
            }
            Value::Array(items) => items.iter().for_each(|c| walk(c, doc, dangling)),
            _ => {}
        }
    }
    let doc = generated().await;
    let mut dangling = Vec::new();
    walk(&doc, &doc, &mut dangling);
    dangling.sort();
    dangling.dedup();
    assert!(dangling.is_empty(), "dangling references: {dangling:?}");
}
