package cn.ruralfund.publicity.calendar;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The office's settings of publicity windows (R5), read at start-up; a window shorter than the 5 working days the
 * plan requires refuses to start the service.
 */
@ApplicationScoped
@Startup
public class PublicitySettings {

    /** The plan's floor (附件1 第十条): at least 5 working days. */
    public static final int MINIMUM_WORKING_DAYS = 5;

    private final int workingDays;
    private final Counting counting;

    PublicitySettings(@ConfigProperty(name = "publicity.window.working-days", defaultValue = "5") int workingDays,
                      @ConfigProperty(name = "publicity.window.counting", defaultValue = "CIVIL_CODE") Counting counting) {
        if (workingDays < MINIMUM_WORKING_DAYS) {
            throw new IllegalStateException("publicity.window.working-days is " + workingDays + ": R5 requires at least "
                    + MINIMUM_WORKING_DAYS + " working days");
        }
        this.workingDays = workingDays;
        this.counting = counting;
    }

    /** The length of every new announcement's window, in working days (never below 5). */
    public int workingDays() {
        return workingDays;
    }

    public Counting counting() {
        return counting;
    }
}
