//! Routes with their OpenAPI documentation attached but not built.
//!
//! utoipa-axum's `OpenApiRouter` builds every operation's documentation (and the
//! schemas it references) when a route is registered, so a server that never
//! serves `/openapi.json` still runs all of it at start: several megabytes of
//! allocations and code touched in every crate (idle RSS, bench/RESULTS.md, issue
//! 12). [`ApiRouter`] registers the handlers the same way but keeps, per route,
//! a plain function that documents it; [`ApiDocs::openapi`] runs them when the
//! document is wanted (`atrium openapi`, the first `/openapi.json`).
//!
//! Handlers are documented exactly as utoipa-axum documents them (the macro calls
//! into `utoipa_axum::routes!`), so the document does not change.

use std::convert::Infallible;

use axum::Router;
use axum::extract::Request;
use axum::handler::Handler;
use axum::response::IntoResponse;
use axum::routing::{MethodRouter, Route as AxumRoute};
use tower::{Layer, Service};
use utoipa::openapi::path::Paths;
use utoipa::openapi::schema::Schema;
use utoipa::openapi::{Components, HttpMethod, OpenApi, RefOr};
use utoipa_axum::PathItemExt;

/// The schemas an operation references, by name.
pub type Schemas = Vec<(String, RefOr<Schema>)>;

/// Adds one route's operations and schemas; called only when the document is built.
pub type Document = fn(&mut Paths, &mut Schemas);

/// The handlers of one path (what [`routes!`](crate::routes) makes), and how to document them.
pub struct Route<S> {
    paths: Vec<String>,
    methods: MethodRouter<S>,
    document: Document,
}

impl<S: Clone + Send + Sync + 'static> Route<S> {
    #[doc(hidden)]
    pub fn new(document: Document) -> Self {
        Self { paths: Vec::new(), methods: MethodRouter::new(), document }
    }

    #[doc(hidden)]
    pub fn handler<H, T>(mut self, path: String, methods: Vec<HttpMethod>, handler: H) -> Self
    where
        H: Handler<T, S>,
        T: 'static,
    {
        for method in methods {
            self.methods = self.methods.on(method.to_method_filter(), handler.clone());
        }
        if !self.paths.contains(&path) {
            self.paths.push(path);
        }
        self
    }
}

/// An axum router and the documentation of its routes, kept as functions.
pub struct ApiRouter<S = ()> {
    router: Router<S>,
    docs: ApiDocs,
}

impl<S: Clone + Send + Sync + 'static> Default for ApiRouter<S> {
    fn default() -> Self {
        Self::new()
    }
}

impl<S: Clone + Send + Sync + 'static> ApiRouter<S> {
    pub fn new() -> Self {
        Self { router: Router::new(), docs: ApiDocs::default() }
    }

    /// Serves a [`routes!`](crate::routes) group at its path.
    pub fn routes(mut self, route: Route<S>) -> Self {
        for path in &route.paths {
            let path = if path.is_empty() { "/" } else { path.as_str() };
            self.router = self.router.route(path, route.methods.clone());
        }
        self.docs.0.push(route.document);
        self
    }

    /// Serves a route outside the document (pages, not API operations).
    pub fn route(mut self, path: &str, methods: MethodRouter<S>) -> Self {
        self.router = self.router.route(path, methods);
        self
    }

    pub fn merge(mut self, other: ApiRouter<S>) -> Self {
        self.router = self.router.merge(other.router);
        self.docs.extend(other.docs);
        self
    }

    /// Wraps the routes registered so far (as [`Router::layer`]).
    pub fn layer<L>(self, layer: L) -> Self
    where
        L: Layer<AxumRoute> + Clone + Send + Sync + 'static,
        L::Service: Service<Request> + Clone + Send + Sync + 'static,
        <L::Service as Service<Request>>::Response: IntoResponse + 'static,
        <L::Service as Service<Request>>::Error: Into<Infallible> + 'static,
        <L::Service as Service<Request>>::Future: Send + 'static,
    {
        Self { router: self.router.layer(layer), docs: self.docs }
    }

    pub fn with_state<S2>(self, state: S) -> ApiRouter<S2> {
        ApiRouter { router: self.router.with_state(state), docs: self.docs }
    }

    /// The router to serve, and the documentation to build when asked.
    pub fn into_parts(self) -> (Router<S>, ApiDocs) {
        (self.router, self.docs)
    }
}

