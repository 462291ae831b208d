-- The local layer of the working-day calendar (R5): prefecture days off and make-up working days
-- (e.g. Xishuangbanna's Water-Splashing Festival 泼水节), entered by the office as data.
create table local_calendar_day (
    day        date primary key,
    off_day    boolean     not null,
    name       text        not null,
    entered_by text        not null,
    entered_at timestamptz not null
);
