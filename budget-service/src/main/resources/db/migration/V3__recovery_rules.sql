-- A recovery carries the rule of the disqualification unchanged: a project that missed its R12, R13 or R14
-- deadline is not labelled a fraud (R11).
alter table recovery_order drop constraint recovery_order_rule_check;
alter table recovery_order add constraint recovery_order_rule_check check (rule in ('R8', 'R11', 'R12', 'R13', 'R14', 'R15'));
