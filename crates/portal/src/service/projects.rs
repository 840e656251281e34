//! The client's view of the work: the engagement's client-visible projects, and
//! in each the client-visible milestones and tasks (permission `view`). Projects
//! are reached through [`crate::ports::Projects`], scoped by the session's
//! organization and engagement; anything hidden is 404, as if it did not exist.

use atrium_kernel::{AppError, Page, PageRequest};

use super::PortalService;
use super::invoices::require;
use super::sessions::PortalCtx;
use crate::dto::{Permission, PortalMilestoneOut, PortalProjectOut, PortalTaskOut};

impl PortalService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn projects(&self, ctx: &PortalCtx, req: PageRequest) -> Result<Page<PortalProjectOut>, AppError> {
        require(ctx, Permission::View)?;
        self.projects.projects(ctx.org_id, ctx.engagement_id, req).await
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, project_id = %id))]
    pub async fn project(&self, ctx: &PortalCtx, id: uuid::Uuid) -> Result<PortalProjectOut, AppError> {
        require(ctx, Permission::View)?;
        self.projects.project(ctx.org_id, ctx.engagement_id, id).await
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, project_id = %project))]
    pub async fn milestones(
        &self,
        ctx: &PortalCtx,
        project: uuid::Uuid,
        req: PageRequest,
    ) -> Result<Page<PortalMilestoneOut>, AppError> {
        require(ctx, Permission::View)?;
        self.projects.milestones(ctx.org_id, ctx.engagement_id, project, req).await
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, milestone_id = %id))]
    pub async fn milestone(&self, ctx: &PortalCtx, id: uuid::Uuid) -> Result<PortalMilestoneOut, AppError> {
        require(ctx, Permission::View)?;
        self.projects.milestone(ctx.org_id, ctx.engagement_id, id).await
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, project_id = %project))]
    pub async fn tasks(
        &self,
        ctx: &PortalCtx,
        project: uuid::Uuid,
        req: PageRequest,
    ) -> Result<Page<PortalTaskOut>, AppError> {
        require(ctx, Permission::View)?;
        self.projects.tasks(ctx.org_id, ctx.engagement_id, project, req).await
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, task_id = %id))]
    pub async fn task(&self, ctx: &PortalCtx, id: uuid::Uuid) -> Result<PortalTaskOut, AppError> {
        require(ctx, Permission::View)?;
        self.projects.task(ctx.org_id, ctx.engagement_id, id).await
    }
}
