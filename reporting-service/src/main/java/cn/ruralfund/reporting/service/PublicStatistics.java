package cn.ruralfund.reporting.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The city-wide statistics published for the portal (R19): money allotted and paid, projects accepted, and online
 * sales of a year by township, by platform and by month. Aggregates only: a cell built from fewer than
 * {@link #MIN_ENTERPRISES} enterprises is suppressed, and when the suppressed cells of a breakdown could be recovered
 * from its published total (one suppressed cell, or suppressed cells of fewer than 3 enterprises together), the
 * smallest published cells are suppressed as well until they cannot.
 */
@ApplicationScoped
public class PublicStatistics {

    public static final int MIN_ENTERPRISES = 3;

    public record Cell(String key, BigDecimal amount, Long orders, boolean suppressed) {
    }

    public record Breakdown(BigDecimal total, List<Cell> cells) {
    }

    public record Statistics(int year, BigDecimal allotted, BigDecimal paid, BigDecimal recovered, long projectsAccepted,
                             Breakdown byTownship, Breakdown byPlatform, Breakdown byMonth) {
    }

    public Uni<Statistics> of(int year) {
        return Panache.withSession(() -> new NativeSql().append("""
                        select coalesce((select sum(allotted) from program_summary), 0),
                               coalesce(sum(paid), 0), coalesce(sum(recovered), 0), count(*) filter (where acceptance = 'PASS')
                        from project_fund""").rows()
                .chain(money -> breakdown("township", year).chain(township -> breakdown("platform", year)
                        .chain(platform -> breakdown("to_char(period, 'YYYY-MM')", year)
                                .map(month -> new Statistics(year, ((BigDecimal) money.get(0)[0]).setScale(2), ((BigDecimal) money.get(0)[1]).setScale(2),
                                        ((BigDecimal) money.get(0)[2]).setScale(2), ((Number) money.get(0)[3]).longValue(),
                                        township, platform, month))))));
    }

    private record Raw(String key, BigDecimal amount, long orders, Set<String> enterprises) {
    }

    private static Uni<Breakdown> breakdown(String dimension, int year) {
        return new NativeSql().append("select " + dimension + ", enterprise_code, sum(amount), sum(orders) from sales_cell where period between ")
                .param(java.time.LocalDate.of(year, 1, 1), "date").append(" and ").param(java.time.LocalDate.of(year, 12, 1), "date")
                .append(" group by 1, 2 order by 1").rows()
                .map(rows -> suppress(rows));
    }

    static Breakdown suppress(List<Object[]> rows) {
        Map<String, Raw> cells = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Object[] r : rows) {
            BigDecimal amount = (BigDecimal) r[2];
            if (amount.signum() == 0) {
                continue; // an enterprise whose records were corrected to nothing did not build the cell
            }
            Raw raw = cells.computeIfAbsent((String) r[0], k -> new Raw(k, BigDecimal.ZERO, 0, new HashSet<>()));
            cells.put(raw.key(), new Raw(raw.key(), raw.amount().add(amount), raw.orders() + ((Number) r[3]).longValue(), raw.enterprises()));
            cells.get(raw.key()).enterprises().add((String) r[1]);
            total = total.add(amount);
        }
        Set<String> hidden = new HashSet<>();
        Set<String> hiddenEnterprises = new HashSet<>();
        for (Raw c : cells.values()) {
            if (c.enterprises().size() < MIN_ENTERPRISES) {
                hidden.add(c.key());
                hiddenEnterprises.addAll(c.enterprises());
            }
        }
        // secondary suppression: the published total minus the published cells must not give away a hidden cell
        List<Raw> shown = new ArrayList<>(cells.values().stream().filter(c -> !hidden.contains(c.key())).toList());
        shown.sort(Comparator.comparing(Raw::amount));
        while (!hidden.isEmpty() && (hidden.size() == 1 || hiddenEnterprises.size() < MIN_ENTERPRISES) && !shown.isEmpty()) {
            Raw next = shown.remove(0);
            hidden.add(next.key());
            hiddenEnterprises.addAll(next.enterprises());
        }
        boolean totalShown = hidden.isEmpty() || hiddenEnterprises.size() >= MIN_ENTERPRISES && hidden.size() > 1;
        List<Cell> out = cells.values().stream().map(c -> hidden.contains(c.key()) ? new Cell(c.key(), null, null, true)
                : new Cell(c.key(), c.amount().setScale(2), c.orders(), false)).toList();
        return new Breakdown(totalShown ? total.setScale(2) : null, out);
    }
}
