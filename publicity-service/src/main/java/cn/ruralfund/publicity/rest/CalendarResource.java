package cn.ruralfund.publicity.rest;

import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.publicity.calendar.LocalCalendarDay;
import cn.ruralfund.publicity.calendar.WorkingDayCalendar;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.time.LocalDate;
import java.util.List;

/** The working-day calendar of publicity windows (R5): public to read, the local layer set by the office. */
@Path("/calendar")
public class CalendarResource {

    public record PublicityWindow(LocalDate start, int workingDays, LocalDate end) {
    }

    public record LocalDay(@NotNull Boolean offDay, @NotBlank @Size(max = 100) String name) {
    }

    public record LocalDayView(LocalDate day, boolean offDay, String name) {
    }

    private final WorkingDayCalendar calendar;
    private final AuditTrail audit;
    private final Caller caller;
    private final PlatformClock clock;

    CalendarResource(WorkingDayCalendar calendar, AuditTrail audit, Caller caller, PlatformClock clock) {
        this.calendar = calendar;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /** When a publicity window opening on {@code start} may close: after {@code workingDays} working days (R5: at least 5). */
    @GET
    @Path("/publicity-window")
    @PermitAll
    public Uni<PublicityWindow> window(@QueryParam("start") @NotNull LocalDate start,
                                       @QueryParam("workingDays") @DefaultValue("5") @Min(5) @Max(20) int workingDays) {
        return calendar.windowEnd(start, workingDays).map(end -> new PublicityWindow(start, workingDays, end));
    }

    @GET
    @Path("/local-days")
    @PermitAll
    @WithSession
    public Uni<List<LocalDayView>> localDays() {
        return LocalCalendarDay.<LocalCalendarDay>list("order by day")
                .map(days -> days.stream().map(d -> new LocalDayView(d.day, d.offDay, d.name)).toList());
    }

    /** Sets a prefecture day off ({@code offDay: true}) or make-up working day ({@code false}). */
    @PUT
    @Path("/local-days/{day}")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    @WithTransaction
    public Uni<LocalDayView> setLocalDay(@PathParam("day") LocalDate day, @Valid @NotNull LocalDay request) {
        return LocalCalendarDay.<LocalCalendarDay>findById(day).chain(existing -> {
            LocalCalendarDay entry = existing != null ? existing : new LocalCalendarDay();
            entry.day = day;
            entry.offDay = request.offDay();
            entry.name = request.name().strip();
            entry.enteredBy = caller.name();
            entry.enteredAt = clock.now();
            return entry.<LocalCalendarDay>persist()
                    .call(() -> audit.record(caller.name(), "calendar.local-day-set", "calendar", day, entry.name,
                            new LocalDayView(day, entry.offDay, entry.name)))
                    .map(d -> new LocalDayView(d.day, d.offDay, d.name));
        });
    }
}
