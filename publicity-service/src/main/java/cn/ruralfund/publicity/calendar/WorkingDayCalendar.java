package cn.ruralfund.publicity.calendar;

import cn.ruralfund.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Working days for publicity windows (公示, R5): Monday to Friday, minus the State Council's days
 * off, plus its adjusted working days, with the prefecture's local layer over both.
 */
@ApplicationScoped
public class WorkingDayCalendar {

    /** Far enough for any window: 5 working days never span more than a month, even over 春节. */
    private static final int HORIZON_DAYS = 60;

    private final NationalHolidays national;

    WorkingDayCalendar(NationalHolidays national) {
        this.national = national;
    }

    /**
     * The last day of a window of {@code workingDays} working days that opens on {@code start}
     * (which counts if it is a working day).
     */
    @WithSession
    public Uni<LocalDate> windowEnd(LocalDate start, int workingDays) {
        if (workingDays < 1 || workingDays > 20) {
            throw ProblemException.invalid("invalid-window", "workingDays must be 1 to 20");
        }
        LocalDate horizon = start.plusDays(HORIZON_DAYS);
        if (!national.covers(start) || !national.covers(horizon)) {
            throw ProblemException.rule("r5-calendar-unknown", "Holiday schedule not published",
                    "the State Council holiday schedule is not known for " + start + ".." + horizon);
        }
        return LocalCalendarDay.<LocalCalendarDay>list("day between ?1 and ?2", start, horizon)
                .map(days -> days.stream().collect(Collectors.toMap(d -> d.day, Function.identity())))
                .map(local -> count(start, workingDays, local));
    }

    private LocalDate count(LocalDate start, int workingDays, Map<LocalDate, LocalCalendarDay> local) {
        LocalDate day = start;
        int counted = 0;
        while (true) {
            if (isWorkingDay(day, local)) {
                counted++;
                if (counted == workingDays) {
                    return day;
                }
            }
            day = day.plusDays(1);
        }
    }

    private boolean isWorkingDay(LocalDate day, Map<LocalDate, LocalCalendarDay> local) {
        LocalCalendarDay override = local.get(day);
        if (override != null) {
            return !override.offDay;
        }
        return national.offDay(day).map(off -> !off)
                .orElse(day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);
    }
}
