-- R12: a deviation calls for its causes and remedial measures, given by the enterprise.
alter table deviation add column causes       text;
alter table deviation add column measures     text;
alter table deviation add column explained_at timestamptz;
alter table deviation add column explained_by text;