/// The documentation of a set of routes, not yet built: a list of function
/// pointers, so holding it costs nothing.
#[derive(Clone, Default)]
pub struct ApiDocs(Vec<Document>);

impl ApiDocs {
    pub fn extend(&mut self, other: ApiDocs) {
        self.0.extend(other.0);
    }

    /// Builds every route's operations and schemas into `doc`.
    pub fn openapi(&self, mut doc: OpenApi) -> OpenApi {
        for document in &self.0 {
            let mut paths = Paths::new();
            let mut schemas = Schemas::new();
            document(&mut paths, &mut schemas);
            for (path, item) in paths.paths {
                match doc.paths.paths.get_mut(&path) {
                    Some(it) => it.merge_operations(item),
                    None => {
                        doc.paths.paths.insert(path, item);
                    }
                }
            }
            // The first definition of a name stands, as in `OpenApi::merge`.
            let components = doc.components.get_or_insert_with(Components::new);
            for (name, schema) in schemas {
                components.schemas.entry(name).or_insert(schema);
            }
        }
        doc
    }
}

#[doc(hidden)]
pub mod __private {
    pub use utoipa_axum;
}

/// `routes!(list, create)`: the handlers of one path, as utoipa-axum's `routes!`
/// takes them (each annotated with `#[utoipa::path]`), for [`ApiRouter::routes`].
#[macro_export]
macro_rules! routes {
    // Segments as plain tokens: utoipa-axum's helper arms split the path apart,
    // which an opaque `path` fragment cannot be.
    ($($($segment:ident)::+),+ $(,)?) => {{
        fn document(paths: &mut ::utoipa::openapi::path::Paths, out: &mut $crate::api::Schemas) {
            let mut schemas = $crate::api::Schemas::new();
            $({
                let (path, operation, methods) =
                    $crate::api::__private::utoipa_axum::routes!(@resolve_types $($segment)::+ : schemas);
                paths.add_path_operation(&path, methods, operation);
            })+
            out.append(&mut schemas);
        }
        let route = $crate::api::Route::new(document);
        $(
            let route = route.handler(
                $crate::api::__private::utoipa_axum::routes!(@path [path()] of $($segment)::+),
                $crate::api::__private::utoipa_axum::routes!(@path [methods()] of $($segment)::+),
                $($segment)::+,
            );
        )+
        route
    }};
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use axum::routing::get;
    use tower::ServiceExt;

    use super::ApiRouter;

    #[derive(serde::Serialize, utoipa::ToSchema)]
    struct Greeting {
        text: String,
    }

    #[utoipa::path(get, path = "/greetings/{id}", tag = "test",
        params(("id" = String, Path)), responses((status = 200, body = Greeting)))]
    async fn read(axum::extract::Path(id): axum::extract::Path<String>) -> axum::Json<Greeting> {
        axum::Json(Greeting { text: format!("hello {id}") })
    }

    #[utoipa::path(delete, path = "/greetings/{id}", tag = "test", responses((status = 204)))]
    async fn remove() -> StatusCode {
        StatusCode::NO_CONTENT
    }

    async fn status(router: &axum::Router, method: &str, uri: &str) -> StatusCode {
        let req = Request::builder().method(method).uri(uri).body(Body::empty()).expect("request");
        router.clone().oneshot(req).await.expect("response").status()
    }

    #[tokio::test]
    async fn serves_every_handler_and_documents_only_the_operations_when_asked() {
        let (router, docs) =
            ApiRouter::new().routes(crate::routes!(read, remove)).route("/page", get(|| async { "html" })).into_parts();
        assert_eq!(status(&router, "GET", "/greetings/7").await, StatusCode::OK);
        assert_eq!(status(&router, "DELETE", "/greetings/7").await, StatusCode::NO_CONTENT);
        assert_eq!(status(&router, "POST", "/greetings/7").await, StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(status(&router, "GET", "/page").await, StatusCode::OK);

        let doc = serde_json::to_value(docs.openapi(Default::default())).expect("json");
        let item = &doc["paths"]["/greetings/{id}"];
        assert_eq!(item["get"]["tags"], serde_json::json!(["test"]));
        assert!(item["delete"].is_object());
        assert!(doc["components"]["schemas"]["Greeting"].is_object(), "the referenced schema: {doc}");
        assert!(doc["paths"].get("/page").is_none(), "a plain route is not an operation");
    }
}
