package cn.ruralfund.project.rest;

import cn.ruralfund.project.domain.Bid;
import cn.ruralfund.project.domain.Deviation;
import cn.ruralfund.project.domain.DirectionRef;
import cn.ruralfund.project.domain.Enterprise;
import cn.ruralfund.project.domain.Lines;
import cn.ruralfund.project.domain.Milestone;
import cn.ruralfund.project.domain.Notice;
import cn.ruralfund.project.domain.ProgramRef;
import cn.ruralfund.project.domain.ProgressReport;
import cn.ruralfund.project.domain.Project;
import cn.ruralfund.project.domain.Task;
import cn.ruralfund.project.domain.Tender;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What project-service answers. */
public final class Views {

    private Views() {
    }

    public record EnterpriseView(UUID id, String creditCode, String name, String legalRepresentative, String contact,
                                 FundAccountView fundAccount, String status, String statusReason) {
        public static EnterpriseView of(Enterprise e) {
            return new EnterpriseView(e.id, e.creditCode, e.name, e.legalRepresentative, e.contact,
                    new FundAccountView(e.fundBank, e.fundAccountName, e.fundAccountNumber), e.status.name(), e.statusReason);
        }
    }

    public record FundAccountView(String bank, String accountName, String accountNumber) {
    }

    public record DirectionView(UUID programId, String program, String county, int year, LocalDate periodStart, LocalDate periodEnd,
                                List<String> phases, UUID directionId, String direction, BigDecimal allocation) {
        public static DirectionView of(ProgramRef p, DirectionRef d) {
            return new DirectionView(p.id, p.name, p.county, p.year, p.periodStart, p.periodEnd, p.phases(), d.id, d.name, d.allocation);
        }
    }

    public record TaskView(UUID id, UUID programId, UUID directionId, String name, String category,
                           boolean buildFirstSubsidiseAfter, List<String> responsibleUnits) {
        public static TaskView of(Task t) {
            return new TaskView(t.id, t.programId, t.directionId, t.name, t.category, t.buildFirstSubsidiseAfter, t.units());
        }
    }

    public record BidView(UUID id, UUID enterpriseId, BigDecimal amount, OffsetDateTime submittedAt) {
        public static BidView of(Bid b) {
            return new BidView(b.id, b.enterpriseId, b.amount, b.submittedAt);
        }
    }

    public record AwardView(UUID bidId, UUID enterpriseId, BigDecimal amount, LocalDate awardDate, String awardReference) {
    }

    public record TenderView(UUID id, UUID taskId, String title, String reference, String status, List<BidView> bids, AwardView award) {
        public static TenderView of(Tender t, List<Bid> bids) {
            AwardView award = t.status == Tender.Status.AWARDED
                    ? new AwardView(t.awardedBidId, t.awardedEnterprise, t.awardAmount, t.awardDate, t.awardReference) : null;
            return new TenderView(t.id, t.taskId, t.title, t.reference, t.status.name(), bids.stream().map(BidView::of).toList(), award);
        }
    }

    public record ProjectView(UUID id, String name, UUID programId, UUID directionId, UUID taskId, String task,
                              boolean buildFirstSubsidiseAfter, UUID tenderId, UUID enterpriseId, String enterpriseCreditCode,
                              BigDecimal budget, String township, List<String> responsibleUnits, LocalDate startDate,
                              LocalDate endDate, String phase, String status, String statusReason, String planStatus,
                              String acceptance, String acceptanceReason, LocalDate publicityClosedOn, Boolean objectionUpheld,
                              UUID duplicateConstructionOf) {
        public static ProjectView of(Project p, Task t) {
            return new ProjectView(p.id, p.name, p.programId, p.directionId, p.taskId, t == null ? null : t.name,
                    t != null && t.buildFirstSubsidiseAfter, p.tenderId, p.enterpriseId, p.enterpriseCode, p.budget, p.township,
                    Lines.split(p.responsibleUnits), p.startDate, p.endDate, p.phase, p.status.name(), p.statusReason,
                    p.planStatus.name(), p.acceptance, p.acceptanceReason, p.publicityClosedOn, p.objectionUpheld, p.duplicateOf);
        }
    }

    public record MilestoneView(int position, String name, LocalDate plannedDate, BigDecimal weight) {
        public static MilestoneView of(Milestone m) {
            return new MilestoneView(m.position, m.name, m.plannedDate, m.weight);
        }
    }

    public record PlanView(UUID projectId, String status, OffsetDateTime submittedAt, OffsetDateTime approvedAt, String approvedBy,
                           List<MilestoneView> milestones) {
        public static PlanView of(Project p, List<Milestone> milestones) {
            return new PlanView(p.id, p.planStatus.name(), p.planSubmittedAt, p.planApprovedAt, p.planApprovedBy,
                    milestones.stream().map(MilestoneView::of).toList());
        }
    }

    public record ProgressReportView(UUID id, UUID projectId, LocalDate reportedOn, BigDecimal percentDone, String evidence,
                                     String note, String reportedBy) {
        public static ProgressReportView of(ProgressReport r) {
            return new ProgressReportView(r.id, r.projectId, r.reportedOn, r.percentDone, r.evidence, r.note, r.reportedBy);
        }
    }

    public record DeviationView(UUID id, UUID projectId, LocalDate detectedOn, BigDecimal plannedPercent, BigDecimal actualPercent,
                                BigDecimal gap, boolean serious, String status, LocalDate lastCheckedOn, LocalDate resolvedOn,
                                String causes, String measures, OffsetDateTime explainedAt) {
        public static DeviationView of(Deviation d) {
            return new DeviationView(d.id, d.projectId, d.detectedOn, d.plannedPercent, d.actualPercent, d.gap, d.serious,
                    d.status.name(), d.lastCheckedOn, d.resolvedOn, d.causes, d.measures, d.explainedAt);
        }
    }

    public record NoticeView(UUID id, UUID enterpriseId, UUID projectId, UUID deviationId, String kind, String rule, String reason,
                             LocalDate deadline, String status, OffsetDateTime issuedAt, String issuedBy, String causes,
                             String measures, OffsetDateTime respondedAt, OffsetDateTime closedAt, String closedBy, String remark,
                             Boolean serious, boolean disqualifiesWhenExpired) {
        public static NoticeView of(Notice n) {
            return new NoticeView(n.id, n.enterpriseId, n.projectId, n.deviationId, n.kind.name(), n.kind.rule, n.reason,
                    n.deadline, n.status.name(), n.issuedAt, n.issuedBy, n.causes, n.measures, n.respondedAt, n.closedAt,
                    n.closedBy, n.remark, n.serious, n.disqualifiesWhenExpired());
        }
    }
}
