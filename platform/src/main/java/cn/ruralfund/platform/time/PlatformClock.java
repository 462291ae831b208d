package cn.ruralfund.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The injectable clock: deadlines, publicity windows and phases read time only from here.
 * Tests replace it with {@code QuarkusMock.installMockForType(PlatformClock.fixed(...), PlatformClock.class)}.
 * A rehearsal, a training environment or a system test that plays a program through its years starts a service with
 * {@code platform.clock.start} (an ISO date-time): the clock then starts there and runs. Never set in production.
 */
@ApplicationScoped
public class PlatformClock {

    private final Clock clock;

    @Inject
    PlatformClock(@ConfigProperty(name = "platform.zone", defaultValue = "Asia/Shanghai") ZoneId zone,
                  @ConfigProperty(name = "platform.clock.start") java.util.Optional<OffsetDateTime> start) {
        this(start.map(s -> Clock.offset(Clock.system(zone), java.time.Duration.between(java.time.Instant.now(), s.toInstant())))
                .orElse(Clock.system(zone)));
    }

    protected PlatformClock(Clock clock) {
        this.clock = clock;
    }

    public static PlatformClock of(Clock clock) {
        return new PlatformClock(clock);
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Today in the program's time zone (China Standard Time by default). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
