-- R15: the office's confirmation that a flagged claim (invoice or asset) duplicates another project's claim;
-- published as duplicate-claim-confirmed, which project-service turns into an R15 violation. One per claim.
create table duplicate_claim_confirmation (
    id                     uuid primary key,
    application_id         uuid not null references application (id),
    project_id             uuid not null,
    claim_kind             text not null,
    claim_id               uuid not null unique,
    identifier             text not null,
    other_application_id   uuid not null references application (id),
    other_project_id       uuid not null,
    other_claim_id         uuid not null,
    amount                 numeric(14, 2) not null,
    decision_reference     text not null,
    reason                 text not null,
    confirmed_by           text not null,
    confirmed_at           timestamptz not null
);
create index duplicate_claim_confirmation_other on duplicate_claim_confirmation (other_claim_id);
-- one confirmation per pair, whichever side it was confirmed from
create unique index duplicate_claim_confirmation_pair on duplicate_claim_confirmation
    (least(claim_id, other_claim_id), greatest(claim_id, other_claim_id));
