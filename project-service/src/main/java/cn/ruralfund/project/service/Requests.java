package cn.ruralfund.project.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The request bodies of project-service. Money in yuan and percentages, at most two decimals. */
public final class Requests {

    private Requests() {
    }

    /** An undertaking enterprise (承办企业) and its dedicated fund account (专用资金账户, F5). */
    public record RegisterEnterprise(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 40) String creditCode,
            @NotBlank @Size(max = 100) String legalRepresentative,
            @NotBlank @Size(max = 200) String contact,
            @NotNull @Valid FundAccount fundAccount) {
    }

    public record FundAccount(
            @NotBlank @Size(max = 200) String bank,
            @NotBlank @Size(max = 200) String accountName,
            @NotBlank @Size(max = 40) String accountNumber) {
    }

    /** A task of a program direction; the 先建后补 mode (R20) and the responsible units (责任单位) are data. */
    public record CreateTask(
            @NotNull UUID programId,
            @NotNull UUID directionId,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 60) String category,
            @NotNull Boolean buildFirstSubsidiseAfter,
            @NotNull @Size(max = 20) List<@NotBlank @Size(max = 100) String> responsibleUnits) {
    }

    public record OpenTender(
            @NotNull UUID taskId,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 60) String reference) {
    }

    /** A bid; the office names the enterprise, an enterprise bids for itself (enterpriseId is then ignored). */
    public record SubmitBid(
            UUID enterpriseId,
            @NotNull @DecimalMin("0.01") @Digits(integer = 13, fraction = 2) BigDecimal amount) {
    }

    public record AwardTender(
            @NotNull UUID bidId,
            @NotNull LocalDate awardDate,
            @NotBlank @Size(max = 60) String awardReference) {
    }

    /** A demonstration project (示范项目) for a tender award. */
    public record RegisterProject(
            @NotNull UUID tenderId,
            @NotBlank @Size(max = 200) String name,
            @NotNull @DecimalMin("0.01") @Digits(integer = 13, fraction = 2) BigDecimal budget,
            @NotBlank @Size(max = 100) String township,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @NotBlank @Size(max = 30) String phase,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> responsibleUnits,
            @Size(max = 100) List<@Valid @NotNull ExpenseLine> expenseLines) {
    }

    public record ExpenseLine(
            @NotBlank @Size(max = 60) String category,
            @NotBlank @Size(max = 200) String description,
            @NotNull @DecimalMin("0.01") @Digits(integer = 13, fraction = 2) BigDecimal amount) {
    }

    /** The enterprise's progress plan (进度计划表): milestone weights add up to 100. */
    public record SubmitPlan(@NotEmpty @Size(max = 50) List<@Valid @NotNull MilestonePlan> milestones) {
    }

    public record MilestonePlan(
            @NotBlank @Size(max = 200) String name,
            @NotNull LocalDate plannedDate,
            @NotNull @DecimalMin("0.01") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal weight) {
    }

    public record ReportProgress(
            @NotNull LocalDate reportedOn,
            @NotNull @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal percentDone,
            @NotBlank @Size(max = 2000) String evidence,
            @Size(max = 2000) String note) {
    }

    /** A notice with a deadline: kind PROGRESS_DELAY (R12), INSPECTION or ACCIDENT (R13), PERFORMANCE (R14), DATA_REPORTING (R16). */
    /**
     * R14: MET; PARTIALLY_MET with the new acceptance date; NOT_MET with the rectification notice's reason and deadline.
     */
    public record EvaluatePerformance(
            @NotBlank String outcome,
            @NotBlank @Size(max = 4000) String evidence,
            LocalDate acceptancePostponedTo,
            @Size(max = 2000) String noticeReason,
            LocalDate noticeDeadline) {
    }

    /** {@code serious} is required for INSPECTION and ACCIDENT (R13) and refused for the other kinds. */
    public record IssueNotice(
            @NotBlank String kind,
            @NotBlank @Size(max = 2000) String reason,
            @NotNull LocalDate deadline,
            UUID deviationId,
            Boolean serious) {
    }

    /** The enterprise's causes of the problem and its remedial measures (R12). */
    public record RespondToNotice(
            @NotBlank @Size(max = 4000) String causes,
            @NotBlank @Size(max = 4000) String measures) {
    }

    public record CloseNotice(@Size(max = 2000) String remark) {
    }

    /** R11 (FRAUD, WITHHOLDING, DIVERSION, MISAPPROPRIATION) or R15 (FALSE_CLAIM, DUPLICATE_CLAIM). */
    public record ConfirmViolation(
            @NotBlank String kind,
            @NotBlank @Size(max = 4000) String description,
            @DecimalMin("0.01") @Digits(integer = 13, fraction = 2) BigDecimal amount) {
    }
}
