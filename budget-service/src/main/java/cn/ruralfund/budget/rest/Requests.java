package cn.ruralfund.budget.rest;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Request bodies. Money in yuan: positive, at most 13 integer digits and two decimals. */
public final class Requests {

    private Requests() {
    }

    /** {@code decisionReference}: the leading group's decision (会议纪要 number), needed to raise the budget above the registered one. */
    public record Amend(
            @NotNull @DecimalMin("0.00") @Digits(integer = 13, fraction = 2) BigDecimal committed,
            @NotBlank @Size(max = 500) String reason,
            @Size(max = 200) String decisionReference) {
    }

    public record SetAllocation(
            @NotNull @DecimalMin("0.00") @Digits(integer = 13, fraction = 2) BigDecimal allocation,
            @NotBlank @Size(max = 500) String reason) {
    }

    public record RequestDisbursement(
            @NotNull @Pattern(regexp = "PRE_DISBURSEMENT|ACCEPTANCE_PAYMENT") String kind,
            @NotNull @DecimalMin("0.01") @Digits(integer = 13, fraction = 2) BigDecimal amount,
            @Size(max = 500) String purpose) {
    }

    public record Approve(@Size(max = 1000) String comment) {
    }

    public record Pay(
            @NotNull LocalDate paidOn,
            @NotBlank @Size(max = 64) String voucherNumber,
            @Size(max = 200) String bankName,
            @NotBlank @Size(max = 64) String accountNumber) {
    }

    public record Receipt(
            @NotNull @DecimalMin("0.01") @Digits(integer = 13, fraction = 2) BigDecimal amount,
            @NotNull LocalDate receivedOn,
            @NotBlank @Size(max = 64) String voucherNumber) {
    }

    public record NewCategory(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,49}") String code,
            @NotBlank @Size(max = 200) String name) {
    }

    public record CategorySwitch(@NotNull Boolean enabled) {
    }

    public record NewExpenseLine(
            @NotBlank @Size(max = 50) String category,
            @NotBlank @Size(max = 500) String description,
            @NotNull @DecimalMin("0.01") @Digits(integer = 13, fraction = 2) BigDecimal amount) {
    }
}
