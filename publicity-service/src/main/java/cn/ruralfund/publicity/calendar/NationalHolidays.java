package cn.ruralfund.publicity.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The State Council's holiday schedule: statutory days off and adjusted working days (调休), read once
 * from {@code holidays-cn/<year>.json}. Ordinary weekends are not listed there.
 */
@ApplicationScoped
@Startup
public class NationalHolidays {

    private final Map<LocalDate, Boolean> offDays = new HashMap<>();
    private final int firstYear;
    private final int lastYear;

    NationalHolidays(ObjectMapper mapper, @ConfigProperty(name = "publicity.calendar.years") String years) {
        String[] range = years.split("-");
        firstYear = Integer.parseInt(range[0]);
        lastYear = Integer.parseInt(range[1]);
        for (int year = firstYear; year <= lastYear; year++) {
            try (InputStream in = getClass().getResourceAsStream("/holidays-cn/" + year + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("holidays-cn/" + year + ".json is missing");
                }
                for (JsonNode day : mapper.readTree(in).path("days")) {
                    offDays.put(LocalDate.parse(day.path("date").asText()), day.path("isOffDay").asBoolean());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** True: a statutory day off; false: an adjusted working day; empty: an ordinary day. */
    public Optional<Boolean> offDay(LocalDate date) {
        return Optional.ofNullable(offDays.get(date));
    }

    /** Whether the State Council has published the schedule of that year (a later year is not yet known). */
    public boolean covers(LocalDate date) {
        return date.getYear() >= firstYear && date.getYear() <= lastYear;
    }
}
