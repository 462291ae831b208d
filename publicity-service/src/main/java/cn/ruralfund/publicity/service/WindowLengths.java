package cn.ruralfund.publicity.service;

import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.ProgramRulesSetV1;
import cn.ruralfund.platform.inbox.PoisonMessageException;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.publicity.calendar.PublicitySettings;
import cn.ruralfund.publicity.domain.ProgramRules;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;

/**
 * How long a program's publicity windows are (公示期, R5): the program's own rule, as budget-service publishes it
 * ({@code program-rules-set}), never below 5 working days. The office's setting ({@code publicity.window.working-days})
 * is only the fallback for a project whose program's rules never arrived (or whose program is unknown here).
 */
@ApplicationScoped
public class WindowLengths {

    public static final String PROGRAM_RULES = "PROGRAM_RULES";
    public static final String OFFICE_SETTING = "OFFICE_SETTING";

    private final PublicitySettings settings;
    private final AuditTrail audit;
    private final PlatformClock clock;

    WindowLengths(PublicitySettings settings, AuditTrail audit, PlatformClock clock) {
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** A window's length in working days and where it came from. */
    public record Length(int workingDays, String from) {
    }

    /** Records (or replaces) a program's rule; windows already open keep theirs. Below 5 days is refused (poison). */
    public Uni<Void> rulesSet(ProgramRulesSetV1 rules, String eventId, String actor) {
        if (rules.publicityWorkingDays() < PublicitySettings.MINIMUM_WORKING_DAYS) {
            // the schema refuses it first; this guards a schema that would ever be loosened
            throw new PoisonMessageException("program-rules-set " + eventId + ": publicityWorkingDays " + rules.publicityWorkingDays()
                    + " is below R5's 5 working days", null);
        }
        return ProgramRules.<ProgramRules>findById(rules.programId()).chain(existing -> {
            ProgramRules r = existing != null ? existing : new ProgramRules();
            r.programId = rules.programId();
            r.publicityWorkingDays = rules.publicityWorkingDays();
            r.sourceEventId = eventId;
            r.receivedAt = clock.now();
            return r.persist();
        }).chain(() -> audit.record(actor, "program.rules-set", "program", rules.programId(), null,
                Map.of("publicityWorkingDays", rules.publicityWorkingDays()))).replaceWithVoid();
    }

    /** The length of a new window of a project of {@code programId} (null: program unknown). */
    public Uni<Length> of(UUID programId) {
        Uni<ProgramRules> rules = programId == null ? Uni.createFrom().nullItem() : ProgramRules.findById(programId);
        return rules.map(r -> r == null
                ? new Length(settings.workingDays(), OFFICE_SETTING)
                : new Length(Math.max(PublicitySettings.MINIMUM_WORKING_DAYS, r.publicityWorkingDays), PROGRAM_RULES));
    }
}
