package cn.ruralfund.reporting.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A product of a brand, with its flags: internet-famous (网红农村产品, T2) and certifications (三品一标, T6). */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "brand_id")
    public UUID brandId;
    public String name;
    @Column(name = "internet_famous")
    public boolean internetFamous;
    /** Comma-separated {@link Certification} codes. */
    public String certifications;

    public List<Certification> certificationList() {
        return certifications == null || certifications.isBlank() ? List.of()
                : Arrays.stream(certifications.split(",")).map(Certification::valueOf).toList();
    }
}
