//! Collects what each domain's [`Module`] brings (routes, subscribers, jobs, tags),
//! so the composition root registers a domain in one line and hands its service
//! to the ports of the domains that need it.

use std::sync::Arc;

use atrium_kernel::ApiRouter;
use atrium_outbox::{CachedRoute, Job, Module, Subscriber};
use utoipa::openapi::OpenApi;
use utoipa::openapi::tag::TagBuilder;

#[derive(Default)]
pub struct Registry {
    router: ApiRouter,
    pub subscribers: Vec<Arc<dyn Subscriber>>,
    pub jobs: Vec<Arc<dyn Job>>,
    tags: Vec<(&'static str, &'static str)>,
    pub cached: Vec<CachedRoute>,
}

impl Registry {
    /// Takes the module's parts and returns its service.
    pub fn add<S>(&mut self, module: Module<S>) -> S {
        self.router = std::mem::take(&mut self.router).merge(module.router);
        self.subscribers.extend(module.subscribers);
        self.jobs.extend(module.jobs);
        self.tags.extend(module.tags);
        self.cached.extend(module.cached);
        module.service
    }

    pub fn job(&mut self, job: impl Job) {
        self.jobs.push(Arc::new(job));
    }

    /// The merged routes, and the tags to put into the document.
    pub fn into_api(self) -> (ApiRouter, Vec<(&'static str, &'static str)>) {
        (self.router, self.tags)
    }
}

/// Adds the domains' tags (in registration order) to the document.
pub fn add_tags(doc: &mut OpenApi, tags: &[(&'static str, &'static str)]) {
    let list = doc.tags.get_or_insert_with(Vec::new);
    for (name, description) in tags {
        if !list.iter().any(|t| t.name == *name) {
            list.push(TagBuilder::new().name(*name).description(Some(*description)).build());
        }
    }
}
