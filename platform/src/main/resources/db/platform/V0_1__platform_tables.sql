-- Tables every service has: the outbox, the consumer's record of applied events, the audit trail.
-- Versions 0.x are the platform's; a service's own migrations start at V1.

create table outbox_event (
    seq        bigint generated always as identity primary key,
    event_id   uuid        not null unique,
    topic      text        not null,
    event_key  text        not null,
    type       text        not null,
    payload    text        not null,
    created_at timestamptz not null,
    sent_at    timestamptz
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    event_type   text        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);

create table audit_entry (
    id             bigint generated always as identity primary key,
    at             timestamptz not null,
    actor          text        not null,
    action         text        not null,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    reason         text,
    detail         text
);
create index audit_entry_aggregate on audit_entry (aggregate_type, aggregate_id, id);
