-- The county (辖区) of each program, from program-created: an official of one county sees that county's projects and
-- applications only. Programs heard before this version have none: only provincial officials ("*") see them.
alter table program add column county text;
