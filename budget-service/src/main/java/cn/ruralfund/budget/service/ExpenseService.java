package cn.ruralfund.budget.service;

import cn.ruralfund.platform.money.Money;
import cn.ruralfund.budget.domain.ExpenseCategory;
import cn.ruralfund.budget.domain.ExpenseLine;
import cn.ruralfund.budget.domain.ProjectBudget;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Expense categories (data) and the expense lines of project budgets; R1's prohibited uses are refused, whoever asks. */
@ApplicationScoped
public class ExpenseService {

    private final AuditTrail audit;
    private final PlatformClock clock;
    private final Access access;

    ExpenseService(AuditTrail audit, PlatformClock clock, Access access) {
        this.audit = audit;
        this.clock = clock;
        this.access = access;
    }

    @WithSession
    public Uni<List<ExpenseCategory>> categories() {
        return ExpenseCategory.<ExpenseCategory>find("order by prohibited desc, code").list();
    }

    /**
     * R1: words of the prohibited uses (购买流量 buying traffic, 网络交易平台建设 building a trading platform, 工作经费 the
     * office's own running costs) in a new category's code or name. Such a category is refused, so that a prohibited use
     * cannot come back under another name.
     */
    static final List<String> PROHIBITED_WORDS = List.of("流量", "平台建设", "交易平台", "工作经费", "TRAFFIC", "PLATFORM", "WORKING_EXPENSE",
            "OPERATING_EXPENSE");

    @WithTransaction
    public Uni<ExpenseCategory> addCategory(String code, String name, String actor) {
        String looksLike = PROHIBITED_WORDS.stream().filter(w -> code.toUpperCase().contains(w) || name.contains(w)).findFirst().orElse(null);
        if (looksLike != null) {
            throw ProblemException.rule("r1-prohibited-use", "Prohibited use of the fund",
                    "a category named " + name + " (" + code + ") looks like a prohibited use (" + looksLike + "): the fund may not pay for "
                            + "网络交易平台建设, 工作经费 or 购买流量 (R1); the leading group decides on any doubtful use");
        }
        return ExpenseCategory.<ExpenseCategory>findById(code).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("duplicate-category", "Category exists", "expense category " + code + " exists");
            }
            ExpenseCategory c = new ExpenseCategory();
            c.code = code;
            c.name = name.strip();
            c.enabled = true;
            return c.persist().chain(() -> audit.record(actor, "category.added", "expense-category", code, null, Map.of("name", c.name)))
                    .replaceWith(c);
        });
    }

    @WithTransaction
    public Uni<ExpenseCategory> setEnabled(String code, boolean enabled, String actor) {
        return ExpenseCategory.<ExpenseCategory>findById(code, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("expense category", code))
                .chain(c -> {
                    if (enabled && c.prohibited) {
                        throw prohibited(c);
                    }
                    c.enabled = enabled;
                    return audit.record(actor, enabled ? "category.enabled" : "category.disabled", "expense-category", code, null, null)
                            .replaceWith(c);
                });
    }

    static ProblemException prohibited(ExpenseCategory c) {
        return ProblemException.rule("r1-prohibited-use", "Prohibited use of the fund",
                "the fund may not pay for " + c.name + " (" + c.code + "): 网络交易平台建设, 工作经费 and 购买流量 are prohibited (R1)");
    }

    @WithTransaction
    public Uni<ExpenseLine> addLine(UUID projectId, String category, String description, BigDecimal amount, String actor) {
        BigDecimal yuan = Money.of(amount);
        return ProjectBudget.<ProjectBudget>findById(projectId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("project", projectId))
                .chain(p -> ExpenseCategory.<ExpenseCategory>findById(category).chain(c -> {
                    if (c == null) {
                        throw ProblemException.rule("unknown-expense-category", "Unknown category", "expense category " + category + " does not exist");
                    }
                    if (c.prohibited) {
                        throw prohibited(c);
                    }
                    if (!c.enabled) {
                        throw ProblemException.rule("category-disabled", "Category disabled", "expense category " + category + " is disabled");
                    }
                    if (ProjectBudget.Status.STOPPED.equals(p.status)) {
                        throw ProblemException.conflict("project-stopped", "The project is stopped", p.statusReason);
                    }
                    return Panache.getSession().chain(s -> s.createSelectionQuery(
                                    "select coalesce(sum(l.amount), 0) from ExpenseLine l where l.projectId = :p", BigDecimal.class)
                            .setParameter("p", projectId).getSingleResult())
                            .chain(sum -> {
                                if (sum.add(yuan).compareTo(p.committed) > 0) {
                                    throw ProblemException.rule("expense-lines-exceed-budget", "Beyond the committed budget",
                                            "the expense lines would add up to " + sum.add(yuan).toPlainString() + ", more than the committed budget "
                                                    + p.committed.toPlainString());
                                }
                                ExpenseLine l = new ExpenseLine();
                                l.id = UUID.randomUUID();
                                l.projectId = projectId;
                                l.category = category;
                                l.description = description.strip();
                                l.amount = yuan;
                                l.createdAt = clock.now();
                                l.createdBy = actor;
                                return l.persist().chain(() -> audit.record(actor, "expense-line.added", "project", projectId, description,
                                        Map.of("lineId", l.id, "category", category, "amount", yuan))).replaceWith(l);
                            });
                }));
    }

    @WithSession
    public Uni<List<ExpenseLine>> lines(UUID projectId) {
        return access.project(projectId).chain(p -> ExpenseLine.<ExpenseLine>find("projectId = ?1 order by createdAt", projectId).list());
    }
}
