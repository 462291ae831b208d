package cn.ruralfund.publicity.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A publicity window (公示期) as computed, with the calendar it was computed with, so that a later change of the
 * local layer never moves it silently.
 *
 * @param publishedOn      the day of publication
 * @param workingDays      its length in working days
 * @param counting         how the days were counted
 * @param endsOn           its last day; objections are received up to the end of that day
 * @param localDays        the prefecture's local days that fell inside the window when it was computed
 * @param nationalNotices  the State Council notices whose schedule was used
 */
public record PublicityWindow(LocalDate publishedOn, int workingDays, Counting counting, LocalDate endsOn,
                              List<LocalDay> localDays, List<String> nationalNotices) {

    public record LocalDay(LocalDate day, boolean offDay, String name) {
    }
}
