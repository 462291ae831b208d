package cn.ruralfund.project.service;

import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.project.domain.CreditCode;
import cn.ruralfund.project.domain.Enterprise;
import cn.ruralfund.project.service.Requests.RegisterEnterprise;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The register of undertaking enterprises (承办企业, F5), identified by their unified social credit code. */
@ApplicationScoped
public class EnterpriseService {

    private final AuditTrail audit;
    private final PlatformClock clock;

    EnterpriseService(AuditTrail audit, PlatformClock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Enterprise> register(RegisterEnterprise request, Actor actor) {
        String code = CreditCode.normalise(request.creditCode());
        String problem = CreditCode.problem(code);
        if (problem != null) {
            throw ProblemException.invalid("invalid-credit-code", request.creditCode() + " is not a valid unified social credit code (GB 32100-2015): " + problem);
        }
        return Enterprise.count("creditCode", code).chain(existing -> {
            if (existing > 0) {
                throw ProblemException.conflict("duplicate-enterprise", "Enterprise exists", "an enterprise with credit code " + code + " is already registered");
            }
            Enterprise e = new Enterprise();
            e.id = UUID.randomUUID();
            e.creditCode = code;
            e.name = request.name().strip();
            e.legalRepresentative = request.legalRepresentative().strip();
            e.contact = request.contact().strip();
            e.fundBank = request.fundAccount().bank().strip();
            e.fundAccountName = request.fundAccount().accountName().strip();
            e.fundAccountNumber = request.fundAccount().accountNumber().strip();
            e.status = Enterprise.Status.ACTIVE;
            e.createdAt = clock.now();
            e.createdBy = actor.name();
            return e.persist()
                    .chain(() -> Conflicts.flushed(e, () -> ProblemException.conflict("duplicate-enterprise", "Enterprise exists",
                            "an enterprise with credit code " + code + " is already registered")))
                    .chain(() -> audit.record(actor.name(), "enterprise.registered", "enterprise", e.id, "enterprise registered",
                            Map.of("creditCode", code, "name", e.name, "fundBank", e.fundBank, "fundAccountNumber", e.fundAccountNumber)))
                    .replaceWith(e);
        });
    }

    @WithSession
    public Uni<List<Enterprise>> list(Actor actor) {
        if (actor.isEnterprise()) {
            return Enterprise.list("creditCode = ?1", actor.enterprise());
        }
        return Enterprise.list("order by name");
    }

    @WithSession
    public Uni<Enterprise> find(UUID id, Actor actor) {
        return get(id).invoke(e -> actor.mustOwn(e.creditCode, "enterprise " + id));
    }

    /** Inside a session. */
    public static Uni<Enterprise> get(UUID id) {
        return Enterprise.<Enterprise>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("enterprise", id));
    }

    /** Inside a session: the calling enterprise itself. */
    public static Uni<Enterprise> byCode(String code) {
        return Enterprise.<Enterprise>find("creditCode", code).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.forbidden("enterprise " + code + " is not registered"));
    }

    /** R11: a disqualified enterprise may not bid, be awarded, nor undertake a new project. */
    public static void mustBeQualified(Enterprise e) {
        if (e.disqualified()) {
            throw ProblemException.rule("r11-enterprise-disqualified", "Enterprise disqualified",
                    e.name + " (" + e.creditCode + ") is disqualified and barred from new projects: " + e.statusReason);
        }
    }
}
