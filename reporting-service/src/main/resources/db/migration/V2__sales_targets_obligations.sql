-- Online sales (网销额), the brand/product register, aggregates kept as data arrives, the performance target
-- table (绩效目标表), data-reporting obligations (R16) and read models of fund execution (T10).

-- The program period (F3), for the evaluation's status by date.
alter table program_summary add column period_start date, add column period_end date;

-- E-commerce platforms a record may name: a list kept as data.
create table sales_platform (
    code text primary key,
    name text not null,
    sort int  not null
);
insert into sales_platform (code, name, sort) values
    ('TAOBAO', '淘宝', 1), ('TMALL', '天猫', 2), ('JD', '京东', 3), ('PINDUODUO', '拼多多', 4),
    ('DOUYIN', '抖音', 5), ('KUAISHOU', '快手', 6), ('WECHAT', '微信小店', 7), ('OTHER', '其他平台', 99);

-- The register: brands (T1 regional public brand; owning enterprise) and their products (T2 internet-famous; T6 三品一标).
create table brand (
    id                    uuid primary key,
    program_id            uuid        not null,
    name                  text        not null unique,
    enterprise_code       text        not null,
    regional_public_brand boolean     not null,
    created_at            timestamptz not null
);
create table product (
    id              uuid primary key,
    brand_id        uuid    not null references brand (id),
    name            text    not null,
    internet_famous boolean not null,
    certifications  text    not null, -- comma-separated codes of 三品一标
    unique (brand_id, name)
);

-- The current version of each record; its key is (period, product, platform, township).
create table sales_record (
    id              uuid primary key,
    period          date           not null, -- first day of the month
    product_id      uuid           not null references product (id),
    brand_id        uuid           not null,
    program_id      uuid           not null,
    enterprise_code text           not null,
    platform        text           not null references sales_platform (code),
    township        text           not null,
    amount          numeric(15, 2) not null check (amount >= 0),
    orders          int            not null check (orders >= 0),
    units           int            not null check (units >= 0),
    poor_household  boolean        not null,
    version         int            not null,
    source          text           not null,
    reported_by     text           not null,
    reported_at     timestamptz    not null,
    unique (period, product_id, platform, township)
);
create index sales_record_enterprise on sales_record (enterprise_code, period);
create index sales_record_township on sales_record (township, period);

-- Every version of every record, the current one included: a correction never loses what was reported before.
create table sales_record_version (
    record_id      uuid           not null references sales_record (id),
    version        int            not null,
    amount         numeric(15, 2) not null,
    orders         int            not null,
    units          int            not null,
    poor_household boolean        not null,
    source         text           not null,
    reported_by    text           not null,
    reported_at    timestamptz    not null,
    primary key (record_id, version)
);

-- Aggregates, changed by the difference each new or corrected record makes (amount = amount + delta in one statement).
create table brand_month_sales (
    brand_id uuid           not null,
    period   date           not null,
    amount   numeric(17, 2) not null,
    orders   bigint         not null,
    units    bigint         not null,
    primary key (brand_id, period)
);
create table brand_year_sales (
    brand_id   uuid           not null,
    program_id uuid           not null,
    year       int            not null,
    amount     numeric(17, 2) not null,
    primary key (brand_id, year)
);
create index brand_year_sales_threshold on brand_year_sales (program_id, year, amount);
-- The finest statistical cell; per enterprise so that a published cell can tell how many enterprises built it (R19).
create table sales_cell (
    program_id      uuid           not null,
    period          date           not null,
    township        text           not null,
    platform        text           not null,
    enterprise_code text           not null,
    amount          numeric(17, 2) not null,
    orders          bigint         not null,
    units           bigint         not null,
    poor_amount     numeric(17, 2) not null,
    primary key (program_id, period, township, platform, enterprise_code)
);

-- Money paid and recovered per project, from budget-service's events (T10).
create table project_fund (
    project_id      uuid primary key,
    program_id      uuid,
    enterprise_code text,
    paid            numeric(15, 2) not null default 0,
    recovered       numeric(15, 2) not null default 0,
    acceptance      text -- PASS or FAIL once concluded (acceptance-service)
);
create index project_fund_program on project_fund (program_id);

-- The performance target table (绩效目标表): one row per indicator.
create table target_indicator (
    id                    uuid primary key,
    program_id            uuid           not null,
    code                  text           not null,
    level1                text           not null,
    level2                text           not null,
    name                  text           not null,
    unit                  text           not null,
    comparison            text           not null,
    target_value          numeric(17, 4) not null,
    points                numeric(5, 2)  not null,
    source                text           not null,
    threshold             numeric(15, 2),
    manual_value          numeric(17, 4),
    evidence              text,
    deviation_explanation text,
    sort                  int            not null,
    unique (program_id, code)
);

-- R16: who owes a monthly sales report; the report of month M is due on day due_day of month M+1.
create table reporting_obligation (
    id              uuid primary key,
    enterprise_code text        not null,
    township        text,
    first_period    date        not null,
    last_period     date        not null,
    due_day         int         not null check (due_day between 1 and 28),
    created_at      timestamptz not null
);
create table report_overdue (
    obligation_id uuid        not null references reporting_obligation (id),
    period        date        not null,
    due_on        date        not null,
    published_at  timestamptz not null,
    primary key (obligation_id, period)
);
