package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.util.List;

/** Every event type published by the platform: the public contract other bureaus subscribe to. */
public final class EventCatalog {

    public static final List<EventType<?>> ALL = List.of(
            ProgramCreatedV1.TYPE,
            ProgramRulesSetV1.TYPE,
            AllocationSetV1.TYPE,
            BudgetCommittedV1.TYPE,
            BudgetRefusedV1.TYPE,
            DisbursementRequestedV1.TYPE,
            DisbursementApprovedV1.TYPE,
            DisbursementPaidV1.TYPE,
            RecoveryOrderedV1.TYPE,
            RecoveryCompletedV1.TYPE,
            ProjectRegisteredV1.TYPE,
            EnterpriseDisqualifiedV1.TYPE,
            EnterpriseDisqualifiedV2.TYPE,
            ViolationConfirmedV1.TYPE,
            TenderAwardedV1.TYPE,
            ProgressReportedV1.TYPE,
            DeviationDetectedV1.TYPE,
            RectificationIssuedV1.TYPE,
            RectificationClosedV1.TYPE,
            PerformanceEvaluatedV1.TYPE,
            ReportOverdueV1.TYPE,
            SalesRecordedV1.TYPE,
            ApplicationSubmittedV1.TYPE,
            ReviewRecordedV1.TYPE,
            AcceptanceConcludedV1.TYPE,
            AuditCompletedV1.TYPE,
            DuplicateClaimConfirmedV1.TYPE,
            PublicityClosedV1.TYPE,
            PublicityClosingSoonV1.TYPE);

    private EventCatalog() {
    }
}
