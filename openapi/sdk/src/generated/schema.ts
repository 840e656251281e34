// Generated from openapi/openapi.json by scripts/generate.mjs (`make sdk`). Do not edit.
export interface paths {
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * API keys of the active organization (owner/admin).
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        get: operations["list_api_keys"];
        put?: never;
        /**
         * Create an API key (owner/admin). The secret is in this response only.
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        post: operations["create_api_key"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key (owner/admin); it stops working at once.
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        delete: operations["revoke_api_key"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password. Throttled per email and per client IP. */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out: the session's token stops working.
         * @description Required role: any member of the organization (`any`).
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/{provider}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the provider sends the browser back: verifies the ID token and signs in.
         * @description The ID token's signature (the provider's JWKS), issuer, audience, expiry and
         *     nonce are verified and the `state` is used once. The user is the one linked
         *     to this provider account, else the one with the same verified email (linked
         *     now), else a new account with its first organization (as sign-up does). The
         *     session is issued exactly as `POST /api/v1/auth/login` issues it.
         */
        get: operations["oidc_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/{provider}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start signing in with an OpenID provider.
         * @description Answers 303 to the provider's authorization endpoint (authorization code flow
         *     with PKCE, `state` and `nonce`) and sets a short-lived HttpOnly cookie that
         *     binds the sign-in to this browser. Open it in the browser (a navigation, not
         *     `fetch`); the provider sends the browser back to the callback.
         */
        get: operations["oidc_start"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account and its first organization, and sign in. */
        post: operations["signup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's billing settings (defaults until first changed).
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["get_settings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change billing settings. The base currency is fixed once an invoice is issued (409).
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        patch: operations["update_settings"];
        trace?: never;
    };
    "/api/v1/client-companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Client companies, oldest first; filter by status or name prefix.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["client_companies_list"];
        put?: never;
        /**
         * Create a client company.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["client_companies_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/client-companies/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Candidate duplicate companies: same name or same domain.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["client_companies_duplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/client-companies/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every client company matching the filters, as CSV (streamed).
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["export_companies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/client-companies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One company; a merged one resolves with `status: merged` and `merged_into_id`.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["client_companies_get"];
        put?: never;
        post?: never;
        /**
         * Delete a company: its contacts are deleted, its deals lose the reference.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        delete: operations["client_companies_delete"];
        options?: never;
        head?: never;
        /**
         * Change a company (absent fields unchanged, `null` clears).
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        patch: operations["client_companies_update"];
        trace?: never;
    };
    "/api/v1/client-companies/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge `source_ids` into this company. The survivor keeps its non-empty fields,
         *     fills empty ones from the sources in order and takes the union of tags; contacts
         *     and deals move to it; the sources become tombstones (status `merged`). `dry_run`
         *     reports the result and the conflicts without writing.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["client_companies_merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/comms/unknown-senders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Senders of synced mail that match no CRM contact, so CRM or a workflow rule can create them.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["unknown_senders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Contacts, oldest first; filter by company, email or free text `q`.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["contacts_list"];
        put?: never;
        /**
         * Create a contact. An email already used in the organization is a 409 naming that contact.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["contacts_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Candidate duplicates: same email, same phone, or same name within a company.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["contacts_duplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every contact matching the filters, as CSV (streamed).
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["export_contacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import contacts from CSV (`text/csv`, header row required; columns `first_name`,
         *     `last_name`, `email`, `phone`, `title`, `company` (a name: found or created),
         *     `client_company_id`). Rows are matched to existing contacts by email: a match is
         *     updated with the row's non-empty cells, anything else is created. A wrong row is
         *     skipped with its reason; a malformed file changes nothing. At most 10,000 rows
         *     and 20 MiB. `dry_run=true` reports without writing.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["contacts_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One contact; a merged one resolves with `merged_into_id` naming the survivor.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["contacts_get"];
        put?: never;
        post?: never;
        /**
         * Delete a contact; deals keep no reference to it.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        delete: operations["contacts_delete"];
        options?: never;
        head?: never;
        /**
         * Change a contact (absent fields unchanged, `null` clears).
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        patch: operations["contacts_update"];
        trace?: never;
    };
    "/api/v1/contacts/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge `source_ids` into this contact. The survivor keeps its non-empty fields and
         *     fills empty ones from the sources in order; deals move to it; the sources become
         *     tombstones. `dry_run` reports the result and the conflicts without writing.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["contacts_merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Contracts, oldest first; filter by status or client company. Signature data is never listed.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["contracts_list"];
        put?: never;
        /**
         * Create a draft contract directly (without a proposal).
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["contracts_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contracts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One contract, with who signed it and when (not the signature data).
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["contracts_get"];
        put?: never;
        post?: never;
        /**
         * Delete a contract that was never signed; a signed one is kept (409).
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        delete: operations["contracts_delete"];
        options?: never;
        head?: never;
        /**
         * Change a draft contract; once sent it is a 409.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        patch: operations["contracts_update"];
        trace?: never;
    };
    "/api/v1/contracts/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start delivery of a signed contract (signed → active).
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["activate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contracts/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a fulfilled contract (active → completed).
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["contracts_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contracts/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a draft contract for signature (draft → sent). Any other status is a 409 naming it.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["contracts_send"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contracts/{id}/sign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the client's signature (sent → signed). The server stamps `signed_at`
         *     and the caller's address; `signature_data` is stored encrypted and never
         *     listed or put in events.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["sign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contracts/{id}/signature": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signature of a signed contract, decrypted. 404 while unsigned.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["signature"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contracts/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a signed or active contract early (→ terminated).
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["terminate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credit-notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Required role: any member of the organization (`any`). */
        get: operations["get_credit_note"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deliveries that failed every attempt, newest first (owner/admin).
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        get: operations["list_dead_letters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dead-letters/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver every dead letter of the organization again (owner/admin).
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        post: operations["replay_all_dead_letters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dead-letters/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver one dead letter again, with a fresh set of attempts (owner/admin).
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        post: operations["replay_dead_letter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deals, oldest first; filter by stage, company or owner.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["deals_list"];
        put?: never;
        /**
         * Create a deal. Company, contact and owner must belong to the organization.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["deals_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every deal matching the filters, as CSV (streamed). Value in minor units.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["export_deals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One deal.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["deals_get"];
        put?: never;
        post?: never;
        /**
         * Delete a deal.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        delete: operations["deals_delete"];
        options?: never;
        head?: never;
        /**
         * Change a deal; a stage change is also recorded as `crm.deal.stage_changed`.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        patch: operations["deals_update"];
        trace?: never;
    };
    "/api/v1/engagements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Engagements, oldest first; filter by status, client company or contract.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["engagements_list"];
        put?: never;
        /**
         * Create an engagement. The client company is copied from the contract, else
         *     from the deal; an explicit `client_company_id` that disagrees with them is a 422.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["engagements_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/engagements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One engagement.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["engagements_get"];
        put?: never;
        post?: never;
        /**
         * Delete an engagement and, by foreign key, the work hanging off it.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        delete: operations["engagements_delete"];
        options?: never;
        head?: never;
        /**
         * Change an engagement (any status may be set).
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        patch: operations["engagements_update"];
        trace?: never;
    };
    "/api/v1/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every event type with its payload schema; the same payloads reach webhooks and
         *     the change feed (`GET /api/v1/events`).
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["event_types_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's events in commit order — creations, updates, deletions,
         *     merges — for incremental sync. Events are kept for the outbox retention period.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["change_feed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Files of the organization, oldest first; filter by engagement or by what they are attached to.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["files_list"];
        put?: never;
        /**
         * Upload a file, streamed to the store: `multipart/form-data` (a `file` part and
         *     optional `engagement_id`, `name`, `visibility`, `attached_type`, `attached_id`
         *     parts before it) or a raw body with the same fields in the query string. Over
         *     `FILE_MAX_BYTES` is a 413. A raw body with a `Content-Length` goes to S3 as one
         *     streamed PutObject; without one (chunked), as a multipart upload. No total time
         *     limit: an upload is cut off (408) only after `UPLOAD_IDLE_TIMEOUT_SECS` without progress.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a direct upload: a pending file and a presigned PUT bound to the declared
         *     length and type. PUT the bytes there, then `POST /api/v1/files/{id}/complete`.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["start_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Required role: any member of the organization (`any`). */
        get: operations["files_get"];
        put?: never;
        post?: never;
        /**
         * Mark a file deleted: hidden from lists, restorable by an admin for `FILE_RETENTION_DAYS`.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        delete: operations["files_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish a direct upload: the object must exist with the declared size and
         *     SHA-256 (422 otherwise, and nothing current changes); then it is the current version.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["files_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bytes: a 302 to a presigned GET (`FILE_URL_TTL_SECS`), or with
         *     `stream=true` streamed through Atrium with `Range` (206/416) and `ETag`.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bring back a deleted file (within the retention).
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        post: operations["undelete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every version, newest first.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["versions"];
        put?: never;
        /**
         * Add a version: the bytes streamed (raw or multipart, as for a new file), or a
         *     JSON `DirectVersionIn` for a presigned PUT (answered like `/files/uploads`).
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["add_version"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}/versions/{n}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make version `n` current again, as a new version (history only grows).
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["restore_version"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fx-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Exchange rates against the base currency, oldest entry first.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["list_fx_rates"];
        put?: never;
        /**
         * Enter the rate of a currency against the base currency for one day (replaces
         *     that day's earlier entry; issued documents keep the rate they stored).
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        post: operations["record_fx_rate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fx-rates/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import exchange rates from CSV (`text/csv`, header `date,from,to,rate`; `to` is
         *     the base currency, `rate` a decimal string with at most 9 decimals, stored
         *     exactly). All or nothing: any bad row is a 422 whose `errors[]` name
         *     `rows[N].column` (N = 1 is the first row after the header) and nothing is
         *     written. A rate for a currency and day that has one replaces it; an identical
         *     one is left alone. Each rate written publishes `revenue.fx_rate.recorded`.
         *     At most 10,000 rows and 512 KiB (413).
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        post: operations["fx_rates_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Invitations of the active organization, newest first (owner/admin).
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        get: operations["list_invitations"];
        put?: never;
        /**
         * Invite someone by email (owner/admin). The token is in this response only.
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        post: operations["create_invitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation sent to the signed-in user's email.
         * @description Required role: any member of the organization (`any`).
         */
        post: operations["accept_invitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a pending invitation (owner/admin).
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        delete: operations["revoke_invitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoice-reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Payment reminders drafted for overdue invoices, oldest first. The daily job
         *     drafts one when an invoice reaches a step of `reminder_steps` (billing
         *     settings); when it first sees an invoice past several steps it drafts only the
         *     highest one reached, and it never drafts a step twice for an invoice.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["invoice_reminders_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoice-reminders/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dismiss a drafted reminder: it will not be sent, and its step is not drafted
         *     again. Dismissing it twice changes nothing; a sent reminder is 409.
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        post: operations["dismiss"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoice-schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Invoice schedules, oldest first; filter by engagement, kind or status.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["invoice_schedules_list"];
        put?: never;
        /**
         * Add a schedule to an engagement. Each kind takes its own terms: `fixed` its
         *     `installments`; `milestone` its `milestones`; `retainer` a `period`,
         *     `starts_on` and fee `amount` (optional `included_minutes`); `time_and_materials`
         *     a `period` and `starts_on`. A field of another kind is a 422 naming it.
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        post: operations["invoice_schedules_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoice-schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Required role: any member of the organization (`any`). */
        get: operations["invoice_schedules_get"];
        put?: never;
        post?: never;
        /**
         * Delete a schedule and its run records; the invoices it drafted stay.
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        delete: operations["invoice_schedules_delete"];
        options?: never;
        head?: never;
        /**
         * Pause, resume or end a schedule, or change its terms for the periods not yet
         *     run. An ended schedule is 409; so is replacing installments or milestone terms
         *     once the schedule has run.
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        patch: operations["invoice_schedules_update"];
        trace?: never;
    };
    "/api/v1/invoice-schedules/{id}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a schedule now, as the daily runner would: drafts every period or
         *     installment due up to `up_to` (default and at most today) that no run has
         *     drafted. Safe to repeat: each period is drafted once. A paused or ended
         *     schedule is 409.
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        post: operations["run"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoice-schedules/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a schedule has processed: one record per period, installment or milestone.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["runs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Invoices, oldest first; filter by status (`overdue`: open and past due), engagement or client.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["invoices_list"];
        put?: never;
        /**
         * Create a draft invoice under an engagement; the server computes every amount.
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        post: operations["invoices_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Required role: any member of the organization (`any`). */
        get: operations["invoices_get"];
        put?: never;
        post?: never;
        /**
         * Delete a draft. Issued invoices are voided or credited, never deleted (409).
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        delete: operations["invoices_delete"];
        options?: never;
        head?: never;
        /**
         * Change a draft (`lines` replaces every line). An issued invoice is 409: credit it instead.
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        patch: operations["invoices_update"];
        trace?: never;
    };
    "/api/v1/invoices/{id}/credit-notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The credit notes of an invoice.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["list_credit_notes"];
        put?: never;
        /**
         * Credit an issued invoice: the lines given, or (no lines) the whole invoice when
         *     nothing is paid or credited yet. Never more than the balance (422).
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        post: operations["create_credit_note"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/issue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a draft: the next number of the series, the exchange rate of the issue
         *     date (422 naming `issue_date` when none is entered), the due date from the terms.
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        post: operations["issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a payment against an issued invoice: in its currency, at most its balance
         *     (422 naming `amount`), with the exchange rate of `received_on` for a foreign currency.
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        post: operations["record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The invoice as a PDF (issuer, client, lines, taxes, totals, due date, number).
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/time-entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The time entries an invoice bills, with the line (by position) that bills each.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["invoiced_time"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Void an issued invoice with no payments or credits; its number stays used.
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        post: operations["void"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mailbox-connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Mailbox connections with their sync health.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["mailbox_connections_list"];
        put?: never;
        /**
         * Connect a mailbox (IMAP); its first sync runs within a minute. The password
         *     is encrypted at rest and never returned.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["mailbox_connections_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mailbox-connections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Required role: any member of the organization (`any`). */
        get: operations["mailbox_connections_get"];
        put?: never;
        post?: never;
        /**
         * Remove the connection; mail it imported stays.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        delete: operations["mailbox_connections_delete"];
        options?: never;
        head?: never;
        /**
         * Change settings or credentials (absent fields unchanged). New credentials end
         *     an `auth_failed` state and sync right away.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        patch: operations["mailbox_connections_update"];
        trace?: never;
    };
    "/api/v1/mailbox-connections/{id}/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sync health: state, last success, lag, imported counts, last error, next run.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mailbox-connections/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop syncing until resumed.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mailbox-connections/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sync again, right away (also after a backoff or refused credentials).
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mailbox-connections/{id}/resync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read the whole first-sync window again on the next run (due now); nothing
         *     already imported is imported twice.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["resync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller: user (or API key), active organization and role.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/active-organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make another of the caller's organizations the session's active one.
         * @description Required role: any member of the organization (`any`).
         */
        post: operations["switch_organization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/member-capacities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Member capacities, oldest first: filter by member (`me` for the caller).
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["member_capacities_list"];
        put?: never;
        /**
         * Set a member's weekly capacity from a date (default 2400 minutes over Monday
         *     to Friday). It applies until the member's next capacity starts; to change it,
         *     add one from a later date. One capacity per member and date (409).
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        post: operations["member_capacities_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/member-capacities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Required role: any member of the organization (`any`). */
        get: operations["member_capacities_get"];
        put?: never;
        post?: never;
        /**
         * Delete a capacity: from its date the member's earlier capacity (or none) applies again.
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        delete: operations["member_capacities_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Members of the active organization, oldest first.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["list_members"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One member, with its version as `ETag`.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["get_member"];
        put?: never;
        post?: never;
        /**
         * Remove a member (owner/admin). The last owner cannot be removed.
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        delete: operations["remove_member"];
        options?: never;
        head?: never;
        /**
         * Change a member's role (owner/admin). Only an owner grants or removes ownership;
         *     the last owner stays an owner.
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        patch: operations["update_member"];
        trace?: never;
    };
    "/api/v1/messages/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a draft after review (an overdue-invoice reminder, for one): it is
         *     queued and sent in the background. A message that is not a draft is 409.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["messages_send"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/milestones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Milestones, oldest first; filter by project or status.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["milestones_list"];
        put?: never;
        /**
         * Create a milestone in a project.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["milestones_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/milestones/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Required role: any member of the organization (`any`). */
        get: operations["milestones_get"];
        put?: never;
        post?: never;
        /**
         * Delete a milestone; its tasks stay in the project without a milestone.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        delete: operations["milestones_delete"];
        options?: never;
        head?: never;
        /**
         * Change a milestone (absent fields unchanged, `null` clears).
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        patch: operations["milestones_update"];
        trace?: never;
    };
    "/api/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Organizations the caller belongs to, with the caller's role in each.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["list_organizations"];
        put?: never;
        /**
         * Create another organization; the caller becomes its owner.
         * @description Required role: any member of the organization (`any`).
         */
        post: operations["create_organization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Payments, oldest first; filter by invoice.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["payments_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Required role: any member of the organization (`any`). */
        get: operations["payments_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reverse a payment (refund, bounced transfer): the invoice's balance grows back.
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        post: operations["reverse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Project templates, oldest first.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["project_templates_list"];
        put?: never;
        /**
         * Create a template. Milestone keys are unique; a task's `milestone_key` names one
         *     of them; offsets are 0–3650 days.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["project_templates_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Required role: any member of the organization (`any`). */
        get: operations["project_templates_get"];
        put?: never;
        post?: never;
        /** @description Required role: owner, admin, member (`write_records`); other roles get 403. */
        delete: operations["project_templates_delete"];
        options?: never;
        head?: never;
        /**
         * Change a template; `milestones` and `tasks` are replaced whole when given.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        patch: operations["project_templates_update"];
        trace?: never;
    };
    "/api/v1/project-templates/{id}/instantiate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a project from the template under an engagement: its milestones and
         *     tasks are due `offset_days` after `start_date`. All or nothing.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["instantiate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Projects, oldest first; filter by engagement, status or client company.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["projects_list"];
        put?: never;
        /**
         * Create a project under an engagement; its client company is the engagement's.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["projects_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Required role: any member of the organization (`any`). */
        get: operations["projects_get"];
        put?: never;
        post?: never;
        /**
         * Delete a project with its milestones and tasks.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        delete: operations["projects_delete"];
        options?: never;
        head?: never;
        /**
         * Change a project (absent fields unchanged, `null` clears).
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        patch: operations["projects_update"];
        trace?: never;
    };
    "/api/v1/projects/{id}/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Save the project's milestones and tasks as a new template. Offsets count from
         *     the project's start date (or its earliest due date).
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["save_as_template"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Proposals, oldest first; filter by status, client company or deal.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["proposals_list"];
        put?: never;
        /**
         * Create a draft proposal with the organization's next number. Line totals,
         *     `subtotal` and `total` are computed by the server; totals in the body are ignored.
         *     Every line must be priced in the proposal's `currency`.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["proposals_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One proposal with its lines.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["proposals_get"];
        put?: never;
        post?: never;
        /**
         * Delete a proposal. An accepted one is kept (409).
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        delete: operations["proposals_delete"];
        options?: never;
        head?: never;
        /**
         * Change a draft; `line_items` replaces all lines. A proposal past draft is a 409.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        patch: operations["proposals_update"];
        trace?: never;
    };
    "/api/v1/proposals/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the client's acceptance (sent → accepted) while the proposal is valid.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{id}/contract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Draw up the contract of an accepted proposal: title, client company, contact,
         *     deal, currency and total are copied. One contract per proposal (409 with `existing_id`).
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["contract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the client's refusal (sent → declined).
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["decline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/proposals/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a draft to the client (draft → sent). A proposal without lines is a 422;
         *     any other status is a 409 naming it.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["proposals_send"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rate-cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Rate cards, oldest first: filter by member, engagement, or defaults only.
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        get: operations["rate_cards_list"];
        put?: never;
        /**
         * Set a member's billing and cost rate from a date: their default (no
         *     `engagement_id`) or an override for one engagement, in its currency. To change
         *     rates, add a card from a later date; one card per member, engagement and date (409).
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        post: operations["rate_cards_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rate-cards/effective": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The rates that price a member's time on an engagement on a day: the
         *     engagement's override in force that day, else the member's default in force
         *     (when it is in the engagement's currency). 404 when no card applies.
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        get: operations["effective"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rate-cards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Required role: owner, admin, billing (`write_billing`); other roles get 403. */
        get: operations["rate_cards_get"];
        put?: never;
        post?: never;
        /**
         * Delete a rate card: from its date the earlier card applies again.
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        delete: operations["rate_cards_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/ar-aging": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Accounts receivable aging: each client's open balances (issued and partly paid
         *     invoices) by days past due — current, 1–30, 31–60, 61–90, 91+ — in the base
         *     currency at each invoice's stored rate, with the totals of every client.
         *     Paginated by client.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["ar_aging"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/engagement-profitability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Engagement profitability: per engagement, what was invoiced (net of tax and of
         *     credit notes) against the cost of approved time (minutes × each member's cost
         *     rate on the day) and the budget, with the margin. Costs and budgets in another
         *     currency convert at the rates of `rate_date`; none entered is a 422 naming it.
         *     Paginated by engagement.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["engagement_profitability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/revenue-by-client": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Revenue by client and calendar month, net of tax: invoice subtotals by issue
         *     date (void invoices excluded) less credit-note subtotals by their issue date,
         *     in the base currency at each document's stored rate. Paginated by client.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["revenue_by_client"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/utilization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Utilization per member over a period (`from`, `to`, both days included):
         *     available minutes from each member's weekly capacity (prorated per working
         *     day, following capacity changes inside the period), logged, billable and
         *     approved minutes, and billable / available and billable / total in basis
         *     points on the `basis` chosen (`approved` by default, or `logged`). Narrow it to
         *     a member (`me`), a project or an engagement; pages go by member id. Every role
         *     reads every member's row, as with time entries; another organization's id in a
         *     filter is a 404.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tasks across projects: filter by project (then listed in position order),
         *     status, assignee (`me` for the caller), milestone, or due before a date.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["tasks_list"];
        put?: never;
        /**
         * Create a task at the end of its project.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["tasks_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Required role: any member of the organization (`any`). */
        get: operations["tasks_get"];
        put?: never;
        post?: never;
        /**
         * Delete a task; the tasks after it move up one place.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        delete: operations["tasks_delete"];
        options?: never;
        head?: never;
        /**
         * Change a task (absent fields unchanged, `null` clears). Becoming `done` sets
         *     `completed_at`.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        patch: operations["tasks_update"];
        trace?: never;
    };
    "/api/v1/tasks/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reorder a task within its project: give `position` (0-based rank), `before_id`
         *     or `after_id`. The project's positions stay 0..n.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["move_task"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tax-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Required role: any member of the organization (`any`). */
        get: operations["list_tax_rates"];
        put?: never;
        /** @description Required role: owner, admin, billing (`write_billing`); other roles get 403. */
        post: operations["create_tax_rate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tax-rates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Required role: any member of the organization (`any`). */
        get: operations["get_tax_rate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename or archive a tax rate (its percentage never changes: create a new rate).
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        patch: operations["update_tax_rate"];
        trace?: never;
    };
    "/api/v1/threads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Email threads, newest first: all, by engagement, by contact, or unfiled.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["threads_list"];
        put?: never;
        /**
         * Write a new message (starting a new thread) from a mailbox connection. It is
         *     queued and sent in the background; its `status` says how that went.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["compose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/threads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Required role: any member of the organization (`any`). */
        get: operations["threads_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/threads/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * File the thread under an engagement (or move it to another).
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["file"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/threads/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A thread's messages, oldest first.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["messages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/threads/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reply in the thread. It is queued and sent in the background with
         *     `In-Reply-To`/`References` to the thread's newest message.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["reply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/threads/{id}/share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Share the thread with the client: the portal shows shared threads only.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["share"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/threads/{id}/unshare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop sharing the thread with the client.
         * @description Required role: owner, admin, member (`write_records`); other roles get 403.
         */
        post: operations["unshare"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/time-entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Time entries: filter by member (`me` for the caller), project, engagement,
         *     date range, billable, approval state, and `invoiced=false` for time not yet
         *     billed. Every id in a filter must be the organization's (else 404).
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["time_entries_list"];
        put?: never;
        /**
         * Log time as a draft. A member logs only their own; owners, admins and billing
         *     may give another member's `member_id`.
         * @description Required role: owner, admin, member, billing (`log_time`); other roles get 403.
         */
        post: operations["time_entries_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/time-entries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Required role: any member of the organization (`any`). */
        get: operations["time_entries_get"];
        put?: never;
        post?: never;
        /**
         * Delete a draft or rejected entry (a member: their own).
         * @description Required role: owner, admin, member, billing (`log_time`); other roles get 403.
         */
        delete: operations["time_entries_delete"];
        options?: never;
        head?: never;
        /**
         * Change a draft or rejected entry (a member: their own). Submitted entries wait
         *     for a decision and approved ones are locked (409).
         * @description Required role: owner, admin, member, billing (`log_time`); other roles get 403.
         */
        patch: operations["time_entries_update"];
        trace?: never;
    };
    "/api/v1/time-entries/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a submitted entry; it is locked from then on. Approving time is a
         *     billing decision: owners, admins and billing.
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        post: operations["approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/time-entries/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a submitted entry back to its member, with an optional reason.
         * @description Required role: owner, admin, billing (`write_billing`); other roles get 403.
         */
        post: operations["reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/time-entries/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a draft or rejected entry for approval (a member: their own).
         * @description Required role: owner, admin, member, billing (`log_time`); other roles get 403.
         */
        post: operations["submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What happened, newest first: for one engagement, one entity, or the whole organization.
         * @description Required role: any member of the organization (`any`).
         */
        get: operations["list_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Webhook endpoints of the organization (owner/admin).
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        get: operations["list_webhooks"];
        put?: never;
        /**
         * Subscribe a URL to event types (owner/admin). Deliveries are signed with the
         *     returned secret (Standard Webhooks: `webhook-id`, `webhook-timestamp`,
         *     `webhook-signature`). URLs that resolve to private addresses are refused.
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        post: operations["create_webhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One endpoint, with its version as `ETag` (owner/admin).
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        get: operations["get_webhook"];
        put?: never;
        post?: never;
        /**
         * Delete an endpoint; pending deliveries to it are dropped (owner/admin).
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        delete: operations["delete_webhook"];
        options?: never;
        head?: never;
        /**
         * Change an endpoint: URL, event types, description, enabled (owner/admin).
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        patch: operations["update_webhook"];
        trace?: never;
    };
    "/api/v1/webhooks/{id}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Delivery attempts to one endpoint with the receiver's status codes, newest first (owner/admin).
         * @description Required role: owner, admin (`manage_organization`); other roles get 403.
         */
        get: operations["list_attempts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blobs/{org}/{file}/{object}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_blob"];
        put: operations["put_blob"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers. */
        get: operations["live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: the database answers, no request failed for want of it in the last
         *     half second, and its schema is current. A 503 names the reason (database
         *     unreachable, migrations pending) and carries `Retry-After`.
         */
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics (text exposition format). With `METRICS_TOKEN` set, send
         *     `Authorization: Bearer <token>`; with `METRICS_BIND_ADDR` set, they are served on
         *     that address instead (404 here); with neither, only to a local (loopback) client
         *     that no proxy forwards.
         */
        get: operations["render_metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "agreements.contract.activated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delivery of a signed contract started.
         * @description Delivered for `agreements.contract.activated` events (aggregate `contract`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.contract.activated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreements.contract.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An active contract was fulfilled.
         * @description Delivered for `agreements.contract.completed` events (aggregate `contract`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.contract.completed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreements.contract.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A draft contract was created, directly or from an accepted proposal.
         * @description Delivered for `agreements.contract.created` events (aggregate `contract`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.contract.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreements.contract.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A contract that was never signed was deleted.
         * @description Delivered for `agreements.contract.deleted` events (aggregate `contract`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.contract.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreements.contract.sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A draft contract was sent for signature.
         * @description Delivered for `agreements.contract.sent` events (aggregate `contract`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.contract.sent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreements.contract.signed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The client signed a sent contract.
         * @description Delivered for `agreements.contract.signed` events (aggregate `contract`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.contract.signed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreements.contract.terminated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A signed or active contract was ended early.
         * @description Delivered for `agreements.contract.terminated` events (aggregate `contract`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.contract.terminated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreements.contract.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A draft contract was changed.
         * @description Delivered for `agreements.contract.updated` events (aggregate `contract`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.contract.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreements.engagement.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An engagement was created, on its own or to deliver a contract.
         * @description Delivered for `agreements.engagement.created` events (aggregate `engagement`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.engagement.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreements.engagement.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An engagement was deleted with the work hanging off it.
         * @description Delivered for `agreements.engagement.deleted` events (aggregate `engagement`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.engagement.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreements.engagement.status_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An engagement moved to another status.
         * @description Delivered for `agreements.engagement.status_changed` events (aggregate `engagement`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.engagement.status_changed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreements.engagement.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An engagement was changed.
         * @description Delivered for `agreements.engagement.updated` events (aggregate `engagement`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.engagement.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreements.proposal.accepted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The client accepted a sent proposal.
         * @description Delivered for `agreements.proposal.accepted` events (aggregate `proposal`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.proposal.accepted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreements.proposal.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A draft proposal was created with the organization's next number.
         * @description Delivered for `agreements.proposal.created` events (aggregate `proposal`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.proposal.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreements.proposal.declined": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The client declined a sent proposal.
         * @description Delivered for `agreements.proposal.declined` events (aggregate `proposal`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.proposal.declined"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreements.proposal.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A proposal was deleted.
         * @description Delivered for `agreements.proposal.deleted` events (aggregate `proposal`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.proposal.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreements.proposal.expired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A sent proposal lapsed after its valid_until day.
         * @description Delivered for `agreements.proposal.expired` events (aggregate `proposal`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.proposal.expired"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreements.proposal.sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A draft proposal was sent to the client.
         * @description Delivered for `agreements.proposal.sent` events (aggregate `proposal`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.proposal.sent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreements.proposal.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A draft proposal was changed.
         * @description Delivered for `agreements.proposal.updated` events (aggregate `proposal`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.proposal.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreements.references.repointed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * After a CRM merge, proposals, contracts and engagements were pointed at the surviving record.
         * @description Delivered for `agreements.references.repointed` events (aggregate `client_company`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["agreements.references.repointed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "appointment.booked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An appointment was booked by the person named (published by a booking integration).
         * @description Delivered for `appointment.booked` events (aggregate `appointment`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["appointment.booked"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "comms.connection.auth_failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The mail provider refused a connection's credentials; its sync stopped.
         * @description Delivered for `comms.connection.auth_failed` events (aggregate `mailbox_connection`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["comms.connection.auth_failed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "comms.connection.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A mailbox connection was added.
         * @description Delivered for `comms.connection.created` events (aggregate `mailbox_connection`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["comms.connection.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "comms.connection.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A mailbox connection was removed (its imported mail stays).
         * @description Delivered for `comms.connection.deleted` events (aggregate `mailbox_connection`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["comms.connection.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "comms.connection.paused": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A mailbox connection's sync was paused.
         * @description Delivered for `comms.connection.paused` events (aggregate `mailbox_connection`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["comms.connection.paused"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "comms.connection.resumed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A mailbox connection's sync was resumed.
         * @description Delivered for `comms.connection.resumed` events (aggregate `mailbox_connection`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["comms.connection.resumed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "comms.connection.resync_requested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A full resync of a mailbox connection was requested.
         * @description Delivered for `comms.connection.resync_requested` events (aggregate `mailbox_connection`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["comms.connection.resync_requested"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "comms.connection.sync_failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A sync run of a mailbox connection failed; it backs off and retries.
         * @description Delivered for `comms.connection.sync_failed` events (aggregate `mailbox_connection`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["comms.connection.sync_failed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "comms.connection.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A mailbox connection's settings or credentials were changed.
         * @description Delivered for `comms.connection.updated` events (aggregate `mailbox_connection`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["comms.connection.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "comms.message.drafted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An email draft was written, to be reviewed and sent.
         * @description Delivered for `comms.message.drafted` events (aggregate `message`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["comms.message.drafted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "comms.message.queued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An email message was written and queued to be sent.
         * @description Delivered for `comms.message.queued` events (aggregate `message`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["comms.message.queued"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "comms.message.received": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An email message was imported from a mailbox.
         * @description Delivered for `comms.message.received` events (aggregate `message`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["comms.message.received"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "comms.message.send_failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sending an email message failed (it is retried with backoff, or given up).
         * @description Delivered for `comms.message.send_failed` events (aggregate `message`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["comms.message.send_failed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "comms.message.sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An email message was accepted by the mail server.
         * @description Delivered for `comms.message.sent` events (aggregate `message`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["comms.message.sent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "comms.thread.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new email thread was started by a synced message.
         * @description Delivered for `comms.thread.created` events (aggregate `thread`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["comms.thread.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "comms.thread.filed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An email thread was filed under an engagement.
         * @description Delivered for `comms.thread.filed` events (aggregate `thread`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["comms.thread.filed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "comms.thread.shared": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An email thread was shared with the client.
         * @description Delivered for `comms.thread.shared` events (aggregate `thread`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["comms.thread.shared"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "comms.thread.unshared": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An email thread is no longer shared with the client.
         * @description Delivered for `comms.thread.unshared` events (aggregate `thread`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["comms.thread.unshared"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "crm.company.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A client company was created.
         * @description Delivered for `crm.company.created` events (aggregate `client_company`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["crm.company.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "crm.company.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A client company was deleted, and its contacts with it.
         * @description Delivered for `crm.company.deleted` events (aggregate `client_company`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["crm.company.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "crm.company.merged": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Duplicate client companies were merged into a survivor.
         * @description Delivered for `crm.company.merged` events (aggregate `client_company`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["crm.company.merged"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "crm.company.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A client company was changed.
         * @description Delivered for `crm.company.updated` events (aggregate `client_company`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["crm.company.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "crm.contact.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A contact was created.
         * @description Delivered for `crm.contact.created` events (aggregate `contact`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["crm.contact.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "crm.contact.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A contact was deleted.
         * @description Delivered for `crm.contact.deleted` events (aggregate `contact`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["crm.contact.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "crm.contact.merged": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Duplicate contacts were merged into a survivor.
         * @description Delivered for `crm.contact.merged` events (aggregate `contact`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["crm.contact.merged"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "crm.contact.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A contact was changed.
         * @description Delivered for `crm.contact.updated` events (aggregate `contact`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["crm.contact.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "crm.deal.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A deal was created.
         * @description Delivered for `crm.deal.created` events (aggregate `deal`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["crm.deal.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "crm.deal.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A deal was deleted.
         * @description Delivered for `crm.deal.deleted` events (aggregate `deal`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["crm.deal.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "crm.deal.stage_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A deal moved to another stage.
         * @description Delivered for `crm.deal.stage_changed` events (aggregate `deal`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["crm.deal.stage_changed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "crm.deal.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A deal was changed.
         * @description Delivered for `crm.deal.updated` events (aggregate `deal`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["crm.deal.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "files.file.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A file was deleted (restorable for the retention period).
         * @description Delivered for `files.file.deleted` events (aggregate `file`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["files.file.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "files.file.restored": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A deleted file was restored by an admin.
         * @description Delivered for `files.file.restored` events (aggregate `file`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["files.file.restored"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "files.file.uploaded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A file was uploaded under an engagement.
         * @description Delivered for `files.file.uploaded` events (aggregate `file`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["files.file.uploaded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "files.version.added": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new version of a file was uploaded.
         * @description Delivered for `files.version.added` events (aggregate `file`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["files.version.added"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "files.version.restored": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An older version of a file was made current again.
         * @description Delivered for `files.version.restored` events (aggregate `file`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["files.version.restored"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "identity.api_key.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An API key was created.
         * @description Delivered for `identity.api_key.created` events (aggregate `api_key`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["identity.api_key.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "identity.api_key.revoked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An API key was revoked.
         * @description Delivered for `identity.api_key.revoked` events (aggregate `api_key`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["identity.api_key.revoked"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "identity.identity.linked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An account at an OpenID provider was linked to a user.
         * @description Delivered for `identity.identity.linked` events (aggregate `user_identity`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["identity.identity.linked"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "identity.invitation.accepted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An invitation was accepted.
         * @description Delivered for `identity.invitation.accepted` events (aggregate `invitation`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["identity.invitation.accepted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "identity.invitation.revoked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A pending invitation was revoked.
         * @description Delivered for `identity.invitation.revoked` events (aggregate `invitation`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["identity.invitation.revoked"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "identity.invitation.sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Someone was invited to join the organization.
         * @description Delivered for `identity.invitation.sent` events (aggregate `invitation`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["identity.invitation.sent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "identity.member.added": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A user became a member of the organization.
         * @description Delivered for `identity.member.added` events (aggregate `member`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["identity.member.added"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "identity.member.removed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A member was removed from the organization.
         * @description Delivered for `identity.member.removed` events (aggregate `member`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["identity.member.removed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "identity.member.role_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A member's role changed.
         * @description Delivered for `identity.member.role_changed` events (aggregate `member`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["identity.member.role_changed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "identity.organization.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An organization was created; its creator is its first owner.
         * @description Delivered for `identity.organization.created` events (aggregate `organization`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["identity.organization.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.member_capacity.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A member's weekly capacity was set from a date.
         * @description Delivered for `projects.member_capacity.created` events (aggregate `member_capacity`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.member_capacity.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.member_capacity.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A member's capacity was deleted.
         * @description Delivered for `projects.member_capacity.deleted` events (aggregate `member_capacity`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.member_capacity.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.milestone.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A milestone was completed.
         * @description Delivered for `projects.milestone.completed` events (aggregate `milestone`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.milestone.completed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.milestone.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A milestone was added to a project.
         * @description Delivered for `projects.milestone.created` events (aggregate `milestone`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.milestone.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.milestone.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A milestone was deleted; its tasks stay in the project without a milestone.
         * @description Delivered for `projects.milestone.deleted` events (aggregate `milestone`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.milestone.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.milestone.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A milestone was changed.
         * @description Delivered for `projects.milestone.updated` events (aggregate `milestone`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.milestone.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.project.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A project was created under an engagement.
         * @description Delivered for `projects.project.created` events (aggregate `project`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.project.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.project.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A project was deleted with its milestones and tasks.
         * @description Delivered for `projects.project.deleted` events (aggregate `project`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.project.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.project.instantiated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A project was created from a template, with the template's milestones and tasks.
         * @description Delivered for `projects.project.instantiated` events (aggregate `project`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.project.instantiated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.project.reconciled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A project's client company was realigned with its engagement's.
         * @description Delivered for `projects.project.reconciled` events (aggregate `project`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.project.reconciled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.project.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A project was changed.
         * @description Delivered for `projects.project.updated` events (aggregate `project`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.project.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.rate_card.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Billing and cost rates were set for a member from a date.
         * @description Delivered for `projects.rate_card.created` events (aggregate `rate_card`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.rate_card.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.rate_card.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A member's rate card was deleted.
         * @description Delivered for `projects.rate_card.deleted` events (aggregate `rate_card`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.rate_card.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.references.repointed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Projects that named merged client companies now name the surviving one.
         * @description Delivered for `projects.references.repointed` events (aggregate `client_company`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.references.repointed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.task.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A task was added to a project.
         * @description Delivered for `projects.task.created` events (aggregate `task`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.task.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.task.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A task was deleted.
         * @description Delivered for `projects.task.deleted` events (aggregate `task`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.task.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.task.moved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A task was moved to another position in its project.
         * @description Delivered for `projects.task.moved` events (aggregate `task`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.task.moved"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.task.status_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A task's status changed.
         * @description Delivered for `projects.task.status_changed` events (aggregate `task`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.task.status_changed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.task.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A task was changed.
         * @description Delivered for `projects.task.updated` events (aggregate `task`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.task.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.template.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A project template was created, from scratch or saved from a project.
         * @description Delivered for `projects.template.created` events (aggregate `project_template`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.template.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.template.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A project template was deleted.
         * @description Delivered for `projects.template.deleted` events (aggregate `project_template`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.template.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.template.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A project template was changed.
         * @description Delivered for `projects.template.updated` events (aggregate `project_template`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.template.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.time_entry.approved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A submitted time entry was approved; it is locked from now on.
         * @description Delivered for `projects.time_entry.approved` events (aggregate `time_entry`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.time_entry.approved"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.time_entry.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A member logged time on a project.
         * @description Delivered for `projects.time_entry.created` events (aggregate `time_entry`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.time_entry.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.time_entry.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A draft or rejected time entry was deleted.
         * @description Delivered for `projects.time_entry.deleted` events (aggregate `time_entry`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.time_entry.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.time_entry.invoiced": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Time entries were marked as billed by an issued invoice.
         * @description Delivered for `projects.time_entry.invoiced` events (aggregate `invoice`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.time_entry.invoiced"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.time_entry.rejected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A submitted time entry was rejected back to its member.
         * @description Delivered for `projects.time_entry.rejected` events (aggregate `time_entry`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.time_entry.rejected"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.time_entry.submitted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A time entry was submitted for approval.
         * @description Delivered for `projects.time_entry.submitted` events (aggregate `time_entry`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.time_entry.submitted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.time_entry.uninvoiced": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Time entries of a voided invoice became unbilled again.
         * @description Delivered for `projects.time_entry.uninvoiced` events (aggregate `invoice`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.time_entry.uninvoiced"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "projects.time_entry.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A draft or rejected time entry was changed.
         * @description Delivered for `projects.time_entry.updated` events (aggregate `time_entry`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["projects.time_entry.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.credit_note.issued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A credit note was issued against an invoice.
         * @description Delivered for `revenue.credit_note.issued` events (aggregate `credit_note`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.credit_note.issued"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.fx_rate.recorded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An exchange rate was entered or replaced.
         * @description Delivered for `revenue.fx_rate.recorded` events (aggregate `fx_rate`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.fx_rate.recorded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.invoice.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A draft invoice was created.
         * @description Delivered for `revenue.invoice.created` events (aggregate `invoice`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.invoice.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.invoice.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A draft invoice was deleted.
         * @description Delivered for `revenue.invoice.deleted` events (aggregate `invoice`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.invoice.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.invoice.issued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An invoice was issued under an engagement.
         * @description Delivered for `revenue.invoice.issued` events (aggregate `invoice`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.invoice.issued"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.invoice.reconciled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An invoice's client company was realigned with its engagement's.
         * @description Delivered for `revenue.invoice.reconciled` events (aggregate `invoice`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.invoice.reconciled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.invoice.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A draft invoice was changed.
         * @description Delivered for `revenue.invoice.updated` events (aggregate `invoice`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.invoice.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.invoice.voided": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An issued invoice was voided.
         * @description Delivered for `revenue.invoice.voided` events (aggregate `invoice`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.invoice.voided"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.invoice_schedule.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An invoice schedule was added to an engagement.
         * @description Delivered for `revenue.invoice_schedule.created` events (aggregate `invoice_schedule`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.invoice_schedule.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.invoice_schedule.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An invoice schedule was deleted.
         * @description Delivered for `revenue.invoice_schedule.deleted` events (aggregate `invoice_schedule`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.invoice_schedule.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.invoice_schedule.ran": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An invoice schedule processed a period, installment or milestone.
         * @description Delivered for `revenue.invoice_schedule.ran` events (aggregate `invoice_schedule`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.invoice_schedule.ran"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.invoice_schedule.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An invoice schedule was changed.
         * @description Delivered for `revenue.invoice_schedule.updated` events (aggregate `invoice_schedule`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.invoice_schedule.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.invoices.repointed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invoices that named merged client companies now name the surviving one.
         * @description Delivered for `revenue.invoices.repointed` events (aggregate `client_company`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.invoices.repointed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.payment.recorded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A payment was recorded against an invoice.
         * @description Delivered for `revenue.payment.recorded` events (aggregate `payment`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.payment.recorded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.payment.reversed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A payment was reversed (refunded or bounced).
         * @description Delivered for `revenue.payment.reversed` events (aggregate `payment`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.payment.reversed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.reminder.dismissed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A drafted payment reminder was dismissed and will not be sent.
         * @description Delivered for `revenue.reminder.dismissed` events (aggregate `invoice_reminder`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.reminder.dismissed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.reminder.drafted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A payment reminder was drafted for an overdue invoice at one of the configured steps.
         * @description Delivered for `revenue.reminder.drafted` events (aggregate `invoice_reminder`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.reminder.drafted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.settings.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The organization's billing settings changed.
         * @description Delivered for `revenue.settings.updated` events (aggregate `organization`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.settings.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.tax_rate.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A tax rate was created.
         * @description Delivered for `revenue.tax_rate.created` events (aggregate `tax_rate`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.tax_rate.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "revenue.tax_rate.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A tax rate was changed or archived.
         * @description Delivered for `revenue.tax_rate.updated` events (aggregate `tax_rate`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["revenue.tax_rate.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhooks.endpoint.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A webhook endpoint was created.
         * @description Delivered for `webhooks.endpoint.created` events (aggregate `webhook`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["webhooks.endpoint.created"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhooks.endpoint.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A webhook endpoint was deleted.
         * @description Delivered for `webhooks.endpoint.deleted` events (aggregate `webhook`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["webhooks.endpoint.deleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhooks.endpoint.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A webhook endpoint was changed.
         * @description Delivered for `webhooks.endpoint.updated` events (aggregate `webhook`), signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.
         */
        post: operations["webhooks.endpoint.updated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * @example {
         *       "token": "atr_i_Zl9pY1m2Q3r4S5t6U7v8W9x4J0bHk3n1m3yF2y2b0X5"
         *     }
         */
        AcceptInvitationIn: {
            token: string;
        };
        ActivityOut: {
            /** @description The id of the event this entry came from. */
            id: components["schemas"]["EventId"];
            engagement_id?: components["schemas"]["EngagementId"] | null;
            /** @example member */
            entity_type: string;
            /** Format: uuid */
            entity_id: string;
            /** @example identity.member.role_changed */
            event_type: string;
            /** @example user:01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d */
            actor: string;
            /** @example ada@example.com's role changed from member to admin */
            summary: string;
            /** @description The event's payload, as the event catalog describes its type. */
            data: unknown;
            /** Format: date-time */
            created_at: string;
        };
        AddressOut: {
            /** @example hank@globex.example */
            address: string;
            name?: string | null;
        };
        /**
         * @description Open balances by days past due: `current` is not yet due (due today or later).
         * @example {
         *       "current": {
         *         "amount_minor": 120000,
         *         "currency": "USD"
         *       },
         *       "days_1_30": {
         *         "amount_minor": 54170,
         *         "currency": "USD"
         *       },
         *       "days_31_60": {
         *         "amount_minor": 0,
         *         "currency": "USD"
         *       },
         *       "days_61_90": {
         *         "amount_minor": 0,
         *         "currency": "USD"
         *       },
         *       "days_over_90": {
         *         "amount_minor": 9900,
         *         "currency": "USD"
         *       },
         *       "total": {
         *         "amount_minor": 184070,
         *         "currency": "USD"
         *       }
         *     }
         */
        AgingBuckets: {
            current: components["schemas"]["Money"];
            /** @description 1–30 days past due. */
            days_1_30: components["schemas"]["Money"];
            days_31_60: components["schemas"]["Money"];
            days_61_90: components["schemas"]["Money"];
            /** @description 91 days or more. */
            days_over_90: components["schemas"]["Money"];
            total: components["schemas"]["Money"];
        };
        /**
         * @description An API key was created (its secret is never part of an event).
         * @example {
         *       "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8e",
         *       "name": "ledger sync",
         *       "prefix": "atr_k_4J0bHk",
         *       "role": "member"
         *     }
         */
        ApiKeyCreated: {
            id: components["schemas"]["ApiKeyId"];
            name: string;
            role: components["schemas"]["Role"];
            /** @description The first characters of the secret, by which the key is recognized. */
            prefix: string;
        };
        /** @description The secret is shown only in this response; store it now. */
        ApiKeyCreatedOut: {
            api_key: components["schemas"]["ApiKeyOut"];
            /** @example atr_k_4J0bHk3n1m3yF2y2b0X5Zl9pY1m2Q3r4S5t6U7v8W9x */
            secret: string;
        };
        /**
         * Format: uuid
         * @description ApiKeyId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        ApiKeyId: string;
        /**
         * @example {
         *       "name": "ledger sync",
         *       "role": "member"
         *     }
         */
        ApiKeyIn: {
            name: string;
            /** @description Any role but `owner`. */
            role: components["schemas"]["Role"];
        };
        ApiKeyOut: {
            id: components["schemas"]["ApiKeyId"];
            /** @example ledger sync */
            name: string;
            /**
             * @description First characters of the secret, to recognize a key.
             * @example atr_k_4J0bHk
             */
            prefix: string;
            role: components["schemas"]["Role"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            last_used_at?: string | null;
            /** Format: date-time */
            revoked_at?: string | null;
        };
        /**
         * @description An API key was revoked; it stopped working at once.
         * @example {
         *       "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8e",
         *       "name": "ledger sync"
         *     }
         */
        ApiKeyRevoked: {
            id: components["schemas"]["ApiKeyId"];
            name: string;
        };
        /**
         * @description `appointment.booked`: a booking integration (or a workflow) names a person who
         *     booked an appointment. CRM makes that person a contact (and the named company a
         *     client company) unless the email is already known.
         */
        AppointmentBooked: {
            /**
             * Format: uuid
             * @description The booking system's id of the appointment, when it sends one.
             */
            appointment_id?: string | null;
            /**
             * Format: email
             * @description Parsed like every email Atrium takes in: a bad one is refused, not stored.
             */
            email: string;
            /** @description The person's full name; without one, the email's local part is used. */
            name?: string | null;
            /** @description A company name: the live company of that name, created when there is none. */
            company?: string | null;
        };
        /**
         * @description Where a time entry is in its approval: `draft → submitted → approved |
         *     rejected`; a rejected entry can be edited and submitted again, an approved
         *     one is locked.
         * @enum {string}
         */
        ApprovalState: "draft" | "submitted" | "approved" | "rejected";
        /**
         * @description Accounts receivable aging, a page of clients and the totals of all of them.
         * @example {
         *       "as_of": "2027-01-15",
         *       "base_currency": "USD",
         *       "items": [
         *         {
         *           "client_company_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
         *           "current": {
         *             "amount_minor": 120000,
         *             "currency": "USD"
         *           },
         *           "days_1_30": {
         *             "amount_minor": 54170,
         *             "currency": "USD"
         *           },
         *           "days_31_60": {
         *             "amount_minor": 0,
         *             "currency": "USD"
         *           },
         *           "days_61_90": {
         *             "amount_minor": 0,
         *             "currency": "USD"
         *           },
         *           "days_over_90": {
         *             "amount_minor": 0,
         *             "currency": "USD"
         *           },
         *           "open_invoices": 2,
         *           "total": {
         *             "amount_minor": 174170,
         *             "currency": "USD"
         *           }
         *         }
         *       ],
         *       "next_cursor": null,
         *       "totals": {
         *         "current": {
         *           "amount_minor": 120000,
         *           "currency": "USD"
         *         },
         *         "days_1_30": {
         *           "amount_minor": 54170,
         *           "currency": "USD"
         *         },
         *         "days_31_60": {
         *           "amount_minor": 0,
         *           "currency": "USD"
         *         },
         *         "days_61_90": {
         *           "amount_minor": 0,
         *           "currency": "USD"
         *         },
         *         "days_over_90": {
         *           "amount_minor": 0,
         *           "currency": "USD"
         *         },
         *         "total": {
         *           "amount_minor": 174170,
         *           "currency": "USD"
         *         }
         *       }
         *     }
         */
        ArAgingOut: {
            /** Format: date */
            as_of: string;
            base_currency: components["schemas"]["Currency"];
            items: components["schemas"]["ArAgingRow"][];
            /** @description Over every client the filter selects, not only this page. */
            totals: components["schemas"]["AgingBuckets"];
            /** @description Pass as `cursor` for the next page of clients; `null` on the last page. */
            next_cursor?: string | null;
        };
        /** @description One client's open receivables. */
        ArAgingRow: components["schemas"]["AgingBuckets"] & {
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            /**
             * Format: int64
             * @description Open invoices (issued or partially paid, with a balance).
             */
            open_invoices: number;
        };
        /** @description An attachment as recorded (its bytes are not stored yet). */
        AttachmentOut: {
            filename?: string | null;
            /** @example application/pdf */
            media_type: string;
            /** Format: int64 */
            size: number;
        };
        AttemptOut: {
            id: components["schemas"]["WebhookAttemptId"];
            event_id: components["schemas"]["EventId"];
            /** @example identity.member.added */
            event_type: string;
            /**
             * Format: int32
             * @description HTTP status of the receiver; absent when it did not answer.
             * @example 200
             */
            status_code?: number | null;
            error?: string | null;
            /** Format: int64 */
            duration_ms: number;
            /** Format: date-time */
            created_at: string;
        };
        /** @description A session: the token is returned once here and also set as an HttpOnly cookie. */
        AuthOut: {
            /**
             * @description Send as `Authorization: Bearer <token>`.
             * @example atr_s_4J0bHk3n1m3yF2y2b0X5Zl9pY1m2Q3r4S5t6U7v8W9x
             */
            token: string;
            /** Format: date-time */
            expires_at: string;
            user: components["schemas"]["UserOut"];
            organization: components["schemas"]["OrganizationOut"];
            role: components["schemas"]["Role"];
        };
        /**
         * @description How an engagement is billed.
         * @enum {string}
         */
        BillingModel: "fixed" | "time_and_materials" | "retainer";
        /**
         * @description The length of a retainer or time-and-materials period, anchored on `starts_on`.
         * @enum {string}
         */
        BillingPeriod: "monthly" | "quarterly";
        /**
         * Format: uuid
         * @description ClientCompanyId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        ClientCompanyId: string;
        /** @description One client's revenue, month by month (only months with documents). */
        ClientRevenue: {
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            months: components["schemas"]["MonthRevenue"][];
            invoiced: components["schemas"]["Money"];
            credited: components["schemas"]["Money"];
            revenue: components["schemas"]["Money"];
        };
        /** @description `crm.company.created`: the new company. */
        CompanyCreated: components["schemas"]["CompanyState"] & {
            source?: components["schemas"]["Source"] | null;
        };
        /** @description `crm.company.deleted`: the company and the contacts deleted with it. */
        CompanyDeleted: {
            id: components["schemas"]["ClientCompanyId"];
            name: string;
            deleted_contact_ids: components["schemas"]["ContactId"][];
        };
        CompanyDuplicateGroupOut: {
            reason: components["schemas"]["CompanyDuplicateReason"];
            /**
             * @description The shared normalized value.
             * @example globex.example
             */
            key: string;
            company_ids: components["schemas"]["ClientCompanyId"][];
        };
        /** @enum {string} */
        CompanyDuplicateReason: "same_name" | "same_domain";
        /**
         * @example {
         *       "domain": "globex.example",
         *       "name": "Globex",
         *       "status": "active",
         *       "tags": [
         *         "retainer"
         *       ]
         *     }
         */
        CompanyIn: {
            name: string;
            domain?: string | null;
            status?: components["schemas"]["CompanyStatus"] | null;
            address?: string | null;
            owner_id?: components["schemas"]["UserId"] | null;
            tags?: string[];
            notes?: string | null;
        };
        CompanyMergeOut: {
            /** @description The survivor as it is (or, on a dry run, would be) after the merge. */
            survivor: components["schemas"]["CompanyOut"];
            merged_ids: components["schemas"]["ClientCompanyId"][];
            conflicts: components["schemas"]["MergeConflict"][];
            /**
             * Format: int64
             * @description Contacts now belonging to the survivor.
             */
            repointed_contacts: number;
            /**
             * Format: int64
             * @description Deals now pointing at the survivor.
             */
            repointed_deals: number;
            dry_run: boolean;
        };
        /** @description `crm.company.merged`: duplicates folded into a survivor; they are tombstones now. */
        CompanyMerged: {
            survivor_id: components["schemas"]["ClientCompanyId"];
            merged_ids: components["schemas"]["ClientCompanyId"][];
            /**
             * Format: int64
             * @description Contacts moved to the survivor.
             */
            repointed_contacts: number;
            /**
             * Format: int64
             * @description Deals moved to the survivor.
             */
            repointed_deals: number;
        };
        CompanyOut: {
            id: components["schemas"]["ClientCompanyId"];
            /** @example Globex */
            name: string;
            domain?: string | null;
            status: components["schemas"]["CompanyStatus"];
            address?: string | null;
            owner_id?: components["schemas"]["UserId"] | null;
            tags: string[];
            notes?: string | null;
            merged_into_id?: components["schemas"]["ClientCompanyId"] | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description Partial update: an absent field is unchanged, `null` clears it.
         * @example {
         *       "notes": null,
         *       "status": "inactive"
         *     }
         */
        CompanyPatch: {
            name?: string | null;
            domain?: string | null;
            status?: components["schemas"]["CompanyStatus"] | null;
            address?: string | null;
            owner_id?: string | null;
            tags?: string[] | null;
            notes?: string | null;
        };
        /** @description A client company as it is after the change. */
        CompanyState: {
            id: components["schemas"]["ClientCompanyId"];
            name: string;
            domain?: string | null;
            status: components["schemas"]["CompanyStatus"];
            address?: string | null;
            owner_id?: components["schemas"]["UserId"] | null;
            tags: string[];
            notes?: string | null;
            merged_into_id?: components["schemas"]["ClientCompanyId"] | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @enum {string} */
        CompanyStatus: "lead" | "active" | "inactive" | "archived" | "merged";
        /** @description `crm.company.updated`: the company after the change, and what changed. */
        CompanyUpdated: components["schemas"]["CompanyState"] & {
            /** @description The fields whose value changed, e.g. `["name", "tags"]`. */
            changed: string[];
        };
        /**
         * @description A new message, starting a new thread. It is queued and sent by the
         *     connection's mail server; the answer is the queued message.
         * @example {
         *       "body_text": "Hello Hank, …",
         *       "connection_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
         *       "subject": "Kick-off next week",
         *       "to": [
         *         "hank@globex.example"
         *       ]
         *     }
         */
        ComposeIn: {
            /** @description The mailbox it is sent from. */
            connection_id: components["schemas"]["MailboxConnectionId"];
            to: string[];
            cc?: string[];
            bcc?: string[];
            subject: string;
            body_text: string;
            /** @description Sanitized before it is stored and sent. */
            body_html?: string | null;
            engagement_id?: components["schemas"]["EngagementId"] | null;
        };
        /**
         * @description `comms.connection.auth_failed`: the provider refused the credentials; sync is
         *     stopped until they are replaced (or the connection is resumed).
         */
        ConnectionAuthFailed: components["schemas"]["ConnectionState"] & {
            /** @description What the provider answered. */
            error: string;
            /** Format: date-time */
            failed_at: string;
        };
        /** @description `comms.connection.created` */
        ConnectionCreated: components["schemas"]["ConnectionState"];
        /** @description `comms.connection.deleted`: imported threads and messages stay. */
        ConnectionDeleted: components["schemas"]["ConnectionState"];
        /**
         * @example {
         *       "email_address": "ada@example.com",
         *       "imap": {
         *         "host": "imap.example.com",
         *         "password": "app-password",
         *         "port": 993,
         *         "tls": true,
         *         "username": "ada@example.com"
         *       },
         *       "provider": "imap"
         *     }
         */
        ConnectionIn: {
            provider: components["schemas"]["Provider"];
            /**
             * Format: email
             * @description The mailbox's own address: mail from it is outbound.
             */
            email_address: string;
            imap?: components["schemas"]["ImapIn"] | null;
            /**
             * Format: int32
             * @description How far back the first sync reads (default 90, at most 3650).
             */
            sync_window_days?: number | null;
        };
        ConnectionOut: {
            id: components["schemas"]["MailboxConnectionId"];
            provider: components["schemas"]["Provider"];
            email_address: string;
            imap?: components["schemas"]["ImapSettingsOut"] | null;
            /** Format: int32 */
            sync_window_days: number;
            health: components["schemas"]["HealthOut"];
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description New credentials end an `auth_failed` state; another host, user or folder
         *     starts the cursor over (what was imported is not imported twice).
         * @example {
         *       "imap": {
         *         "password": "new-app-password"
         *       }
         *     }
         */
        ConnectionPatch: {
            /** Format: email */
            email_address?: string | null;
            imap?: components["schemas"]["ImapPatch"] | null;
            /** Format: int32 */
            sync_window_days?: number | null;
        };
        /** @description `comms.connection.paused`: sync stops until resumed. */
        ConnectionPaused: components["schemas"]["ConnectionState"];
        /** @description `comms.connection.resumed`: sync runs again (also after new credentials). */
        ConnectionResumed: components["schemas"]["ConnectionState"];
        /**
         * @description `comms.connection.resync_requested`: the next run reads the mailbox again from
         *     the start of the first-sync window (nothing already imported is imported twice).
         */
        ConnectionResyncRequested: components["schemas"]["ConnectionState"];
        /** @description A mailbox connection as events carry it (never its credentials). */
        ConnectionState: {
            id: components["schemas"]["MailboxConnectionId"];
            /** @description `imap`, `gmail` or `microsoft`. */
            provider: string;
            /** @description The mailbox's own address (mail from it is outbound). */
            email_address: string;
            /** @description `active`, `backing_off`, `auth_failed` or `paused`. */
            state: string;
        };
        /**
         * @description `comms.connection.sync_failed`: a run failed for another reason (network,
         *     server error); the connection backs off and retries.
         */
        ConnectionSyncFailed: components["schemas"]["ConnectionState"] & {
            error: string;
            /** Format: date-time */
            failed_at: string;
            /**
             * Format: date-time
             * @description When the next attempt runs.
             */
            retry_at: string;
            /**
             * Format: int32
             * @description Failed runs in a row.
             */
            consecutive_failures: number;
        };
        /**
         * @description `comms.connection.updated`: settings or credentials changed (new credentials
         *     end an `auth_failed` state; another server or folder starts the cursor over).
         */
        ConnectionUpdated: components["schemas"]["ConnectionState"] & {
            /** @description The fields that changed (`password` when new credentials were given; never their value). */
            changed: string[];
        };
        /** @description `crm.contact.created`: the new contact. */
        ContactCreated: components["schemas"]["ContactState"] & {
            source?: components["schemas"]["Source"] | null;
        };
        /** @description `crm.contact.deleted`. */
        ContactDeleted: {
            id: components["schemas"]["ContactId"];
            email?: string | null;
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
        };
        /**
         * Format: uuid
         * @description ContactId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        ContactId: string;
        /**
         * @example {
         *       "client_company_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
         *       "email": "ada@globex.example",
         *       "first_name": "Ada",
         *       "last_name": "Lovelace"
         *     }
         */
        ContactIn: {
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            first_name: string;
            /** @description Absent or `null` when the contact has none. */
            last_name?: string | null;
            email?: string | null;
            phone?: string | null;
            title?: string | null;
        };
        ContactMergeOut: {
            /** @description The survivor as it is (or, on a dry run, would be) after the merge. */
            survivor: components["schemas"]["ContactOut"];
            merged_ids: components["schemas"]["ContactId"][];
            conflicts: components["schemas"]["MergeConflict"][];
            /**
             * Format: int64
             * @description Deals now pointing at the survivor.
             */
            repointed_deals: number;
            dry_run: boolean;
        };
        /** @description `crm.contact.merged`: duplicates folded into a survivor; they are tombstones now. */
        ContactMerged: {
            survivor_id: components["schemas"]["ContactId"];
            merged_ids: components["schemas"]["ContactId"][];
            /**
             * Format: int64
             * @description Deals moved to the survivor.
             */
            repointed_deals: number;
        };
        ContactOut: {
            id: components["schemas"]["ContactId"];
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            /** @example Ada */
            first_name: string;
            /**
             * @description Empty when the contact has none.
             * @example Lovelace
             */
            last_name: string;
            /** @example ada@globex.example */
            email?: string | null;
            phone?: string | null;
            title?: string | null;
            merged_into_id?: components["schemas"]["ContactId"] | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description Partial update: an absent field is unchanged, `null` clears it.
         * @example {
         *       "phone": null,
         *       "title": "CTO"
         *     }
         */
        ContactPatch: {
            client_company_id?: string | null;
            first_name?: string | null;
            /** @description `null` clears it. */
            last_name?: string | null;
            email?: string | null;
            phone?: string | null;
            title?: string | null;
        };
        /** @description A contact as it is after the change. */
        ContactState: {
            id: components["schemas"]["ContactId"];
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            first_name: string;
            /** @description Empty when the contact has none. */
            last_name: string;
            email?: string | null;
            phone?: string | null;
            title?: string | null;
            merged_into_id?: components["schemas"]["ContactId"] | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description `crm.contact.updated`: the contact after the change, and what changed. */
        ContactUpdated: components["schemas"]["ContactState"] & {
            /** @description The fields whose value changed, e.g. `["email"]`. */
            changed: string[];
        };
        /** @description `agreements.contract.activated`: signed → active. */
        ContractActivated: components["schemas"]["ContractState"];
        /** @description `agreements.contract.completed`: active → completed. */
        ContractCompleted: components["schemas"]["ContractState"];
        /** @description `agreements.contract.created`: a new draft, directly or from an accepted proposal. */
        ContractCreated: components["schemas"]["ContractState"];
        /** @description `agreements.contract.deleted`: a contract that was never signed, as it was. */
        ContractDeleted: components["schemas"]["ContractState"];
        /**
         * Format: uuid
         * @description ContractId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        ContractId: string;
        /**
         * @example {
         *       "client_company_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
         *       "currency": "EUR",
         *       "end_date": "2027-12-31",
         *       "start_date": "2027-01-01",
         *       "terms": "Monthly invoicing, 14 days net.",
         *       "title": "Retainer 2027",
         *       "total": {
         *         "amount_minor": 6000000,
         *         "currency": "EUR"
         *       }
         *     }
         */
        ContractIn: {
            title: string;
            client_company_id: components["schemas"]["ClientCompanyId"];
            contact_id?: components["schemas"]["ContactId"] | null;
            deal_id?: components["schemas"]["DealId"] | null;
            currency: components["schemas"]["Currency"];
            total?: components["schemas"]["Money"] | null;
            /** Format: date */
            start_date?: string | null;
            /** Format: date */
            end_date?: string | null;
            terms?: string | null;
        };
        ContractOut: {
            id: components["schemas"]["ContractId"];
            proposal_id?: components["schemas"]["ProposalId"] | null;
            /** @example Website relaunch */
            title: string;
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            contact_id?: components["schemas"]["ContactId"] | null;
            deal_id?: components["schemas"]["DealId"] | null;
            currency: components["schemas"]["Currency"];
            total?: components["schemas"]["Money"] | null;
            /** Format: date */
            start_date?: string | null;
            /** Format: date */
            end_date?: string | null;
            terms?: string | null;
            status: components["schemas"]["ContractStatus"];
            signature?: components["schemas"]["SignatureOut"] | null;
            engagement_id?: components["schemas"]["EngagementId"] | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description Partial update of a draft contract: absent is unchanged, `null` clears.
         * @example {
         *       "end_date": null,
         *       "terms": "Monthly invoicing, 30 days net."
         *     }
         */
        ContractPatch: {
            title?: string | null;
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            contact_id?: components["schemas"]["ContactId"] | null;
            deal_id?: components["schemas"]["DealId"] | null;
            currency?: components["schemas"]["Currency"] | null;
            total?: components["schemas"]["Money"] | null;
            start_date?: string | null;
            end_date?: string | null;
            terms?: string | null;
        };
        /** @description `agreements.contract.sent`: draft → sent. */
        ContractSent: components["schemas"]["ContractState"];
        /** @description `agreements.contract.signed`: sent → signed; `signature` says who and when. */
        ContractSigned: components["schemas"]["ContractState"];
        /**
         * @description A contract as its events carry it (the signature data stays encrypted at rest
         *     and is never in an event).
         */
        ContractState: {
            id: components["schemas"]["ContractId"];
            proposal_id?: components["schemas"]["ProposalId"] | null;
            title: string;
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            contact_id?: components["schemas"]["ContactId"] | null;
            deal_id?: components["schemas"]["DealId"] | null;
            currency: components["schemas"]["Currency"];
            total?: components["schemas"]["Money"] | null;
            /** Format: date */
            start_date?: string | null;
            /** Format: date */
            end_date?: string | null;
            terms?: string | null;
            status: components["schemas"]["ContractStatus"];
            signature?: components["schemas"]["SignatureState"] | null;
            engagement_id?: components["schemas"]["EngagementId"] | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description draft → sent → signed → active → completed | terminated
         * @enum {string}
         */
        ContractStatus: "draft" | "sent" | "signed" | "active" | "completed" | "terminated";
        /** @description `agreements.contract.terminated`: signed | active → terminated. */
        ContractTerminated: components["schemas"]["ContractState"];
        /** @description `agreements.contract.updated`: the draft after the change, and what changed. */
        ContractUpdated: components["schemas"]["ContractState"] & {
            /** @description The fields whose value changed, e.g. `["terms", "end_date"]`. */
            changed: string[];
        };
        /**
         * Format: uuid
         * @description CreditNoteId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        CreditNoteId: string;
        /**
         * @description A credit note as entered: lines credited against an issued invoice.
         * @example {
         *       "lines": [
         *         {
         *           "description": "Discovery workshop (half day)",
         *           "quantity": "0.5",
         *           "unit_price": {
         *             "amount_minor": 250000,
         *             "currency": "EUR"
         *           }
         *         }
         *       ],
         *       "reason": "Workshop shortened"
         *     }
         */
        CreditNoteIn: {
            reason?: string | null;
            /**
             * Format: date
             * @description Default: today (UTC).
             */
            issue_date?: string | null;
            /** @description Positive amounts: what is credited. Omit to credit the whole remaining balance. */
            lines?: components["schemas"]["LineIn"][];
        };
        /** @description `revenue.credit_note.issued`. */
        CreditNoteIssued: {
            id: components["schemas"]["CreditNoteId"];
            invoice_id: components["schemas"]["InvoiceId"];
            engagement_id: components["schemas"]["EngagementId"];
            number: string;
            invoice_number: string;
            /** Format: date */
            issue_date: string;
            total: components["schemas"]["Money"];
            invoice_status: string;
            invoice_balance: components["schemas"]["Money"];
        };
        CreditNoteOut: {
            id: components["schemas"]["CreditNoteId"];
            invoice_id: components["schemas"]["InvoiceId"];
            number: string;
            /** Format: date */
            issue_date: string;
            reason?: string | null;
            lines: components["schemas"]["LineOut"][];
            subtotal: components["schemas"]["Money"];
            tax_total: components["schemas"]["Money"];
            total: components["schemas"]["Money"];
            fx_rate?: string | null;
            /** Format: date-time */
            created_at: string;
        };
        /**
         * @description ISO 4217 currency code
         * @example EUR
         */
        Currency: string;
        /**
         * Format: uuid
         * @description DeadLetterId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        DeadLetterId: string;
        /** @description A delivery that failed every attempt. */
        DeadLetterOut: {
            id: components["schemas"]["DeadLetterId"];
            /**
             * @description The subscriber that kept failing, e.g. `timeline` or `webhooks`.
             * @example timeline
             */
            subscriber: string;
            /** Format: int32 */
            attempts: number;
            /** @example connection refused */
            last_error: string;
            /** Format: date-time */
            failed_at: string;
            event: components["schemas"]["Event"];
        };
        /** @description `crm.deal.created`: the new deal. */
        DealCreated: components["schemas"]["DealState"];
        /** @description `crm.deal.deleted`. */
        DealDeleted: {
            id: components["schemas"]["DealId"];
            name: string;
        };
        /**
         * Format: uuid
         * @description DealId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        DealId: string;
        /**
         * @example {
         *       "name": "Website relaunch",
         *       "probability": 40,
         *       "stage": "qualified",
         *       "value": {
         *         "amount_minor": 4500000,
         *         "currency": "EUR"
         *       }
         *     }
         */
        DealIn: {
            name: string;
            stage?: components["schemas"]["DealStage"] | null;
            value?: components["schemas"]["Money"] | null;
            probability?: number | null;
            /** Format: date */
            expected_close_date?: string | null;
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            contact_id?: components["schemas"]["ContactId"] | null;
            owner_id?: components["schemas"]["UserId"] | null;
        };
        DealOut: {
            id: components["schemas"]["DealId"];
            /** @example Website relaunch */
            name: string;
            stage: components["schemas"]["DealStage"];
            value?: components["schemas"]["Money"] | null;
            /** Format: int32 */
            probability?: number | null;
            /** Format: date */
            expected_close_date?: string | null;
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            contact_id?: components["schemas"]["ContactId"] | null;
            owner_id?: components["schemas"]["UserId"] | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description Partial update: an absent field is unchanged, `null` clears it.
         * @example {
         *       "probability": 100,
         *       "stage": "won"
         *     }
         */
        DealPatch: {
            name?: string | null;
            stage?: components["schemas"]["DealStage"] | null;
            value?: {
                /** Format: int64 */
                amount_minor: number;
                currency: components["schemas"]["Currency"];
            } | null;
            probability?: number | null;
            /** Format: date */
            expected_close_date?: string | null;
            client_company_id?: string | null;
            contact_id?: string | null;
            owner_id?: string | null;
        };
        /** @enum {string} */
        DealStage: "lead" | "qualified" | "proposal" | "negotiation" | "won" | "lost";
        /** @description `crm.deal.stage_changed`: published beside `crm.deal.updated` when the stage moved. */
        DealStageChanged: {
            id: components["schemas"]["DealId"];
            name: string;
            from: components["schemas"]["DealStage"];
            to: components["schemas"]["DealStage"];
        };
        /** @description A deal as it is after the change. */
        DealState: {
            id: components["schemas"]["DealId"];
            name: string;
            stage: components["schemas"]["DealStage"];
            value?: components["schemas"]["Money"] | null;
            /** Format: int32 */
            probability?: number | null;
            /** Format: date */
            expected_close_date?: string | null;
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            contact_id?: components["schemas"]["ContactId"] | null;
            owner_id?: components["schemas"]["UserId"] | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description `crm.deal.updated`: the deal after the change, and what changed. */
        DealUpdated: components["schemas"]["DealState"] & {
            /** @description The fields whose value changed, e.g. `["stage", "probability"]`. */
            changed: string[];
        };
        /**
         * @description A direct upload to the store: declare the bytes, get a presigned PUT.
         * @example {
         *       "content_type": "video/mp4",
         *       "engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
         *       "name": "video.mp4",
         *       "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
         *       "size": 734003200
         *     }
         */
        DirectUploadIn: {
            engagement_id?: components["schemas"]["EngagementId"] | null;
            name?: string | null;
            visibility?: components["schemas"]["Visibility"] | null;
            attached_type?: string | null;
            /** Format: uuid */
            attached_id?: string | null;
            /** Format: int64 */
            size: number;
            /** @description Hex SHA-256 of the bytes; `complete` checks it. */
            sha256: string;
            /** @description Bound into the signature; default `application/octet-stream`. */
            content_type?: string | null;
        };
        DirectUploadOut: {
            file_id: components["schemas"]["FileId"];
            /** @description `PUT` */
            method: string;
            /** @description Where to PUT the bytes (relative to Atrium for the local store). */
            url: string;
            /** @description Headers to send as they are: they are part of the signature. */
            headers: {
                [key: string]: string;
            };
            /** Format: date-time */
            expires_at: string;
            /** @description `POST` here once the PUT succeeded. */
            complete_url: string;
        };
        /**
         * @description A new version uploaded directly.
         * @example {
         *       "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
         *       "size": 1024
         *     }
         */
        DirectVersionIn: {
            /** Format: int64 */
            size: number;
            sha256: string;
            content_type?: string | null;
        };
        DuplicateGroupOut: {
            reason: components["schemas"]["DuplicateReason"];
            /**
             * @description The shared normalized value.
             * @example +4930123456
             */
            key: string;
            contact_ids: components["schemas"]["ContactId"][];
        };
        /** @enum {string} */
        DuplicateReason: "same_email" | "same_name_in_company" | "same_phone";
        /** @description The rates that price a member's time on an engagement on a day. */
        EffectiveRateOut: {
            member_id: components["schemas"]["UserId"];
            engagement_id: components["schemas"]["EngagementId"];
            /** Format: date */
            date: string;
            billing_rate: components["schemas"]["Money"];
            cost_rate: components["schemas"]["Money"];
            rate_card_id: components["schemas"]["RateCardId"];
            source: components["schemas"]["RateSource"];
        };
        /**
         * @description An endpoint was subscribed to event types.
         * @example {
         *       "description": "HR sync",
         *       "enabled": true,
         *       "event_types": [
         *         "identity.member.*"
         *       ],
         *       "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
         *       "url": "https://hooks.example.com/atrium"
         *     }
         */
        EndpointCreated: components["schemas"]["WebhookEndpointState"];
        /**
         * @description An endpoint was deleted; nothing more is delivered to it.
         * @example {
         *       "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
         *       "url": "https://hooks.example.com/atrium"
         *     }
         */
        EndpointDeleted: {
            id: components["schemas"]["WebhookEndpointId"];
            url: string;
        };
        /**
         * @description An endpoint's URL, event types, description or enabled flag changed.
         * @example {
         *       "changed": [
         *         "enabled"
         *       ],
         *       "description": "HR sync",
         *       "enabled": false,
         *       "event_types": [
         *         "identity.member.*"
         *       ],
         *       "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
         *       "url": "https://hooks.example.com/atrium"
         *     }
         */
        EndpointUpdated: components["schemas"]["WebhookEndpointState"] & {
            /** @description The fields that changed. */
            changed: string[];
        };
        /**
         * @description `agreements.engagement.created`: the new engagement. Its contract and that
         *     contract's proposal are its origins: their timeline entries follow it.
         */
        EngagementCreated: components["schemas"]["EngagementState"];
        /** @description `agreements.engagement.deleted`: the engagement as it was; what hung off it went with it. */
        EngagementDeleted: components["schemas"]["EngagementState"];
        /**
         * Format: uuid
         * @description EngagementId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        EngagementId: string;
        /**
         * @description A new engagement. The client company is copied from the contract, else from the
         *     deal; an explicit `client_company_id` must agree with them (422 otherwise).
         * @example {
         *       "billing_model": "fixed",
         *       "budget": {
         *         "amount_minor": 4500000,
         *         "currency": "EUR"
         *       },
         *       "contract_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d",
         *       "end_date": "2027-03-31",
         *       "name": "Website relaunch delivery",
         *       "start_date": "2027-01-04"
         *     }
         */
        EngagementIn: {
            name: string;
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            contract_id?: components["schemas"]["ContractId"] | null;
            deal_id?: components["schemas"]["DealId"] | null;
            billing_model: components["schemas"]["BillingModel"];
            budget?: components["schemas"]["Money"] | null;
            /** Format: date */
            start_date?: string | null;
            /** Format: date */
            end_date?: string | null;
            status?: components["schemas"]["EngagementStatus"] | null;
        };
        EngagementOut: {
            id: components["schemas"]["EngagementId"];
            /** @example Website relaunch delivery */
            name: string;
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            contract_id?: components["schemas"]["ContractId"] | null;
            deal_id?: components["schemas"]["DealId"] | null;
            billing_model: components["schemas"]["BillingModel"];
            budget?: components["schemas"]["Money"] | null;
            /** Format: date */
            start_date?: string | null;
            /** Format: date */
            end_date?: string | null;
            status: components["schemas"]["EngagementStatus"];
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @example {
         *       "budget": {
         *         "amount_minor": 5000000,
         *         "currency": "EUR"
         *       },
         *       "status": "active"
         *     }
         */
        EngagementPatch: {
            name?: string | null;
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            contract_id?: components["schemas"]["ContractId"] | null;
            deal_id?: components["schemas"]["DealId"] | null;
            billing_model?: components["schemas"]["BillingModel"] | null;
            budget?: components["schemas"]["Money"] | null;
            start_date?: string | null;
            end_date?: string | null;
            status?: components["schemas"]["EngagementStatus"] | null;
        };
        /**
         * @description One engagement: what was invoiced, what its time cost, and its budget.
         * @example {
         *       "approved_minutes": 1200,
         *       "budget": {
         *         "amount_minor": 1000000,
         *         "currency": "EUR"
         *       },
         *       "budget_in_base": {
         *         "amount_minor": 1083400,
         *         "currency": "USD"
         *       },
         *       "client_company_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b",
         *       "cost": {
         *         "amount_minor": 90000,
         *         "currency": "USD"
         *       },
         *       "engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
         *       "invoiced": {
         *         "amount_minor": 230000,
         *         "currency": "USD"
         *       },
         *       "margin": {
         *         "amount_minor": 140000,
         *         "currency": "USD"
         *       },
         *       "margin_basis_points": 6087,
         *       "name": "Relaunch",
         *       "unpriced_minutes": 0
         *     }
         */
        EngagementProfitability: {
            engagement_id: components["schemas"]["EngagementId"];
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            name: string;
            /** @description Invoice subtotals (net of tax) less credit notes, issued in the period. */
            invoiced: components["schemas"]["Money"];
            /** @description Approved time × each member's cost rate on the day, converted at `rate_date`. */
            cost: components["schemas"]["Money"];
            /** @description `invoiced − cost`. */
            margin: components["schemas"]["Money"];
            /**
             * Format: int64
             * @description The margin in basis points of what was invoiced (`null` when nothing was).
             */
            margin_basis_points?: number | null;
            budget?: components["schemas"]["Money"] | null;
            budget_in_base?: components["schemas"]["Money"] | null;
            /**
             * Format: int64
             * @description Approved minutes (billable or not) in the period.
             */
            approved_minutes: number;
            /**
             * Format: int64
             * @description Approved minutes no rate card prices: they are missing from `cost`.
             */
            unpriced_minutes: number;
        };
        /** @description An engagement as its events carry it. */
        EngagementState: {
            id: components["schemas"]["EngagementId"];
            name: string;
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            contract_id?: components["schemas"]["ContractId"] | null;
            deal_id?: components["schemas"]["DealId"] | null;
            billing_model: components["schemas"]["BillingModel"];
            budget?: components["schemas"]["Money"] | null;
            /** Format: date */
            start_date?: string | null;
            /** Format: date */
            end_date?: string | null;
            status: components["schemas"]["EngagementStatus"];
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** @description The engagement itself, under the name every agreements event files by. */
            engagement_id: components["schemas"]["EngagementId"];
            proposal_id?: components["schemas"]["ProposalId"] | null;
        };
        /**
         * @description planned → active → completed, with on_hold in between and cancelled from
         *     anywhere open.
         * @enum {string}
         */
        EngagementStatus: "planned" | "active" | "on_hold" | "completed" | "cancelled";
        /**
         * @description `agreements.engagement.status_changed`: a move along the engagement's lifecycle
         *     (published beside `agreements.engagement.updated`).
         * @example {
         *       "engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
         *       "from": "planned",
         *       "name": "Relaunch delivery",
         *       "to": "active"
         *     }
         */
        EngagementStatusChanged: {
            engagement_id: components["schemas"]["EngagementId"];
            name: string;
            from: components["schemas"]["EngagementStatus"];
            to: components["schemas"]["EngagementStatus"];
        };
        /** @description `agreements.engagement.updated`: the engagement after the change, and what changed. */
        EngagementUpdated: components["schemas"]["EngagementState"] & {
            /** @description The fields whose value changed, e.g. `["status", "budget"]`. */
            changed: string[];
        };
        /**
         * @description An event as subscribers and the change feed see it.
         * @example {
         *       "actor": "user:01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d",
         *       "aggregate_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c",
         *       "aggregate_type": "member",
         *       "data": {
         *         "from": "member",
         *         "to": "admin"
         *       },
         *       "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
         *       "occurred_at": "2026-11-25T10:00:00Z",
         *       "org_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b",
         *       "type": "identity.member.role_changed"
         *     }
         */
        Event: {
            id: components["schemas"]["EventId"];
            org_id: components["schemas"]["OrganizationId"];
            type: string;
            aggregate_type: string;
            /** Format: uuid */
            aggregate_id: string;
            /** Format: date-time */
            occurred_at: string;
            /** @description `user:<id>`, `api_key:<id>` or `system:<job>`. */
            actor: string;
            data: unknown;
        };
        /**
         * Format: uuid
         * @description EventId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        EventId: string;
        /**
         * @description One event type of the catalog.
         * @example {
         *       "aggregate_type": "contact",
         *       "description": "Duplicate contacts were merged into a survivor.",
         *       "name": "crm.contact.merged",
         *       "schema": {
         *         "properties": {},
         *         "required": [
         *           "survivor_id",
         *           "merged_ids"
         *         ],
         *         "type": "object"
         *       }
         *     }
         */
        EventTypeOut: {
            /** @description `<domain>.<entity>.<verb>`: the envelope's `type`. */
            name: string;
            aggregate_type: string;
            description: string;
            /** @description JSON Schema of the envelope's `data`, standing alone (no references). */
            schema: Record<string, never>;
        };
        /** @description The catalog as a (single-page) list. */
        EventTypesOut: {
            items: components["schemas"]["EventTypeOut"][];
            /** @description Always `null`: the catalog is one page. */
            next_cursor?: string | null;
        };
        /** @description A slice of the change feed. Poll again with `next_cursor`: it is always set. */
        FeedOut: {
            items: components["schemas"]["Event"][];
            /** @example AAAAAAAAAAAAAAAAAAAAKg4fQm1cXx3z9VtLx8u6Dg */
            next_cursor: string;
        };
        /**
         * @description One invalid input field.
         * @example {
         *       "field": "email",
         *       "message": "must be a valid email address"
         *     }
         */
        FieldError: {
            /** @description Path of the field in the request, e.g. `email` or `line_items[2].quantity`. */
            field: string;
            message: string;
        };
        /** @description `files.file.deleted`: a file was marked deleted (restorable during the retention). */
        FileDeleted: {
            id: components["schemas"]["FileId"];
            engagement_id: components["schemas"]["EngagementId"];
            name: string;
            /** Format: date-time */
            deleted_at: string;
        };
        /**
         * Format: uuid
         * @description FileId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        FileId: string;
        FileOut: {
            id: components["schemas"]["FileId"];
            engagement_id: components["schemas"]["EngagementId"];
            /** @example contract.pdf */
            name: string;
            visibility: components["schemas"]["Visibility"];
            attached_type?: string | null;
            /** Format: uuid */
            attached_id?: string | null;
            current?: components["schemas"]["VersionOut"] | null;
            created_by: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            deleted_at?: string | null;
        };
        /** @description `files.file.restored`: an admin brought a deleted file back within the retention. */
        FileRestored: {
            id: components["schemas"]["FileId"];
            engagement_id: components["schemas"]["EngagementId"];
            name: string;
        };
        /**
         * @description File a thread under an engagement (or move it to another).
         * @example {
         *       "engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a"
         *     }
         */
        FileThreadIn: {
            engagement_id: components["schemas"]["EngagementId"];
        };
        /** @description `files.file.uploaded`: a new file with its first version. */
        FileUploaded: components["schemas"]["FileVersionState"] & {
            /** @description `internal` or `client`. */
            visibility: string;
            attached_type?: string | null;
            /** Format: uuid */
            attached_id?: string | null;
        };
        /** @description `files.version.added`: a new version became current. */
        FileVersionAdded: components["schemas"]["FileVersionState"];
        /** @description `files.version.restored`: an older version became current again, as a new version. */
        FileVersionRestored: components["schemas"]["FileVersionState"] & {
            /**
             * Format: int32
             * @description The version whose bytes the new one carries.
             */
            restored_from: number;
        };
        /** @description One version of a file, as events carry it. */
        FileVersionState: {
            file_id: components["schemas"]["FileId"];
            engagement_id: components["schemas"]["EngagementId"];
            /** @description The file's name. */
            name: string;
            /** Format: int32 */
            version: number;
            /** Format: int64 */
            size: number;
            /** @description Hex SHA-256 of the bytes. */
            sha256: string;
            /** @description Sniffed from the bytes, not taken from the client. */
            media_type: string;
            /** Format: date-time */
            uploaded_at: string;
        };
        /**
         * @description What an exchange-rate import did: every row was written, or none.
         * @example {
         *       "created": 2,
         *       "replaced": 1,
         *       "unchanged": 0
         *     }
         */
        FxImportOut: {
            /**
             * Format: int64
             * @description Rates for a currency and day that had none.
             */
            created: number;
            /**
             * Format: int64
             * @description Rates that replaced the one entered earlier for the same currency and day.
             */
            replaced: number;
            /**
             * Format: int64
             * @description Rows equal to the rate already stored: nothing written, no event.
             */
            unchanged: number;
        };
        /**
         * Format: uuid
         * @description FxRateId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        FxRateId: string;
        /**
         * @description One exchange rate: base-currency units per unit of `currency` on `rate_date`.
         * @example {
         *       "currency": "EUR",
         *       "rate": "1.0834",
         *       "rate_date": "2027-01-31"
         *     }
         */
        FxRateIn: {
            currency: components["schemas"]["Currency"];
            /** Format: date */
            rate_date: string;
            /** @description A positive decimal with at most 9 decimal places, e.g. `"1.0834"`. */
            rate: string;
        };
        FxRateOut: {
            id: components["schemas"]["FxRateId"];
            currency: components["schemas"]["Currency"];
            base_currency: components["schemas"]["Currency"];
            /** Format: date */
            rate_date: string;
            rate: string;
            /** Format: date-time */
            created_at: string;
        };
        /**
         * @description `revenue.fx_rate.recorded`: an exchange rate for one currency and day was
         *     entered or replaced.
         */
        FxRateRecorded: {
            id: components["schemas"]["FxRateId"];
            currency: string;
            base_currency: string;
            /** Format: date */
            rate_date: string;
            rate: string;
        };
        /** @description Sync health: what the last runs did and when the next one is. */
        HealthOut: {
            state: components["schemas"]["SyncState"];
            /** Format: date-time */
            last_run_at?: string | null;
            /** Format: date-time */
            last_success_at?: string | null;
            /**
             * Format: int64
             * @description Seconds since the last successful sync (`null` before the first).
             */
            lag_seconds?: number | null;
            /** Format: int32 */
            imported_last_run: number;
            /** Format: int32 */
            skipped_last_run: number;
            /** Format: int64 */
            imported_total: number;
            /** @description What the last run skipped, and why. */
            last_skips: components["schemas"]["SkipOut"][];
            last_error?: string | null;
            /** Format: date-time */
            last_error_at?: string | null;
            /** Format: int32 */
            consecutive_failures: number;
            /**
             * Format: date-time
             * @description `null` while paused or waiting for new credentials.
             */
            next_run_at?: string | null;
            /** @description A worker holds the connection right now. */
            syncing: boolean;
            /** @description A full resync is queued for the next run. */
            resync_requested: boolean;
        };
        /**
         * @description A user's account at an OpenID provider was linked to their Atrium user (on
         *     their first sign-in through that provider). Published in the organization the
         *     sign-in landed in.
         * @example {
         *       "email": "ada@example.com",
         *       "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b91",
         *       "provider": "google",
         *       "user_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d"
         *     }
         */
        IdentityLinked: {
            id: components["schemas"]["UserIdentityId"];
            user_id: components["schemas"]["UserId"];
            /** @description The provider's name in the configuration. */
            provider: string;
            /** @description The verified email the provider asserted. */
            email: string;
        };
        /**
         * @description IMAP settings and password. Without TLS only a loopback host is accepted
         *     (the password would otherwise cross the network in the clear).
         * @example {
         *       "folder": "INBOX",
         *       "host": "imap.example.com",
         *       "password": "app-password",
         *       "port": 993,
         *       "tls": true,
         *       "username": "ada@example.com"
         *     }
         */
        ImapIn: {
            host: string;
            /** Format: int32 */
            port: number;
            /** @description Implicit TLS (IMAPS, usually port 993). */
            tls: boolean;
            username: string;
            password: string;
            /** @description Default `INBOX`. */
            folder?: string | null;
        };
        /**
         * @description Changes to the IMAP settings; absent fields stay.
         * @example {
         *       "password": "new-app-password"
         *     }
         */
        ImapPatch: {
            host?: string | null;
            /** Format: int32 */
            port?: number | null;
            tls?: boolean | null;
            username?: string | null;
            password?: string | null;
            folder?: string | null;
        };
        /** @description IMAP settings as shown (never the password). */
        ImapSettingsOut: {
            host: string;
            /** Format: int32 */
            port: number;
            tls: boolean;
            username: string;
            folder: string;
        };
        /** @enum {string} */
        ImportOutcome: "created" | "updated" | "skipped";
        ImportReportOut: {
            dry_run: boolean;
            /** Format: int64 */
            created: number;
            /** Format: int64 */
            updated: number;
            /** Format: int64 */
            skipped: number;
            rows: components["schemas"]["ImportRowOut"][];
        };
        /** @description What happened to one data row of an import. */
        ImportRowOut: {
            /**
             * Format: int64
             * @description 1 is the first row after the header.
             * @example 1
             */
            row: number;
            outcome: components["schemas"]["ImportOutcome"];
            contact_id?: components["schemas"]["ContactId"] | null;
            email?: string | null;
            /**
             * @description Why a row was skipped.
             * @example same email as row 3
             */
            reason?: string | null;
        };
        /**
         * @description A fixed installment.
         * @example {
         *       "amount": {
         *         "amount_minor": 900000,
         *         "currency": "EUR"
         *       },
         *       "description": "Deposit (30 %)",
         *       "due_on": "2027-01-01"
         *     }
         */
        InstallmentIn: {
            description: string;
            /** @description In the schedule's currency; above zero. */
            amount: components["schemas"]["Money"];
            /**
             * Format: date
             * @description The day the runner drafts its invoice.
             */
            due_on: string;
        };
        InstallmentOut: {
            /** Format: uuid */
            id: string;
            description: string;
            amount: components["schemas"]["Money"];
            /** Format: date */
            due_on: string;
        };
        /**
         * @description A new project from a template: each milestone and task is due `offset_days`
         *     after `start_date`.
         * @example {
         *       "engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
         *       "name": "Globex relaunch",
         *       "start_date": "2026-12-01"
         *     }
         */
        InstantiateIn: {
            engagement_id: components["schemas"]["EngagementId"];
            name: string;
            /** Format: date */
            start_date: string;
        };
        /**
         * @description An invitation was accepted; the invitee is now a member (see `identity.member.added`).
         * @example {
         *       "email": "grace@example.com",
         *       "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8f",
         *       "role": "member",
         *       "user_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b90"
         *     }
         */
        InvitationAccepted: {
            id: components["schemas"]["InvitationId"];
            email: string;
            role: components["schemas"]["Role"];
            /** @description The user who accepted. */
            user_id: components["schemas"]["UserId"];
        };
        /** @description The invitation token is shown only in this response; send it to the invitee. */
        InvitationCreatedOut: {
            invitation: components["schemas"]["InvitationOut"];
            /** @example atr_i_Zl9pY1m2Q3r4S5t6U7v8W9x4J0bHk3n1m3yF2y2b0X5 */
            token: string;
        };
        /**
         * Format: uuid
         * @description InvitationId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        InvitationId: string;
        /**
         * @example {
         *       "email": "grace@example.com",
         *       "role": "member"
         *     }
         */
        InvitationIn: {
            /** Format: email */
            email: string;
            role: components["schemas"]["Role"];
        };
        InvitationOut: {
            id: components["schemas"]["InvitationId"];
            /** @example grace@example.com */
            email: string;
            role: components["schemas"]["Role"];
            status: components["schemas"]["InvitationStatus"];
            /** Format: date-time */
            expires_at: string;
            /** Format: date-time */
            created_at: string;
        };
        /**
         * @description A pending invitation was revoked; its token no longer works.
         * @example {
         *       "email": "grace@example.com",
         *       "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8f"
         *     }
         */
        InvitationRevoked: {
            id: components["schemas"]["InvitationId"];
            email: string;
        };
        /**
         * @description Someone was invited to join the organization by email.
         * @example {
         *       "email": "grace@example.com",
         *       "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8f",
         *       "role": "member"
         *     }
         */
        InvitationSent: {
            id: components["schemas"]["InvitationId"];
            email: string;
            role: components["schemas"]["Role"];
        };
        /** @enum {string} */
        InvitationStatus: "pending" | "accepted" | "revoked" | "expired";
        /** @description `revenue.invoice.created`: a draft invoice. */
        InvoiceCreated: components["schemas"]["InvoiceState"];
        /** @description `revenue.invoice.deleted`: a draft was deleted (issued invoices never are). */
        InvoiceDeleted: components["schemas"]["InvoiceState"];
        /**
         * Format: uuid
         * @description InvoiceId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        InvoiceId: string;
        /**
         * @example {
         *       "currency": "EUR",
         *       "engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
         *       "lines": [
         *         {
         *           "description": "Discovery workshop",
         *           "quantity": 1,
         *           "unit_price": {
         *             "amount_minor": 250000,
         *             "currency": "EUR"
         *           }
         *         }
         *       ]
         *     }
         */
        InvoiceIn: {
            engagement_id: components["schemas"]["EngagementId"];
            currency?: components["schemas"]["Currency"] | null;
            /**
             * Format: int32
             * @description Default: the organization's payment terms.
             */
            payment_terms_days?: number | null;
            notes?: string | null;
            lines?: components["schemas"]["LineIn"][];
        };
        /**
         * @description `revenue.invoice.issued`: an invoice got its number and became immutable,
         *     billing the time entries it names.
         */
        InvoiceIssued: {
            invoice_id: components["schemas"]["InvoiceId"];
            engagement_id: components["schemas"]["EngagementId"];
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            /** @description The invoice number, e.g. `INV-2026-0042`. */
            number: string;
            /** Format: date */
            issue_date: string;
            /** Format: date */
            due_date: string;
            total: components["schemas"]["Money"];
            /** @description The total in the organization's base currency at the stored rate. */
            base_total: components["schemas"]["Money"];
            /** @description Base-currency units per document-currency unit, as a decimal string. */
            fx_rate: string;
            /** @description The time entries the invoice bills. */
            time_entry_ids: components["schemas"]["TimeEntryId"][];
        };
        InvoiceOut: {
            id: components["schemas"]["InvoiceId"];
            engagement_id: components["schemas"]["EngagementId"];
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            schedule_id?: components["schemas"]["InvoiceScheduleId"] | null;
            status: components["schemas"]["InvoiceStatus"];
            /** @description Issued or partly paid, due date passed, balance above zero. */
            overdue: boolean;
            /** @description Assigned at issue; `null` on a draft. */
            number?: string | null;
            currency: components["schemas"]["Currency"];
            /** Format: date */
            issue_date?: string | null;
            /** Format: date */
            due_date?: string | null;
            /** Format: int32 */
            payment_terms_days: number;
            lines: components["schemas"]["LineOut"][];
            tax_totals: components["schemas"]["TaxTotal"][];
            /** @description Sum of the lines' net amounts. */
            subtotal: components["schemas"]["Money"];
            tax_total: components["schemas"]["Money"];
            total: components["schemas"]["Money"];
            paid: components["schemas"]["Money"];
            credited: components["schemas"]["Money"];
            /** @description total − paid − credited. */
            balance: components["schemas"]["Money"];
            base_currency: components["schemas"]["Currency"];
            /** @description Base-currency units per unit of `currency`, fixed at issue (decimal string). */
            fx_rate?: string | null;
            base_total?: components["schemas"]["Money"] | null;
            notes?: string | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            issued_at?: string | null;
            /** Format: date-time */
            voided_at?: string | null;
        };
        /**
         * @description A change to a draft. `lines`, when present, replaces every line.
         * @example {
         *       "notes": "Thank you for your business.",
         *       "payment_terms_days": 14
         *     }
         */
        InvoicePatch: {
            currency?: components["schemas"]["Currency"] | null;
            /** Format: int32 */
            payment_terms_days?: number | null;
            notes?: string | null;
            lines?: components["schemas"]["LineIn"][] | null;
        };
        /**
         * @description `revenue.invoice.reconciled`: the invoice's client company was realigned with
         *     its engagement's (a merge event lost or applied out of order, a manual fix).
         */
        InvoiceReconciled: {
            id: components["schemas"]["InvoiceId"];
            engagement_id: components["schemas"]["EngagementId"];
            number?: string | null;
            from?: components["schemas"]["ClientCompanyId"] | null;
            to?: components["schemas"]["ClientCompanyId"] | null;
        };
        /**
         * Format: uuid
         * @description InvoiceReminderId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        InvoiceReminderId: string;
        /** @description `revenue.invoice_schedule.created`: a new schedule. */
        InvoiceScheduleCreated: components["schemas"]["InvoiceScheduleState"];
        /**
         * @description `revenue.invoice_schedule.deleted`: a schedule was deleted; the invoices it
         *     drafted stay, without their schedule.
         */
        InvoiceScheduleDeleted: components["schemas"]["InvoiceScheduleState"];
        /**
         * Format: uuid
         * @description InvoiceScheduleId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        InvoiceScheduleId: string;
        /**
         * @description `revenue.invoice_schedule.ran`: a schedule processed one period, installment or
         *     milestone: it drafted an invoice, or found nothing to bill. Once per schedule
         *     and `period_key`.
         */
        InvoiceScheduleRan: {
            schedule_id: components["schemas"]["InvoiceScheduleId"];
            engagement_id: components["schemas"]["EngagementId"];
            /** @description e.g. `period:2026-11-01`, `installment:<item id>`, `milestone:<milestone id>`. */
            period_key: string;
            /** Format: date */
            period_start?: string | null;
            /** Format: date */
            period_end?: string | null;
            /** @description `invoiced` or `nothing_to_bill`. */
            outcome: string;
            invoice_id?: components["schemas"]["InvoiceId"] | null;
            /** @description Why nothing was billed, or what was left out (e.g. time without a rate). */
            detail?: string | null;
        };
        /** @description An invoice schedule as its events carry it (terms are not repeated: read the schedule). */
        InvoiceScheduleState: {
            id: components["schemas"]["InvoiceScheduleId"];
            engagement_id: components["schemas"]["EngagementId"];
            /** @description `fixed`, `milestone`, `retainer` or `time_and_materials`. */
            kind: string;
            name: string;
            /** @description `active`, `paused` or `ended`. */
            status: string;
            currency: string;
            /**
             * Format: date
             * @description The next day the runner has something to do for it.
             */
            next_due_on?: string | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description `revenue.invoice_schedule.updated`: a schedule changed (paused, resumed, ended,
         *     terms), and what changed.
         */
        InvoiceScheduleUpdated: components["schemas"]["InvoiceScheduleState"] & {
            changed: string[];
        };
        /** @description An invoice as events carry it (lines are not repeated: read the invoice). */
        InvoiceState: {
            id: components["schemas"]["InvoiceId"];
            engagement_id: components["schemas"]["EngagementId"];
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            schedule_id?: components["schemas"]["InvoiceScheduleId"] | null;
            /** @description `draft`, `issued`, `partially_paid`, `paid` or `void`. */
            status: string;
            /** @description Assigned at issue. */
            number?: string | null;
            /** Format: date */
            issue_date?: string | null;
            /** Format: date */
            due_date?: string | null;
            total: components["schemas"]["Money"];
            /** @description What remains to be paid: total − paid − credited. */
            balance: components["schemas"]["Money"];
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description Where an invoice stands. `overdue` is not stored: it is an issued or partly paid
         *     invoice whose due date has passed (see `InvoiceOut.overdue` and the list filter).
         * @enum {string}
         */
        InvoiceStatus: "draft" | "issued" | "partially_paid" | "paid" | "void";
        /** @description `revenue.invoice.updated`: a draft changed (lines, notes, dates), and what changed. */
        InvoiceUpdated: components["schemas"]["InvoiceState"] & {
            changed: string[];
        };
        /**
         * @description `revenue.invoice.voided`: an issued invoice without payments was voided; the
         *     time it billed is unbilled again.
         */
        InvoiceVoided: {
            invoice_id: components["schemas"]["InvoiceId"];
            engagement_id: components["schemas"]["EngagementId"];
            number: string;
            time_entry_ids: components["schemas"]["TimeEntryId"][];
        };
        /**
         * @description A time entry an invoice line bills.
         * @example {
         *       "line_position": 1,
         *       "minutes": 90,
         *       "time_entry_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a"
         *     }
         */
        InvoicedTimeOut: {
            time_entry_id: components["schemas"]["TimeEntryId"];
            /**
             * Format: int32
             * @description The line (by position) whose quantity includes it.
             */
            line_position: number;
            /** Format: int32 */
            minutes: number;
        };
        /**
         * @description `revenue.invoices.repointed`: after a CRM company merge, the invoices that named
         *     a merged company now name the survivor.
         */
        InvoicesRepointed: {
            survivor_id: components["schemas"]["ClientCompanyId"];
            merged_ids: components["schemas"]["ClientCompanyId"][];
            /**
             * Format: int64
             * @description How many invoices moved.
             */
            count: number;
            invoice_ids: components["schemas"]["InvoiceId"][];
            /**
             * Format: uuid
             * @description The `crm.company.merged` event this follows.
             */
            cause_event_id: string;
        };
        /**
         * @example {
         *       "issue_date": "2027-01-31"
         *     }
         */
        IssueIn: {
            /**
             * Format: date
             * @description Default: today (UTC).
             */
            issue_date?: string | null;
        };
        /**
         * @description One line as entered. The server computes every amount from it.
         * @example {
         *       "description": "Discovery workshop",
         *       "quantity": "1.5",
         *       "tax_rate_id": null,
         *       "unit_price": {
         *         "amount_minor": 120000,
         *         "currency": "EUR"
         *       }
         *     }
         */
        LineIn: {
            description: string;
            /** @description An integer or a decimal string with at most 3 decimals (`"1.5"` hours), as on proposals. */
            quantity: components["schemas"]["Quantity"];
            /** @description Per unit, in the document's currency; negative for a discount line. */
            unit_price: components["schemas"]["Money"];
            tax_rate_id?: components["schemas"]["TaxRateId"] | null;
        };
        /**
         * @example {
         *       "description": "Discovery workshop",
         *       "quantity": "1.5",
         *       "unit_price": {
         *         "amount_minor": 120000,
         *         "currency": "EUR"
         *       }
         *     }
         */
        LineItemIn: {
            description: string;
            quantity: components["schemas"]["Quantity"];
            /** @description In the proposal's currency. May be negative (a discount line). */
            unit_price: components["schemas"]["Money"];
        };
        LineItemOut: {
            /** @example Discovery workshop */
            description: string;
            quantity: components["schemas"]["Quantity"];
            unit_price: components["schemas"]["Money"];
            /** @description quantity × unit_price, rounded half away from zero to a minor unit. */
            amount: components["schemas"]["Money"];
        };
        /** @description One priced line of a proposal. */
        LineItemState: {
            description: string;
            quantity: components["schemas"]["Quantity"];
            unit_price: components["schemas"]["Money"];
            /** @description quantity × unit_price, rounded half away from zero to a minor unit. */
            amount: components["schemas"]["Money"];
        };
        LineOut: {
            /** Format: int32 */
            position: number;
            description: string;
            quantity: components["schemas"]["Quantity"];
            unit_price: components["schemas"]["Money"];
            tax?: components["schemas"]["LineTax"] | null;
            /** @description Without tax. */
            net: components["schemas"]["Money"];
            tax_amount: components["schemas"]["Money"];
            /** @description With tax. */
            total: components["schemas"]["Money"];
        };
        /** @description The tax a line carries, copied from the tax rate when the line was written. */
        LineTax: {
            name: string;
            /**
             * Format: int32
             * @description `2000` is 20 %.
             */
            basis_points: number;
            /** @description Whether the unit price already contains this tax. */
            inclusive: boolean;
        };
        /**
         * @description The email is not checked for shape: an unknown or malformed one reads like a
         *     wrong password (401), so logins cannot probe which accounts exist.
         * @example {
         *       "email": "ada@example.com",
         *       "password": "correct horse battery"
         *     }
         */
        LoginIn: {
            email: string;
            password: string;
        };
        /**
         * Format: uuid
         * @description MailboxConnectionId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        MailboxConnectionId: string;
        MeOut: {
            principal: components["schemas"]["Principal"];
            user?: components["schemas"]["UserOut"] | null;
            /** @description The active organization. */
            organization: components["schemas"]["OrganizationOut"];
            role: components["schemas"]["Role"];
        };
        /**
         * @description A user became a member of the organization (sign-up, a new organization, or an
         *     accepted invitation).
         * @example {
         *       "email": "ada@example.com",
         *       "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c",
         *       "role": "admin",
         *       "user_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d"
         *     }
         */
        MemberAdded: {
            /** @description The membership. */
            id: components["schemas"]["MemberId"];
            user_id: components["schemas"]["UserId"];
            email: string;
            role: components["schemas"]["Role"];
        };
        /** @description `projects.member_capacity.created`: a member's capacity from a date. */
        MemberCapacityCreated: components["schemas"]["MemberCapacityState"];
        /** @description `projects.member_capacity.deleted`: from its date the earlier capacity (or none) applies again. */
        MemberCapacityDeleted: components["schemas"]["MemberCapacityState"];
        /**
         * Format: uuid
         * @description MemberCapacityId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        MemberCapacityId: string;
        /**
         * @description A member's weekly capacity from a date, until their next capacity starts.
         *     The minutes are spread evenly over the working days: 2400 over Monday–Friday
         *     is 480 a working day, and no day off the list counts.
         * @example {
         *       "effective_from": "2027-01-01",
         *       "member_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b",
         *       "minutes_per_week": 2400,
         *       "working_days": [
         *         "mon",
         *         "tue",
         *         "wed",
         *         "thu",
         *         "fri"
         *       ]
         *     }
         */
        MemberCapacityIn: {
            member_id: components["schemas"]["UserId"];
            /**
             * Format: date
             * @description The first day the capacity applies.
             */
            effective_from: string;
            /**
             * Format: int32
             * @description Available minutes per week, 0–10080 (default 2400, 40 hours); at most
             *     1440 per working day. 0 records a period of leave.
             * @example 2400
             */
            minutes_per_week?: number | null;
            /** @description The weekdays worked, each once (default Monday to Friday). */
            working_days?: components["schemas"]["Weekday"][] | null;
        };
        MemberCapacityOut: {
            id: components["schemas"]["MemberCapacityId"];
            member_id: components["schemas"]["UserId"];
            /** Format: date */
            effective_from: string;
            /** Format: int32 */
            minutes_per_week: number;
            /** @description Monday first. */
            working_days: components["schemas"]["Weekday"][];
            /** Format: date-time */
            created_at: string;
        };
        /** @description A member capacity as its events carry it. */
        MemberCapacityState: {
            id: components["schemas"]["MemberCapacityId"];
            member_id: components["schemas"]["UserId"];
            /**
             * Format: date
             * @description The first day it applies (until the member's next capacity starts).
             */
            effective_from: string;
            /**
             * Format: int32
             * @description Available minutes per week, spread evenly over `working_days`.
             */
            minutes_per_week: number;
            /** @description The weekdays the member works, Monday first. */
            working_days: components["schemas"]["Weekday"][];
            /** Format: date-time */
            created_at: string;
        };
        /**
         * Format: uuid
         * @description MemberId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        MemberId: string;
        MemberOut: {
            id: components["schemas"]["MemberId"];
            user_id: components["schemas"]["UserId"];
            /** @example ada@example.com */
            email: string;
            /** @example Ada Lovelace */
            name: string;
            role: components["schemas"]["Role"];
            /**
             * Format: int32
             * @description Increments on every change; send it back in `If-Match`.
             */
            version: number;
            /** Format: date-time */
            created_at: string;
        };
        /**
         * @example {
         *       "role": "admin"
         *     }
         */
        MemberPatch: {
            role: components["schemas"]["Role"];
        };
        /**
         * @description A member was removed from the organization.
         * @example {
         *       "email": "ada@example.com",
         *       "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c",
         *       "role": "member",
         *       "user_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d"
         *     }
         */
        MemberRemoved: {
            id: components["schemas"]["MemberId"];
            user_id: components["schemas"]["UserId"];
            email: string;
            /** @description The role the member had. */
            role: components["schemas"]["Role"];
        };
        /**
         * @description A member's role changed.
         * @example {
         *       "email": "ada@example.com",
         *       "from": "member",
         *       "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c",
         *       "to": "admin",
         *       "user_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d"
         *     }
         */
        MemberRoleChanged: {
            id: components["schemas"]["MemberId"];
            user_id: components["schemas"]["UserId"];
            email: string;
            from: components["schemas"]["Role"];
            to: components["schemas"]["Role"];
        };
        /** @description An organization the caller belongs to, with the caller's role in it. */
        MembershipOut: {
            organization: components["schemas"]["OrganizationOut"];
            role: components["schemas"]["Role"];
            /** @description True for the session's active organization. */
            active: boolean;
        };
        /** @description A field where a merged record held a different non-empty value than the survivor kept. */
        MergeConflict: {
            /** @example phone */
            field: string;
            kept: string;
            discarded: string[];
        };
        /**
         * @example {
         *       "dry_run": true,
         *       "source_ids": [
         *         "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b"
         *       ]
         *     }
         */
        MergeIn: {
            /** @description Records folded into the survivor (the path id); they become tombstones. */
            source_ids: string[];
            /** @description Report the outcome without writing anything. */
            dry_run?: boolean;
        };
        /**
         * @description `comms.message.drafted`: a draft was written for someone to review and send
         *     (an overdue-invoice reminder, for one).
         */
        MessageDrafted: components["schemas"]["OutboundState"] & {
            /**
             * Format: uuid
             * @description The revenue reminder it was drafted for.
             */
            reminder_id?: string | null;
        };
        /**
         * Format: uuid
         * @description MessageId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        MessageId: string;
        MessageOut: {
            id: components["schemas"]["MessageId"];
            thread_id: components["schemas"]["ThreadId"];
            connection_id?: components["schemas"]["MailboxConnectionId"] | null;
            /** @description `inbound`, or `outbound` when sent from the connected mailbox. */
            direction: string;
            from: components["schemas"]["AddressOut"];
            to: components["schemas"]["AddressOut"][];
            cc: components["schemas"]["AddressOut"][];
            bcc: components["schemas"]["AddressOut"][];
            subject: string;
            /** Format: date-time */
            sent_at: string;
            /** @description The RFC 5322 `Message-ID` (without angle brackets). */
            message_id: string;
            in_reply_to?: string | null;
            references: string[];
            body_text: string;
            /** @description Sanitized: no scripts, event handlers or `javascript:` links. */
            body_html?: string | null;
            attachments: components["schemas"]["AttachmentOut"][];
            skipped_parts: components["schemas"]["SkippedPartOut"][];
            /** Format: int64 */
            size_bytes: number;
            from_contact_id?: components["schemas"]["ContactId"] | null;
            /** Format: date-time */
            created_at: string;
            /**
             * @description `received` (imported), or for mail written here: `draft`, `queued`,
             *     `retrying` (the last attempt failed; retried with backoff), `sent`, `failed` (given up).
             */
            status: string;
            /** @description Why the last send attempt failed. */
            status_reason?: string | null;
            /** Format: int32 */
            send_attempts: number;
        };
        /**
         * @description `comms.message.queued`: a reply or new message was written and waits to be
         *     sent (the sending subscriber sends it).
         */
        MessageQueued: components["schemas"]["OutboundState"] & {
            in_reply_to?: string | null;
        };
        /** @description `comms.message.received`: a message was imported from a mailbox. */
        MessageReceived: {
            id: components["schemas"]["MessageId"];
            thread_id: components["schemas"]["ThreadId"];
            connection_id?: components["schemas"]["MailboxConnectionId"] | null;
            engagement_id?: components["schemas"]["EngagementId"] | null;
            /** @description `inbound` or `outbound` (sent from the connected mailbox). */
            direction: string;
            from: string;
            to: string[];
            subject: string;
            /** @description The RFC 5322 `Message-ID`. */
            message_id: string;
            /** Format: date-time */
            sent_at: string;
            /** @description CRM contacts matched by address (sender and recipients). */
            contact_ids: components["schemas"]["ContactId"][];
        };
        /**
         * @description `comms.message.send_failed`: an attempt to send failed; `status` says whether
         *     it is retried (`retrying`) or given up (`failed`).
         */
        MessageSendFailed: components["schemas"]["OutboundState"] & {
            error: string;
            /** Format: int32 */
            attempts: number;
            /** Format: date-time */
            failed_at: string;
        };
        /** @description `comms.message.sent`: the mail server accepted the message. */
        MessageSent: components["schemas"]["OutboundState"] & {
            /** Format: date-time */
            sent_at: string;
            /**
             * Format: int32
             * @description Attempts it took.
             */
            attempts: number;
        };
        /**
         * @description `projects.milestone.completed`: a milestone went from open to done (published
         *     beside its `projects.milestone.updated`). Revenue bills milestone schedules on it.
         */
        MilestoneCompleted: components["schemas"]["MilestoneState"];
        /** @description `projects.milestone.created`: the new milestone. */
        MilestoneCreated: components["schemas"]["MilestoneState"];
        /**
         * @description `projects.milestone.deleted`: the milestone as it was; its tasks stay in the
         *     project without a milestone.
         */
        MilestoneDeleted: components["schemas"]["MilestoneState"] & {
            detached_task_ids: components["schemas"]["TaskId"][];
        };
        /**
         * Format: uuid
         * @description MilestoneId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        MilestoneId: string;
        /**
         * @example {
         *       "due_date": "2027-01-15",
         *       "name": "Design signed off",
         *       "project_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a"
         *     }
         */
        MilestoneIn: {
            project_id: components["schemas"]["ProjectId"];
            name: string;
            /** Format: date */
            due_date?: string | null;
            status?: components["schemas"]["MilestoneStatus"] | null;
        };
        MilestoneOut: {
            id: components["schemas"]["MilestoneId"];
            project_id: components["schemas"]["ProjectId"];
            /** @description The project's engagement. */
            engagement_id: components["schemas"]["EngagementId"];
            /** @example Design signed off */
            name: string;
            /** Format: date */
            due_date?: string | null;
            status: components["schemas"]["MilestoneStatus"];
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @example {
         *       "status": "done"
         *     }
         */
        MilestonePatch: {
            name?: string | null;
            due_date?: string | null;
            status?: components["schemas"]["MilestoneStatus"] | null;
        };
        /** @description A milestone as its events carry it. */
        MilestoneState: {
            id: components["schemas"]["MilestoneId"];
            project_id: components["schemas"]["ProjectId"];
            /** @description The project's engagement. */
            engagement_id: components["schemas"]["EngagementId"];
            name: string;
            /** Format: date */
            due_date?: string | null;
            status: components["schemas"]["MilestoneStatus"];
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description Whether a milestone is reached.
         * @enum {string}
         */
        MilestoneStatus: "open" | "done";
        /**
         * @description The amount billed when a milestone of the engagement is completed; the
         *     description is printed on the invoice line.
         * @example {
         *       "amount": {
         *         "amount_minor": 1500000,
         *         "currency": "EUR"
         *       },
         *       "description": "Design sign-off",
         *       "milestone_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a"
         *     }
         */
        MilestoneTermIn: {
            milestone_id: components["schemas"]["MilestoneId"];
            description: string;
            /** @description In the schedule's currency; above zero. */
            amount: components["schemas"]["Money"];
        };
        MilestoneTermOut: {
            /** Format: uuid */
            id: string;
            milestone_id: components["schemas"]["MilestoneId"];
            description: string;
            amount: components["schemas"]["Money"];
        };
        /** @description `projects.milestone.updated`: the milestone after the change, and what changed. */
        MilestoneUpdated: components["schemas"]["MilestoneState"] & {
            /** @description The fields whose value changed. */
            changed: string[];
        };
        /**
         * @description An amount of money: integer minor units (cents for EUR) and a currency.
         * @example {
         *       "amount_minor": 12345,
         *       "currency": "EUR"
         *     }
         */
        Money: {
            /** Format: int64 */
            amount_minor: number;
            currency: components["schemas"]["Currency"];
        };
        /**
         * @description Revenue of one month: invoiced net of tax, less credit notes net of tax.
         * @example {
         *       "credited": {
         *         "amount_minor": 20000,
         *         "currency": "USD"
         *       },
         *       "invoiced": {
         *         "amount_minor": 250000,
         *         "currency": "USD"
         *       },
         *       "month": "2027-01",
         *       "revenue": {
         *         "amount_minor": 230000,
         *         "currency": "USD"
         *       }
         *     }
         */
        MonthRevenue: {
            /** @example 2027-01 */
            month: string;
            /** @description Subtotals (net of tax) of invoices issued that month (void ones excluded). */
            invoiced: components["schemas"]["Money"];
            /** @description Subtotals (net of tax) of credit notes issued that month. */
            credited: components["schemas"]["Money"];
            /** @description `invoiced − credited`. */
            revenue: components["schemas"]["Money"];
        };
        /** @description A sign-in started at a provider (also sent as the `Location` of the 303). */
        OidcStartOut: {
            /**
             * @description Where to send the browser: the provider's authorization endpoint.
             * @example https://accounts.google.com/o/oauth2/v2/auth?response_type=code&client_id=…
             */
            authorization_url: string;
            /**
             * Format: date-time
             * @description The sign-in must come back to the callback before this.
             */
            expires_at: string;
        };
        /**
         * @description An organization was created; its creator is its first owner.
         * @example {
         *       "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b",
         *       "name": "Analytical Engines Ltd",
         *       "slug": "analytical-engines"
         *     }
         */
        OrganizationCreated: {
            id: components["schemas"]["OrganizationId"];
            name: string;
            slug: string;
        };
        /**
         * Format: uuid
         * @description OrganizationId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        OrganizationId: string;
        /**
         * @example {
         *       "name": "Analytical Engines Ltd",
         *       "slug": "analytical-engines"
         *     }
         */
        OrganizationIn: {
            name: string;
            /** @description Lower-case letters, digits and single dashes; generated from the name when absent. */
            slug?: string | null;
        };
        OrganizationOut: {
            id: components["schemas"]["OrganizationId"];
            /** @example Analytical Engines Ltd */
            name: string;
            /** @example analytical-engines */
            slug: string;
            /** Format: date-time */
            created_at: string;
        };
        /** @description An outbound message as the sending events carry it. */
        OutboundState: {
            id: components["schemas"]["MessageId"];
            thread_id: components["schemas"]["ThreadId"];
            connection_id?: components["schemas"]["MailboxConnectionId"] | null;
            engagement_id?: components["schemas"]["EngagementId"] | null;
            from: string;
            to: string[];
            subject: string;
            /** @description The RFC 5322 `Message-ID`, fixed before the first attempt. */
            message_id: string;
            /** @description `draft`, `queued`, `retrying`, `sent` or `failed`. */
            status: string;
        };
        /** @description A page on the wire. */
        PageOut_ActivityOut: {
            items: {
                /** @description The id of the event this entry came from. */
                id: components["schemas"]["EventId"];
                engagement_id?: components["schemas"]["EngagementId"] | null;
                /** @example member */
                entity_type: string;
                /** Format: uuid */
                entity_id: string;
                /** @example identity.member.role_changed */
                event_type: string;
                /** @example user:01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d */
                actor: string;
                /** @example ada@example.com's role changed from member to admin */
                summary: string;
                /** @description The event's payload, as the event catalog describes its type. */
                data: unknown;
                /** Format: date-time */
                created_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_ApiKeyOut: {
            items: {
                id: components["schemas"]["ApiKeyId"];
                /** @example ledger sync */
                name: string;
                /**
                 * @description First characters of the secret, to recognize a key.
                 * @example atr_k_4J0bHk
                 */
                prefix: string;
                role: components["schemas"]["Role"];
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                last_used_at?: string | null;
                /** Format: date-time */
                revoked_at?: string | null;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_AttemptOut: {
            items: {
                id: components["schemas"]["WebhookAttemptId"];
                event_id: components["schemas"]["EventId"];
                /** @example identity.member.added */
                event_type: string;
                /**
                 * Format: int32
                 * @description HTTP status of the receiver; absent when it did not answer.
                 * @example 200
                 */
                status_code?: number | null;
                error?: string | null;
                /** Format: int64 */
                duration_ms: number;
                /** Format: date-time */
                created_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_CompanyOut: {
            items: {
                id: components["schemas"]["ClientCompanyId"];
                /** @example Globex */
                name: string;
                domain?: string | null;
                status: components["schemas"]["CompanyStatus"];
                address?: string | null;
                owner_id?: components["schemas"]["UserId"] | null;
                tags: string[];
                notes?: string | null;
                merged_into_id?: components["schemas"]["ClientCompanyId"] | null;
                /** Format: int32 */
                version: number;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_ConnectionOut: {
            items: {
                id: components["schemas"]["MailboxConnectionId"];
                provider: components["schemas"]["Provider"];
                email_address: string;
                imap?: components["schemas"]["ImapSettingsOut"] | null;
                /** Format: int32 */
                sync_window_days: number;
                health: components["schemas"]["HealthOut"];
                /** Format: int32 */
                version: number;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_ContactOut: {
            items: {
                id: components["schemas"]["ContactId"];
                client_company_id?: components["schemas"]["ClientCompanyId"] | null;
                /** @example Ada */
                first_name: string;
                /**
                 * @description Empty when the contact has none.
                 * @example Lovelace
                 */
                last_name: string;
                /** @example ada@globex.example */
                email?: string | null;
                phone?: string | null;
                title?: string | null;
                merged_into_id?: components["schemas"]["ContactId"] | null;
                /** Format: int32 */
                version: number;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_ContractOut: {
            items: {
                id: components["schemas"]["ContractId"];
                proposal_id?: components["schemas"]["ProposalId"] | null;
                /** @example Website relaunch */
                title: string;
                client_company_id?: components["schemas"]["ClientCompanyId"] | null;
                contact_id?: components["schemas"]["ContactId"] | null;
                deal_id?: components["schemas"]["DealId"] | null;
                currency: components["schemas"]["Currency"];
                total?: components["schemas"]["Money"] | null;
                /** Format: date */
                start_date?: string | null;
                /** Format: date */
                end_date?: string | null;
                terms?: string | null;
                status: components["schemas"]["ContractStatus"];
                signature?: components["schemas"]["SignatureOut"] | null;
                engagement_id?: components["schemas"]["EngagementId"] | null;
                /** Format: int32 */
                version: number;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_CreditNoteOut: {
            items: {
                id: components["schemas"]["CreditNoteId"];
                invoice_id: components["schemas"]["InvoiceId"];
                number: string;
                /** Format: date */
                issue_date: string;
                reason?: string | null;
                lines: components["schemas"]["LineOut"][];
                subtotal: components["schemas"]["Money"];
                tax_total: components["schemas"]["Money"];
                total: components["schemas"]["Money"];
                fx_rate?: string | null;
                /** Format: date-time */
                created_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_DeadLetterOut: {
            items: {
                id: components["schemas"]["DeadLetterId"];
                /**
                 * @description The subscriber that kept failing, e.g. `timeline` or `webhooks`.
                 * @example timeline
                 */
                subscriber: string;
                /** Format: int32 */
                attempts: number;
                /** @example connection refused */
                last_error: string;
                /** Format: date-time */
                failed_at: string;
                event: components["schemas"]["Event"];
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_DealOut: {
            items: {
                id: components["schemas"]["DealId"];
                /** @example Website relaunch */
                name: string;
                stage: components["schemas"]["DealStage"];
                value?: components["schemas"]["Money"] | null;
                /** Format: int32 */
                probability?: number | null;
                /** Format: date */
                expected_close_date?: string | null;
                client_company_id?: components["schemas"]["ClientCompanyId"] | null;
                contact_id?: components["schemas"]["ContactId"] | null;
                owner_id?: components["schemas"]["UserId"] | null;
                /** Format: int32 */
                version: number;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_EngagementOut: {
            items: {
                id: components["schemas"]["EngagementId"];
                /** @example Website relaunch delivery */
                name: string;
                client_company_id?: components["schemas"]["ClientCompanyId"] | null;
                contract_id?: components["schemas"]["ContractId"] | null;
                deal_id?: components["schemas"]["DealId"] | null;
                billing_model: components["schemas"]["BillingModel"];
                budget?: components["schemas"]["Money"] | null;
                /** Format: date */
                start_date?: string | null;
                /** Format: date */
                end_date?: string | null;
                status: components["schemas"]["EngagementStatus"];
                /** Format: int32 */
                version: number;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_FileOut: {
            items: {
                id: components["schemas"]["FileId"];
                engagement_id: components["schemas"]["EngagementId"];
                /** @example contract.pdf */
                name: string;
                visibility: components["schemas"]["Visibility"];
                attached_type?: string | null;
                /** Format: uuid */
                attached_id?: string | null;
                current?: components["schemas"]["VersionOut"] | null;
                created_by: string;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                deleted_at?: string | null;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_FxRateOut: {
            items: {
                id: components["schemas"]["FxRateId"];
                currency: components["schemas"]["Currency"];
                base_currency: components["schemas"]["Currency"];
                /** Format: date */
                rate_date: string;
                rate: string;
                /** Format: date-time */
                created_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_InvitationOut: {
            items: {
                id: components["schemas"]["InvitationId"];
                /** @example grace@example.com */
                email: string;
                role: components["schemas"]["Role"];
                status: components["schemas"]["InvitationStatus"];
                /** Format: date-time */
                expires_at: string;
                /** Format: date-time */
                created_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_InvoiceOut: {
            items: {
                id: components["schemas"]["InvoiceId"];
                engagement_id: components["schemas"]["EngagementId"];
                client_company_id?: components["schemas"]["ClientCompanyId"] | null;
                schedule_id?: components["schemas"]["InvoiceScheduleId"] | null;
                status: components["schemas"]["InvoiceStatus"];
                /** @description Issued or partly paid, due date passed, balance above zero. */
                overdue: boolean;
                /** @description Assigned at issue; `null` on a draft. */
                number?: string | null;
                currency: components["schemas"]["Currency"];
                /** Format: date */
                issue_date?: string | null;
                /** Format: date */
                due_date?: string | null;
                /** Format: int32 */
                payment_terms_days: number;
                lines: components["schemas"]["LineOut"][];
                tax_totals: components["schemas"]["TaxTotal"][];
                /** @description Sum of the lines' net amounts. */
                subtotal: components["schemas"]["Money"];
                tax_total: components["schemas"]["Money"];
                total: components["schemas"]["Money"];
                paid: components["schemas"]["Money"];
                credited: components["schemas"]["Money"];
                /** @description total − paid − credited. */
                balance: components["schemas"]["Money"];
                base_currency: components["schemas"]["Currency"];
                /** @description Base-currency units per unit of `currency`, fixed at issue (decimal string). */
                fx_rate?: string | null;
                base_total?: components["schemas"]["Money"] | null;
                notes?: string | null;
                /** Format: int32 */
                version: number;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
                /** Format: date-time */
                issued_at?: string | null;
                /** Format: date-time */
                voided_at?: string | null;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_MemberCapacityOut: {
            items: {
                id: components["schemas"]["MemberCapacityId"];
                member_id: components["schemas"]["UserId"];
                /** Format: date */
                effective_from: string;
                /** Format: int32 */
                minutes_per_week: number;
                /** @description Monday first. */
                working_days: components["schemas"]["Weekday"][];
                /** Format: date-time */
                created_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_MemberOut: {
            items: {
                id: components["schemas"]["MemberId"];
                user_id: components["schemas"]["UserId"];
                /** @example ada@example.com */
                email: string;
                /** @example Ada Lovelace */
                name: string;
                role: components["schemas"]["Role"];
                /**
                 * Format: int32
                 * @description Increments on every change; send it back in `If-Match`.
                 */
                version: number;
                /** Format: date-time */
                created_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_MembershipOut: {
            items: {
                organization: components["schemas"]["OrganizationOut"];
                role: components["schemas"]["Role"];
                /** @description True for the session's active organization. */
                active: boolean;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_MessageOut: {
            items: {
                id: components["schemas"]["MessageId"];
                thread_id: components["schemas"]["ThreadId"];
                connection_id?: components["schemas"]["MailboxConnectionId"] | null;
                /** @description `inbound`, or `outbound` when sent from the connected mailbox. */
                direction: string;
                from: components["schemas"]["AddressOut"];
                to: components["schemas"]["AddressOut"][];
                cc: components["schemas"]["AddressOut"][];
                bcc: components["schemas"]["AddressOut"][];
                subject: string;
                /** Format: date-time */
                sent_at: string;
                /** @description The RFC 5322 `Message-ID` (without angle brackets). */
                message_id: string;
                in_reply_to?: string | null;
                references: string[];
                body_text: string;
                /** @description Sanitized: no scripts, event handlers or `javascript:` links. */
                body_html?: string | null;
                attachments: components["schemas"]["AttachmentOut"][];
                skipped_parts: components["schemas"]["SkippedPartOut"][];
                /** Format: int64 */
                size_bytes: number;
                from_contact_id?: components["schemas"]["ContactId"] | null;
                /** Format: date-time */
                created_at: string;
                /**
                 * @description `received` (imported), or for mail written here: `draft`, `queued`,
                 *     `retrying` (the last attempt failed; retried with backoff), `sent`, `failed` (given up).
                 */
                status: string;
                /** @description Why the last send attempt failed. */
                status_reason?: string | null;
                /** Format: int32 */
                send_attempts: number;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_MilestoneOut: {
            items: {
                id: components["schemas"]["MilestoneId"];
                project_id: components["schemas"]["ProjectId"];
                /** @description The project's engagement. */
                engagement_id: components["schemas"]["EngagementId"];
                /** @example Design signed off */
                name: string;
                /** Format: date */
                due_date?: string | null;
                status: components["schemas"]["MilestoneStatus"];
                /** Format: int32 */
                version: number;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_PaymentOut: {
            items: {
                id: components["schemas"]["PaymentId"];
                invoice_id: components["schemas"]["InvoiceId"];
                amount: components["schemas"]["Money"];
                /** Format: date */
                received_on: string;
                method?: string | null;
                reference?: string | null;
                /** @description Base-currency units per unit of the payment's currency on the day received. */
                fx_rate?: string | null;
                /** @description The payment in the base currency at its own rate. */
                base_amount: components["schemas"]["Money"];
                /**
                 * @description `base_amount` minus the same amount at the invoice's rate: the realized
                 *     exchange gain (positive) or loss (negative).
                 */
                realized_fx_difference: components["schemas"]["Money"];
                /** Format: date-time */
                reversed_at?: string | null;
                reversal_reason?: string | null;
                /** Format: int32 */
                version: number;
                /** Format: date-time */
                created_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_ProjectOut: {
            items: {
                id: components["schemas"]["ProjectId"];
                engagement_id: components["schemas"]["EngagementId"];
                client_company_id?: components["schemas"]["ClientCompanyId"] | null;
                /** @example Website relaunch */
                name: string;
                description?: string | null;
                status: components["schemas"]["ProjectStatus"];
                /** Format: date */
                start_date?: string | null;
                /** Format: date */
                due_date?: string | null;
                /** Format: int32 */
                version: number;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_ProposalOut: {
            items: {
                id: components["schemas"]["ProposalId"];
                /**
                 * Format: int64
                 * @description 1, 2, 3… per organization.
                 * @example 42
                 */
                number: number;
                /** @example Website relaunch */
                title: string;
                client_company_id?: components["schemas"]["ClientCompanyId"] | null;
                contact_id?: components["schemas"]["ContactId"] | null;
                deal_id?: components["schemas"]["DealId"] | null;
                currency: components["schemas"]["Currency"];
                /** Format: date */
                valid_until?: string | null;
                status: components["schemas"]["ProposalStatus"];
                line_items: components["schemas"]["LineItemOut"][];
                /** @description Sum of the line amounts. */
                subtotal: components["schemas"]["Money"];
                /** @description What the client pays; equals `subtotal` (no taxes or discounts at document level yet). */
                total: components["schemas"]["Money"];
                /** Format: date-time */
                sent_at?: string | null;
                /**
                 * Format: date-time
                 * @description When it was accepted, declined or expired.
                 */
                decided_at?: string | null;
                contract_id?: components["schemas"]["ContractId"] | null;
                engagement_id?: components["schemas"]["EngagementId"] | null;
                /** Format: int32 */
                version: number;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_RateCardOut: {
            items: {
                id: components["schemas"]["RateCardId"];
                member_id: components["schemas"]["UserId"];
                engagement_id?: components["schemas"]["EngagementId"] | null;
                /** Format: date */
                effective_from: string;
                billing_rate: components["schemas"]["Money"];
                cost_rate: components["schemas"]["Money"];
                /** Format: date-time */
                created_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_ReminderOut: {
            items: {
                id: components["schemas"]["InvoiceReminderId"];
                invoice_id: components["schemas"]["InvoiceId"];
                invoice_number?: string | null;
                /**
                 * Format: int32
                 * @description The configured step reached, in days past due.
                 */
                step_days: number;
                /**
                 * Format: int32
                 * @description Days past due when drafted; more than `step_days` when the job caught up.
                 */
                days_overdue: number;
                /** @description What remained to be paid when drafted. */
                balance: components["schemas"]["Money"];
                status: components["schemas"]["ReminderStatus"];
                /** Format: int32 */
                version: number;
                /** Format: date-time */
                drafted_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_RunOut: {
            items: {
                /** Format: uuid */
                id: string;
                schedule_id: components["schemas"]["InvoiceScheduleId"];
                /** @description Unique per schedule: `period:<start>`, `installment:<id>` or `milestone:<id>`. */
                period_key: string;
                /** Format: date */
                period_start?: string | null;
                /**
                 * Format: date
                 * @description Last day of the period (inclusive).
                 */
                period_end?: string | null;
                outcome: components["schemas"]["RunOutcome"];
                invoice_id?: components["schemas"]["InvoiceId"] | null;
                /** @description What was left out and why (e.g. time without a rate in the schedule's currency). */
                detail?: string | null;
                /** Format: date-time */
                created_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_ScheduleOut: {
            items: {
                id: components["schemas"]["InvoiceScheduleId"];
                engagement_id: components["schemas"]["EngagementId"];
                contract_id?: components["schemas"]["ContractId"] | null;
                kind: components["schemas"]["ScheduleKind"];
                name: string;
                status: components["schemas"]["ScheduleStatus"];
                currency: components["schemas"]["Currency"];
                tax_rate_id?: components["schemas"]["TaxRateId"] | null;
                installments: components["schemas"]["InstallmentOut"][];
                milestones: components["schemas"]["MilestoneTermOut"][];
                period?: components["schemas"]["BillingPeriod"] | null;
                /** Format: date */
                starts_on?: string | null;
                /** Format: date */
                ends_on?: string | null;
                amount?: components["schemas"]["Money"] | null;
                /** Format: int32 */
                included_minutes?: number | null;
                group_by: components["schemas"]["TimeGrouping"];
                /**
                 * Format: date
                 * @description The next day the runner drafts something; `null` when nothing is left
                 *     (milestone schedules bill when a milestone completes, not on a day).
                 */
                next_due_on?: string | null;
                /** Format: int32 */
                version: number;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_TaskOut: {
            items: {
                id: components["schemas"]["TaskId"];
                project_id: components["schemas"]["ProjectId"];
                /** @description The project's engagement. */
                engagement_id: components["schemas"]["EngagementId"];
                milestone_id?: components["schemas"]["MilestoneId"] | null;
                /** @example Wireframes */
                title: string;
                description?: string | null;
                status: components["schemas"]["TaskStatus"];
                assignee_id?: components["schemas"]["UserId"] | null;
                /** Format: date */
                due_date?: string | null;
                /** Format: int32 */
                estimate_minutes?: number | null;
                /**
                 * Format: int32
                 * @description 0-based rank within the project (dense: the project's tasks hold 0..n).
                 */
                position: number;
                /**
                 * Format: date-time
                 * @description When the task last became `done`; `null` unless it is done.
                 */
                completed_at?: string | null;
                /** Format: int32 */
                version: number;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_TaxRateOut: {
            items: {
                id: components["schemas"]["TaxRateId"];
                name: string;
                /** Format: int32 */
                basis_points: number;
                inclusive: boolean;
                archived: boolean;
                /** Format: int32 */
                version: number;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_TemplateOut: {
            items: {
                id: components["schemas"]["ProjectTemplateId"];
                /** @example Website relaunch */
                name: string;
                description?: string | null;
                milestones: components["schemas"]["TemplateMilestone"][];
                tasks: components["schemas"]["TemplateTask"][];
                /** Format: int32 */
                version: number;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_ThreadOut: {
            items: {
                id: components["schemas"]["ThreadId"];
                engagement_id?: components["schemas"]["EngagementId"] | null;
                /** @example Kick-off next week */
                subject: string;
                /** @description Lower-case addresses of everyone on the thread. */
                participants: string[];
                /** @description CRM contacts matched to its messages. */
                contact_ids: components["schemas"]["ContactId"][];
                /** @description The client portal shows shared threads only. */
                shared_with_client: boolean;
                /** Format: int32 */
                message_count: number;
                /** Format: date-time */
                last_message_at: string;
                /** Format: int32 */
                version: number;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_TimeEntryOut: {
            items: {
                id: components["schemas"]["TimeEntryId"];
                member_id: components["schemas"]["UserId"];
                project_id: components["schemas"]["ProjectId"];
                /** @description The project's engagement. */
                engagement_id: components["schemas"]["EngagementId"];
                task_id?: components["schemas"]["TaskId"] | null;
                /** Format: date */
                date: string;
                /** Format: int32 */
                minutes: number;
                billable: boolean;
                note?: string | null;
                approval_state: components["schemas"]["ApprovalState"];
                invoiced_by?: components["schemas"]["InvoiceId"] | null;
                decided_by?: components["schemas"]["UserId"] | null;
                /** Format: date-time */
                decided_at?: string | null;
                rejection_reason?: string | null;
                /** Format: int32 */
                version: number;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_UnknownSenderOut: {
            items: {
                /** Format: uuid */
                id: string;
                /** @example newcomer@prospect.example */
                email_address: string;
                name?: string | null;
                /** Format: int32 */
                message_count: number;
                /** Format: date-time */
                first_seen_at: string;
                /** Format: date-time */
                last_seen_at: string;
                last_thread_id?: components["schemas"]["ThreadId"] | null;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_UtilizationRow: {
            items: {
                member_id: components["schemas"]["UserId"];
                /**
                 * Format: int64
                 * @description The member's capacity over the period: each working day in it counts its
                 *     capacity's `minutes_per_week / working days`, following capacity changes
                 *     inside the period; days before the first capacity count 0. Rounded half to
                 *     even to the minute.
                 */
                available_minutes: number;
                /**
                 * Format: int64
                 * @description All time logged in the period (any approval state).
                 */
                logged_minutes: number;
                /**
                 * Format: int64
                 * @description The billable part of `logged_minutes`.
                 */
                billable_minutes: number;
                /**
                 * Format: int64
                 * @description Approved time in the period.
                 */
                approved_minutes: number;
                /**
                 * Format: int64
                 * @description The billable part of `approved_minutes`.
                 */
                approved_billable_minutes: number;
                /** @description The time the ratios count. */
                basis: components["schemas"]["UtilizationBasis"];
                /**
                 * Format: int64
                 * @description Billable minutes (of the basis) / available minutes (exact, before
                 *     rounding); `null` when nothing is available.
                 */
                utilization_bp?: number | null;
                /**
                 * Format: int64
                 * @description Billable minutes / all minutes of the basis; `null` when there are none.
                 */
                billable_share_bp?: number | null;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /** @description A page on the wire. */
        PageOut_WebhookOut: {
            items: {
                id: components["schemas"]["WebhookEndpointId"];
                /** @example https://hooks.example.com/atrium */
                url: string;
                event_types: string[];
                description: string;
                enabled: boolean;
                /** Format: int32 */
                version: number;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /**
             * @description Pass as `cursor` to get the next page; `null` on the last page.
             * @example AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8
             */
            next_cursor?: string | null;
        };
        /**
         * Format: uuid
         * @description PaymentId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        PaymentId: string;
        /**
         * @example {
         *       "amount": {
         *         "amount_minor": 50000,
         *         "currency": "EUR"
         *       },
         *       "method": "bank transfer",
         *       "received_on": "2027-02-10",
         *       "reference": "SEPA 2027-0210-17"
         *     }
         */
        PaymentIn: {
            /** @description In the invoice's currency; at most its balance. */
            amount: components["schemas"]["Money"];
            /** Format: date */
            received_on: string;
            method?: string | null;
            reference?: string | null;
        };
        PaymentOut: {
            id: components["schemas"]["PaymentId"];
            invoice_id: components["schemas"]["InvoiceId"];
            amount: components["schemas"]["Money"];
            /** Format: date */
            received_on: string;
            method?: string | null;
            reference?: string | null;
            /** @description Base-currency units per unit of the payment's currency on the day received. */
            fx_rate?: string | null;
            /** @description The payment in the base currency at its own rate. */
            base_amount: components["schemas"]["Money"];
            /**
             * @description `base_amount` minus the same amount at the invoice's rate: the realized
             *     exchange gain (positive) or loss (negative).
             */
            realized_fx_difference: components["schemas"]["Money"];
            /** Format: date-time */
            reversed_at?: string | null;
            reversal_reason?: string | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
        };
        /** @description `revenue.payment.recorded`. */
        PaymentRecorded: components["schemas"]["PaymentState"];
        /**
         * @description `revenue.payment.reversed`: a refund or a bounced payment; the invoice's
         *     balance grows back.
         */
        PaymentReversed: components["schemas"]["PaymentState"] & {
            reason?: string | null;
        };
        /**
         * @description A payment as events carry it, with the invoice status it led to (payments and
         *     credit notes move an invoice's status; no separate event says so).
         */
        PaymentState: {
            id: components["schemas"]["PaymentId"];
            invoice_id: components["schemas"]["InvoiceId"];
            engagement_id: components["schemas"]["EngagementId"];
            invoice_number: string;
            amount: components["schemas"]["Money"];
            base_amount: components["schemas"]["Money"];
            /** Format: date */
            received_on: string;
            /** @description The invoice's status after this payment (or its reversal). */
            invoice_status: string;
            invoice_balance: components["schemas"]["Money"];
        };
        /** @description Who is acting. */
        Principal: {
            id: components["schemas"]["UserId"];
            /** @enum {string} */
            kind: "user";
        } | {
            id: components["schemas"]["ApiKeyId"];
            /** @enum {string} */
            kind: "api_key";
        };
        /**
         * @description RFC 9457 problem details.
         * @example {
         *       "detail": "1 field is invalid",
         *       "errors": [
         *         {
         *           "field": "email",
         *           "message": "must be a valid email address"
         *         }
         *       ],
         *       "status": 422,
         *       "title": "Validation failed",
         *       "type": "/problems/validation"
         *     }
         */
        Problem: {
            /**
             * @description The problem type; one of the documented URIs
             * @enum {string}
             */
            type: "/problems/bad-request" | "/problems/unauthenticated" | "/problems/sign-in-refused" | "/problems/forbidden" | "/problems/not-found" | "/problems/method-not-allowed" | "/problems/request-timeout" | "/problems/conflict" | "/problems/payload-too-large" | "/problems/unsupported-media-type" | "/problems/validation" | "/problems/rate-limited" | "/problems/upstream-unavailable" | "/problems/unavailable" | "/problems/internal";
            title: string;
            /** Format: int32 */
            status: number;
            detail: string;
            errors?: components["schemas"]["FieldError"][];
            /** @description Id of an existing resource that the request conflicts with. */
            existing_id?: string | null;
        };
        /** @description Engagement profitability, a page of engagements in id order. */
        ProfitabilityOut: {
            base_currency: components["schemas"]["Currency"];
            /** Format: date */
            rate_date: string;
            items: components["schemas"]["EngagementProfitability"][];
            next_cursor?: string | null;
        };
        /** @description `projects.project.created`: the new project. */
        ProjectCreated: components["schemas"]["ProjectState"];
        /** @description `projects.project.deleted`: the project went, and its milestones and tasks with it. */
        ProjectDeleted: {
            id: components["schemas"]["ProjectId"];
            name: string;
            engagement_id: components["schemas"]["EngagementId"];
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            deleted_milestone_ids: components["schemas"]["MilestoneId"][];
            deleted_task_ids: components["schemas"]["TaskId"][];
        };
        /**
         * Format: uuid
         * @description ProjectId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        ProjectId: string;
        /**
         * @example {
         *       "due_date": "2027-03-31",
         *       "engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
         *       "name": "Website relaunch",
         *       "start_date": "2026-12-01",
         *       "status": "active"
         *     }
         */
        ProjectIn: {
            name: string;
            /** @description The engagement this project delivers; the project's client is the engagement's. */
            engagement_id: components["schemas"]["EngagementId"];
            description?: string | null;
            status?: components["schemas"]["ProjectStatus"] | null;
            /** Format: date */
            start_date?: string | null;
            /** Format: date */
            due_date?: string | null;
        };
        /**
         * @description `projects.project.instantiated`: a project made from a template with all its
         *     milestones and tasks (one event stands for the whole creation).
         */
        ProjectInstantiated: components["schemas"]["ProjectState"] & {
            template_id: components["schemas"]["ProjectTemplateId"];
            milestone_ids: components["schemas"]["MilestoneId"][];
            task_ids: components["schemas"]["TaskId"][];
        };
        ProjectOut: {
            id: components["schemas"]["ProjectId"];
            engagement_id: components["schemas"]["EngagementId"];
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            /** @example Website relaunch */
            name: string;
            description?: string | null;
            status: components["schemas"]["ProjectStatus"];
            /** Format: date */
            start_date?: string | null;
            /** Format: date */
            due_date?: string | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description Partial update: an absent field is unchanged, `null` clears it.
         * @example {
         *       "due_date": null,
         *       "status": "on_hold"
         *     }
         */
        ProjectPatch: {
            name?: string | null;
            description?: string | null;
            status?: components["schemas"]["ProjectStatus"] | null;
            start_date?: string | null;
            due_date?: string | null;
        };
        /**
         * @description `projects.project.reconciled`: the project's client company was realigned with
         *     its engagement's.
         */
        ProjectReconciled: {
            id: components["schemas"]["ProjectId"];
            engagement_id: components["schemas"]["EngagementId"];
            from?: components["schemas"]["ClientCompanyId"] | null;
            to?: components["schemas"]["ClientCompanyId"] | null;
        };
        /** @description A project as its events carry it. */
        ProjectState: {
            id: components["schemas"]["ProjectId"];
            /** @description The engagement the project delivers. */
            engagement_id: components["schemas"]["EngagementId"];
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            name: string;
            description?: string | null;
            status: components["schemas"]["ProjectStatus"];
            /** Format: date */
            start_date?: string | null;
            /** Format: date */
            due_date?: string | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description Where a project stands.
         * @enum {string}
         */
        ProjectStatus: "planned" | "active" | "on_hold" | "completed" | "cancelled";
        /**
         * Format: uuid
         * @description ProjectTemplateId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        ProjectTemplateId: string;
        /** @description `projects.project.updated`: the project after the change, and what changed. */
        ProjectUpdated: components["schemas"]["ProjectState"] & {
            /** @description The fields whose value changed, e.g. `["status", "due_date"]`. */
            changed: string[];
        };
        /** @description `agreements.proposal.accepted`: sent → accepted. */
        ProposalAccepted: components["schemas"]["ProposalState"];
        /** @description `agreements.proposal.created`: the new draft, priced. */
        ProposalCreated: components["schemas"]["ProposalState"];
        /** @description `agreements.proposal.declined`: sent → declined. */
        ProposalDeclined: components["schemas"]["ProposalState"];
        /** @description `agreements.proposal.deleted`: the proposal as it was. */
        ProposalDeleted: components["schemas"]["ProposalState"];
        /** @description `agreements.proposal.expired`: sent → expired, by the hourly expiry job. */
        ProposalExpired: components["schemas"]["ProposalState"];
        /**
         * Format: uuid
         * @description ProposalId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        ProposalId: string;
        /**
         * @description A new proposal. Totals are computed by the server; any sent are ignored.
         * @example {
         *       "client_company_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
         *       "currency": "EUR",
         *       "deal_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c",
         *       "line_items": [
         *         {
         *           "description": "Discovery workshop",
         *           "quantity": 2,
         *           "unit_price": {
         *             "amount_minor": 120000,
         *             "currency": "EUR"
         *           }
         *         },
         *         {
         *           "description": "Design, per day",
         *           "quantity": "7.5",
         *           "unit_price": {
         *             "amount_minor": 95000,
         *             "currency": "EUR"
         *           }
         *         }
         *       ],
         *       "title": "Website relaunch",
         *       "valid_until": "2026-12-31"
         *     }
         */
        ProposalIn: {
            title: string;
            client_company_id: components["schemas"]["ClientCompanyId"];
            contact_id?: components["schemas"]["ContactId"] | null;
            deal_id?: components["schemas"]["DealId"] | null;
            currency: components["schemas"]["Currency"];
            /** Format: date */
            valid_until?: string | null;
            line_items?: components["schemas"]["LineItemIn"][];
        };
        ProposalOut: {
            id: components["schemas"]["ProposalId"];
            /**
             * Format: int64
             * @description 1, 2, 3… per organization.
             * @example 42
             */
            number: number;
            /** @example Website relaunch */
            title: string;
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            contact_id?: components["schemas"]["ContactId"] | null;
            deal_id?: components["schemas"]["DealId"] | null;
            currency: components["schemas"]["Currency"];
            /** Format: date */
            valid_until?: string | null;
            status: components["schemas"]["ProposalStatus"];
            line_items: components["schemas"]["LineItemOut"][];
            /** @description Sum of the line amounts. */
            subtotal: components["schemas"]["Money"];
            /** @description What the client pays; equals `subtotal` (no taxes or discounts at document level yet). */
            total: components["schemas"]["Money"];
            /** Format: date-time */
            sent_at?: string | null;
            /**
             * Format: date-time
             * @description When it was accepted, declined or expired.
             */
            decided_at?: string | null;
            contract_id?: components["schemas"]["ContractId"] | null;
            engagement_id?: components["schemas"]["EngagementId"] | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description Partial update of a draft: an absent field is unchanged, `null` clears it.
         *     `line_items`, when present, replaces all lines.
         * @example {
         *       "title": "Website relaunch, phase 1",
         *       "valid_until": null
         *     }
         */
        ProposalPatch: {
            title?: string | null;
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            contact_id?: components["schemas"]["ContactId"] | null;
            deal_id?: components["schemas"]["DealId"] | null;
            currency?: components["schemas"]["Currency"] | null;
            valid_until?: string | null;
            line_items?: components["schemas"]["LineItemIn"][] | null;
        };
        /** @description `agreements.proposal.sent`: draft → sent. */
        ProposalSent: components["schemas"]["ProposalState"];
        /** @description A proposal as its events carry it. */
        ProposalState: {
            id: components["schemas"]["ProposalId"];
            /**
             * Format: int64
             * @description 1, 2, 3… per organization.
             */
            number: number;
            title: string;
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            contact_id?: components["schemas"]["ContactId"] | null;
            deal_id?: components["schemas"]["DealId"] | null;
            currency: components["schemas"]["Currency"];
            /** Format: date */
            valid_until?: string | null;
            status: components["schemas"]["ProposalStatus"];
            line_items: components["schemas"]["LineItemState"][];
            subtotal: components["schemas"]["Money"];
            total: components["schemas"]["Money"];
            /** Format: date-time */
            sent_at?: string | null;
            /**
             * Format: date-time
             * @description When it was accepted, declined or expired.
             */
            decided_at?: string | null;
            contract_id?: components["schemas"]["ContractId"] | null;
            engagement_id?: components["schemas"]["EngagementId"] | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description draft → sent → accepted | declined | expired
         * @enum {string}
         */
        ProposalStatus: "draft" | "sent" | "accepted" | "declined" | "expired";
        /** @description `agreements.proposal.updated`: the draft after the change, and what changed. */
        ProposalUpdated: components["schemas"]["ProposalState"] & {
            /** @description The fields whose value changed, e.g. `["title", "line_items", "total"]`. */
            changed: string[];
        };
        /**
         * @description The mail provider of a connection.
         * @enum {string}
         */
        Provider: "imap" | "gmail" | "microsoft";
        /**
         * @description Quantity, exact to a thousandth: a JSON integer or a decimal string (at most 3 decimals). Answered as a string.
         * @example 1.5
         */
        Quantity: string | number;
        /** @description `projects.rate_card.created`: rates for a member from a date. */
        RateCardCreated: components["schemas"]["RateCardState"];
        /** @description `projects.rate_card.deleted`: the rates no longer apply from that date. */
        RateCardDeleted: components["schemas"]["RateCardState"];
        /**
         * Format: uuid
         * @description RateCardId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        RateCardId: string;
        /**
         * @description A member's billing and cost rate from a date: the default (no engagement) or an
         *     override for one engagement, in that engagement's currency.
         * @example {
         *       "billing_rate": {
         *         "amount_minor": 15000,
         *         "currency": "EUR"
         *       },
         *       "cost_rate": {
         *         "amount_minor": 6000,
         *         "currency": "EUR"
         *       },
         *       "effective_from": "2027-01-01",
         *       "engagement_id": null,
         *       "member_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b"
         *     }
         */
        RateCardIn: {
            member_id: components["schemas"]["UserId"];
            engagement_id?: components["schemas"]["EngagementId"] | null;
            /**
             * Format: date
             * @description The first day the rates apply (until a later card of the same kind).
             */
            effective_from: string;
            /** @description Per hour, 0 or more; same currency as `cost_rate`. */
            billing_rate: components["schemas"]["Money"];
            /** @description Per hour, 0 or more. */
            cost_rate: components["schemas"]["Money"];
        };
        RateCardOut: {
            id: components["schemas"]["RateCardId"];
            member_id: components["schemas"]["UserId"];
            engagement_id?: components["schemas"]["EngagementId"] | null;
            /** Format: date */
            effective_from: string;
            billing_rate: components["schemas"]["Money"];
            cost_rate: components["schemas"]["Money"];
            /** Format: date-time */
            created_at: string;
        };
        /** @description A rate card as its events carry it. */
        RateCardState: {
            id: components["schemas"]["RateCardId"];
            member_id: components["schemas"]["UserId"];
            engagement_id?: components["schemas"]["EngagementId"] | null;
            /**
             * Format: date
             * @description The first day the rates apply.
             */
            effective_from: string;
            /** @description Per hour. */
            billing_rate: components["schemas"]["Money"];
            /** @description Per hour. */
            cost_rate: components["schemas"]["Money"];
            /** Format: date-time */
            created_at: string;
        };
        /**
         * @description Where an effective rate came from.
         * @enum {string}
         */
        RateSource: "engagement" | "default";
        /**
         * @description `agreements.references.repointed`: after a CRM merge, the proposals, contracts
         *     and engagements that named a merged record now name the survivor (the
         *     aggregate).
         */
        ReferencesRepointed: components["schemas"]["RepointedMerge"] & components["schemas"]["RepointedCounts"];
        /**
         * @description Why an entry goes back to its member.
         * @example {
         *       "reason": "Please split the workshop from the travel time"
         *     }
         */
        RejectIn: {
            reason?: string | null;
        };
        /** @description `revenue.reminder.dismissed`: a drafted reminder will not be sent. */
        ReminderDismissed: {
            id: components["schemas"]["InvoiceReminderId"];
            invoice_id: components["schemas"]["InvoiceId"];
            invoice_number: string;
            engagement_id: components["schemas"]["EngagementId"];
            /** Format: int32 */
            step_days: number;
        };
        /**
         * @description `revenue.reminder.drafted`: an overdue invoice reached a reminder step; comms
         *     sends it. At most one per invoice and step.
         */
        ReminderDrafted: {
            id: components["schemas"]["InvoiceReminderId"];
            invoice_id: components["schemas"]["InvoiceId"];
            invoice_number: string;
            engagement_id: components["schemas"]["EngagementId"];
            client_company_id?: components["schemas"]["ClientCompanyId"] | null;
            /**
             * Format: int32
             * @description The configured step reached, in days past due.
             */
            step_days: number;
            /**
             * Format: int32
             * @description Days past due on the day the reminder was drafted (at least `step_days`).
             */
            days_overdue: number;
            /** Format: date */
            due_date: string;
            /** @description What remained to be paid when the reminder was drafted. */
            balance: components["schemas"]["Money"];
        };
        /**
         * @example {
         *       "balance": {
         *         "amount_minor": 125000,
         *         "currency": "EUR"
         *       },
         *       "days_overdue": 20,
         *       "drafted_at": "2027-02-20T06:15:00Z",
         *       "id": "01938f4e-7a10-7cc3-a3de-1f0c4d9e2b11",
         *       "invoice_id": "01938f4e-5b20-7d41-9b0a-2c6e1f0a9d42",
         *       "invoice_number": "INV-2027-0007",
         *       "status": "drafted",
         *       "step_days": 14,
         *       "updated_at": "2027-02-20T06:15:00Z",
         *       "version": 1
         *     }
         */
        ReminderOut: {
            id: components["schemas"]["InvoiceReminderId"];
            invoice_id: components["schemas"]["InvoiceId"];
            invoice_number?: string | null;
            /**
             * Format: int32
             * @description The configured step reached, in days past due.
             */
            step_days: number;
            /**
             * Format: int32
             * @description Days past due when drafted; more than `step_days` when the job caught up.
             */
            days_overdue: number;
            /** @description What remained to be paid when drafted. */
            balance: components["schemas"]["Money"];
            status: components["schemas"]["ReminderStatus"];
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            drafted_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description Where a reminder stands: drafted by the daily job, sent by comms, or dismissed
         *     by a person (it will not be sent).
         * @enum {string}
         */
        ReminderStatus: "drafted" | "sent" | "dismissed";
        ReplayedOut: {
            /**
             * Format: int64
             * @description How many dead letters were put back in line.
             */
            replayed: number;
        };
        /**
         * @description A reply in the thread. Without `to`, it goes to the sender of the newest
         *     message from someone else.
         * @example {
         *       "body_text": "Thanks, see you Monday."
         *     }
         */
        ReplyIn: {
            connection_id?: components["schemas"]["MailboxConnectionId"] | null;
            to?: string[] | null;
            cc?: string[];
            body_text: string;
            body_html?: string | null;
        };
        /** @description How many rows now name the survivor. */
        RepointedCounts: {
            /** Format: int64 */
            proposals: number;
            /** Format: int64 */
            contracts: number;
            /** Format: int64 */
            engagements: number;
        };
        /** @description Which records a CRM merge folded together: `field` names the reference that moved. */
        RepointedMerge: {
            survivor_id: components["schemas"]["ClientCompanyId"];
            merged_ids: components["schemas"]["ClientCompanyId"][];
            /** @enum {string} */
            field: "client_company_id";
        } | {
            survivor_id: components["schemas"]["ContactId"];
            merged_ids: components["schemas"]["ContactId"][];
            /** @enum {string} */
            field: "contact_id";
        };
        /**
         * @description Revenue by client and month, net of tax, in the base currency.
         * @example {
         *       "base_currency": "USD",
         *       "from": "2026-02",
         *       "items": [
         *         {
         *           "client_company_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
         *           "credited": {
         *             "amount_minor": 20000,
         *             "currency": "USD"
         *           },
         *           "invoiced": {
         *             "amount_minor": 250000,
         *             "currency": "USD"
         *           },
         *           "months": [
         *             {
         *               "credited": {
         *                 "amount_minor": 20000,
         *                 "currency": "USD"
         *               },
         *               "invoiced": {
         *                 "amount_minor": 250000,
         *                 "currency": "USD"
         *               },
         *               "month": "2027-01",
         *               "revenue": {
         *                 "amount_minor": 230000,
         *                 "currency": "USD"
         *               }
         *             }
         *           ],
         *           "revenue": {
         *             "amount_minor": 230000,
         *             "currency": "USD"
         *           }
         *         }
         *       ],
         *       "next_cursor": null,
         *       "to": "2027-01",
         *       "totals": [
         *         {
         *           "credited": {
         *             "amount_minor": 20000,
         *             "currency": "USD"
         *           },
         *           "invoiced": {
         *             "amount_minor": 250000,
         *             "currency": "USD"
         *           },
         *           "month": "2027-01",
         *           "revenue": {
         *             "amount_minor": 230000,
         *             "currency": "USD"
         *           }
         *         }
         *       ]
         *     }
         */
        RevenueByClientOut: {
            /** @example 2026-02 */
            from: string;
            /** @example 2027-01 */
            to: string;
            base_currency: components["schemas"]["Currency"];
            items: components["schemas"]["ClientRevenue"][];
            /** @description Every selected client's months added up, not only this page's. */
            totals: components["schemas"]["MonthRevenue"][];
            next_cursor?: string | null;
        };
        /**
         * @example {
         *       "reason": "Refunded: duplicate transfer"
         *     }
         */
        ReverseIn: {
            reason?: string | null;
        };
        /**
         * @description A member's role in an organization, from most to least powerful.
         * @enum {string}
         */
        Role: "owner" | "admin" | "member" | "billing" | "viewer";
        /**
         * @description Run a schedule now: everything due up to `up_to` (default and at most today).
         * @example {
         *       "up_to": "2027-01-31"
         *     }
         */
        RunIn: {
            /** Format: date */
            up_to?: string | null;
        };
        /**
         * @description One period, installment or milestone a schedule processed.
         * @example {
         *       "created_at": "2027-02-01T00:05:00Z",
         *       "detail": null,
         *       "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b",
         *       "invoice_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c",
         *       "outcome": "invoiced",
         *       "period_end": "2027-01-31",
         *       "period_key": "period:2027-01-01",
         *       "period_start": "2027-01-01",
         *       "schedule_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a"
         *     }
         */
        RunOut: {
            /** Format: uuid */
            id: string;
            schedule_id: components["schemas"]["InvoiceScheduleId"];
            /** @description Unique per schedule: `period:<start>`, `installment:<id>` or `milestone:<id>`. */
            period_key: string;
            /** Format: date */
            period_start?: string | null;
            /**
             * Format: date
             * @description Last day of the period (inclusive).
             */
            period_end?: string | null;
            outcome: components["schemas"]["RunOutcome"];
            invoice_id?: components["schemas"]["InvoiceId"] | null;
            /** @description What was left out and why (e.g. time without a rate in the schedule's currency). */
            detail?: string | null;
            /** Format: date-time */
            created_at: string;
        };
        /**
         * @description What a run did.
         * @enum {string}
         */
        RunOutcome: "invoiced" | "nothing_to_bill";
        /**
         * @description Saves a project's milestones and tasks as a template; offsets count from the
         *     project's start date, or its earliest due date when it has none.
         * @example {
         *       "name": "Relaunch playbook"
         *     }
         */
        SaveAsTemplateIn: {
            name: string;
            description?: string | null;
        };
        /**
         * @example {
         *       "amount": {
         *         "amount_minor": 500000,
         *         "currency": "EUR"
         *       },
         *       "currency": "EUR",
         *       "engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
         *       "included_minutes": 1200,
         *       "kind": "retainer",
         *       "name": "Monthly advisory retainer",
         *       "period": "monthly",
         *       "starts_on": "2027-01-01"
         *     }
         */
        ScheduleIn: {
            engagement_id: components["schemas"]["EngagementId"];
            contract_id?: components["schemas"]["ContractId"] | null;
            kind: components["schemas"]["ScheduleKind"];
            name: string;
            currency?: components["schemas"]["Currency"] | null;
            tax_rate_id?: components["schemas"]["TaxRateId"] | null;
            /** @description `fixed` only: at least one. */
            installments?: components["schemas"]["InstallmentIn"][];
            /** @description `milestone` only: at least one; each milestone once. */
            milestones?: components["schemas"]["MilestoneTermIn"][];
            period?: components["schemas"]["BillingPeriod"] | null;
            /**
             * Format: date
             * @description `retainer` and `time_and_materials`: the first period starts here, and every
             *     period starts on this day of the month (the month's last day when shorter).
             */
            starts_on?: string | null;
            /**
             * Format: date
             * @description Last day billed (the final period stops there). Default: open-ended.
             */
            ends_on?: string | null;
            amount?: components["schemas"]["Money"] | null;
            /**
             * Format: int32
             * @description `retainer`: time included in the fee per period; approved billable time
             *     beyond it is billed at the rate card. Default: none (time is not billed).
             */
            included_minutes?: number | null;
            group_by?: components["schemas"]["TimeGrouping"] | null;
        };
        /**
         * @description How a schedule bills: `fixed` installments on dates, an amount per completed
         *     `milestone`, a `retainer` fee per period (with optional included hours and
         *     overage at the rate card), or `time_and_materials` per period at the rate card.
         * @enum {string}
         */
        ScheduleKind: "fixed" | "milestone" | "retainer" | "time_and_materials";
        ScheduleOut: {
            id: components["schemas"]["InvoiceScheduleId"];
            engagement_id: components["schemas"]["EngagementId"];
            contract_id?: components["schemas"]["ContractId"] | null;
            kind: components["schemas"]["ScheduleKind"];
            name: string;
            status: components["schemas"]["ScheduleStatus"];
            currency: components["schemas"]["Currency"];
            tax_rate_id?: components["schemas"]["TaxRateId"] | null;
            installments: components["schemas"]["InstallmentOut"][];
            milestones: components["schemas"]["MilestoneTermOut"][];
            period?: components["schemas"]["BillingPeriod"] | null;
            /** Format: date */
            starts_on?: string | null;
            /** Format: date */
            ends_on?: string | null;
            amount?: components["schemas"]["Money"] | null;
            /** Format: int32 */
            included_minutes?: number | null;
            group_by: components["schemas"]["TimeGrouping"];
            /**
             * Format: date
             * @description The next day the runner drafts something; `null` when nothing is left
             *     (milestone schedules bill when a milestone completes, not on a day).
             */
            next_due_on?: string | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description A change to a schedule. Terms (`installments`, `milestones`) can be replaced
         *     only while the schedule has not run.
         * @example {
         *       "status": "paused"
         *     }
         */
        SchedulePatch: {
            name?: string | null;
            status?: components["schemas"]["ScheduleStatus"] | null;
            /** Format: date */
            ends_on?: string | null;
            tax_rate_id?: components["schemas"]["TaxRateId"] | null;
            amount?: components["schemas"]["Money"] | null;
            /** Format: int32 */
            included_minutes?: number | null;
            group_by?: components["schemas"]["TimeGrouping"] | null;
            installments?: components["schemas"]["InstallmentIn"][] | null;
            milestones?: components["schemas"]["MilestoneTermIn"][] | null;
        };
        /**
         * @description `active` schedules run; `paused` ones skip their due periods until resumed
         *     (then catch up); `ended` ones never run again.
         * @enum {string}
         */
        ScheduleStatus: "active" | "paused" | "ended";
        /**
         * @description Send a draft (an overdue-invoice reminder, for one) after review. Absent
         *     fields keep the draft's.
         * @example {
         *       "to": [
         *         "accounts@globex.example"
         *       ]
         *     }
         */
        SendDraftIn: {
            connection_id?: components["schemas"]["MailboxConnectionId"] | null;
            to?: string[] | null;
        };
        SettingsOut: {
            /** @description Reports and exchange rates are in this currency. */
            base_currency: components["schemas"]["Currency"];
            /** @description e.g. `INV-{YYYY}-{seq:4}`; placeholders `{seq}`, `{seq:N}`, `{YYYY}`, `{YY}`, `{MM}`. */
            invoice_number_format: string;
            credit_note_number_format: string;
            /** Format: int32 */
            payment_terms_days: number;
            /** @description Days past due at which a reminder is drafted. */
            reminder_steps: number[];
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @example {
         *       "base_currency": "USD",
         *       "invoice_number_format": "INV-{YYYY}-{seq:5}",
         *       "payment_terms_days": 30,
         *       "reminder_steps": [
         *         1,
         *         7,
         *         14,
         *         30
         *       ]
         *     }
         */
        SettingsPatch: {
            base_currency?: components["schemas"]["Currency"] | null;
            invoice_number_format?: string | null;
            credit_note_number_format?: string | null;
            /** Format: int32 */
            payment_terms_days?: number | null;
            reminder_steps?: number[] | null;
        };
        /** @description `revenue.settings.updated`: the organization's billing settings changed. */
        SettingsUpdated: {
            organization_id: components["schemas"]["OrganizationId"];
            base_currency: string;
            invoice_number_format: string;
            credit_note_number_format: string;
            /** Format: int32 */
            payment_terms_days: number;
            reminder_steps: number[];
            changed: string[];
        };
        /**
         * @description The client's signature. `signature_data` (e.g. a drawn signature as a data URL)
         *     is stored encrypted and only returned by `GET /contracts/{id}/signature`.
         * @example {
         *       "signature_data": "data:image/png;base64,iVBORw0KGgo=",
         *       "signer_email": "hank@globex.example",
         *       "signer_name": "Hank Scorpio"
         *     }
         */
        SignIn: {
            signer_name: string;
            /** Format: email */
            signer_email: string;
            signature_data: string;
        };
        SignatureDataOut: components["schemas"]["SignatureOut"] & {
            /** @description Decrypted signature data as it was submitted. */
            signature_data: string;
        };
        /** @description Who signed and when; never the signature itself. */
        SignatureOut: {
            /** @example Hank Scorpio */
            signer_name: string;
            /** @example hank@globex.example */
            signer_email: string;
            /**
             * Format: date-time
             * @description Server clock at signing.
             */
            signed_at: string;
            /**
             * @description The signing request's peer address, when known.
             * @example 203.0.113.7
             */
            signer_ip?: string | null;
        };
        /** @description Who signed a contract and when; never the signature itself. */
        SignatureState: {
            signer_name: string;
            signer_email: string;
            /**
             * Format: date-time
             * @description Server clock at signing.
             */
            signed_at: string;
            /** @description The signing request's peer address, when known. */
            signer_ip?: string | null;
        };
        /**
         * @example {
         *       "email": "ada@example.com",
         *       "name": "Ada Lovelace",
         *       "password": "correct horse battery"
         *     }
         */
        SignupIn: {
            /** Format: email */
            email: string;
            /** @description Kept exactly as typed (not trimmed). */
            password: string;
            name: string;
            /** @description Name of the first organization; defaults to "<name>'s organization". */
            organization_name?: string | null;
        };
        /** @description One message (or part) a run did not import, and why. */
        SkipOut: {
            /** @description The provider's id of the message (IMAP: its UID). */
            provider_message_id: string;
            reason: string;
        };
        /** @description A part of the message that was not kept, and why. */
        SkippedPartOut: {
            /** @description `text`, `html` or `attachment`. */
            part: string;
            media_type: string;
            /** Format: int64 */
            size: number;
            /** @example larger than the 1048576 bytes allowed for a part */
            reason: string;
        };
        /**
         * @description Where a record came from when it was not created through the API.
         * @enum {string}
         */
        Source: "appointment.booked" | "csv_import";
        /**
         * @example {
         *       "organization_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a"
         *     }
         */
        SwitchOrganizationIn: {
            organization_id: components["schemas"]["OrganizationId"];
        };
        /**
         * @description The sync state of a connection.
         * @enum {string}
         */
        SyncState: "active" | "backing_off" | "auth_failed" | "paused";
        /** @description `projects.task.created`: the new task, last in its project. */
        TaskCreated: components["schemas"]["TaskState"];
        /** @description `projects.task.deleted`: the task that went; the tasks after it moved up. */
        TaskDeleted: {
            id: components["schemas"]["TaskId"];
            title: string;
            project_id: components["schemas"]["ProjectId"];
            engagement_id: components["schemas"]["EngagementId"];
            milestone_id?: components["schemas"]["MilestoneId"] | null;
        };
        /**
         * Format: uuid
         * @description TaskId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        TaskId: string;
        /**
         * @example {
         *       "assignee_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b",
         *       "due_date": "2026-12-15",
         *       "estimate_minutes": 480,
         *       "project_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
         *       "title": "Wireframes"
         *     }
         */
        TaskIn: {
            project_id: components["schemas"]["ProjectId"];
            title: string;
            milestone_id?: components["schemas"]["MilestoneId"] | null;
            assignee_id?: components["schemas"]["UserId"] | null;
            status?: components["schemas"]["TaskStatus"] | null;
            description?: string | null;
            /** Format: date */
            due_date?: string | null;
            /** Format: int32 */
            estimate_minutes?: number | null;
        };
        /**
         * @description Where to move a task within its project: exactly one of `position` (the 0-based
         *     rank it takes; past the end means last), `before_id` or `after_id` (a task of the
         *     same project).
         * @example {
         *       "after_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c"
         *     }
         */
        TaskMoveIn: {
            /** Format: int32 */
            position?: number | null;
            before_id?: components["schemas"]["TaskId"] | null;
            after_id?: components["schemas"]["TaskId"] | null;
        };
        /** @description `projects.task.moved`: the task at its new position, and where it was. */
        TaskMoved: components["schemas"]["TaskState"] & {
            /** Format: int32 */
            from_position: number;
        };
        TaskOut: {
            id: components["schemas"]["TaskId"];
            project_id: components["schemas"]["ProjectId"];
            /** @description The project's engagement. */
            engagement_id: components["schemas"]["EngagementId"];
            milestone_id?: components["schemas"]["MilestoneId"] | null;
            /** @example Wireframes */
            title: string;
            description?: string | null;
            status: components["schemas"]["TaskStatus"];
            assignee_id?: components["schemas"]["UserId"] | null;
            /** Format: date */
            due_date?: string | null;
            /** Format: int32 */
            estimate_minutes?: number | null;
            /**
             * Format: int32
             * @description 0-based rank within the project (dense: the project's tasks hold 0..n).
             */
            position: number;
            /**
             * Format: date-time
             * @description When the task last became `done`; `null` unless it is done.
             */
            completed_at?: string | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description Partial update: an absent field is unchanged, `null` clears it. A task stays in
         *     its project; reorder it with `POST /tasks/{id}/move`.
         * @example {
         *       "assignee_id": null,
         *       "status": "done"
         *     }
         */
        TaskPatch: {
            title?: string | null;
            description?: string | null;
            status?: components["schemas"]["TaskStatus"] | null;
            milestone_id?: components["schemas"]["MilestoneId"] | null;
            assignee_id?: components["schemas"]["UserId"] | null;
            due_date?: string | null;
            /** Format: int32 */
            estimate_minutes?: number | null;
        };
        /** @description A task as its events carry it. */
        TaskState: {
            id: components["schemas"]["TaskId"];
            project_id: components["schemas"]["ProjectId"];
            /** @description The project's engagement. */
            engagement_id: components["schemas"]["EngagementId"];
            milestone_id?: components["schemas"]["MilestoneId"] | null;
            title: string;
            description?: string | null;
            status: components["schemas"]["TaskStatus"];
            assignee_id?: components["schemas"]["UserId"] | null;
            /** Format: date */
            due_date?: string | null;
            /** Format: int32 */
            estimate_minutes?: number | null;
            /**
             * Format: int32
             * @description 0-based rank within the project.
             */
            position: number;
            /** Format: date-time */
            completed_at?: string | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description Where a task stands.
         * @enum {string}
         */
        TaskStatus: "todo" | "in_progress" | "blocked" | "done";
        /**
         * @description `projects.task.status_changed`: a task moved from one status to another (sent
         *     beside the `projects.task.updated` of the same change).
         */
        TaskStatusChanged: {
            id: components["schemas"]["TaskId"];
            title: string;
            project_id: components["schemas"]["ProjectId"];
            engagement_id: components["schemas"]["EngagementId"];
            from: components["schemas"]["TaskStatus"];
            to: components["schemas"]["TaskStatus"];
        };
        /** @description `projects.task.updated`: the task after the change, and what changed. */
        TaskUpdated: components["schemas"]["TaskState"] & {
            /** @description The fields whose value changed. */
            changed: string[];
        };
        /** @description `revenue.tax_rate.created`. */
        TaxRateCreated: components["schemas"]["TaxRateState"];
        /**
         * Format: uuid
         * @description TaxRateId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        TaxRateId: string;
        /**
         * @example {
         *       "basis_points": 2000,
         *       "inclusive": false,
         *       "name": "VAT 20%"
         *     }
         */
        TaxRateIn: {
            name: string;
            /**
             * Format: int32
             * @description `2000` is 20 %; 0 to 10000.
             */
            basis_points: number;
            /** @description Whether prices with this tax already contain it. Default false. */
            inclusive?: boolean;
        };
        TaxRateOut: {
            id: components["schemas"]["TaxRateId"];
            name: string;
            /** Format: int32 */
            basis_points: number;
            inclusive: boolean;
            archived: boolean;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @example {
         *       "archived": true
         *     }
         */
        TaxRatePatch: {
            name?: string | null;
            /** @description Archived rates stay on the documents that used them and cannot be put on new lines. */
            archived?: boolean | null;
        };
        /** @description A tax rate as events carry it. */
        TaxRateState: {
            id: components["schemas"]["TaxRateId"];
            name: string;
            /** Format: int32 */
            basis_points: number;
            inclusive: boolean;
            archived: boolean;
            /** Format: int32 */
            version: number;
        };
        /** @description `revenue.tax_rate.updated`. */
        TaxRateUpdated: components["schemas"]["TaxRateState"] & {
            changed: string[];
        };
        /** @description Tax of one rate over the whole document. */
        TaxTotal: {
            name: string;
            /** Format: int32 */
            basis_points: number;
            inclusive: boolean;
            /** @description Net amount the rate applies to. */
            taxable: components["schemas"]["Money"];
            tax: components["schemas"]["Money"];
        };
        /**
         * @description `projects.template.created`: the new template; when saved from a project, that
         *     project and its engagement.
         */
        TemplateCreated: components["schemas"]["TemplateState"] & {
            source_project_id?: components["schemas"]["ProjectId"] | null;
            engagement_id?: components["schemas"]["EngagementId"] | null;
        };
        /** @description `projects.template.deleted`: the template that went. */
        TemplateDeleted: {
            id: components["schemas"]["ProjectTemplateId"];
            name: string;
        };
        /**
         * @example {
         *       "milestones": [
         *         {
         *           "key": "design",
         *           "name": "Design signed off",
         *           "offset_days": 14
         *         }
         *       ],
         *       "name": "Website relaunch",
         *       "tasks": [
         *         {
         *           "estimate_minutes": 480,
         *           "milestone_key": "design",
         *           "offset_days": 7,
         *           "title": "Wireframes"
         *         }
         *       ]
         *     }
         */
        TemplateIn: {
            name: string;
            description?: string | null;
            milestones?: components["schemas"]["TemplateMilestone"][];
            tasks?: components["schemas"]["TemplateTask"][];
        };
        /**
         * @example {
         *       "key": "design",
         *       "name": "Design signed off",
         *       "offset_days": 14
         *     }
         */
        TemplateMilestone: {
            /** @description Names the milestone within the template, for tasks' `milestone_key`. */
            key: string;
            name: string;
            /**
             * Format: int32
             * @description Days after the project's start date the milestone is due.
             */
            offset_days: number;
        };
        /** @description A template's milestone as events carry it. */
        TemplateMilestoneState: {
            key: string;
            name: string;
            /** Format: int32 */
            offset_days: number;
        };
        TemplateOut: {
            id: components["schemas"]["ProjectTemplateId"];
            /** @example Website relaunch */
            name: string;
            description?: string | null;
            milestones: components["schemas"]["TemplateMilestone"][];
            tasks: components["schemas"]["TemplateTask"][];
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description Partial update: `milestones` and `tasks` are replaced whole when given, and the
         *     result must still hold together (tasks' keys name milestones).
         * @example {
         *       "description": null,
         *       "name": "Website relaunch (v2)"
         *     }
         */
        TemplatePatch: {
            name?: string | null;
            description?: string | null;
            milestones?: components["schemas"]["TemplateMilestone"][] | null;
            tasks?: components["schemas"]["TemplateTask"][] | null;
        };
        /** @description A project template as its events carry it. */
        TemplateState: {
            id: components["schemas"]["ProjectTemplateId"];
            name: string;
            description?: string | null;
            milestones: components["schemas"]["TemplateMilestoneState"][];
            tasks: components["schemas"]["TemplateTaskState"][];
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @example {
         *       "estimate_minutes": 480,
         *       "milestone_key": "design",
         *       "offset_days": 7,
         *       "title": "Wireframes"
         *     }
         */
        TemplateTask: {
            title: string;
            /** @description The `key` of one of the template's milestones. */
            milestone_key?: string | null;
            /**
             * Format: int32
             * @description Days after the project's start date the task is due.
             */
            offset_days: number;
            description?: string | null;
            /** Format: int32 */
            estimate_minutes?: number | null;
        };
        /** @description A template's task as events carry it. */
        TemplateTaskState: {
            title: string;
            milestone_key?: string | null;
            /** Format: int32 */
            offset_days: number;
            description?: string | null;
            /** Format: int32 */
            estimate_minutes?: number | null;
        };
        /** @description `projects.template.updated`: the template after the change, and what changed. */
        TemplateUpdated: components["schemas"]["TemplateState"] & {
            /** @description The fields whose value changed. */
            changed: string[];
        };
        /** @description `comms.thread.created`: a synced message started a new thread. */
        ThreadCreated: components["schemas"]["ThreadState"];
        /** @description `comms.thread.filed`: a thread was filed under an engagement (or moved to another). */
        ThreadFiled: components["schemas"]["ThreadState"] & {
            previous_engagement_id?: components["schemas"]["EngagementId"] | null;
        };
        /**
         * Format: uuid
         * @description ThreadId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        ThreadId: string;
        ThreadOut: {
            id: components["schemas"]["ThreadId"];
            engagement_id?: components["schemas"]["EngagementId"] | null;
            /** @example Kick-off next week */
            subject: string;
            /** @description Lower-case addresses of everyone on the thread. */
            participants: string[];
            /** @description CRM contacts matched to its messages. */
            contact_ids: components["schemas"]["ContactId"][];
            /** @description The client portal shows shared threads only. */
            shared_with_client: boolean;
            /** Format: int32 */
            message_count: number;
            /** Format: date-time */
            last_message_at: string;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description `comms.thread.shared`: the client portal shows the thread. */
        ThreadShared: components["schemas"]["ThreadState"];
        /** @description A thread as events carry it. */
        ThreadState: {
            id: components["schemas"]["ThreadId"];
            engagement_id?: components["schemas"]["EngagementId"] | null;
            subject: string;
            /** @description Lower-case addresses of everyone on the thread. */
            participants: string[];
            shared_with_client: boolean;
            /** Format: date-time */
            last_message_at: string;
            /** Format: int32 */
            version: number;
        };
        /** @description `comms.thread.unshared`: the client portal no longer shows the thread. */
        ThreadUnshared: components["schemas"]["ThreadState"];
        /**
         * @description `projects.time_entry.invoiced`: entries an issued invoice named are marked as
         *     billed by it (only those that were approved, billable, of the invoice's
         *     engagement and not billed yet).
         */
        TimeEntriesInvoiced: {
            invoice_id: components["schemas"]["InvoiceId"];
            engagement_id: components["schemas"]["EngagementId"];
            time_entry_ids: components["schemas"]["TimeEntryId"][];
            /**
             * Format: uuid
             * @description The `revenue.invoice.issued` event this follows.
             */
            cause_event_id: string;
        };
        /** @description `projects.time_entry.uninvoiced`: a voided invoice's entries are billable again. */
        TimeEntriesUninvoiced: {
            invoice_id: components["schemas"]["InvoiceId"];
            engagement_id: components["schemas"]["EngagementId"];
            time_entry_ids: components["schemas"]["TimeEntryId"][];
            /**
             * Format: uuid
             * @description The `revenue.invoice.voided` event this follows.
             */
            cause_event_id: string;
        };
        /** @description `projects.time_entry.approved`: the entry is approved and locked from now on. */
        TimeEntryApproved: components["schemas"]["TimeEntryState"];
        /** @description `projects.time_entry.created`: a new draft entry. */
        TimeEntryCreated: components["schemas"]["TimeEntryState"];
        /** @description `projects.time_entry.deleted`: a draft or rejected entry was removed. */
        TimeEntryDeleted: {
            id: components["schemas"]["TimeEntryId"];
            member_id: components["schemas"]["UserId"];
            project_id: components["schemas"]["ProjectId"];
            engagement_id: components["schemas"]["EngagementId"];
            /** Format: date */
            date: string;
            /** Format: int32 */
            minutes: number;
        };
        /**
         * Format: uuid
         * @description TimeEntryId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        TimeEntryId: string;
        /**
         * @example {
         *       "billable": true,
         *       "date": "2026-12-07",
         *       "minutes": 90,
         *       "note": "Workshop",
         *       "project_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a"
         *     }
         */
        TimeEntryIn: {
            member_id?: components["schemas"]["UserId"] | null;
            project_id: components["schemas"]["ProjectId"];
            task_id?: components["schemas"]["TaskId"] | null;
            /**
             * Format: date
             * @description The day worked, in years 2000–2100.
             */
            date: string;
            /** Format: int32 */
            minutes: number;
            /** @description Default `true`. */
            billable?: boolean | null;
            note?: string | null;
        };
        TimeEntryOut: {
            id: components["schemas"]["TimeEntryId"];
            member_id: components["schemas"]["UserId"];
            project_id: components["schemas"]["ProjectId"];
            /** @description The project's engagement. */
            engagement_id: components["schemas"]["EngagementId"];
            task_id?: components["schemas"]["TaskId"] | null;
            /** Format: date */
            date: string;
            /** Format: int32 */
            minutes: number;
            billable: boolean;
            note?: string | null;
            approval_state: components["schemas"]["ApprovalState"];
            invoiced_by?: components["schemas"]["InvoiceId"] | null;
            decided_by?: components["schemas"]["UserId"] | null;
            /** Format: date-time */
            decided_at?: string | null;
            rejection_reason?: string | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description Partial update of a draft or rejected entry (an absent field is unchanged,
         *     `null` clears). An entry stays on its project and member.
         * @example {
         *       "minutes": 120,
         *       "note": null
         *     }
         */
        TimeEntryPatch: {
            task_id?: components["schemas"]["TaskId"] | null;
            /** Format: date */
            date?: string | null;
            /** Format: int32 */
            minutes?: number | null;
            billable?: boolean | null;
            note?: string | null;
        };
        /** @description `projects.time_entry.rejected`: the entry went back to its member, with why. */
        TimeEntryRejected: components["schemas"]["TimeEntryState"] & {
            reason?: string | null;
        };
        /** @description A time entry as its events carry it. */
        TimeEntryState: {
            id: components["schemas"]["TimeEntryId"];
            /** @description Who worked. */
            member_id: components["schemas"]["UserId"];
            project_id: components["schemas"]["ProjectId"];
            /** @description The project's engagement. */
            engagement_id: components["schemas"]["EngagementId"];
            task_id?: components["schemas"]["TaskId"] | null;
            /** Format: date */
            date: string;
            /** Format: int32 */
            minutes: number;
            billable: boolean;
            note?: string | null;
            approval_state: components["schemas"]["ApprovalState"];
            invoiced_by?: components["schemas"]["InvoiceId"] | null;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description `projects.time_entry.submitted`: the member handed the entry in for approval. */
        TimeEntrySubmitted: components["schemas"]["TimeEntryState"];
        /** @description `projects.time_entry.updated`: the entry after the change, and what changed. */
        TimeEntryUpdated: components["schemas"]["TimeEntryState"] & {
            changed: string[];
        };
        /**
         * @description Time lines: one per member and rate, or one per task and rate.
         * @enum {string}
         */
        TimeGrouping: "member" | "task";
        /** @description An address that sent mail and matches no CRM contact (yet). */
        UnknownSenderOut: {
            /** Format: uuid */
            id: string;
            /** @example newcomer@prospect.example */
            email_address: string;
            name?: string | null;
            /** Format: int32 */
            message_count: number;
            /** Format: date-time */
            first_seen_at: string;
            /** Format: date-time */
            last_seen_at: string;
            last_thread_id?: components["schemas"]["ThreadId"] | null;
        };
        /**
         * Format: uuid
         * @description UserId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        UserId: string;
        /**
         * Format: uuid
         * @description UserIdentityId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        UserIdentityId: string;
        UserOut: {
            id: components["schemas"]["UserId"];
            /** @example ada@example.com */
            email: string;
            /** @example Ada Lovelace */
            name: string;
            /** Format: date-time */
            created_at: string;
        };
        /**
         * @description Which time the ratios count.
         * @enum {string}
         */
        UtilizationBasis: "approved" | "logged";
        /**
         * @description One member's utilization over the period. Ratios are basis points (10000 =
         *     100 %), rounded half to even, and may pass 10000 for overtime.
         * @example {
         *       "approved_billable_minutes": 6720,
         *       "approved_minutes": 8400,
         *       "available_minutes": 9600,
         *       "basis": "approved",
         *       "billable_minutes": 7200,
         *       "billable_share_bp": 8000,
         *       "logged_minutes": 9000,
         *       "member_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b",
         *       "utilization_bp": 7000
         *     }
         */
        UtilizationRow: {
            member_id: components["schemas"]["UserId"];
            /**
             * Format: int64
             * @description The member's capacity over the period: each working day in it counts its
             *     capacity's `minutes_per_week / working days`, following capacity changes
             *     inside the period; days before the first capacity count 0. Rounded half to
             *     even to the minute.
             */
            available_minutes: number;
            /**
             * Format: int64
             * @description All time logged in the period (any approval state).
             */
            logged_minutes: number;
            /**
             * Format: int64
             * @description The billable part of `logged_minutes`.
             */
            billable_minutes: number;
            /**
             * Format: int64
             * @description Approved time in the period.
             */
            approved_minutes: number;
            /**
             * Format: int64
             * @description The billable part of `approved_minutes`.
             */
            approved_billable_minutes: number;
            /** @description The time the ratios count. */
            basis: components["schemas"]["UtilizationBasis"];
            /**
             * Format: int64
             * @description Billable minutes (of the basis) / available minutes (exact, before
             *     rounding); `null` when nothing is available.
             */
            utilization_bp?: number | null;
            /**
             * Format: int64
             * @description Billable minutes / all minutes of the basis; `null` when there are none.
             */
            billable_share_bp?: number | null;
        };
        VersionOut: {
            /** Format: int32 */
            version: number;
            /** Format: int64 */
            size: number;
            sha256: string;
            media_type: string;
            uploaded_by: string;
            /** Format: date-time */
            uploaded_at: string;
        };
        /**
         * @description Who may see a file: `internal` (members) or `client` (also the engagement's client contacts).
         * @enum {string}
         */
        Visibility: "internal" | "client";
        /**
         * Format: uuid
         * @description WebhookAttemptId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        WebhookAttemptId: string;
        /** @description The signing secret is shown only in this response. */
        WebhookCreatedOut: {
            webhook: components["schemas"]["WebhookOut"];
            /** @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw */
            secret: string;
        };
        /**
         * Format: uuid
         * @description WebhookEndpointId: a UUIDv7
         * @example 01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a
         */
        WebhookEndpointId: string;
        /** @description What an endpoint is after a change (never its signing secret). */
        WebhookEndpointState: {
            id: components["schemas"]["WebhookEndpointId"];
            url: string;
            /** @description Patterns: `*`, a prefix like `crm.*`, or exact event types. */
            event_types: string[];
            description: string;
            enabled: boolean;
        };
        /**
         * @example {
         *       "description": "HR sync",
         *       "event_types": [
         *         "identity.member.*"
         *       ],
         *       "url": "https://hooks.example.com/atrium"
         *     }
         */
        WebhookIn: {
            url: string;
            /** @description Patterns: `*` (everything), `crm.*` (a prefix) or an exact event type. */
            event_types: string[];
            description?: string;
        };
        WebhookOut: {
            id: components["schemas"]["WebhookEndpointId"];
            /** @example https://hooks.example.com/atrium */
            url: string;
            event_types: string[];
            description: string;
            enabled: boolean;
            /** Format: int32 */
            version: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @example {
         *       "enabled": false
         *     }
         */
        WebhookPatch: {
            url?: string | null;
            event_types?: string[] | null;
            description?: string | null;
            enabled?: boolean | null;
        };
        /**
         * @description A day of the week, as a capacity's working days name it.
         * @enum {string}
         */
        Weekday: "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
    };
    responses: {
        /** @description Malformed request (e.g. invalid JSON, bytes after the JSON value, a bad path parameter) */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "body is not valid JSON: EOF while parsing a value",
                 *       "status": 400,
                 *       "title": "Malformed request",
                 *       "type": "/problems/bad-request"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Conflicts with the current state or another record (`existing_id`), or a stale If-Match */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "If-Match is stale: the resource is at version 4, not 3",
                 *       "status": 409,
                 *       "title": "Conflict",
                 *       "type": "/problems/conflict"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller's role does not allow this (see the operation's `x-required-role`) */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "role `viewer` may not change records (owner, admin or member)",
                 *       "status": 403,
                 *       "title": "Forbidden",
                 *       "type": "/problems/forbidden"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Unexpected error; logged with the request id */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "an unexpected error occurred; it has been logged",
                 *       "status": 500,
                 *       "title": "Internal server error",
                 *       "type": "/problems/internal"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The path exists but not with this method */
        MethodNotAllowed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "method not allowed",
                 *       "status": 405,
                 *       "title": "Method not allowed",
                 *       "type": "/problems/method-not-allowed"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such resource in the caller's organization */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "contact not found",
                 *       "status": 404,
                 *       "title": "Not found",
                 *       "type": "/problems/not-found"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Request body over the limit */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "request body too large",
                 *       "status": 413,
                 *       "title": "Request body too large",
                 *       "type": "/problems/payload-too-large"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A streamed upload made no progress for `UPLOAD_IDLE_TIMEOUT_SECS`; nothing was stored */
        RequestTimeout: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "the upload made no progress for 30 s (UPLOAD_IDLE_TIMEOUT_SECS); nothing was stored",
                 *       "status": 408,
                 *       "title": "Request timeout",
                 *       "type": "/problems/request-timeout"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A single sign-on callback was refused (its ID token, state or email); no session was issued */
        SignInRefused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "the identity provider's ID token was refused: its signature does not verify",
                 *       "status": 401,
                 *       "title": "Sign-in refused",
                 *       "type": "/problems/sign-in-refused"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Rate limited; see Retry-After */
        TooManyRequests: {
            headers: {
                /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                RateLimit?: string;
                /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                "RateLimit-Policy"?: string;
                /** @description Seconds to wait */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "rate limit exceeded; retry after 60 s",
                 *       "status": 429,
                 *       "title": "Too many requests",
                 *       "type": "/problems/rate-limited"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Missing, expired or revoked credentials */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "authentication required",
                 *       "status": 401,
                 *       "title": "Authentication required",
                 *       "type": "/problems/unauthenticated"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A backing service is down, the schema is not migrated, or the request timed out */
        Unavailable: {
            headers: {
                /** @description Seconds to wait */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "a backing service is unavailable; retry later",
                 *       "status": 503,
                 *       "title": "Service unavailable",
                 *       "type": "/problems/unavailable"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Body is not of the documented media type */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "expected `Content-Type: application/json`",
                 *       "status": 415,
                 *       "title": "Unsupported media type",
                 *       "type": "/problems/unsupported-media-type"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description An outside service this request needs (e.g. an identity provider) failed or did not answer */
        UpstreamUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "the identity provider `google` did not answer; retry later",
                 *       "status": 502,
                 *       "title": "Upstream service unavailable",
                 *       "type": "/problems/upstream-unavailable"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Invalid fields, each named in `errors` */
        ValidationFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "detail": "1 field is invalid",
                 *       "errors": [
                 *         {
                 *           "field": "email",
                 *           "message": "must be a valid email address"
                 *         }
                 *       ],
                 *       "status": 422,
                 *       "title": "Validation failed",
                 *       "type": "/problems/validation"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type AcceptInvitationIn = components['schemas']['AcceptInvitationIn'];
export type ActivityOut = components['schemas']['ActivityOut'];
export type AddressOut = components['schemas']['AddressOut'];
export type AgingBuckets = components['schemas']['AgingBuckets'];
export type ApiKeyCreated = components['schemas']['ApiKeyCreated'];
export type ApiKeyCreatedOut = components['schemas']['ApiKeyCreatedOut'];
export type ApiKeyId = components['schemas']['ApiKeyId'];
export type ApiKeyIn = components['schemas']['ApiKeyIn'];
export type ApiKeyOut = components['schemas']['ApiKeyOut'];
export type ApiKeyRevoked = components['schemas']['ApiKeyRevoked'];
export type AppointmentBooked = components['schemas']['AppointmentBooked'];
export type ApprovalState = components['schemas']['ApprovalState'];
export type ArAgingOut = components['schemas']['ArAgingOut'];
export type ArAgingRow = components['schemas']['ArAgingRow'];
export type AttachmentOut = components['schemas']['AttachmentOut'];
export type AttemptOut = components['schemas']['AttemptOut'];
export type AuthOut = components['schemas']['AuthOut'];
export type BillingModel = components['schemas']['BillingModel'];
export type BillingPeriod = components['schemas']['BillingPeriod'];
export type ClientCompanyId = components['schemas']['ClientCompanyId'];
export type ClientRevenue = components['schemas']['ClientRevenue'];
export type CompanyCreated = components['schemas']['CompanyCreated'];
export type CompanyDeleted = components['schemas']['CompanyDeleted'];
export type CompanyDuplicateGroupOut = components['schemas']['CompanyDuplicateGroupOut'];
export type CompanyDuplicateReason = components['schemas']['CompanyDuplicateReason'];
export type CompanyIn = components['schemas']['CompanyIn'];
export type CompanyMergeOut = components['schemas']['CompanyMergeOut'];
export type CompanyMerged = components['schemas']['CompanyMerged'];
export type CompanyOut = components['schemas']['CompanyOut'];
export type CompanyPatch = components['schemas']['CompanyPatch'];
export type CompanyState = components['schemas']['CompanyState'];
export type CompanyStatus = components['schemas']['CompanyStatus'];
export type CompanyUpdated = components['schemas']['CompanyUpdated'];
export type ComposeIn = components['schemas']['ComposeIn'];
export type ConnectionAuthFailed = components['schemas']['ConnectionAuthFailed'];
export type ConnectionCreated = components['schemas']['ConnectionCreated'];
export type ConnectionDeleted = components['schemas']['ConnectionDeleted'];
export type ConnectionIn = components['schemas']['ConnectionIn'];
export type ConnectionOut = components['schemas']['ConnectionOut'];
export type ConnectionPatch = components['schemas']['ConnectionPatch'];
export type ConnectionPaused = components['schemas']['ConnectionPaused'];
export type ConnectionResumed = components['schemas']['ConnectionResumed'];
export type ConnectionResyncRequested = components['schemas']['ConnectionResyncRequested'];
export type ConnectionState = components['schemas']['ConnectionState'];
export type ConnectionSyncFailed = components['schemas']['ConnectionSyncFailed'];
export type ConnectionUpdated = components['schemas']['ConnectionUpdated'];
export type ContactCreated = components['schemas']['ContactCreated'];
export type ContactDeleted = components['schemas']['ContactDeleted'];
export type ContactId = components['schemas']['ContactId'];
export type ContactIn = components['schemas']['ContactIn'];
export type ContactMergeOut = components['schemas']['ContactMergeOut'];
export type ContactMerged = components['schemas']['ContactMerged'];
export type ContactOut = components['schemas']['ContactOut'];
export type ContactPatch = components['schemas']['ContactPatch'];
export type ContactState = components['schemas']['ContactState'];
export type ContactUpdated = components['schemas']['ContactUpdated'];
export type ContractActivated = components['schemas']['ContractActivated'];
export type ContractCompleted = components['schemas']['ContractCompleted'];
export type ContractCreated = components['schemas']['ContractCreated'];
export type ContractDeleted = components['schemas']['ContractDeleted'];
export type ContractId = components['schemas']['ContractId'];
export type ContractIn = components['schemas']['ContractIn'];
export type ContractOut = components['schemas']['ContractOut'];
export type ContractPatch = components['schemas']['ContractPatch'];
export type ContractSent = components['schemas']['ContractSent'];
export type ContractSigned = components['schemas']['ContractSigned'];
export type ContractState = components['schemas']['ContractState'];
export type ContractStatus = components['schemas']['ContractStatus'];
export type ContractTerminated = components['schemas']['ContractTerminated'];
export type ContractUpdated = components['schemas']['ContractUpdated'];
export type CreditNoteId = components['schemas']['CreditNoteId'];
export type CreditNoteIn = components['schemas']['CreditNoteIn'];
export type CreditNoteIssued = components['schemas']['CreditNoteIssued'];
export type CreditNoteOut = components['schemas']['CreditNoteOut'];
export type Currency = components['schemas']['Currency'];
export type DeadLetterId = components['schemas']['DeadLetterId'];
export type DeadLetterOut = components['schemas']['DeadLetterOut'];
export type DealCreated = components['schemas']['DealCreated'];
export type DealDeleted = components['schemas']['DealDeleted'];
export type DealId = components['schemas']['DealId'];
export type DealIn = components['schemas']['DealIn'];
export type DealOut = components['schemas']['DealOut'];
export type DealPatch = components['schemas']['DealPatch'];
export type DealStage = components['schemas']['DealStage'];
export type DealStageChanged = components['schemas']['DealStageChanged'];
export type DealState = components['schemas']['DealState'];
export type DealUpdated = components['schemas']['DealUpdated'];
export type DirectUploadIn = components['schemas']['DirectUploadIn'];
export type DirectUploadOut = components['schemas']['DirectUploadOut'];
export type DirectVersionIn = components['schemas']['DirectVersionIn'];
export type DuplicateGroupOut = components['schemas']['DuplicateGroupOut'];
export type DuplicateReason = components['schemas']['DuplicateReason'];
export type EffectiveRateOut = components['schemas']['EffectiveRateOut'];
export type EndpointCreated = components['schemas']['EndpointCreated'];
export type EndpointDeleted = components['schemas']['EndpointDeleted'];
export type EndpointUpdated = components['schemas']['EndpointUpdated'];
export type EngagementCreated = components['schemas']['EngagementCreated'];
export type EngagementDeleted = components['schemas']['EngagementDeleted'];
export type EngagementId = components['schemas']['EngagementId'];
export type EngagementIn = components['schemas']['EngagementIn'];
export type EngagementOut = components['schemas']['EngagementOut'];
export type EngagementPatch = components['schemas']['EngagementPatch'];
export type EngagementProfitability = components['schemas']['EngagementProfitability'];
export type EngagementState = components['schemas']['EngagementState'];
export type EngagementStatus = components['schemas']['EngagementStatus'];
export type EngagementStatusChanged = components['schemas']['EngagementStatusChanged'];
export type EngagementUpdated = components['schemas']['EngagementUpdated'];
export type Event = components['schemas']['Event'];
export type EventId = components['schemas']['EventId'];
export type EventTypeOut = components['schemas']['EventTypeOut'];
export type EventTypesOut = components['schemas']['EventTypesOut'];
export type FeedOut = components['schemas']['FeedOut'];
export type FieldError = components['schemas']['FieldError'];
export type FileDeleted = components['schemas']['FileDeleted'];
export type FileId = components['schemas']['FileId'];
export type FileOut = components['schemas']['FileOut'];
export type FileRestored = components['schemas']['FileRestored'];
export type FileThreadIn = components['schemas']['FileThreadIn'];
export type FileUploaded = components['schemas']['FileUploaded'];
export type FileVersionAdded = components['schemas']['FileVersionAdded'];
export type FileVersionRestored = components['schemas']['FileVersionRestored'];
export type FileVersionState = components['schemas']['FileVersionState'];
export type FxImportOut = components['schemas']['FxImportOut'];
export type FxRateId = components['schemas']['FxRateId'];
export type FxRateIn = components['schemas']['FxRateIn'];
export type FxRateOut = components['schemas']['FxRateOut'];
export type FxRateRecorded = components['schemas']['FxRateRecorded'];
export type HealthOut = components['schemas']['HealthOut'];
export type IdentityLinked = components['schemas']['IdentityLinked'];
export type ImapIn = components['schemas']['ImapIn'];
export type ImapPatch = components['schemas']['ImapPatch'];
export type ImapSettingsOut = components['schemas']['ImapSettingsOut'];
export type ImportOutcome = components['schemas']['ImportOutcome'];
export type ImportReportOut = components['schemas']['ImportReportOut'];
export type ImportRowOut = components['schemas']['ImportRowOut'];
export type InstallmentIn = components['schemas']['InstallmentIn'];
export type InstallmentOut = components['schemas']['InstallmentOut'];
export type InstantiateIn = components['schemas']['InstantiateIn'];
export type InvitationAccepted = components['schemas']['InvitationAccepted'];
export type InvitationCreatedOut = components['schemas']['InvitationCreatedOut'];
export type InvitationId = components['schemas']['InvitationId'];
export type InvitationIn = components['schemas']['InvitationIn'];
export type InvitationOut = components['schemas']['InvitationOut'];
export type InvitationRevoked = components['schemas']['InvitationRevoked'];
export type InvitationSent = components['schemas']['InvitationSent'];
export type InvitationStatus = components['schemas']['InvitationStatus'];
export type InvoiceCreated = components['schemas']['InvoiceCreated'];
export type InvoiceDeleted = components['schemas']['InvoiceDeleted'];
export type InvoiceId = components['schemas']['InvoiceId'];
export type InvoiceIn = components['schemas']['InvoiceIn'];
export type InvoiceIssued = components['schemas']['InvoiceIssued'];
export type InvoiceOut = components['schemas']['InvoiceOut'];
export type InvoicePatch = components['schemas']['InvoicePatch'];
export type InvoiceReconciled = components['schemas']['InvoiceReconciled'];
export type InvoiceReminderId = components['schemas']['InvoiceReminderId'];
export type InvoiceScheduleCreated = components['schemas']['InvoiceScheduleCreated'];
export type InvoiceScheduleDeleted = components['schemas']['InvoiceScheduleDeleted'];
export type InvoiceScheduleId = components['schemas']['InvoiceScheduleId'];
export type InvoiceScheduleRan = components['schemas']['InvoiceScheduleRan'];
export type InvoiceScheduleState = components['schemas']['InvoiceScheduleState'];
export type InvoiceScheduleUpdated = components['schemas']['InvoiceScheduleUpdated'];
export type InvoiceState = components['schemas']['InvoiceState'];
export type InvoiceStatus = components['schemas']['InvoiceStatus'];
export type InvoiceUpdated = components['schemas']['InvoiceUpdated'];
export type InvoiceVoided = components['schemas']['InvoiceVoided'];
export type InvoicedTimeOut = components['schemas']['InvoicedTimeOut'];
export type InvoicesRepointed = components['schemas']['InvoicesRepointed'];
export type IssueIn = components['schemas']['IssueIn'];
export type LineIn = components['schemas']['LineIn'];
export type LineItemIn = components['schemas']['LineItemIn'];
export type LineItemOut = components['schemas']['LineItemOut'];
export type LineItemState = components['schemas']['LineItemState'];
export type LineOut = components['schemas']['LineOut'];
export type LineTax = components['schemas']['LineTax'];
export type LoginIn = components['schemas']['LoginIn'];
export type MailboxConnectionId = components['schemas']['MailboxConnectionId'];
export type MeOut = components['schemas']['MeOut'];
export type MemberAdded = components['schemas']['MemberAdded'];
export type MemberCapacityCreated = components['schemas']['MemberCapacityCreated'];
export type MemberCapacityDeleted = components['schemas']['MemberCapacityDeleted'];
export type MemberCapacityId = components['schemas']['MemberCapacityId'];
export type MemberCapacityIn = components['schemas']['MemberCapacityIn'];
export type MemberCapacityOut = components['schemas']['MemberCapacityOut'];
export type MemberCapacityState = components['schemas']['MemberCapacityState'];
export type MemberId = components['schemas']['MemberId'];
export type MemberOut = components['schemas']['MemberOut'];
export type MemberPatch = components['schemas']['MemberPatch'];
export type MemberRemoved = components['schemas']['MemberRemoved'];
export type MemberRoleChanged = components['schemas']['MemberRoleChanged'];
export type MembershipOut = components['schemas']['MembershipOut'];
export type MergeConflict = components['schemas']['MergeConflict'];
export type MergeIn = components['schemas']['MergeIn'];
export type MessageDrafted = components['schemas']['MessageDrafted'];
export type MessageId = components['schemas']['MessageId'];
export type MessageOut = components['schemas']['MessageOut'];
export type MessageQueued = components['schemas']['MessageQueued'];
export type MessageReceived = components['schemas']['MessageReceived'];
export type MessageSendFailed = components['schemas']['MessageSendFailed'];
export type MessageSent = components['schemas']['MessageSent'];
export type MilestoneCompleted = components['schemas']['MilestoneCompleted'];
export type MilestoneCreated = components['schemas']['MilestoneCreated'];
export type MilestoneDeleted = components['schemas']['MilestoneDeleted'];
export type MilestoneId = components['schemas']['MilestoneId'];
export type MilestoneIn = components['schemas']['MilestoneIn'];
export type MilestoneOut = components['schemas']['MilestoneOut'];
export type MilestonePatch = components['schemas']['MilestonePatch'];
export type MilestoneState = components['schemas']['MilestoneState'];
export type MilestoneStatus = components['schemas']['MilestoneStatus'];
export type MilestoneTermIn = components['schemas']['MilestoneTermIn'];
export type MilestoneTermOut = components['schemas']['MilestoneTermOut'];
export type MilestoneUpdated = components['schemas']['MilestoneUpdated'];
export type Money = components['schemas']['Money'];
export type MonthRevenue = components['schemas']['MonthRevenue'];
export type OidcStartOut = components['schemas']['OidcStartOut'];
export type OrganizationCreated = components['schemas']['OrganizationCreated'];
export type OrganizationId = components['schemas']['OrganizationId'];
export type OrganizationIn = components['schemas']['OrganizationIn'];
export type OrganizationOut = components['schemas']['OrganizationOut'];
export type OutboundState = components['schemas']['OutboundState'];
export type PageOutActivityOut = components['schemas']['PageOut_ActivityOut'];
export type PageOutApiKeyOut = components['schemas']['PageOut_ApiKeyOut'];
export type PageOutAttemptOut = components['schemas']['PageOut_AttemptOut'];
export type PageOutCompanyOut = components['schemas']['PageOut_CompanyOut'];
export type PageOutConnectionOut = components['schemas']['PageOut_ConnectionOut'];
export type PageOutContactOut = components['schemas']['PageOut_ContactOut'];
export type PageOutContractOut = components['schemas']['PageOut_ContractOut'];
export type PageOutCreditNoteOut = components['schemas']['PageOut_CreditNoteOut'];
export type PageOutDeadLetterOut = components['schemas']['PageOut_DeadLetterOut'];
export type PageOutDealOut = components['schemas']['PageOut_DealOut'];
export type PageOutEngagementOut = components['schemas']['PageOut_EngagementOut'];
export type PageOutFileOut = components['schemas']['PageOut_FileOut'];
export type PageOutFxRateOut = components['schemas']['PageOut_FxRateOut'];
export type PageOutInvitationOut = components['schemas']['PageOut_InvitationOut'];
export type PageOutInvoiceOut = components['schemas']['PageOut_InvoiceOut'];
export type PageOutMemberCapacityOut = components['schemas']['PageOut_MemberCapacityOut'];
export type PageOutMemberOut = components['schemas']['PageOut_MemberOut'];
export type PageOutMembershipOut = components['schemas']['PageOut_MembershipOut'];
export type PageOutMessageOut = components['schemas']['PageOut_MessageOut'];
export type PageOutMilestoneOut = components['schemas']['PageOut_MilestoneOut'];
export type PageOutPaymentOut = components['schemas']['PageOut_PaymentOut'];
export type PageOutProjectOut = components['schemas']['PageOut_ProjectOut'];
export type PageOutProposalOut = components['schemas']['PageOut_ProposalOut'];
export type PageOutRateCardOut = components['schemas']['PageOut_RateCardOut'];
export type PageOutReminderOut = components['schemas']['PageOut_ReminderOut'];
export type PageOutRunOut = components['schemas']['PageOut_RunOut'];
export type PageOutScheduleOut = components['schemas']['PageOut_ScheduleOut'];
export type PageOutTaskOut = components['schemas']['PageOut_TaskOut'];
export type PageOutTaxRateOut = components['schemas']['PageOut_TaxRateOut'];
export type PageOutTemplateOut = components['schemas']['PageOut_TemplateOut'];
export type PageOutThreadOut = components['schemas']['PageOut_ThreadOut'];
export type PageOutTimeEntryOut = components['schemas']['PageOut_TimeEntryOut'];
export type PageOutUnknownSenderOut = components['schemas']['PageOut_UnknownSenderOut'];
export type PageOutUtilizationRow = components['schemas']['PageOut_UtilizationRow'];
export type PageOutWebhookOut = components['schemas']['PageOut_WebhookOut'];
export type PaymentId = components['schemas']['PaymentId'];
export type PaymentIn = components['schemas']['PaymentIn'];
export type PaymentOut = components['schemas']['PaymentOut'];
export type PaymentRecorded = components['schemas']['PaymentRecorded'];
export type PaymentReversed = components['schemas']['PaymentReversed'];
export type PaymentState = components['schemas']['PaymentState'];
export type Principal = components['schemas']['Principal'];
export type Problem = components['schemas']['Problem'];
export type ProfitabilityOut = components['schemas']['ProfitabilityOut'];
export type ProjectCreated = components['schemas']['ProjectCreated'];
export type ProjectDeleted = components['schemas']['ProjectDeleted'];
export type ProjectId = components['schemas']['ProjectId'];
export type ProjectIn = components['schemas']['ProjectIn'];
export type ProjectInstantiated = components['schemas']['ProjectInstantiated'];
export type ProjectOut = components['schemas']['ProjectOut'];
export type ProjectPatch = components['schemas']['ProjectPatch'];
export type ProjectReconciled = components['schemas']['ProjectReconciled'];
export type ProjectState = components['schemas']['ProjectState'];
export type ProjectStatus = components['schemas']['ProjectStatus'];
export type ProjectTemplateId = components['schemas']['ProjectTemplateId'];
export type ProjectUpdated = components['schemas']['ProjectUpdated'];
export type ProposalAccepted = components['schemas']['ProposalAccepted'];
export type ProposalCreated = components['schemas']['ProposalCreated'];
export type ProposalDeclined = components['schemas']['ProposalDeclined'];
export type ProposalDeleted = components['schemas']['ProposalDeleted'];
export type ProposalExpired = components['schemas']['ProposalExpired'];
export type ProposalId = components['schemas']['ProposalId'];
export type ProposalIn = components['schemas']['ProposalIn'];
export type ProposalOut = components['schemas']['ProposalOut'];
export type ProposalPatch = components['schemas']['ProposalPatch'];
export type ProposalSent = components['schemas']['ProposalSent'];
export type ProposalState = components['schemas']['ProposalState'];
export type ProposalStatus = components['schemas']['ProposalStatus'];
export type ProposalUpdated = components['schemas']['ProposalUpdated'];
export type Provider = components['schemas']['Provider'];
export type Quantity = components['schemas']['Quantity'];
export type RateCardCreated = components['schemas']['RateCardCreated'];
export type RateCardDeleted = components['schemas']['RateCardDeleted'];
export type RateCardId = components['schemas']['RateCardId'];
export type RateCardIn = components['schemas']['RateCardIn'];
export type RateCardOut = components['schemas']['RateCardOut'];
export type RateCardState = components['schemas']['RateCardState'];
export type RateSource = components['schemas']['RateSource'];
export type ReferencesRepointed = components['schemas']['ReferencesRepointed'];
export type RejectIn = components['schemas']['RejectIn'];
export type ReminderDismissed = components['schemas']['ReminderDismissed'];
export type ReminderDrafted = components['schemas']['ReminderDrafted'];
export type ReminderOut = components['schemas']['ReminderOut'];
export type ReminderStatus = components['schemas']['ReminderStatus'];
export type ReplayedOut = components['schemas']['ReplayedOut'];
export type ReplyIn = components['schemas']['ReplyIn'];
export type RepointedCounts = components['schemas']['RepointedCounts'];
export type RepointedMerge = components['schemas']['RepointedMerge'];
export type RevenueByClientOut = components['schemas']['RevenueByClientOut'];
export type ReverseIn = components['schemas']['ReverseIn'];
export type Role = components['schemas']['Role'];
export type RunIn = components['schemas']['RunIn'];
export type RunOut = components['schemas']['RunOut'];
export type RunOutcome = components['schemas']['RunOutcome'];
export type SaveAsTemplateIn = components['schemas']['SaveAsTemplateIn'];
export type ScheduleIn = components['schemas']['ScheduleIn'];
export type ScheduleKind = components['schemas']['ScheduleKind'];
export type ScheduleOut = components['schemas']['ScheduleOut'];
export type SchedulePatch = components['schemas']['SchedulePatch'];
export type ScheduleStatus = components['schemas']['ScheduleStatus'];
export type SendDraftIn = components['schemas']['SendDraftIn'];
export type SettingsOut = components['schemas']['SettingsOut'];
export type SettingsPatch = components['schemas']['SettingsPatch'];
export type SettingsUpdated = components['schemas']['SettingsUpdated'];
export type SignIn = components['schemas']['SignIn'];
export type SignatureDataOut = components['schemas']['SignatureDataOut'];
export type SignatureOut = components['schemas']['SignatureOut'];
export type SignatureState = components['schemas']['SignatureState'];
export type SignupIn = components['schemas']['SignupIn'];
export type SkipOut = components['schemas']['SkipOut'];
export type SkippedPartOut = components['schemas']['SkippedPartOut'];
export type Source = components['schemas']['Source'];
export type SwitchOrganizationIn = components['schemas']['SwitchOrganizationIn'];
export type SyncState = components['schemas']['SyncState'];
export type TaskCreated = components['schemas']['TaskCreated'];
export type TaskDeleted = components['schemas']['TaskDeleted'];
export type TaskId = components['schemas']['TaskId'];
export type TaskIn = components['schemas']['TaskIn'];
export type TaskMoveIn = components['schemas']['TaskMoveIn'];
export type TaskMoved = components['schemas']['TaskMoved'];
export type TaskOut = components['schemas']['TaskOut'];
export type TaskPatch = components['schemas']['TaskPatch'];
export type TaskState = components['schemas']['TaskState'];
export type TaskStatus = components['schemas']['TaskStatus'];
export type TaskStatusChanged = components['schemas']['TaskStatusChanged'];
export type TaskUpdated = components['schemas']['TaskUpdated'];
export type TaxRateCreated = components['schemas']['TaxRateCreated'];
export type TaxRateId = components['schemas']['TaxRateId'];
export type TaxRateIn = components['schemas']['TaxRateIn'];
export type TaxRateOut = components['schemas']['TaxRateOut'];
export type TaxRatePatch = components['schemas']['TaxRatePatch'];
export type TaxRateState = components['schemas']['TaxRateState'];
export type TaxRateUpdated = components['schemas']['TaxRateUpdated'];
export type TaxTotal = components['schemas']['TaxTotal'];
export type TemplateCreated = components['schemas']['TemplateCreated'];
export type TemplateDeleted = components['schemas']['TemplateDeleted'];
export type TemplateIn = components['schemas']['TemplateIn'];
export type TemplateMilestone = components['schemas']['TemplateMilestone'];
export type TemplateMilestoneState = components['schemas']['TemplateMilestoneState'];
export type TemplateOut = components['schemas']['TemplateOut'];
export type TemplatePatch = components['schemas']['TemplatePatch'];
export type TemplateState = components['schemas']['TemplateState'];
export type TemplateTask = components['schemas']['TemplateTask'];
export type TemplateTaskState = components['schemas']['TemplateTaskState'];
export type TemplateUpdated = components['schemas']['TemplateUpdated'];
export type ThreadCreated = components['schemas']['ThreadCreated'];
export type ThreadFiled = components['schemas']['ThreadFiled'];
export type ThreadId = components['schemas']['ThreadId'];
export type ThreadOut = components['schemas']['ThreadOut'];
export type ThreadShared = components['schemas']['ThreadShared'];
export type ThreadState = components['schemas']['ThreadState'];
export type ThreadUnshared = components['schemas']['ThreadUnshared'];
export type TimeEntriesInvoiced = components['schemas']['TimeEntriesInvoiced'];
export type TimeEntriesUninvoiced = components['schemas']['TimeEntriesUninvoiced'];
export type TimeEntryApproved = components['schemas']['TimeEntryApproved'];
export type TimeEntryCreated = components['schemas']['TimeEntryCreated'];
export type TimeEntryDeleted = components['schemas']['TimeEntryDeleted'];
export type TimeEntryId = components['schemas']['TimeEntryId'];
export type TimeEntryIn = components['schemas']['TimeEntryIn'];
export type TimeEntryOut = components['schemas']['TimeEntryOut'];
export type TimeEntryPatch = components['schemas']['TimeEntryPatch'];
export type TimeEntryRejected = components['schemas']['TimeEntryRejected'];
export type TimeEntryState = components['schemas']['TimeEntryState'];
export type TimeEntrySubmitted = components['schemas']['TimeEntrySubmitted'];
export type TimeEntryUpdated = components['schemas']['TimeEntryUpdated'];
export type TimeGrouping = components['schemas']['TimeGrouping'];
export type UnknownSenderOut = components['schemas']['UnknownSenderOut'];
export type UserId = components['schemas']['UserId'];
export type UserIdentityId = components['schemas']['UserIdentityId'];
export type UserOut = components['schemas']['UserOut'];
export type UtilizationBasis = components['schemas']['UtilizationBasis'];
export type UtilizationRow = components['schemas']['UtilizationRow'];
export type VersionOut = components['schemas']['VersionOut'];
export type Visibility = components['schemas']['Visibility'];
export type WebhookAttemptId = components['schemas']['WebhookAttemptId'];
export type WebhookCreatedOut = components['schemas']['WebhookCreatedOut'];
export type WebhookEndpointId = components['schemas']['WebhookEndpointId'];
export type WebhookEndpointState = components['schemas']['WebhookEndpointState'];
export type WebhookIn = components['schemas']['WebhookIn'];
export type WebhookOut = components['schemas']['WebhookOut'];
export type WebhookPatch = components['schemas']['WebhookPatch'];
export type Weekday = components['schemas']['Weekday'];
export type ResponseBadRequest = components['responses']['BadRequest'];
export type ResponseConflict = components['responses']['Conflict'];
export type ResponseForbidden = components['responses']['Forbidden'];
export type ResponseInternalError = components['responses']['InternalError'];
export type ResponseMethodNotAllowed = components['responses']['MethodNotAllowed'];
export type ResponseNotFound = components['responses']['NotFound'];
export type ResponsePayloadTooLarge = components['responses']['PayloadTooLarge'];
export type ResponseRequestTimeout = components['responses']['RequestTimeout'];
export type ResponseSignInRefused = components['responses']['SignInRefused'];
export type ResponseTooManyRequests = components['responses']['TooManyRequests'];
export type ResponseUnauthenticated = components['responses']['Unauthenticated'];
export type ResponseUnavailable = components['responses']['Unavailable'];
export type ResponseUnsupportedMediaType = components['responses']['UnsupportedMediaType'];
export type ResponseUpstreamUnavailable = components['responses']['UpstreamUnavailable'];
export type ResponseValidationFailed = components['responses']['ValidationFailed'];
export type $defs = Record<string, never>;
export interface operations {
    list_api_keys: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of API keys */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_ApiKeyOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    create_api_key: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyIn"];
            };
        };
        responses: {
            /** @description API key created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyCreatedOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    revoke_api_key: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description API key id */
                id: components["schemas"]["ApiKeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginIn"];
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description HttpOnly session cookie */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Unknown email or wrong password (indistinguishable) */
            401: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out; the session cookie is cleared */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    oidc_callback: {
        parameters: {
            query?: {
                /** @description The authorization code; absent when `error` is sent. */
                code?: string;
                /** @description The `state` of the sign-in; required. */
                state?: string;
                /** @description The issuer (RFC 9207); checked against the provider when present. */
                iss?: string;
                /** @description An OAuth error code instead of a code (e.g. `access_denied`). */
                error?: string;
                /** @description The provider's words about `error` (not shown back). */
                error_description?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Provider name from `OIDC_PROVIDERS`
                 * @example google
                 */
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description HttpOnly session cookie */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Refused: the ID token (signature, issuer, audience, expiry or nonce), an unknown, expired or replayed `state`, a sign-in started in another browser, an unverified email, or an error from the provider. No session is issued. */
            401: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No provider of that name is configured */
            404: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            /** @description The provider's token endpoint or keys could not be reached */
            502: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["Unavailable"];
        };
    };
    oidc_start: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Provider name from `OIDC_PROVIDERS`
                 * @example google
                 */
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect to the provider; the body repeats the URL */
            303: {
                headers: {
                    /** @description The provider's authorization URL */
                    Location?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description HttpOnly cookie binding the sign-in to this browser */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OidcStartOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description No provider of that name is configured */
            404: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            /** @description The provider's discovery document could not be fetched */
            502: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["Unavailable"];
        };
    };
    signup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignupIn"];
            };
        };
        responses: {
            /** @description Account, organization and session created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description HttpOnly session cookie */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description The email already has an account */
            409: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    get_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Billing settings */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsOut"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    update_settings: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettingsPatch"];
            };
        };
        responses: {
            /** @description Updated settings */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    client_companies_list: {
        parameters: {
            query?: {
                status?: components["schemas"]["CompanyStatus"];
                /** @description Companies whose name starts with this (case-insensitive). */
                name_prefix?: string;
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of companies */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_CompanyOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    client_companies_create: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompanyIn"];
            };
        };
        responses: {
            /** @description Company created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    client_companies_duplicates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Groups of likely duplicates with the reason */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyDuplicateGroupOut"][];
                };
            };
            401: components["responses"]["Unauthenticated"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    export_companies: {
        parameters: {
            query?: {
                status?: components["schemas"]["CompanyStatus"];
                /** @description Companies whose name starts with this (case-insensitive). */
                name_prefix?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV with a header row. The first batch is read before the response starts, so an error then is a problem response. Later batches stream as they are read; if one fails, the chunked body is aborted (no final chunk: every HTTP client reports an incomplete body) rather than ending like a complete file. A client that sends `TE: trailers` also gets the trailer `Export-Status: complete; rows=<n>` after the last row of a complete export, and no trailer after a failure. */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description `Export-Status`, the trailer a complete export ends with */
                    Trailer?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example id,name,domain,status,address,owner_id,tags,notes,created_at,updated_at */
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    client_companies_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Company id */
                id: components["schemas"]["ClientCompanyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The company */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    client_companies_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Company id */
                id: components["schemas"]["ClientCompanyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    client_companies_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Company id */
                id: components["schemas"]["ClientCompanyId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompanyPatch"];
            };
        };
        responses: {
            /** @description Updated company */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    client_companies_merge: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The surviving company */
                id: components["schemas"]["ClientCompanyId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeIn"];
            };
        };
        responses: {
            /** @description Merged (or, on a dry run, what would be) */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyMergeOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    unknown_senders: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of unknown senders */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_UnknownSenderOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    contacts_list: {
        parameters: {
            query?: {
                client_company_id?: components["schemas"]["ClientCompanyId"];
                /** @description Exact email (case-insensitive). */
                email?: string;
                /** @description Free text over first name, last name and email (prefix, case-insensitive). */
                q?: string;
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of contacts */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_ContactOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    contacts_create: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactIn"];
            };
        };
        responses: {
            /** @description Contact created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    contacts_duplicates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Groups of likely duplicates with the reason */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DuplicateGroupOut"][];
                };
            };
            401: components["responses"]["Unauthenticated"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    export_contacts: {
        parameters: {
            query?: {
                client_company_id?: components["schemas"]["ClientCompanyId"];
                /** @description Exact email (case-insensitive). */
                email?: string;
                /** @description Free text over first name, last name and email (prefix, case-insensitive). */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV with a header row. The first batch is read before the response starts, so an error then is a problem response. Later batches stream as they are read; if one fails, the chunked body is aborted (no final chunk: every HTTP client reports an incomplete body) rather than ending like a complete file. A client that sends `TE: trailers` also gets the trailer `Export-Status: complete; rows=<n>` after the last row of a complete export, and no trailer after a failure. */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description `Export-Status`, the trailer a complete export ends with */
                    Trailer?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example id,first_name,last_name,email,phone,title,client_company_id,created_at,updated_at */
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    contacts_import: {
        parameters: {
            query?: {
                /** @description Report what the import would do without writing anything. */
                dry_run?: boolean;
            };
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example first_name,last_name,email,company
                 *     Ada,Lovelace,ada@engines.example,Analytical Engines
                 */
                "text/csv": string;
            };
        };
        responses: {
            /** @description What happened to each row */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReportOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    contacts_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Contact id */
                id: components["schemas"]["ContactId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contact */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    contacts_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Contact id */
                id: components["schemas"]["ContactId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    contacts_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Contact id */
                id: components["schemas"]["ContactId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactPatch"];
            };
        };
        responses: {
            /** @description Updated contact */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    contacts_merge: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The surviving contact */
                id: components["schemas"]["ContactId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeIn"];
            };
        };
        responses: {
            /** @description Merged (or, on a dry run, what would be) */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactMergeOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    contracts_list: {
        parameters: {
            query?: {
                status?: components["schemas"]["ContractStatus"];
                client_company_id?: components["schemas"]["ClientCompanyId"];
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of contracts */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_ContractOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    contracts_create: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContractIn"];
            };
        };
        responses: {
            /** @description Contract created */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description The new contract */
                    Location?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    contracts_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Contract id */
                id: components["schemas"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contract */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    contracts_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Contract id */
                id: components["schemas"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    contracts_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Contract id */
                id: components["schemas"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContractPatch"];
            };
        };
        responses: {
            /** @description Updated contract */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    activate: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Contract id */
                id: components["schemas"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Active */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    contracts_complete: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Contract id */
                id: components["schemas"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Completed */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    contracts_send: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Contract id */
                id: components["schemas"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sent */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    sign: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Contract id */
                id: components["schemas"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignIn"];
            };
        };
        responses: {
            /** @description Signed */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    signature: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Contract id */
                id: components["schemas"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signature */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignatureDataOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    terminate: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Contract id */
                id: components["schemas"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Terminated */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    get_credit_note: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Credit note id */
                id: components["schemas"]["CreditNoteId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The credit note */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditNoteOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    list_dead_letters: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of dead letters */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_DeadLetterOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    replay_all_dead_letters: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued for delivery */
            202: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayedOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    replay_dead_letter: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Dead letter id */
                id: components["schemas"]["DeadLetterId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued for delivery */
            202: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deals_list: {
        parameters: {
            query?: {
                stage?: components["schemas"]["DealStage"];
                client_company_id?: components["schemas"]["ClientCompanyId"];
                owner_id?: components["schemas"]["UserId"];
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deals */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_DealOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deals_create: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DealIn"];
            };
        };
        responses: {
            /** @description Deal created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    export_deals: {
        parameters: {
            query?: {
                stage?: components["schemas"]["DealStage"];
                client_company_id?: components["schemas"]["ClientCompanyId"];
                owner_id?: components["schemas"]["UserId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV with a header row. The first batch is read before the response starts, so an error then is a problem response. Later batches stream as they are read; if one fails, the chunked body is aborted (no final chunk: every HTTP client reports an incomplete body) rather than ending like a complete file. A client that sends `TE: trailers` also gets the trailer `Export-Status: complete; rows=<n>` after the last row of a complete export, and no trailer after a failure. */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description `Export-Status`, the trailer a complete export ends with */
                    Trailer?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example id,name,stage,value_amount_minor,value_currency,probability,expected_close_date,client_company_id,contact_id,owner_id,created_at,updated_at */
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deals_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Deal id */
                id: components["schemas"]["DealId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deal */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deals_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Deal id */
                id: components["schemas"]["DealId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deals_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Deal id */
                id: components["schemas"]["DealId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DealPatch"];
            };
        };
        responses: {
            /** @description Updated deal */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    engagements_list: {
        parameters: {
            query?: {
                status?: components["schemas"]["EngagementStatus"];
                client_company_id?: components["schemas"]["ClientCompanyId"];
                contract_id?: components["schemas"]["ContractId"];
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of engagements */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_EngagementOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    engagements_create: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EngagementIn"];
            };
        };
        responses: {
            /** @description Engagement created */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description The new engagement */
                    Location?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EngagementOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    engagements_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Engagement id */
                id: components["schemas"]["EngagementId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The engagement */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EngagementOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    engagements_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Engagement id */
                id: components["schemas"]["EngagementId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    engagements_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Engagement id */
                id: components["schemas"]["EngagementId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EngagementPatch"];
            };
        };
        responses: {
            /** @description Updated engagement */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EngagementOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    event_types_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event catalog */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventTypesOut"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    change_feed: {
        parameters: {
            query?: {
                /** @description `next_cursor` of the previous call; absent to start from the oldest retained event. */
                after?: string;
                /**
                 * @description Events per call, 1–500 (default 100).
                 * @example 100
                 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Events after the cursor */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    files_list: {
        parameters: {
            query?: {
                engagement_id?: components["schemas"]["EngagementId"];
                attached_type?: string;
                attached_id?: string;
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of files */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_FileOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    upload: {
        parameters: {
            query?: {
                engagement_id?: components["schemas"]["EngagementId"];
                /** @description The file's name (1 to 255 characters); a multipart part's filename otherwise. */
                name?: string;
                visibility?: components["schemas"]["Visibility"];
                /** @description What the file is attached to, e.g. `task`, `invoice`, `message`. */
                attached_type?: string;
                attached_id?: string;
            };
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description The bytes, raw or as the `file` part of a form */
        requestBody: {
            content: {
                /** @example %PDF-1.7 … */
                "application/octet-stream": number[];
                /**
                 * @example --boundary
                 *     Content-Disposition: form-data; name="file"; filename="contract.pdf"
                 *
                 *     %PDF-1.7 …
                 *     --boundary--
                 */
                "multipart/form-data": number[];
            };
        };
        responses: {
            /** @description File stored with its first version */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No progress for UPLOAD_IDLE_TIMEOUT_SECS: cut off, nothing stored */
            408: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            409: components["responses"]["Conflict"];
            /** @description Larger than FILE_MAX_BYTES */
            413: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            /** @description The object storage is unavailable */
            503: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    start_upload: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DirectUploadIn"];
            };
        };
        responses: {
            /** @description Where to PUT the bytes */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectUploadOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    files_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description File id */
                id: components["schemas"]["FileId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file and its current version */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    files_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description File id */
                id: components["schemas"]["FileId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    files_complete: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description File id */
                id: components["schemas"]["FileId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file with its new current version */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    download: {
        parameters: {
            query?: {
                /** @description A version number; default the current one. */
                version?: number;
                /** @description `false`: `Content-Disposition: attachment` (default `true`: inline). */
                inline?: boolean;
                /** @description `true`: stream the bytes through Atrium (with `Range`) instead of a 302. */
                stream?: boolean;
            };
            header?: {
                /** @description One byte range, with `stream=true` */
                Range?: string | null;
            };
            path: {
                /** @description File id */
                id: components["schemas"]["FileId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": number[];
                };
            };
            /** @description The requested range */
            206: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": number[];
                };
            };
            /** @description To a presigned URL of the store */
            302: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            /** @description The range is outside the file */
            416: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    undelete: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description File id */
                id: components["schemas"]["FileId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The restored file */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    versions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description File id */
                id: components["schemas"]["FileId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The versions */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionOut"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    add_version: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description File id */
                id: components["schemas"]["FileId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DirectVersionIn"];
                /** @example %PDF-1.7 … */
                "application/octet-stream": number[];
                /**
                 * @example --boundary
                 *     Content-Disposition: form-data; name="file"; filename="contract.pdf"
                 *
                 *     %PDF-1.7 …
                 *     --boundary--
                 */
                "multipart/form-data": number[];
            };
        };
        responses: {
            /** @description The file with its new current version */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileOut"];
                };
            };
            /** @description Direct upload started */
            202: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectUploadOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description No progress for UPLOAD_IDLE_TIMEOUT_SECS: cut off, nothing stored */
            408: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            409: components["responses"]["Conflict"];
            /** @description Larger than FILE_MAX_BYTES */
            413: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    restore_version: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description File id */
                id: components["schemas"]["FileId"];
                /** @description Version number */
                n: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file with the restored bytes as its new version */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    list_fx_rates: {
        parameters: {
            query?: {
                currency?: components["schemas"]["Currency"];
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of exchange rates */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_FxRateOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    record_fx_rate: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FxRateIn"];
            };
        };
        responses: {
            /** @description Rate recorded */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FxRateOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    fx_rates_import: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example date,from,to,rate
                 *     2027-01-29,EUR,USD,1.0834
                 *     2027-01-29,GBP,USD,1.2671
                 */
                "text/csv": string;
            };
        };
        responses: {
            /** @description How many rates were created, replaced or already equal */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FxImportOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    list_invitations: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of invitations */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_InvitationOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    create_invitation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationIn"];
            };
        };
        responses: {
            /** @description Invitation created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationCreatedOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    accept_invitation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitationIn"];
            };
        };
        responses: {
            /** @description Joined the organization */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MembershipOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description No open invitation with this token for the caller */
            404: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    revoke_invitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Invitation id */
                id: components["schemas"]["InvitationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    invoice_reminders_list: {
        parameters: {
            query?: {
                /** @description Only this invoice's reminders (another organization's invoice is 404). */
                invoice_id?: components["schemas"]["InvoiceId"];
                status?: "drafted" | "sent" | "dismissed";
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reminders */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_ReminderOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    dismiss: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag of the reminder's version; a stale one is 409 */
                "If-Match"?: string;
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Reminder id */
                id: components["schemas"]["InvoiceReminderId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dismissed reminder */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    invoice_schedules_list: {
        parameters: {
            query?: {
                engagement_id?: components["schemas"]["EngagementId"];
                kind?: "fixed" | "milestone" | "retainer" | "time_and_materials";
                status?: "active" | "paused" | "ended";
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of schedules */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_ScheduleOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    invoice_schedules_create: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleIn"];
            };
        };
        responses: {
            /** @description Schedule created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    invoice_schedules_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Schedule id */
                id: components["schemas"]["InvoiceScheduleId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schedule and its terms */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    invoice_schedules_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Schedule id */
                id: components["schemas"]["InvoiceScheduleId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    invoice_schedules_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Schedule id */
                id: components["schemas"]["InvoiceScheduleId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SchedulePatch"];
            };
        };
        responses: {
            /** @description Updated schedule */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    run: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Schedule id */
                id: components["schemas"]["InvoiceScheduleId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RunIn"];
            };
        };
        responses: {
            /** @description The runs recorded now (empty when nothing was due) */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunOut"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    runs: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Schedule id */
                id: components["schemas"]["InvoiceScheduleId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of runs, oldest first */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_RunOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    invoices_list: {
        parameters: {
            query?: {
                status?: "draft" | "issued" | "partially_paid" | "paid" | "void" | "overdue";
                engagement_id?: components["schemas"]["EngagementId"];
                client_company_id?: components["schemas"]["ClientCompanyId"];
                schedule_id?: components["schemas"]["InvoiceScheduleId"];
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of invoices */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_InvoiceOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    invoices_create: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvoiceIn"];
            };
        };
        responses: {
            /** @description Draft created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    invoices_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Invoice id */
                id: components["schemas"]["InvoiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invoice with its lines and totals */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    invoices_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Invoice id */
                id: components["schemas"]["InvoiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    invoices_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Invoice id */
                id: components["schemas"]["InvoiceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvoicePatch"];
            };
        };
        responses: {
            /** @description Updated draft */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    list_credit_notes: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Invoice id */
                id: components["schemas"]["InvoiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of credit notes */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_CreditNoteOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    create_credit_note: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Invoice id */
                id: components["schemas"]["InvoiceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreditNoteIn"];
            };
        };
        responses: {
            /** @description Credit note issued */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditNoteOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    issue: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Invoice id */
                id: components["schemas"]["InvoiceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueIn"];
            };
        };
        responses: {
            /** @description Issued invoice */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    record: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Invoice id */
                id: components["schemas"]["InvoiceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentIn"];
            };
        };
        responses: {
            /** @description Payment recorded */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Invoice id */
                id: components["schemas"]["InvoiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invoice document */
            200: {
                headers: {
                    /** @description inline, with the invoice number as the file name */
                    "Content-Disposition"?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": number[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    invoiced_time: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Invoice id */
                id: components["schemas"]["InvoiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Billed time entries */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoicedTimeOut"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    void: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Invoice id */
                id: components["schemas"]["InvoiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Voided invoice */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    mailbox_connections_list: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of connections */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_ConnectionOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    mailbox_connections_create: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConnectionIn"];
            };
        };
        responses: {
            /** @description Connection created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    mailbox_connections_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Connection id */
                id: components["schemas"]["MailboxConnectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The connection */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    mailbox_connections_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Connection id */
                id: components["schemas"]["MailboxConnectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    mailbox_connections_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Connection id */
                id: components["schemas"]["MailboxConnectionId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConnectionPatch"];
            };
        };
        responses: {
            /** @description Updated connection */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Connection id */
                id: components["schemas"]["MailboxConnectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The connection's sync health */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    pause: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Connection id */
                id: components["schemas"]["MailboxConnectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The paused connection */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    resume: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Connection id */
                id: components["schemas"]["MailboxConnectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resumed connection */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    resync: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Connection id */
                id: components["schemas"]["MailboxConnectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The connection, resync queued */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeOut"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    switch_organization: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SwitchOrganizationIn"];
            };
        };
        responses: {
            /** @description Switched; the caller in the new organization */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description No such organization among the caller's */
            404: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    member_capacities_list: {
        parameters: {
            query?: {
                /**
                 * @description A member's user id, or `me` for the caller.
                 * @example me
                 */
                member_id?: string;
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of member capacities */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_MemberCapacityOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    member_capacities_create: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberCapacityIn"];
            };
        };
        responses: {
            /** @description Capacity created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberCapacityOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    member_capacities_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Member capacity id */
                id: components["schemas"]["MemberCapacityId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The member capacity */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberCapacityOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    member_capacities_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Member capacity id */
                id: components["schemas"]["MemberCapacityId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    list_members: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of members */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_MemberOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    get_member: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Member id */
                id: components["schemas"]["MemberId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The member */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    remove_member: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Member id */
                id: components["schemas"]["MemberId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    update_member: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Member id */
                id: components["schemas"]["MemberId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberPatch"];
            };
        };
        responses: {
            /** @description Updated member */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    messages_send: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Message id */
                id: components["schemas"]["MessageId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendDraftIn"];
            };
        };
        responses: {
            /** @description The queued message */
            202: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    milestones_list: {
        parameters: {
            query?: {
                project_id?: components["schemas"]["ProjectId"];
                status?: components["schemas"]["MilestoneStatus"];
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of milestones */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_MilestoneOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    milestones_create: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MilestoneIn"];
            };
        };
        responses: {
            /** @description Milestone created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    milestones_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Milestone id */
                id: components["schemas"]["MilestoneId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The milestone */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    milestones_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Milestone id */
                id: components["schemas"]["MilestoneId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    milestones_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Milestone id */
                id: components["schemas"]["MilestoneId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MilestonePatch"];
            };
        };
        responses: {
            /** @description Updated milestone */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    list_organizations: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of organizations */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_MembershipOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    create_organization: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganizationIn"];
            };
        };
        responses: {
            /** @description Organization created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    payments_list: {
        parameters: {
            query?: {
                invoice_id?: components["schemas"]["InvoiceId"];
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of payments */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_PaymentOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    payments_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Payment id */
                id: components["schemas"]["PaymentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payment */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    reverse: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Payment id */
                id: components["schemas"]["PaymentId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReverseIn"];
            };
        };
        responses: {
            /** @description Reversed payment */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    project_templates_list: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of templates */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_TemplateOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    project_templates_create: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateIn"];
            };
        };
        responses: {
            /** @description Template created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    project_templates_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Template id */
                id: components["schemas"]["ProjectTemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    project_templates_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Template id */
                id: components["schemas"]["ProjectTemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    project_templates_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Template id */
                id: components["schemas"]["ProjectTemplateId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplatePatch"];
            };
        };
        responses: {
            /** @description Updated template */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    instantiate: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Template id */
                id: components["schemas"]["ProjectTemplateId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstantiateIn"];
            };
        };
        responses: {
            /** @description Project created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    projects_list: {
        parameters: {
            query?: {
                engagement_id?: components["schemas"]["EngagementId"];
                status?: components["schemas"]["ProjectStatus"];
                client_company_id?: components["schemas"]["ClientCompanyId"];
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of projects */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_ProjectOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    projects_create: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectIn"];
            };
        };
        responses: {
            /** @description Project created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    projects_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Project id */
                id: components["schemas"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    projects_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Project id */
                id: components["schemas"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    projects_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Project id */
                id: components["schemas"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectPatch"];
            };
        };
        responses: {
            /** @description Updated project */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    save_as_template: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Project id */
                id: components["schemas"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveAsTemplateIn"];
            };
        };
        responses: {
            /** @description Template created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    proposals_list: {
        parameters: {
            query?: {
                status?: components["schemas"]["ProposalStatus"];
                client_company_id?: components["schemas"]["ClientCompanyId"];
                deal_id?: components["schemas"]["DealId"];
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of proposals */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_ProposalOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    proposals_create: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposalIn"];
            };
        };
        responses: {
            /** @description Proposal created */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description The new proposal */
                    Location?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    proposals_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Proposal id */
                id: components["schemas"]["ProposalId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proposal */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    proposals_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Proposal id */
                id: components["schemas"]["ProposalId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    proposals_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Proposal id */
                id: components["schemas"]["ProposalId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposalPatch"];
            };
        };
        responses: {
            /** @description Updated proposal */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    accept: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Proposal id */
                id: components["schemas"]["ProposalId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    contract: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description An accepted proposal */
                id: components["schemas"]["ProposalId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Contract created */
            201: {
                headers: {
                    /** @description Version */
                    ETag?: string;
                    /** @description The new contract */
                    Location?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    decline: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Proposal id */
                id: components["schemas"]["ProposalId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Declined */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    proposals_send: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Proposal id */
                id: components["schemas"]["ProposalId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sent */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    rate_cards_list: {
        parameters: {
            query?: {
                member_id?: components["schemas"]["UserId"];
                /** @description One engagement's overrides. */
                engagement_id?: components["schemas"]["EngagementId"];
                /** @description `true`: only defaults; `false`: only overrides. */
                default?: boolean;
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of rate cards */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_RateCardOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    rate_cards_create: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RateCardIn"];
            };
        };
        responses: {
            /** @description Rate card created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateCardOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    effective: {
        parameters: {
            query: {
                member_id: components["schemas"]["UserId"];
                engagement_id: components["schemas"]["EngagementId"];
                /** @description The day to price. */
                date: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The effective rates */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EffectiveRateOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    rate_cards_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Rate card id */
                id: components["schemas"]["RateCardId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rate card */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateCardOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    rate_cards_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Rate card id */
                id: components["schemas"]["RateCardId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    ar_aging: {
        parameters: {
            query?: {
                /**
                 * @description The day the ages are counted to (default: today, UTC). Invoices issued
                 *     later are left out; balances are the current ones.
                 * @example 2027-01-15
                 */
                as_of?: string;
                /** @description Only this client (404 when it is not the organization's). */
                client_company_id?: components["schemas"]["ClientCompanyId"];
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of clients and the totals */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArAgingOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description `client_company_id` is not the organization's */
            404: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    engagement_profitability: {
        parameters: {
            query?: {
                /** @description Only this engagement (404 when it is not the organization's). */
                engagement_id?: components["schemas"]["EngagementId"];
                /** @description Only this client's engagements (404 when it is not the organization's). */
                client_company_id?: components["schemas"]["ClientCompanyId"];
                /**
                 * @description Documents issued and time worked on or after this day (default: since the start).
                 * @example 2027-01-01
                 */
                from?: string;
                /**
                 * @description … and on or before this day (default: no end).
                 * @example 2027-01-31
                 */
                to?: string;
                /**
                 * @description The day whose exchange rates convert costs and budgets kept in another
                 *     currency (default: `to`, else today). No rate entered for that day: 422
                 *     naming `rate_date`.
                 * @example 2027-01-31
                 */
                rate_date?: string;
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of engagements */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfitabilityOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description `engagement_id` or `client_company_id` is not the organization's */
            404: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No exchange rate for `rate_date`, or `from` after `to` */
            422: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    revenue_by_client: {
        parameters: {
            query?: {
                /**
                 * @description First month (default: eleven months before `to`).
                 * @example 2026-02
                 */
                from?: string;
                /**
                 * @description Last month, included (default: this month).
                 * @example 2027-01
                 */
                to?: string;
                /** @description Only this client (404 when it is not the organization's). */
                client_company_id?: components["schemas"]["ClientCompanyId"];
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of clients with their months, and the monthly totals */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevenueByClientOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description `client_company_id` is not the organization's */
            404: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `from` after `to`, or not a `YYYY-MM` month */
            422: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    report: {
        parameters: {
            query: {
                /** @description The period's first day (required). */
                from: string;
                /** @description The period's last day, inclusive (required). */
                to: string;
                /**
                 * @description One member's row: a user id, or `me` for the caller.
                 * @example me
                 */
                member_id?: string;
                /** @description Count only time on this project. */
                project_id?: components["schemas"]["ProjectId"];
                /** @description Count only time on this engagement's projects. */
                engagement_id?: components["schemas"]["EngagementId"];
                /** @description `approved` (default) or `logged`: the time the ratios count. */
                basis?: components["schemas"]["UtilizationBasis"];
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of members' utilization */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "approved_billable_minutes": 6720,
                     *           "approved_minutes": 8400,
                     *           "available_minutes": 9600,
                     *           "basis": "approved",
                     *           "billable_minutes": 7200,
                     *           "billable_share_bp": 8000,
                     *           "logged_minutes": 9000,
                     *           "member_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b",
                     *           "utilization_bp": 7000
                     *         }
                     *       ],
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["PageOut_UtilizationRow"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    tasks_list: {
        parameters: {
            query?: {
                /** @description Tasks of one project, listed in `position` order (otherwise oldest first). */
                project_id?: components["schemas"]["ProjectId"];
                status?: components["schemas"]["TaskStatus"];
                /**
                 * @description A user id, or `me` for the caller: "my work" across projects.
                 * @example me
                 */
                assignee_id?: string;
                /** @description Tasks due strictly before this date (tasks without a due date are left out). */
                due_before?: string;
                milestone_id?: components["schemas"]["MilestoneId"];
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tasks */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_TaskOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    tasks_create: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskIn"];
            };
        };
        responses: {
            /** @description Task created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    tasks_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Task id */
                id: components["schemas"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    tasks_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Task id */
                id: components["schemas"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    tasks_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Task id */
                id: components["schemas"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskPatch"];
            };
        };
        responses: {
            /** @description Updated task */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    move_task: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Task id */
                id: components["schemas"]["TaskId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskMoveIn"];
            };
        };
        responses: {
            /** @description The moved task */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    list_tax_rates: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tax rates */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_TaxRateOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    create_tax_rate: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaxRateIn"];
            };
        };
        responses: {
            /** @description Tax rate created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxRateOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    get_tax_rate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tax rate id */
                id: components["schemas"]["TaxRateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tax rate */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxRateOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    update_tax_rate: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Tax rate id */
                id: components["schemas"]["TaxRateId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaxRatePatch"];
            };
        };
        responses: {
            /** @description Updated tax rate */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxRateOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    threads_list: {
        parameters: {
            query?: {
                /** @description Threads filed under this engagement. */
                engagement_id?: components["schemas"]["EngagementId"];
                /** @description Threads with a message from or to this CRM contact. */
                contact_id?: components["schemas"]["ContactId"];
                /** @description `true`: only threads not filed under any engagement. */
                unfiled?: boolean;
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of threads */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_ThreadOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    compose: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ComposeIn"];
            };
        };
        responses: {
            /** @description The queued message (its thread is `thread_id`) */
            202: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    threads_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Thread id */
                id: components["schemas"]["ThreadId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The thread */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    file: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Thread id */
                id: components["schemas"]["ThreadId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FileThreadIn"];
            };
        };
        responses: {
            /** @description The filed thread */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    messages: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Thread id */
                id: components["schemas"]["ThreadId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_MessageOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    reply: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Thread id */
                id: components["schemas"]["ThreadId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplyIn"];
            };
        };
        responses: {
            /** @description The queued reply */
            202: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    share: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Thread id */
                id: components["schemas"]["ThreadId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The shared thread */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    unshare: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Thread id */
                id: components["schemas"]["ThreadId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The thread, no longer shared */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    time_entries_list: {
        parameters: {
            query?: {
                /**
                 * @description A member's user id, or `me` for the caller.
                 * @example me
                 */
                member_id?: string;
                project_id?: components["schemas"]["ProjectId"];
                engagement_id?: components["schemas"]["EngagementId"];
                /** @description Entries on or after this day. */
                date_from?: string;
                /** @description Entries on or before this day. */
                date_to?: string;
                billable?: boolean;
                approval_state?: components["schemas"]["ApprovalState"];
                /** @description `false`: not yet billed by an invoice; `true`: billed. */
                invoiced?: boolean;
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of time entries */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_TimeEntryOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    time_entries_create: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TimeEntryIn"];
            };
        };
        responses: {
            /** @description Time entry created */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntryOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    time_entries_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Time entry id */
                id: components["schemas"]["TimeEntryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The time entry */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    /** @description Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way */
                    "X-Cache"?: "hit" | "miss" | "bypass";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntryOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    time_entries_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Time entry id */
                id: components["schemas"]["TimeEntryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    time_entries_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Time entry id */
                id: components["schemas"]["TimeEntryId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TimeEntryPatch"];
            };
        };
        responses: {
            /** @description Updated time entry */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntryOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    approve: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Time entry id */
                id: components["schemas"]["TimeEntryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The approved entry */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntryOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    reject: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Time entry id */
                id: components["schemas"]["TimeEntryId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectIn"];
            };
        };
        responses: {
            /** @description The rejected entry */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntryOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    submit: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Time entry id */
                id: components["schemas"]["TimeEntryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The submitted entry */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntryOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    list_timeline: {
        parameters: {
            query?: {
                /** @description Only entries of this engagement. */
                engagement_id?: components["schemas"]["EngagementId"];
                /** @description Only entries of this entity type (e.g. `member`); combine with `entity_id`. */
                entity_type?: string;
                /** @description Only entries of this entity. */
                entity_id?: string;
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of timeline entries */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_ActivityOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    list_webhooks: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of endpoints */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_WebhookOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    create_webhook: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the POST safe to retry: the same key with the same request replays the first response (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before its write committed frees the key, and so does a server that died mid-request, once the key's lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the server died before storing its response, a retry gets the resource as it is now (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. Remembered for 24 hours; stored responses are encrypted.
                 * @example 3f2e1d0c-retry-1
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookIn"];
            };
        };
        responses: {
            /** @description Endpoint created; the secret is shown once */
            201: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookCreatedOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    get_webhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Endpoint id */
                id: components["schemas"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    /** @description Version for If-Match */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    delete_webhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Endpoint id */
                id: components["schemas"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    update_webhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag from GET; a stale one is 409 */
                "If-Match"?: string;
            };
            path: {
                /** @description Endpoint id */
                id: components["schemas"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPatch"];
            };
        };
        responses: {
            /** @description Updated endpoint */
            200: {
                headers: {
                    /** @description New version */
                    ETag?: string;
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    list_attempts: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1–200 (default 50).
                 * @example 50
                 */
                limit?: number;
                /** @description Opaque cursor from the previous page's `next_cursor`. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Endpoint id */
                id: components["schemas"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of attempts */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PageOut_AttemptOut"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    get_blob: {
        parameters: {
            query: {
                expires: number;
                signature: string;
                /** @description GET: the Content-Disposition to answer with. */
                disposition?: string;
                /** @description PUT: the exact length the URL is for. */
                length?: number;
            };
            header?: never;
            path: {
                org: string;
                file: string;
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The blob */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": number[];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Tampered or expired URL */
            403: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    put_blob: {
        parameters: {
            query: {
                expires: number;
                signature: string;
                /** @description GET: the Content-Disposition to answer with. */
                disposition?: string;
                /** @description PUT: the exact length the URL is for. */
                length?: number;
            };
            header?: never;
            path: {
                org: string;
                file: string;
                object: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example %PDF-1.7 … */
                "application/octet-stream": number[];
            };
        };
        responses: {
            /** @description Stored */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            /** @description Tampered or expired URL */
            403: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is up */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": Record<string, never>;
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "database": "ok",
                     *       "migrations": "current",
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": Record<string, never>;
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            /** @description Not ready, with the reason */
            503: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    render_metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics in the Prometheus text format */
            200: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example # TYPE atrium_http_requests_total counter */
                    "text/plain": string;
                };
            };
            /** @description `METRICS_TOKEN` is set and the request does not carry it */
            401: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not served to this client (see above) */
            404: {
                headers: {
                    /** @description What is left of it: `r` requests, full again in `t` seconds, e.g. `"read";r=599;t=1` */
                    RateLimit?: string;
                    /** @description The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `"read";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    "agreements.contract.activated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.contract.activated";
                    /** @enum {string} */
                    aggregate_type?: "contract";
                    data?: components["schemas"]["ContractActivated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "agreements.contract.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.contract.completed";
                    /** @enum {string} */
                    aggregate_type?: "contract";
                    data?: components["schemas"]["ContractCompleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "agreements.contract.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.contract.created";
                    /** @enum {string} */
                    aggregate_type?: "contract";
                    data?: components["schemas"]["ContractCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "agreements.contract.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.contract.deleted";
                    /** @enum {string} */
                    aggregate_type?: "contract";
                    data?: components["schemas"]["ContractDeleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "agreements.contract.sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.contract.sent";
                    /** @enum {string} */
                    aggregate_type?: "contract";
                    data?: components["schemas"]["ContractSent"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "agreements.contract.signed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.contract.signed";
                    /** @enum {string} */
                    aggregate_type?: "contract";
                    data?: components["schemas"]["ContractSigned"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "agreements.contract.terminated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.contract.terminated";
                    /** @enum {string} */
                    aggregate_type?: "contract";
                    data?: components["schemas"]["ContractTerminated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "agreements.contract.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.contract.updated";
                    /** @enum {string} */
                    aggregate_type?: "contract";
                    data?: components["schemas"]["ContractUpdated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "agreements.engagement.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.engagement.created";
                    /** @enum {string} */
                    aggregate_type?: "engagement";
                    data?: components["schemas"]["EngagementCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "agreements.engagement.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.engagement.deleted";
                    /** @enum {string} */
                    aggregate_type?: "engagement";
                    data?: components["schemas"]["EngagementDeleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "agreements.engagement.status_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.engagement.status_changed";
                    /** @enum {string} */
                    aggregate_type?: "engagement";
                    data?: components["schemas"]["EngagementStatusChanged"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "agreements.engagement.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.engagement.updated";
                    /** @enum {string} */
                    aggregate_type?: "engagement";
                    data?: components["schemas"]["EngagementUpdated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "agreements.proposal.accepted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.proposal.accepted";
                    /** @enum {string} */
                    aggregate_type?: "proposal";
                    data?: components["schemas"]["ProposalAccepted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "agreements.proposal.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.proposal.created";
                    /** @enum {string} */
                    aggregate_type?: "proposal";
                    data?: components["schemas"]["ProposalCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "agreements.proposal.declined": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.proposal.declined";
                    /** @enum {string} */
                    aggregate_type?: "proposal";
                    data?: components["schemas"]["ProposalDeclined"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "agreements.proposal.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.proposal.deleted";
                    /** @enum {string} */
                    aggregate_type?: "proposal";
                    data?: components["schemas"]["ProposalDeleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "agreements.proposal.expired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.proposal.expired";
                    /** @enum {string} */
                    aggregate_type?: "proposal";
                    data?: components["schemas"]["ProposalExpired"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "agreements.proposal.sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.proposal.sent";
                    /** @enum {string} */
                    aggregate_type?: "proposal";
                    data?: components["schemas"]["ProposalSent"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "agreements.proposal.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.proposal.updated";
                    /** @enum {string} */
                    aggregate_type?: "proposal";
                    data?: components["schemas"]["ProposalUpdated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "agreements.references.repointed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "agreements.references.repointed";
                    /** @enum {string} */
                    aggregate_type?: "client_company";
                    data?: components["schemas"]["ReferencesRepointed"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "appointment.booked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "appointment.booked";
                    /** @enum {string} */
                    aggregate_type?: "appointment";
                    data?: components["schemas"]["AppointmentBooked"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "comms.connection.auth_failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "comms.connection.auth_failed";
                    /** @enum {string} */
                    aggregate_type?: "mailbox_connection";
                    data?: components["schemas"]["ConnectionAuthFailed"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "comms.connection.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "comms.connection.created";
                    /** @enum {string} */
                    aggregate_type?: "mailbox_connection";
                    data?: components["schemas"]["ConnectionCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "comms.connection.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "comms.connection.deleted";
                    /** @enum {string} */
                    aggregate_type?: "mailbox_connection";
                    data?: components["schemas"]["ConnectionDeleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "comms.connection.paused": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "comms.connection.paused";
                    /** @enum {string} */
                    aggregate_type?: "mailbox_connection";
                    data?: components["schemas"]["ConnectionPaused"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "comms.connection.resumed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "comms.connection.resumed";
                    /** @enum {string} */
                    aggregate_type?: "mailbox_connection";
                    data?: components["schemas"]["ConnectionResumed"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "comms.connection.resync_requested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "comms.connection.resync_requested";
                    /** @enum {string} */
                    aggregate_type?: "mailbox_connection";
                    data?: components["schemas"]["ConnectionResyncRequested"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "comms.connection.sync_failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "comms.connection.sync_failed";
                    /** @enum {string} */
                    aggregate_type?: "mailbox_connection";
                    data?: components["schemas"]["ConnectionSyncFailed"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "comms.connection.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "comms.connection.updated";
                    /** @enum {string} */
                    aggregate_type?: "mailbox_connection";
                    data?: components["schemas"]["ConnectionUpdated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "comms.message.drafted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "comms.message.drafted";
                    /** @enum {string} */
                    aggregate_type?: "message";
                    data?: components["schemas"]["MessageDrafted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "comms.message.queued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "comms.message.queued";
                    /** @enum {string} */
                    aggregate_type?: "message";
                    data?: components["schemas"]["MessageQueued"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "comms.message.received": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "comms.message.received";
                    /** @enum {string} */
                    aggregate_type?: "message";
                    data?: components["schemas"]["MessageReceived"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "comms.message.send_failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "comms.message.send_failed";
                    /** @enum {string} */
                    aggregate_type?: "message";
                    data?: components["schemas"]["MessageSendFailed"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "comms.message.sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "comms.message.sent";
                    /** @enum {string} */
                    aggregate_type?: "message";
                    data?: components["schemas"]["MessageSent"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "comms.thread.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "comms.thread.created";
                    /** @enum {string} */
                    aggregate_type?: "thread";
                    data?: components["schemas"]["ThreadCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "comms.thread.filed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "comms.thread.filed";
                    /** @enum {string} */
                    aggregate_type?: "thread";
                    data?: components["schemas"]["ThreadFiled"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "comms.thread.shared": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "comms.thread.shared";
                    /** @enum {string} */
                    aggregate_type?: "thread";
                    data?: components["schemas"]["ThreadShared"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "comms.thread.unshared": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "comms.thread.unshared";
                    /** @enum {string} */
                    aggregate_type?: "thread";
                    data?: components["schemas"]["ThreadUnshared"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "crm.company.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "crm.company.created";
                    /** @enum {string} */
                    aggregate_type?: "client_company";
                    data?: components["schemas"]["CompanyCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "crm.company.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "crm.company.deleted";
                    /** @enum {string} */
                    aggregate_type?: "client_company";
                    data?: components["schemas"]["CompanyDeleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "crm.company.merged": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "crm.company.merged";
                    /** @enum {string} */
                    aggregate_type?: "client_company";
                    data?: components["schemas"]["CompanyMerged"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "crm.company.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "crm.company.updated";
                    /** @enum {string} */
                    aggregate_type?: "client_company";
                    data?: components["schemas"]["CompanyUpdated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "crm.contact.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "crm.contact.created";
                    /** @enum {string} */
                    aggregate_type?: "contact";
                    data?: components["schemas"]["ContactCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "crm.contact.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "crm.contact.deleted";
                    /** @enum {string} */
                    aggregate_type?: "contact";
                    data?: components["schemas"]["ContactDeleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "crm.contact.merged": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "crm.contact.merged";
                    /** @enum {string} */
                    aggregate_type?: "contact";
                    data?: components["schemas"]["ContactMerged"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "crm.contact.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "crm.contact.updated";
                    /** @enum {string} */
                    aggregate_type?: "contact";
                    data?: components["schemas"]["ContactUpdated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "crm.deal.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "crm.deal.created";
                    /** @enum {string} */
                    aggregate_type?: "deal";
                    data?: components["schemas"]["DealCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "crm.deal.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "crm.deal.deleted";
                    /** @enum {string} */
                    aggregate_type?: "deal";
                    data?: components["schemas"]["DealDeleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "crm.deal.stage_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "crm.deal.stage_changed";
                    /** @enum {string} */
                    aggregate_type?: "deal";
                    data?: components["schemas"]["DealStageChanged"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "crm.deal.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "crm.deal.updated";
                    /** @enum {string} */
                    aggregate_type?: "deal";
                    data?: components["schemas"]["DealUpdated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "files.file.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "files.file.deleted";
                    /** @enum {string} */
                    aggregate_type?: "file";
                    data?: components["schemas"]["FileDeleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "files.file.restored": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "files.file.restored";
                    /** @enum {string} */
                    aggregate_type?: "file";
                    data?: components["schemas"]["FileRestored"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "files.file.uploaded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "files.file.uploaded";
                    /** @enum {string} */
                    aggregate_type?: "file";
                    data?: components["schemas"]["FileUploaded"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "files.version.added": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "files.version.added";
                    /** @enum {string} */
                    aggregate_type?: "file";
                    data?: components["schemas"]["FileVersionAdded"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "files.version.restored": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "files.version.restored";
                    /** @enum {string} */
                    aggregate_type?: "file";
                    data?: components["schemas"]["FileVersionRestored"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "identity.api_key.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "identity.api_key.created";
                    /** @enum {string} */
                    aggregate_type?: "api_key";
                    data?: components["schemas"]["ApiKeyCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "identity.api_key.revoked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "identity.api_key.revoked";
                    /** @enum {string} */
                    aggregate_type?: "api_key";
                    data?: components["schemas"]["ApiKeyRevoked"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "identity.identity.linked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "identity.identity.linked";
                    /** @enum {string} */
                    aggregate_type?: "user_identity";
                    data?: components["schemas"]["IdentityLinked"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "identity.invitation.accepted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "identity.invitation.accepted";
                    /** @enum {string} */
                    aggregate_type?: "invitation";
                    data?: components["schemas"]["InvitationAccepted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "identity.invitation.revoked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "identity.invitation.revoked";
                    /** @enum {string} */
                    aggregate_type?: "invitation";
                    data?: components["schemas"]["InvitationRevoked"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "identity.invitation.sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "identity.invitation.sent";
                    /** @enum {string} */
                    aggregate_type?: "invitation";
                    data?: components["schemas"]["InvitationSent"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "identity.member.added": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "identity.member.added";
                    /** @enum {string} */
                    aggregate_type?: "member";
                    data?: components["schemas"]["MemberAdded"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "identity.member.removed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "identity.member.removed";
                    /** @enum {string} */
                    aggregate_type?: "member";
                    data?: components["schemas"]["MemberRemoved"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "identity.member.role_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "identity.member.role_changed";
                    /** @enum {string} */
                    aggregate_type?: "member";
                    data?: components["schemas"]["MemberRoleChanged"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "identity.organization.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "identity.organization.created";
                    /** @enum {string} */
                    aggregate_type?: "organization";
                    data?: components["schemas"]["OrganizationCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.member_capacity.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.member_capacity.created";
                    /** @enum {string} */
                    aggregate_type?: "member_capacity";
                    data?: components["schemas"]["MemberCapacityCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.member_capacity.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.member_capacity.deleted";
                    /** @enum {string} */
                    aggregate_type?: "member_capacity";
                    data?: components["schemas"]["MemberCapacityDeleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.milestone.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.milestone.completed";
                    /** @enum {string} */
                    aggregate_type?: "milestone";
                    data?: components["schemas"]["MilestoneCompleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.milestone.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.milestone.created";
                    /** @enum {string} */
                    aggregate_type?: "milestone";
                    data?: components["schemas"]["MilestoneCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.milestone.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.milestone.deleted";
                    /** @enum {string} */
                    aggregate_type?: "milestone";
                    data?: components["schemas"]["MilestoneDeleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.milestone.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.milestone.updated";
                    /** @enum {string} */
                    aggregate_type?: "milestone";
                    data?: components["schemas"]["MilestoneUpdated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.project.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.project.created";
                    /** @enum {string} */
                    aggregate_type?: "project";
                    data?: components["schemas"]["ProjectCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.project.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.project.deleted";
                    /** @enum {string} */
                    aggregate_type?: "project";
                    data?: components["schemas"]["ProjectDeleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.project.instantiated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.project.instantiated";
                    /** @enum {string} */
                    aggregate_type?: "project";
                    data?: components["schemas"]["ProjectInstantiated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.project.reconciled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.project.reconciled";
                    /** @enum {string} */
                    aggregate_type?: "project";
                    data?: components["schemas"]["ProjectReconciled"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.project.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.project.updated";
                    /** @enum {string} */
                    aggregate_type?: "project";
                    data?: components["schemas"]["ProjectUpdated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.rate_card.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.rate_card.created";
                    /** @enum {string} */
                    aggregate_type?: "rate_card";
                    data?: components["schemas"]["RateCardCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.rate_card.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.rate_card.deleted";
                    /** @enum {string} */
                    aggregate_type?: "rate_card";
                    data?: components["schemas"]["RateCardDeleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.references.repointed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.references.repointed";
                    /** @enum {string} */
                    aggregate_type?: "client_company";
                    data?: components["schemas"]["ReferencesRepointed"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.task.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.task.created";
                    /** @enum {string} */
                    aggregate_type?: "task";
                    data?: components["schemas"]["TaskCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.task.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.task.deleted";
                    /** @enum {string} */
                    aggregate_type?: "task";
                    data?: components["schemas"]["TaskDeleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.task.moved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.task.moved";
                    /** @enum {string} */
                    aggregate_type?: "task";
                    data?: components["schemas"]["TaskMoved"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.task.status_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.task.status_changed";
                    /** @enum {string} */
                    aggregate_type?: "task";
                    data?: components["schemas"]["TaskStatusChanged"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.task.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.task.updated";
                    /** @enum {string} */
                    aggregate_type?: "task";
                    data?: components["schemas"]["TaskUpdated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.template.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.template.created";
                    /** @enum {string} */
                    aggregate_type?: "project_template";
                    data?: components["schemas"]["TemplateCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.template.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.template.deleted";
                    /** @enum {string} */
                    aggregate_type?: "project_template";
                    data?: components["schemas"]["TemplateDeleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.template.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.template.updated";
                    /** @enum {string} */
                    aggregate_type?: "project_template";
                    data?: components["schemas"]["TemplateUpdated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.time_entry.approved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.time_entry.approved";
                    /** @enum {string} */
                    aggregate_type?: "time_entry";
                    data?: components["schemas"]["TimeEntryApproved"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.time_entry.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.time_entry.created";
                    /** @enum {string} */
                    aggregate_type?: "time_entry";
                    data?: components["schemas"]["TimeEntryCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.time_entry.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.time_entry.deleted";
                    /** @enum {string} */
                    aggregate_type?: "time_entry";
                    data?: components["schemas"]["TimeEntryDeleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.time_entry.invoiced": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.time_entry.invoiced";
                    /** @enum {string} */
                    aggregate_type?: "invoice";
                    data?: components["schemas"]["TimeEntriesInvoiced"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.time_entry.rejected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.time_entry.rejected";
                    /** @enum {string} */
                    aggregate_type?: "time_entry";
                    data?: components["schemas"]["TimeEntryRejected"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.time_entry.submitted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.time_entry.submitted";
                    /** @enum {string} */
                    aggregate_type?: "time_entry";
                    data?: components["schemas"]["TimeEntrySubmitted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.time_entry.uninvoiced": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.time_entry.uninvoiced";
                    /** @enum {string} */
                    aggregate_type?: "invoice";
                    data?: components["schemas"]["TimeEntriesUninvoiced"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "projects.time_entry.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "projects.time_entry.updated";
                    /** @enum {string} */
                    aggregate_type?: "time_entry";
                    data?: components["schemas"]["TimeEntryUpdated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.credit_note.issued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.credit_note.issued";
                    /** @enum {string} */
                    aggregate_type?: "credit_note";
                    data?: components["schemas"]["CreditNoteIssued"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.fx_rate.recorded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.fx_rate.recorded";
                    /** @enum {string} */
                    aggregate_type?: "fx_rate";
                    data?: components["schemas"]["FxRateRecorded"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.invoice.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.invoice.created";
                    /** @enum {string} */
                    aggregate_type?: "invoice";
                    data?: components["schemas"]["InvoiceCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.invoice.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.invoice.deleted";
                    /** @enum {string} */
                    aggregate_type?: "invoice";
                    data?: components["schemas"]["InvoiceDeleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.invoice.issued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.invoice.issued";
                    /** @enum {string} */
                    aggregate_type?: "invoice";
                    data?: components["schemas"]["InvoiceIssued"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.invoice.reconciled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.invoice.reconciled";
                    /** @enum {string} */
                    aggregate_type?: "invoice";
                    data?: components["schemas"]["InvoiceReconciled"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.invoice.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.invoice.updated";
                    /** @enum {string} */
                    aggregate_type?: "invoice";
                    data?: components["schemas"]["InvoiceUpdated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.invoice.voided": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.invoice.voided";
                    /** @enum {string} */
                    aggregate_type?: "invoice";
                    data?: components["schemas"]["InvoiceVoided"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.invoice_schedule.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.invoice_schedule.created";
                    /** @enum {string} */
                    aggregate_type?: "invoice_schedule";
                    data?: components["schemas"]["InvoiceScheduleCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.invoice_schedule.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.invoice_schedule.deleted";
                    /** @enum {string} */
                    aggregate_type?: "invoice_schedule";
                    data?: components["schemas"]["InvoiceScheduleDeleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.invoice_schedule.ran": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.invoice_schedule.ran";
                    /** @enum {string} */
                    aggregate_type?: "invoice_schedule";
                    data?: components["schemas"]["InvoiceScheduleRan"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.invoice_schedule.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.invoice_schedule.updated";
                    /** @enum {string} */
                    aggregate_type?: "invoice_schedule";
                    data?: components["schemas"]["InvoiceScheduleUpdated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.invoices.repointed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.invoices.repointed";
                    /** @enum {string} */
                    aggregate_type?: "client_company";
                    data?: components["schemas"]["InvoicesRepointed"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.payment.recorded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.payment.recorded";
                    /** @enum {string} */
                    aggregate_type?: "payment";
                    data?: components["schemas"]["PaymentRecorded"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.payment.reversed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.payment.reversed";
                    /** @enum {string} */
                    aggregate_type?: "payment";
                    data?: components["schemas"]["PaymentReversed"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.reminder.dismissed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.reminder.dismissed";
                    /** @enum {string} */
                    aggregate_type?: "invoice_reminder";
                    data?: components["schemas"]["ReminderDismissed"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.reminder.drafted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.reminder.drafted";
                    /** @enum {string} */
                    aggregate_type?: "invoice_reminder";
                    data?: components["schemas"]["ReminderDrafted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.settings.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.settings.updated";
                    /** @enum {string} */
                    aggregate_type?: "organization";
                    data?: components["schemas"]["SettingsUpdated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.tax_rate.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.tax_rate.created";
                    /** @enum {string} */
                    aggregate_type?: "tax_rate";
                    data?: components["schemas"]["TaxRateCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "revenue.tax_rate.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "revenue.tax_rate.updated";
                    /** @enum {string} */
                    aggregate_type?: "tax_rate";
                    data?: components["schemas"]["TaxRateUpdated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.endpoint.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "webhooks.endpoint.created";
                    /** @enum {string} */
                    aggregate_type?: "webhook";
                    data?: components["schemas"]["EndpointCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.endpoint.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "webhooks.endpoint.deleted";
                    /** @enum {string} */
                    aggregate_type?: "webhook";
                    data?: components["schemas"]["EndpointDeleted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.endpoint.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"] & {
                    /** @enum {string} */
                    type?: "webhooks.endpoint.updated";
                    /** @enum {string} */
                    aggregate_type?: "webhook";
                    data?: components["schemas"]["EndpointUpdated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the delivery */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
