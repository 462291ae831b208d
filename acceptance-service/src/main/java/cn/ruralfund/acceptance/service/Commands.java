package cn.ruralfund.acceptance.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What callers ask of the service (request bodies), validated before anything changes. */
public final class Commands {

    private Commands() {
    }

    public record Apply(@NotNull UUID projectId, @Size(max = 4000) String statement) {
    }

    public record ChecklistEntry(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "is an upper-case code, e.g. CONTRACT") String kind,
                                 @NotBlank @Size(max = 200) String label) {
    }

    public record SetChecklist(@NotEmpty @Size(max = 50) List<@Valid @NotNull ChecklistEntry> items) {
    }

    /** 发票: 发票代码 (10 or 12 digits) + 发票号码 (8 digits; 20 for a fully digital invoice with no code). */
    public record RecordInvoice(@NotBlank @Pattern(regexp = "\\d{10}|\\d{12}", message = "发票代码 is 10 or 12 digits") String code,
                                @NotBlank @Pattern(regexp = "\\d{8}|\\d{20}", message = "发票号码 is 8 or 20 digits") String number,
                                @NotNull LocalDate issuedOn,
                                @NotBlank @Size(max = 200) String seller,
                                @NotNull @DecimalMin(value = "0.01") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2) BigDecimal amount) {
    }

    /**
     * R15: the office confirms that a flagged claim of the application ({@code claimId}: an invoice or an asset)
     * duplicates the claim of {@code otherApplicationId}. {@code amount} is what was claimed twice, to recover: an
     * invoice's amount unless given; required for an asset.
     */
    public record ConfirmDuplicateClaim(@NotNull UUID claimId, @NotNull UUID otherApplicationId,
                                        @NotBlank @Size(max = 200) String decisionReference,
                                        @DecimalMin(value = "0.01") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2) BigDecimal amount,
                                        @NotBlank @Size(max = 4000) String reason) {
    }

    /** An asset claimed (R15): an equipment serial number (设备序列号) or a facility address (设施地址). */
    public record ClaimAsset(@NotNull @Pattern(regexp = "SERIAL_NUMBER|FACILITY_ADDRESS", message = "is SERIAL_NUMBER or FACILITY_ADDRESS") String kind,
                             @NotBlank @Size(max = 300) String identifier, @Size(max = 1000) String description) {
    }

    public record InitialReviewDecision(@NotNull Boolean complete, @Size(max = 50) List<@NotBlank String> missing, @Size(max = 4000) String note) {
    }

    public record AssignTeam(@NotNull @Size(max = 20) List<@NotBlank String> members) {
    }

    public record DeclareConflict(@NotBlank @Size(min = 18, max = 18) String enterpriseCreditCode, @NotBlank @Size(max = 2000) String reason) {
    }

    public record Finding(@NotBlank @Size(max = 200) String item, @NotBlank @Size(max = 4000) String finding) {
    }

    public record RecordOnSiteReview(@NotNull Boolean matchesMaterials, @NotEmpty @Size(max = 100) List<@Valid @NotNull Finding> findings) {
    }

    public record RecordJointReview(@NotNull Boolean agrees, @NotBlank @Size(max = 4000) String opinion) {
    }

    public record Conclude(@NotNull @Pattern(regexp = "PASS|FAIL", message = "is PASS or FAIL") String conclusion,
                           @NotBlank @Size(max = 4000) String reasons) {
    }

    public record RecordAudit(@NotBlank @Size(max = 200) String auditFirm, @NotBlank @Size(max = 100) String reportNumber,
                              @NotNull @DecimalMin("0.00") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2) BigDecimal auditedEligibleAmount) {
    }

    public record Postpone(@NotNull LocalDate newDeadline, @NotBlank @Size(max = 2000) String reason) {
    }
}
