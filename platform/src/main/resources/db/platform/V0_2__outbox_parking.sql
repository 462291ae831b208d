-- An event the broker refuses for good (too large, say) is parked: kept, visible and counted, while later events
-- flow on. The relay reads only rows neither sent nor parked.
alter table outbox_event add column parked_at timestamptz;
alter table outbox_event add column park_reason text;
drop index outbox_event_unsent;
create index outbox_event_unsent on outbox_event (seq) where sent_at is null and parked_at is null;
create index outbox_event_parked on outbox_event (seq) where parked_at is not null and sent_at is null;
