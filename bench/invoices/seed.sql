-- Seeds the invoice benchmark (bench/src/bin/invoices.rs): 9 other organizations,
-- 20 clients and engagements in each organization, and {total} invoices of two
-- lines each, every tenth ({total}/10) in the benchmark organization {org}, the
-- rest spread over the others. Ids are time-ordered like the server's UUIDv7, so
-- the benchmark organization's rows are interleaved with everyone else's in id
-- and heap order, as invoices written over two years by many tenants are.
-- Statuses: 6 % draft, 4 % void, 60 % paid, 20 % issued, 10 % partially paid;
-- 85 % USD (the base currency), 10 % EUR, 5 % GBP at stored issue rates;
-- 30 days' terms, issue dates spread over the two years to 2026-12-07.
INSERT INTO organizations (id, name, slug, version, created_at, updated_at)
SELECT gen_random_uuid(), 'Invoice bench org ' || g, 'invoice-bench-org-' || g, 1, now(), now()
FROM generate_series(1, 9) g;

CREATE TEMP TABLE bench_orgs AS
SELECT row_number() OVER (ORDER BY slug) - 1 AS n, id FROM organizations WHERE slug LIKE 'invoice-bench-org-%'
UNION ALL SELECT 9, '{org}'::uuid;

INSERT INTO client_companies (id, organization_id, name, name_normalized, status, tags, version, created_at, updated_at)
SELECT gen_random_uuid(), o.id, 'Client ' || k, 'client ' || k, 'active', '[]', 1, now(), now()
FROM bench_orgs o, generate_series(0, 19) k;

CREATE TEMP TABLE bench_eng AS
SELECT o.n, row_number() OVER (PARTITION BY o.id ORDER BY c.id) - 1 AS k, o.id AS org_id,
       c.id AS company_id, gen_random_uuid() AS engagement_id
FROM bench_orgs o JOIN client_companies c ON c.organization_id = o.id;
CREATE INDEX ON bench_eng (n, k);

INSERT INTO engagements (id, organization_id, client_company_id, name, billing_model, status, version, created_at, updated_at)
SELECT engagement_id, org_id, company_id, 'Engagement ' || k, 'fixed', 'active', 1, now(), now() FROM bench_eng;

CREATE TEMP TABLE bench_inv AS
SELECT g,
       (lpad(to_hex(1733529600000 + g * 63072), 12, '0') || '7' || substr(md5(g::text), 1, 3) || '8'
        || substr(md5(g::text), 4, 15))::uuid AS id,
       CASE WHEN g % 10 = 0 THEN 9 ELSE g % 9 END AS n,
       (g / 10) % 20 AS k,
       CASE WHEN s.p < 6 THEN 'draft' WHEN s.p < 10 THEN 'void' WHEN s.p < 70 THEN 'paid'
            WHEN s.p < 90 THEN 'issued' ELSE 'partially_paid' END AS status,
       CASE WHEN c.p < 85 THEN 'USD' WHEN c.p < 95 THEN 'EUR' ELSE 'GBP' END AS currency,
       DATE '2026-12-07' - ((({total} - g) * 730) / {total})::int AS issue_date,
       (500 + (g * 37) % 50000) * 10 AS subtotal
FROM generate_series(1::bigint, {total}) g,
     -- Status and currency from two independent hashes of the number: a product
     -- modulo 100 repeats with the organization's residue, and tied them together.
     LATERAL (SELECT (hashtext('status ' || g)::bigint % 100 + 100) % 100 AS p) s,
     LATERAL (SELECT (hashtext('currency ' || g)::bigint % 100 + 100) % 100 AS p) c;

INSERT INTO invoices (id, organization_id, engagement_id, client_company_id, currency, status, number, issue_date,
                      due_date, payment_terms_days, base_currency, fx_rate, subtotal, tax_total, total, paid, credited,
                      notes, version, created_by, created_at, updated_at, issued_at, voided_at)
SELECT i.id, e.org_id, e.engagement_id, e.company_id, i.currency, i.status,
       CASE WHEN i.status = 'draft' THEN NULL ELSE 'INV-' || i.g END,
       CASE WHEN i.status = 'draft' THEN NULL ELSE i.issue_date END,
       CASE WHEN i.status = 'draft' THEN NULL ELSE i.issue_date + 30 END,
       30, 'USD',
       CASE WHEN i.status = 'draft' THEN NULL WHEN i.currency = 'USD' THEN 1000000000
            WHEN i.currency = 'EUR' THEN 1080000000 + (i.g % 1000) * 10000 ELSE 1270000000 + (i.g % 1000) * 10000 END,
       i.subtotal, i.subtotal / 5, i.subtotal + i.subtotal / 5,
       CASE i.status WHEN 'paid' THEN i.subtotal + i.subtotal / 5 WHEN 'partially_paid' THEN (i.subtotal + i.subtotal / 5) / 3 ELSE 0 END,
       0, NULL, 1, 'bench', i.issue_date::timestamptz, i.issue_date::timestamptz,
       CASE WHEN i.status = 'draft' THEN NULL ELSE i.issue_date::timestamptz END,
       CASE WHEN i.status = 'void' THEN i.issue_date::timestamptz + interval '1 day' END
FROM bench_inv i JOIN bench_eng e ON e.n = i.n AND e.k = i.k;

INSERT INTO invoice_lines (id, organization_id, invoice_id, position, description, quantity, unit_price, tax_name,
                           tax_basis_points, tax_inclusive, net, tax, gross)
SELECT gen_random_uuid(), inv.organization_id, inv.id, p, CASE p WHEN 0 THEN 'Consulting' ELSE 'Workshop' END,
       1000, inv.subtotal / 2, 'VAT 20%', 2000, false, inv.subtotal / 2, inv.subtotal / 10, inv.subtotal / 2 + inv.subtotal / 10
FROM invoices inv, generate_series(0, 1) p
WHERE inv.organization_id IN (SELECT id FROM bench_orgs);
