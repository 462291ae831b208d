package cn.ruralfund.reporting.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** Request bodies of reporting-service. */
public final class Requests {

    private Requests() {
    }

    public record NewBrand(@NotNull UUID programId, @NotBlank @Size(max = 100) String name,
                           @NotBlank @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}", message = "must be an 18-character unified social credit code") String enterpriseCreditCode,
                           boolean regionalPublicBrand) {
    }

    public record BrandFlags(@NotNull Boolean regionalPublicBrand) {
    }

    public record NewProduct(@NotBlank @Size(max = 100) String name, boolean internetFamous, List<String> certifications) {
    }

    public record ProductFlags(@NotNull Boolean internetFamous, List<String> certifications) {
    }

    public record NewObligation(@NotBlank @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}", message = "must be an 18-character unified social credit code") String enterpriseCreditCode,
                                String township, @NotBlank String firstPeriod, @NotBlank String lastPeriod,
                                @Min(1) @Max(28) int dueDay) {
    }

    /** One thing done for an EVIDENCED_ENTRIES indicator: what, when (yyyy-MM-dd), and the file or link that proves it. */
    public record NewEntry(@NotBlank @Size(max = 500) String item, @NotBlank String occurredOn, @NotBlank @Size(max = 2000) String evidence) {
    }

    public record Withdrawal(@NotBlank @Size(max = 500) String reason) {
    }
}
