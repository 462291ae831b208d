-- Open contracting data (OCDS 1.1): each release as published, never changed (an OCDS release is immutable, like R6).
create table ocds_release (
    seq         bigint generated always as identity primary key,
    release_id  text        not null unique,
    ocid        text        not null,
    date        timestamptz not null,
    tag         text        not null,
    json        text        not null
);
create index ocds_release_ocid on ocds_release (ocid, seq);
create trigger ocds_release_immutable before update or delete on ocds_release
    for each row execute function refuse_change_of_published_record();
