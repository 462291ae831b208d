package cn.ruralfund.budget.rest;

import cn.ruralfund.budget.domain.BudgetRevision;
import cn.ruralfund.budget.domain.LedgerEntry;
import cn.ruralfund.budget.domain.ProjectFunds;
import cn.ruralfund.budget.service.BalanceService;
import cn.ruralfund.budget.service.BudgetService;
import cn.ruralfund.budget.service.DisbursementService;
import cn.ruralfund.budget.service.ExpenseService;
import cn.ruralfund.budget.service.RecoveryService;
import cn.ruralfund.budget.domain.ExpenseLine;
import cn.ruralfund.platform.audit.AuditEntry;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** A project's money: its budget and amendments, expense lines, disbursements, recoveries, ledger and archive. */
@Consumes(MediaType.APPLICATION_JSON)
@Path("/projects")
public class ProjectBudgetResource {

    static final String[] READERS = {Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE};

    private final BudgetService budgets;
    private final ExpenseService expenses;
    private final DisbursementService disbursements;
    private final RecoveryService recoveries;
    private final BalanceService balances;
    private final AuditTrail audit;
    private final Caller caller;

    ProjectBudgetResource(BudgetService budgets, ExpenseService expenses, DisbursementService disbursements, RecoveryService recoveries,
                          BalanceService balances, AuditTrail audit, Caller caller) {
        this.budgets = budgets;
        this.expenses = expenses;
        this.disbursements = disbursements;
        this.recoveries = recoveries;
        this.balances = balances;
        this.audit = audit;
        this.caller = caller;
    }

    /** Project budgets of a program, or of an enterprise; an enterprise sees its own only. */
    @GET
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<Views.ProjectBudgetView>> list(@QueryParam("programId") UUID programId, @QueryParam("enterprise") String enterprise) {
        String only = caller.is(Roles.ENTERPRISE) ? caller.enterprise().orElse("-") : enterprise;
        return budgets.list(programId, only).map(l -> l.stream().map(Views.ProjectBudgetView::of).toList());
    }

    @GET
    @Path("{projectId}/budget")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<Views.ProjectBudgetView> budget(@PathParam("projectId") UUID projectId) {
        return budgets.find(projectId).map(Views.ProjectBudgetView::of);
    }

    /**
     * An amendment (增减) of the committed budget, with its reason. Above the budget registered for the award (F5) only
     * the leading group may raise it, citing its decision.
     */
    @POST
    @Path("{projectId}/budget/amendments")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.LEADING_GROUP})
    public Uni<Views.ProjectBudgetView> amend(@PathParam("projectId") UUID projectId, @Valid @NotNull Requests.Amend request) {
        String decision = caller.is(Roles.LEADING_GROUP) && request.decisionReference() != null ? request.decisionReference().strip() : null;
        return budgets.amend(projectId, request.committed(), request.reason().strip(), decision, caller.name()).map(Views.ProjectBudgetView::of);
    }

    /** Every commitment and amendment of the budget, revision 1 first. */
    @GET
    @Path("{projectId}/budget/revisions")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<BudgetRevision>> revisions(@PathParam("projectId") UUID projectId) {
        return budgets.revisions(projectId);
    }

    @GET
    @Path("{projectId}/balances")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<Views.BalancesView> balances(@PathParam("projectId") UUID projectId) {
        return balances.project(projectId).map(Views.BalancesView::of);
    }

    @GET
    @Path("{projectId}/ledger")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<LedgerEntry>> ledger(@PathParam("projectId") UUID projectId) {
        return balances.projectEntries(projectId);
    }

    @GET
    @Path("{projectId}/expense-lines")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<ExpenseLine>> lines(@PathParam("projectId") UUID projectId) {
        return expenses.lines(projectId);
    }

    @POST
    @Path("{projectId}/expense-lines")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<RestResponse<ExpenseLine>> addLine(@PathParam("projectId") UUID projectId, @Valid @NotNull Requests.NewExpenseLine request) {
        return expenses.addLine(projectId, request.category(), request.description(), request.amount(), caller.name())
                .map(l -> RestResponse.status(RestResponse.Status.CREATED, l));
    }

    /** A disbursement request (请款); send an {@code Idempotency-Key} header: the same key twice gives the same request. */
    @POST
    @Path("{projectId}/disbursements")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<RestResponse<Views.DisbursementView>> request(@PathParam("projectId") UUID projectId,
                                                             @HeaderParam("Idempotency-Key") String key,
                                                             @Valid @NotNull Requests.RequestDisbursement request) {
        return disbursements.request(projectId, ProjectFunds.Kind.valueOf(request.kind()), request.amount(), request.purpose(), IdempotencyKeys.check(key), caller.name())
                .map(r -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, Views.DisbursementView.of(r.disbursement()))
                        .location(URI.create("/disbursements/" + r.disbursement().id))
                        .header("Idempotent-Replayed", String.valueOf(r.replayed()))
                        .type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("{projectId}/disbursements")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<Views.DisbursementView>> disbursements(@PathParam("projectId") UUID projectId) {
        return disbursements.ofProject(projectId).map(l -> l.stream().map(Views.DisbursementView::of).toList());
    }

    /** The acceptance payment's preconditions (R7): which are met, which are missing. */
    @GET
    @Path("{projectId}/acceptance-payment")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<DisbursementService.AcceptancePayment> acceptancePayment(@PathParam("projectId") UUID projectId) {
        return disbursements.acceptancePayment(projectId);
    }

    @GET
    @Path("{projectId}/recoveries")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<Views.RecoveryView>> recoveries(@PathParam("projectId") UUID projectId) {
        return recoveries.ofProject(projectId).map(l -> l.stream().map(Views.RecoveryView::of).toList());
    }

    /** The archive of the project's money (R6). */
    @GET
    @Path("{projectId}/history")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR})
    @WithSession
    public Uni<List<AuditEntry>> history(@PathParam("projectId") UUID projectId) {
        return audit.history("project", projectId);
    }

    /** Idempotency keys: opaque, 1 to 100 printable characters. */
    static final class IdempotencyKeys {
        static String check(String key) {
            if (key == null) {
                return null;
            }
            if (key.isBlank() || key.length() > 100 || !key.matches("[\\x21-\\x7E]+")) {
                throw ProblemException.invalid("invalid-idempotency-key", "an Idempotency-Key is 1 to 100 printable ASCII characters");
            }
            return key;
        }
    }
}
