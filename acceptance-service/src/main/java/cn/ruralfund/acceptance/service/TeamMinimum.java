package cn.ruralfund.acceptance.service;

import cn.ruralfund.acceptance.domain.Program;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.UUID;

/**
 * The smallest acceptance team (验收小组, R4) of a program: its plan's number, as budget-service's program-rules-set
 * carries it (never below 3 by that contract); {@code acceptance.team.min-members} (3, Jinghong's) only while a
 * program's rules have not been heard.
 */
@ApplicationScoped
public class TeamMinimum {

    private final int fallback;

    TeamMinimum(@ConfigProperty(name = "acceptance.team.min-members", defaultValue = "3") int fallback) {
        this.fallback = fallback;
    }

    /** Needs a session. */
    public Uni<Integer> of(UUID programId) {
        return Program.<Program>findById(programId).map(p -> p != null && p.acceptanceTeamMinimum != null ? p.acceptanceTeamMinimum : fallback);
    }
}
