package cn.ruralfund.publicity.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One OCDS 1.1 release as published (JSON), immutable. */
@Entity
@Table(name = "ocds_release")
public class OcdsRelease extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "release_id")
    public String releaseId;
    public String ocid;
    public OffsetDateTime date;
    public String tag;
    public String json;
}
