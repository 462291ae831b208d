-- R15: assets claimed by an application (equipment serial number, facility address); the same asset claimed by
-- another project is flagged like a repeated invoice. normalized = NFKC, upper case, without spaces and punctuation.
create table asset_claim (
    id             uuid primary key,
    application_id uuid not null references application (id),
    project_id     uuid not null,
    kind           text not null,
    identifier     text not null,
    normalized     text not null,
    description    text,
    recorded_by    text not null,
    recorded_at    timestamptz not null
);
create index asset_claim_normalized on asset_claim (kind, normalized);
create index asset_claim_application on asset_claim (application_id);
