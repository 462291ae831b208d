package cn.ruralfund.platform.audit;

import cn.ruralfund.platform.time.PlatformClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Writes the audit trail in the caller's current transaction, so a change and its record commit
 * together. The actor is a person's principal name, or {@code event:<source>} for a change made by
 * a consumed event.
 */
@ApplicationScoped
public class AuditTrail {

    private final PlatformClock clock;
    private final ObjectMapper mapper;

    AuditTrail(PlatformClock clock, ObjectMapper mapper) {
        this.clock = clock;
        this.mapper = mapper;
    }

    public Uni<Void> record(String actor, String action, String aggregateType, Object aggregateId, String reason, Object detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.now();
        entry.actor = actor;
        entry.action = action;
        entry.aggregateType = aggregateType;
        entry.aggregateId = aggregateId.toString();
        entry.reason = reason;
        try {
            entry.detail = detail == null ? null : mapper.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return entry.persist().replaceWithVoid();
    }

    public Uni<List<AuditEntry>> history(String aggregateType, Object aggregateId) {
        return AuditEntry.<AuditEntry>find("aggregateType = ?1 and aggregateId = ?2 order by id", aggregateType, aggregateId.toString()).list();
    }
}
