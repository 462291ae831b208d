package cn.ruralfund.platform.events;

/** Topic names: one per event family (the publishing service). */
public final class Topics {
    public static final String PROJECT = "ruralfund.project.events";
    public static final String BUDGET = "ruralfund.budget.events";
    public static final String ACCEPTANCE = "ruralfund.acceptance.events";
    public static final String PUBLICITY = "ruralfund.publicity.events";
    public static final String REPORTING = "ruralfund.reporting.events";

    public static final java.util.List<String> ALL = java.util.List.of(PROJECT, BUDGET, ACCEPTANCE, PUBLICITY, REPORTING);

    private Topics() {
    }

    public static String of(String family) {
        return "ruralfund." + family + ".events";
    }

    /** Where a service's consumers put the records they cannot apply. */
    public static String deadLetter(String service) {
        return "ruralfund." + service + ".dead-letter";
    }
}
