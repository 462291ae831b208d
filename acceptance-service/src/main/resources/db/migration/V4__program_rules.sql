-- R4: the smallest acceptance team is the program's rule (budget-service's program-rules-set); null until it is
-- heard, when acceptance.team.min-members applies.
alter table program add column acceptance_team_minimum int;
