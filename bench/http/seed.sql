-- Seeds the HTTP benchmark's database: 99 other organizations and 500,000
-- contacts, every tenth (50,000) in the benchmark organization :'org', the
-- others spread over the rest. Ids are time-ordered like the server's UUIDv7
-- (48-bit milliseconds first), so the benchmark organization's rows are
-- interleaved with everyone else's in id and heap order, as rows created over
-- time by many tenants are.
\set ON_ERROR_STOP on
INSERT INTO organizations (id, name, slug, version, created_at, updated_at)
SELECT gen_random_uuid(), 'Bench org ' || g, 'bench-org-' || g, 1, now(), now()
FROM generate_series(1, 99) g;

WITH others AS (SELECT array_agg(id ORDER BY slug) AS ids FROM organizations WHERE slug LIKE 'bench-org-%')
INSERT INTO contacts (id, organization_id, client_company_id, first_name, last_name, email, email_normalized,
                      phone, phone_normalized, title, merged_into_id, version, created_at, updated_at)
SELECT (lpad(to_hex(1764547200000 + g), 12, '0') || '7' || substr(md5(g::text), 1, 3) || '8'
        || substr(md5(g::text), 4, 15))::uuid,
       CASE WHEN g % 10 = 0 THEN :'org'::uuid ELSE others.ids[1 + g % 99] END,
       NULL, 'First' || g, 'Last' || g, 'c' || g || '@example.com', 'c' || g || '@example.com',
       '+3120' || lpad(g::text, 7, '0'), '+3120' || lpad(g::text, 7, '0'), 'Partner', NULL, 1,
       now() - make_interval(secs => 500000 - g), now() - make_interval(secs => 500000 - g)
FROM generate_series(1, 500000) g, others;

VACUUM ANALYZE contacts;
VACUUM ANALYZE organizations;
