-- R7, 请款报告: the payment request report is a document. Each generation is kept as a new version, as HTML and PDF
-- with their SHA-256; the leading group approves an acceptance payment only once a report exists.
create table payment_request_report (
    id              uuid primary key,
    disbursement_id uuid        not null references disbursement (id),
    version         int         not null check (version >= 1),
    html            text        not null,
    pdf             bytea       not null,
    html_sha256     text        not null,
    pdf_sha256      text        not null,
    generated_at    timestamptz not null,
    generated_by    text        not null,
    unique (disbursement_id, version)
);

-- R2, pay by progress: the latest progress the enterprise reported (from project-service), and on each
-- pre-disbursement request the progress it was made at, flagged when the money would run ahead of the work.
alter table project_budget add column progress_percent numeric(5, 2);
alter table project_budget add column progress_reported_on date;
alter table disbursement add column progress_percent numeric(5, 2);
alter table disbursement add column progress_reported_on date;
alter table disbursement add column ahead_of_progress boolean not null default false;
