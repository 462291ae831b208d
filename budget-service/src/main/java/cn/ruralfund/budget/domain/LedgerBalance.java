package cn.ruralfund.budget.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * The maintained sums of the ledger by kind, for one program, direction, project or enterprise (table ledger_balance,
 * kept by a trigger on every ledger entry; never written by the application). Mapped so that balances are read with
 * HQL: a dynamic native query misses Hibernate's query-interpretation cache (see the README's performance notes).
 */
@Entity
@Immutable
@Table(name = "ledger_balance")
public class LedgerBalance {

    @EmbeddedId
    public Key id;
    @Column(name = "program_id")
    public UUID programId;
    @Column(name = "allot_sum")
    public BigDecimal allotSum;
    @Column(name = "commit_sum")
    public BigDecimal commitSum;
    @Column(name = "release_sum")
    public BigDecimal releaseSum;
    @Column(name = "pre_disburse_sum")
    public BigDecimal preDisburseSum;
    @Column(name = "pay_sum")
    public BigDecimal paySum;
    @Column(name = "recover_sum")
    public BigDecimal recoverSum;

    /** PROGRAM, DIRECTION, PROJECT or ENTERPRISE, and the id (or credit code) it sums. */
    @Embeddable
    public static class Key implements Serializable {
        public String scope;
        @Column(name = "scope_key")
        public String scopeKey;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(scope, k.scope) && Objects.equals(scopeKey, k.scopeKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, scopeKey);
        }
    }
}
