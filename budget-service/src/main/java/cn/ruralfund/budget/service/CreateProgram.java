package cn.ruralfund.budget.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** The request that sets up a program with its allocation table (附件4) and phases. Money in yuan, at most two decimals. */
public record CreateProgram(
        @NotBlank @Size(max = 100) String county,
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotBlank @Size(max = 200) String name,
        @NotNull @DecimalMin(value = "0.01") @Digits(integer = 13, fraction = 2) BigDecimal total,
        @NotNull YearMonth periodStart,
        @NotNull YearMonth periodEnd,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull DirectionAllocation> directions,
        @NotNull @Size(max = 20) List<@Valid @NotNull PhasePlan> phases,
        @Valid Rules rules) {

    /** The numbers the program's plan fixes; an absent one takes the national default (50%, 5 working days, 3 members). */
    public record Rules(
            @Min(0) @Max(100) Integer preDisbursementCapPercent,
            @Min(5) @Max(60) Integer publicityWorkingDays,
            @Min(3) @Max(50) Integer acceptanceTeamMinimum) {
    }

    public record DirectionAllocation(
            @NotBlank @Size(max = 200) String name,
            @NotNull @DecimalMin(value = "0.00") @Digits(integer = 13, fraction = 2) BigDecimal allocation) {
    }

    public record PhasePlan(
            @NotBlank @Pattern(regexp = "[A-Z_]{1,30}") String code,
            @NotBlank @Size(max = 100) String name,
            @NotNull YearMonth start,
            @NotNull YearMonth end) {
    }
}
