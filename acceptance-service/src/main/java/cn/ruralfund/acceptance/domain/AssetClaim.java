package cn.ruralfund.acceptance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/** An asset an application claims a subsidy for (R15): the same asset claimed by another project is a duplicate claim. */
@Entity
@Table(name = "asset_claim")
public class AssetClaim extends PanacheEntityBase {

    /** 设备序列号. */
    public static final String SERIAL_NUMBER = "SERIAL_NUMBER";
    /** 设施地址. */
    public static final String FACILITY_ADDRESS = "FACILITY_ADDRESS";

    @Id
    public UUID id;
    @Column(name = "application_id")
    public UUID applicationId;
    @Column(name = "project_id")
    public UUID projectId;
    public String kind;
    /** As the enterprise wrote it. */
    public String identifier;
    /** What is compared: {@link #normalize}. */
    public String normalized;
    public String description;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /** Full-width to half-width (NFKC), upper case, without spaces and punctuation: "sn-2021 0001" = "SN20210001". */
    public static String normalize(String identifier) {
        return Normalizer.normalize(identifier, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).replaceAll("[\\s\\p{P}\\p{S}]", "");
    }
}
