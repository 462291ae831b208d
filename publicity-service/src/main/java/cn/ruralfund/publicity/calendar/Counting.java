package cn.ruralfund.publicity.calendar;

/**
 * How the working days of a publicity window are counted from its day of publication.
 * <ul>
 *   <li>{@link #CIVIL_CODE} (the default, R5): the day of publication is not counted (民法典 第二百零一条); counting
 *   starts on the next day. A period ending on a day off ends on the next working day (第二百零三条): counting
 *   working days, the last counted day is always a working day, so the window ends on one.</li>
 *   <li>{@link #PUBLICATION_DAY_COUNTS}: the day of publication counts as the first day when it is a working day
 *   (the convention some offices use; the office must set it explicitly).</li>
 * </ul>
 */
public enum Counting {
    CIVIL_CODE,
    PUBLICATION_DAY_COUNTS
}
