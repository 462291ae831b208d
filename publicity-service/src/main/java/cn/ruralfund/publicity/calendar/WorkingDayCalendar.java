package cn.ruralfund.publicity.calendar;

import cn.ruralfund.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Working days for publicity windows (公示, R5): Monday to Friday, minus the State Council's days
 * off, plus its adjusted working days, with the prefecture's local layer over both.
 */
@ApplicationScoped
public class WorkingDayCalendar {

    /** Far enough for any window: 20 working days never span more than 60 calendar days, even over 春节. */
    static final int HORIZON_DAYS = 60;
    public static final int MAXIMUM_WORKING_DAYS = 20;

    private final NationalHolidays national;

    WorkingDayCalendar(NationalHolidays national) {
        this.national = national;
    }

    /**
     * The window of {@code workingDays} working days published on {@code publishedOn}, counted as {@code counting}
     * says, with the local layer as it stands now. Call inside a session (a request or a consumer's transaction).
     */
    public Uni<PublicityWindow> window(LocalDate publishedOn, int workingDays, Counting counting) {
        if (workingDays < PublicitySettings.MINIMUM_WORKING_DAYS || workingDays > MAXIMUM_WORKING_DAYS) {
            return Uni.createFrom().failure(ProblemException.rule("r5-window-too-short", "Window length out of range",
                    "a publicity window is " + PublicitySettings.MINIMUM_WORKING_DAYS + " to " + MAXIMUM_WORKING_DAYS
                            + " working days (R5: at least 5); asked for " + workingDays));
        }
        return LocalCalendarDay.<LocalCalendarDay>list("day between ?1 and ?2", publishedOn, publishedOn.plusDays(HORIZON_DAYS))
                .map(days -> days.stream().collect(Collectors.toMap(d -> d.day, Function.identity())))
                .map(local -> count(publishedOn, workingDays, counting, local));
    }

    /** The same, opening its own session: for the public calendar endpoint. */
    @WithSession
    public Uni<PublicityWindow> preview(LocalDate publishedOn, int workingDays, Counting counting) {
        return window(publishedOn, workingDays, counting);
    }

    PublicityWindow count(LocalDate publishedOn, int workingDays, Counting counting, Map<LocalDate, LocalCalendarDay> local) {
        LocalDate day = counting == Counting.CIVIL_CODE ? publishedOn.plusDays(1) : publishedOn;
        List<PublicityWindow.LocalDay> used = new ArrayList<>();
        int counted = 0;
        while (true) {
            if (!national.covers(day)) {
                throw ProblemException.rule("r5-calendar-unknown", "Holiday schedule not published",
                        "the State Council holiday schedule of " + day + " is not published yet: a window from "
                                + publishedOn + " cannot be counted (it is refused, never guessed)");
            }
            LocalCalendarDay override = local.get(day);
            if (override != null) {
                used.add(new PublicityWindow.LocalDay(day, override.offDay, override.name));
            }
            if (isWorkingDay(day, override)) {
                counted++;
                if (counted == workingDays) {
                    return new PublicityWindow(publishedOn, workingDays, counting, day, List.copyOf(used),
                            national.notices(publishedOn, day));
                }
            }
            day = day.plusDays(1);
        }
    }

    private boolean isWorkingDay(LocalDate day, LocalCalendarDay override) {
        if (override != null) {
            return !override.offDay;
        }
        return national.offDay(day).map(off -> !off)
                .orElse(day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);
    }
}
