package cn.ruralfund.budget.rest;

import cn.ruralfund.budget.domain.Program;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

public record ProgramView(
        UUID id, String county, int year, String name, BigDecimal total, BigDecimal allocated, BigDecimal unallocated,
        YearMonth periodStart, YearMonth periodEnd, List<DirectionView> directions, List<PhaseView> phases, Rules rules) {

    /** The numbers the program's plan fixes (R7 cap in percent, R5 working days, R4 team size). */
    public record Rules(int preDisbursementCapPercent, int publicityWorkingDays, int acceptanceTeamMinimum) {
    }

    public record DirectionView(UUID id, String name, BigDecimal allocation) {
    }

    public record PhaseView(String code, String name, YearMonth start, YearMonth end) {
    }

    public static ProgramView of(Program p) {
        return new ProgramView(p.id, p.county, p.year, p.name, p.total, p.allocated(), p.total.subtract(p.allocated()),
                YearMonth.from(p.periodStart), YearMonth.from(p.periodEnd),
                p.directions.stream().map(d -> new DirectionView(d.id, d.name, d.allocation)).toList(),
                p.phases.stream().map(ph -> new PhaseView(ph.code, ph.name, YearMonth.from(ph.startMonth), YearMonth.from(ph.endMonth))).toList(),
                new Rules(p.preDisbursementCapPercent, p.publicityWorkingDays, p.acceptanceTeamMinimum));
    }
}
