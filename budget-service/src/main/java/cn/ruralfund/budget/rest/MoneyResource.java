package cn.ruralfund.budget.rest;

import cn.ruralfund.budget.domain.ExpenseCategory;

import cn.ruralfund.budget.domain.RecoveryReceipt;

import cn.ruralfund.budget.service.BalanceService;
import cn.ruralfund.budget.service.ExpenseService;
import cn.ruralfund.budget.service.RecoveryService;

import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

/** Expense categories, recoveries, enterprise balances. */
@Consumes(MediaType.APPLICATION_JSON)
@Path("/")
public class MoneyResource {

    private final BalanceService balances;
    private final ExpenseService expenses;
    private final RecoveryService recoveries;
    private final Caller caller;

    MoneyResource(BalanceService balances, ExpenseService expenses, RecoveryService recoveries, Caller caller) {
        this.balances = balances;
        this.expenses = expenses;
        this.recoveries = recoveries;
        this.caller = caller;
    }

    @GET
    @Path("enterprises/{creditCode}/balances")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<Views.BalancesView> enterpriseBalances(@PathParam("creditCode") String creditCode) {
        return balances.enterprise(creditCode).map(Views.BalancesView::of);
    }

    @GET
    @Path("expense-categories")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<ExpenseCategory>> categories() {
        return expenses.categories();
    }

    @POST
    @Path("expense-categories")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<RestResponse<ExpenseCategory>> addCategory(@Valid @NotNull Requests.NewCategory request) {
        return expenses.addCategory(request.code(), request.name(), caller.name()).map(c -> RestResponse.status(RestResponse.Status.CREATED, c));
    }

    /** Enables or disables a category; the prohibited uses of R1 can never be enabled. */
    @PUT
    @Path("expense-categories/{code}/enabled")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<ExpenseCategory> setEnabled(@PathParam("code") String code, @Valid @NotNull Requests.CategorySwitch request) {
        return expenses.setEnabled(code, request.enabled(), caller.name());
    }

    @GET
    @Path("recoveries/{id}")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<Views.RecoveryView> recovery(@PathParam("id") UUID id) {
        return recoveries.find(id).map(Views.RecoveryView::of);
    }

    @GET
    @Path("recoveries/{id}/receipts")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<RecoveryReceipt>> receipts(@PathParam("id") UUID id) {
        return recoveries.receipts(id);
    }

    /** Finance records money recovered against the order. */
    @POST
    @Path("recoveries/{id}/receipts")
    @RolesAllowed(Roles.FINANCE)
    public Uni<RestResponse<Views.RecoveryView>> receive(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String key,
                                                         @Valid @NotNull Requests.Receipt request) {
        return recoveries.receive(id, request.amount(), request.receivedOn(), request.voucherNumber(),
                        ProjectBudgetResource.IdempotencyKeys.check(key), caller.name())
                .map(r -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, Views.RecoveryView.of(r.order()))
                        .header("Idempotent-Replayed", String.valueOf(r.replayed())).type(MediaType.APPLICATION_JSON).build());
    }
}
