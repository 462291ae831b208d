package cn.ruralfund.publicity.rest;

import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.publicity.calendar.Counting;
import cn.ruralfund.publicity.calendar.LocalCalendarDay;
import cn.ruralfund.publicity.calendar.PublicitySettings;
import cn.ruralfund.publicity.calendar.PublicityWindow;
import cn.ruralfund.publicity.calendar.WorkingDayCalendar;
import cn.ruralfund.publicity.service.WindowLengths;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
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

    /** A window as the portal shows it: {@code start} is the day of publication, {@code end} its last day. */
    public record WindowView(LocalDate start, int workingDays, Counting counting, LocalDate end,
                             List<PublicityWindow.LocalDay> localDays, List<String> nationalNotices) {
    }

    public record LocalDay(@NotNull Boolean offDay, @NotBlank @Size(max = 100) String name) {
    }

    public record LocalDayView(LocalDate day, boolean offDay, String name) {
    }

    /** The window length new announcements of a program's projects get: {@code from} PROGRAM_RULES or OFFICE_SETTING. */
    public record ProgramWindow(java.util.UUID programId, int workingDays, String from) {
    }

    private final WorkingDayCalendar calendar;
    private final PublicitySettings settings;
    private final AuditTrail audit;
    private final Caller caller;
    private final PlatformClock clock;

    private final WindowLengths lengths;

    CalendarResource(WorkingDayCalendar calendar, PublicitySettings settings, AuditTrail audit, Caller caller, PlatformClock clock,
                     WindowLengths lengths) {
        this.lengths = lengths;
        this.calendar = calendar;
        this.settings = settings;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * The last day of a publicity window published on {@code start} (R5). By default (counting {@code CIVIL_CODE},
     * 民法典 第二百零一条) the day of publication is not counted: the window is the next {@code workingDays} working
     * days, so it always ends on a working day (第二百零三条). {@code counting=PUBLICATION_DAY_COUNTS} counts the day
     * of publication when it is a working day. {@code workingDays} defaults to the office's setting and is 5 to 20
     * (fewer than 5: 422 {@code r5-window-too-short}); a day whose State Council schedule is not published yet:
     * 422 {@code r5-calendar-unknown}.
     */
    @GET
    @Path("/publicity-window")
    @PermitAll
    public Uni<WindowView> window(@QueryParam("start") @NotNull LocalDate start,
                                  @QueryParam("workingDays") Integer workingDays,
                                  @QueryParam("counting") Counting counting) {
        return calendar.preview(start, workingDays == null ? settings.workingDays() : workingDays,
                        counting == null ? settings.counting() : counting)
                .map(w -> new WindowView(w.publishedOn(), w.workingDays(), w.counting(), w.endsOn(), w.localDays(), w.nationalNotices()));
    }

    /**
     * How many working days the windows of a program's projects last (R5): the program's rule from budget-service's
     * {@code program-rules-set} ({@code from: PROGRAM_RULES}), or, while none arrived, the office's setting
     * ({@code from: OFFICE_SETTING}). Never below 5.
     */
    @GET
    @Path("/programs/{programId}/publicity-window")
    @PermitAll
    @WithSession
    public Uni<ProgramWindow> programWindow(@PathParam("programId") java.util.UUID programId) {
        return lengths.of(programId).map(l -> new ProgramWindow(programId, l.workingDays(), l.from()));
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

    /** Removes a local day (entered by mistake); windows already opened keep the calendar they were computed with. */
    @DELETE
    @Path("/local-days/{day}")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    @WithTransaction
    public Uni<Void> removeLocalDay(@PathParam("day") LocalDate day) {
        return LocalCalendarDay.<LocalCalendarDay>findById(day).chain(existing -> {
            if (existing == null) {
                return Uni.createFrom().failure(ProblemException.notFound("local day", day));
            }
            LocalDayView removed = new LocalDayView(day, existing.offDay, existing.name);
            return existing.delete()
                    .call(() -> audit.record(caller.name(), "calendar.local-day-removed", "calendar", day, existing.name, removed));
        });
    }
}
