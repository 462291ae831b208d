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
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The State Council's holiday schedule: statutory days off and adjusted working days (调休), read once
 * from {@code holidays-cn/<year>.json}. Ordinary weekends are not listed there. A year whose file lists no
 * days (an empty placeholder, as 2027 is until its notice appears) is not published, and its days are unknown.
 */
@ApplicationScoped
@Startup
public class NationalHolidays {

    /**
     * From this day on, a December date also depends on the next year's notice: its 元旦 days off and make-up days
     * may reach back into the last days of December (the 2023 notice made 2022-12-31 a day off).
     */
    static final MonthDay NEXT_NOTICE_REACHES_BACK = MonthDay.of(12, 25);

    private final Map<LocalDate, Boolean> offDays = new HashMap<>();
    /** Published years and the notices (URLs of the State Council papers) they come from. */
    private final Map<Integer, List<String>> published = new TreeMap<>();

    NationalHolidays(ObjectMapper mapper, @ConfigProperty(name = "publicity.calendar.years") String years) {
        String[] range = years.split("-");
        int firstYear = Integer.parseInt(range[0].strip());
        int lastYear = Integer.parseInt(range[1].strip());
        for (int year = firstYear; year <= lastYear; year++) {
            try (InputStream in = getClass().getResourceAsStream("/holidays-cn/" + year + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("holidays-cn/" + year + ".json is missing");
                }
                JsonNode file = mapper.readTree(in);
                if (file.path("days").isEmpty()) {
                    continue; // a placeholder: the notice of that year has not appeared
                }
                for (JsonNode day : file.path("days")) {
                    offDays.put(LocalDate.parse(day.path("date").asText()), day.path("isOffDay").asBoolean());
                }
                List<String> papers = new ArrayList<>();
                file.path("papers").forEach(p -> papers.add(p.asText()));
                published.put(year, List.copyOf(papers));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** True: a statutory day off; false: an adjusted working day; empty: an ordinary day. */
    public Optional<Boolean> offDay(LocalDate date) {
        return Optional.ofNullable(offDays.get(date));
    }

    /**
     * Whether the schedule of that day is published: its year's notice is, and from December 25 on also the next
     * year's. An unknown day is refused, never guessed.
     */
    public boolean covers(LocalDate date) {
        if (!published.containsKey(date.getYear())) {
            return false;
        }
        return MonthDay.from(date).isBefore(NEXT_NOTICE_REACHES_BACK) || published.containsKey(date.getYear() + 1);
    }

    /** The State Council notices a window from {@code start} to {@code end} was computed with. */
    public List<String> notices(LocalDate start, LocalDate end) {
        List<String> papers = new ArrayList<>();
        for (int year = start.getYear(); year <= end.getYear() + 1; year++) {
            papers.addAll(published.getOrDefault(year, List.of()));
        }
        return papers;
    }

    /** The published years, for the API and the README. */
    public List<Integer> publishedYears() {
        return List.copyOf(published.keySet());
    }
}
