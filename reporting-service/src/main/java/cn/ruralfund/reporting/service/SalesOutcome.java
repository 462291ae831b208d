package cn.ruralfund.reporting.service;

import java.util.UUID;

/** What one record did: CREATED a new record, CORRECTED one (a new version), or was UNCHANGED (an exact duplicate). */
public record SalesOutcome(Kind outcome, UUID recordId, int version) {

    public enum Kind { CREATED, CORRECTED, UNCHANGED }
}
