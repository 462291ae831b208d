package cn.ruralfund.reporting.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import cn.ruralfund.platform.time.PlatformClock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes checked sales records and keeps the aggregates current, set by set, in the caller's transaction.
 *
 * <p>For a batch: insert the records not seen before (ON CONFLICT DO NOTHING on the record key), lock every record
 * of the batch (SELECT ... FOR UPDATE, in key order), compare, write new versions of the changed ones, then add the
 * difference each record makes to the aggregates with {@code amount = amount + excluded.amount}: PostgreSQL applies
 * each upsert under the row's lock, so concurrent batches never lose an update, and nothing is recomputed by scanning.
 * Aggregate rows are touched in a fixed order, so two batches cannot deadlock on them.
 */
@ApplicationScoped
public class SalesLedger {

    /** Rows per statement: well under PostgreSQL's 65,535 bind parameters. */
    public static final int CHUNK = 500;

    private final PlatformClock clock;
    private final MeterRegistry metrics;

    SalesLedger(PlatformClock clock, MeterRegistry metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Applies the rows in order; a key seen twice in the batch is applied as a later correction of the first. */
    public Uni<List<SalesOutcome>> apply(List<SalesRow> rows, String source, String reportedBy) {
        // split into generations whose keys are unique: the 2nd occurrence of a key goes to generation 2, ...
        List<List<Integer>> generations = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            int g = seen.merge(rows.get(i).key(), 1, Integer::sum) - 1;
            while (generations.size() <= g) {
                generations.add(new ArrayList<>());
            }
            generations.get(g).add(i);
        }
        SalesOutcome[] outcomes = new SalesOutcome[rows.size()];
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (List<Integer> generation : generations) {
            for (int from = 0; from < generation.size(); from += CHUNK) {
                List<Integer> slice = generation.subList(from, Math.min(generation.size(), from + CHUNK));
                chain = chain.chain(() -> applyUnique(rows, slice, outcomes, source, reportedBy));
            }
        }
        return chain.map(ignored -> {
            List<SalesOutcome> out = List.of(outcomes);
            out.forEach(o -> metrics.counter("ruralfund.reporting.sales.records", "source", source, "outcome", o.outcome().name()).increment());
            return out;
        });
    }

    private record Current(UUID id, BigDecimal amount, int orders, int units, boolean poor, int version) {
    }

    private Uni<Void> applyUnique(List<SalesRow> all, List<Integer> indexes, SalesOutcome[] outcomes, String source, String by) {
        // in key order, so that concurrent batches take the record locks in the same order
        List<Integer> sorted = new ArrayList<>(indexes);
        sorted.sort((a, b) -> all.get(a).key().compareTo(all.get(b).key()));
        OffsetDateTime now = clock.now();
        Map<Integer, UUID> freshIds = new HashMap<>();

        NativeSql insert = new NativeSql().append("""
                insert into sales_record (id, period, product_id, brand_id, program_id, enterprise_code, platform, township,
                  amount, orders, units, poor_household, version, source, reported_by, reported_at) values """);
        NativeSql lock = new NativeSql().append("""
                select id, cast(period as text), cast(product_id as text), platform, township, amount, orders, units, poor_household, version
                from sales_record where (period, product_id, platform, township) in (""");
        boolean first = true;
        for (int i : sorted) {
            SalesRow r = all.get(i);
            UUID id = UUID.randomUUID();
            freshIds.put(i, id);
            insert.append(first ? "(" : ", (").param(id, "uuid").append(", ").param(r.period(), "date").append(", ")
                    .param(r.product().id, "uuid").append(", ").param(r.brand().id, "uuid").append(", ")
                    .param(r.brand().programId, "uuid").append(", ").param(r.brand().enterpriseCode, "text").append(", ")
                    .param(r.platform(), "text").append(", ").param(r.township(), "text").append(", ")
                    .param(r.amount(), "numeric").append(", ").param(r.orders(), "int").append(", ").param(r.units(), "int").append(", ")
                    .param(r.poorHousehold(), "boolean").append(", 1, ").param(source, "text").append(", ")
                    .param(by, "text").append(", ").param(now, "timestamptz").append(")");
            lock.append(first ? "(" : ", (").param(r.period(), "date").append(", ").param(r.product().id, "uuid").append(", ")
                    .param(r.platform(), "text").append(", ").param(r.township(), "text").append(")");
            first = false;
        }
        insert.append(" on conflict (period, product_id, platform, township) do nothing");
        lock.append(") order by period, product_id, platform, township for update");

        return insert.update().chain(() -> lock.rows()).chain(found -> {
            Map<String, Current> current = new HashMap<>();
            for (Object[] f : found) {
                current.put(f[1] + "|" + f[2] + "|" + f[3] + "|" + f[4],
                        new Current((UUID) f[0], (BigDecimal) f[5], (Integer) f[6], (Integer) f[7], (Boolean) f[8], (Integer) f[9]));
            }
            Deltas deltas = new Deltas();
            List<Object[]> corrections = new ArrayList<>(); // index, current
            List<Object[]> versions = new ArrayList<>();    // recordId, version, row
            for (int i : sorted) {
                SalesRow r = all.get(i);
                Current c = current.get(r.key());
                if (c == null) {
                    throw new IllegalStateException("sales record " + r.key() + " neither inserted nor found");
                }
                if (c.id().equals(freshIds.get(i))) {
                    outcomes[i] = new SalesOutcome(SalesOutcome.Kind.CREATED, c.id(), 1);
                    deltas.add(r, r.amount(), r.orders(), r.units(), r.poorHousehold() ? r.amount() : BigDecimal.ZERO);
                    versions.add(new Object[]{c.id(), 1, r});
                } else if (r.sameFigures(c.amount(), c.orders(), c.units(), c.poor())) {
                    outcomes[i] = new SalesOutcome(SalesOutcome.Kind.UNCHANGED, c.id(), c.version());
                } else {
                    int version = c.version() + 1;
                    outcomes[i] = new SalesOutcome(SalesOutcome.Kind.CORRECTED, c.id(), version);
                    BigDecimal poorBefore = c.poor() ? c.amount() : BigDecimal.ZERO;
                    BigDecimal poorAfter = r.poorHousehold() ? r.amount() : BigDecimal.ZERO;
                    deltas.add(r, r.amount().subtract(c.amount()), r.orders() - c.orders(), r.units() - c.units(), poorAfter.subtract(poorBefore));
                    corrections.add(new Object[]{c.id(), version, r});
                    versions.add(new Object[]{c.id(), version, r});
                }
            }
            return correct(corrections, source, by, now)
                    .chain(() -> versions(versions, source, by, now))
                    .chain(() -> deltas.write());
        });
    }

    private static Uni<Void> correct(List<Object[]> corrections, String source, String by, OffsetDateTime now) {
        if (corrections.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        NativeSql sql = new NativeSql().append("""
                update sales_record r set amount = v.amount, orders = v.orders, units = v.units, poor_household = v.poor,
                  version = v.version, source = v.source, reported_by = v.by, reported_at = v.at
                from (values """);
        boolean first = true;
        for (Object[] c : corrections) {
            SalesRow r = (SalesRow) c[2];
            sql.append(first ? "(" : ", (").param(c[0], "uuid").append(", ").param(r.amount(), "numeric").append(", ")
                    .param(r.orders(), "int").append(", ").param(r.units(), "int").append(", ").param(r.poorHousehold(), "boolean")
                    .append(", ").param(c[1], "int").append(", ").param(source, "text").append(", ").param(by, "text").append(", ")
                    .param(now, "timestamptz").append(")");
            first = false;
        }
        sql.append(") as v(id, amount, orders, units, poor, version, source, by, at) where r.id = v.id");
        return sql.update().replaceWithVoid();
    }

    private static Uni<Void> versions(List<Object[]> versions, String source, String by, OffsetDateTime now) {
        if (versions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        NativeSql sql = new NativeSql().append("""
                insert into sales_record_version (record_id, version, amount, orders, units, poor_household, source, reported_by, reported_at) values """);
        boolean first = true;
        for (Object[] v : versions) {
            SalesRow r = (SalesRow) v[2];
            sql.append(first ? "(" : ", (").param(v[0], "uuid").append(", ").param(v[1], "int").append(", ")
                    .param(r.amount(), "numeric").append(", ").param(r.orders(), "int").append(", ").param(r.units(), "int").append(", ")
                    .param(r.poorHousehold(), "boolean").append(", ").param(source, "text").append(", ").param(by, "text").append(", ")
                    .param(now, "timestamptz").append(")");
            first = false;
        }
        return sql.update().replaceWithVoid();
    }

    /** The differences a batch makes to each aggregate row, summed in Java first so that each row is upserted once. */
    private static final class Deltas {
        private final Map<String, long[]> brandMonthCounts = new TreeMap<>();
        private final Map<String, BigDecimal> brandMonth = new TreeMap<>();
        private final Map<String, BigDecimal> brandYear = new TreeMap<>();
        private final Map<String, BigDecimal[]> cellMoney = new TreeMap<>();
        private final Map<String, long[]> cellCounts = new TreeMap<>();
        private final Map<String, SalesRow> samples = new LinkedHashMap<>();

        void add(SalesRow r, BigDecimal amount, int orders, int units, BigDecimal poor) {
            String bm = r.brand().id + "|" + r.period();
            brandMonth.merge(bm, amount, BigDecimal::add);
            long[] c = brandMonthCounts.computeIfAbsent(bm, k -> new long[2]);
            c[0] += orders;
            c[1] += units;
            brandYear.merge(r.brand().id + "|" + r.period().getYear(), amount, BigDecimal::add);
            String cell = r.brand().programId + "|" + r.period() + "|" + r.township() + "|" + r.platform() + "|" + r.brand().enterpriseCode;
            BigDecimal[] m = cellMoney.computeIfAbsent(cell, k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            m[0] = m[0].add(amount);
            m[1] = m[1].add(poor);
            long[] cc = cellCounts.computeIfAbsent(cell, k -> new long[2]);
            cc[0] += orders;
            cc[1] += units;
            samples.putIfAbsent("brand|" + r.brand().id, r);
        }

        Uni<Void> write() {
            if (brandMonth.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            NativeSql month = new NativeSql().append("insert into brand_month_sales (brand_id, period, amount, orders, units) values ");
            boolean first = true;
            for (var e : brandMonth.entrySet()) {
                String[] k = e.getKey().split("\\|");
                long[] c = brandMonthCounts.get(e.getKey());
                month.append(first ? "(" : ", (").param(UUID.fromString(k[0]), "uuid").append(", ").param(LocalDate.parse(k[1]), "date")
                        .append(", ").param(e.getValue(), "numeric").append(", ").param(c[0], "bigint").append(", ").param(c[1], "bigint").append(")");
                first = false;
            }
            month.append("""
                     on conflict (brand_id, period) do update set amount = brand_month_sales.amount + excluded.amount,
                      orders = brand_month_sales.orders + excluded.orders, units = brand_month_sales.units + excluded.units""");

            NativeSql year = new NativeSql().append("insert into brand_year_sales (brand_id, program_id, year, amount) values ");
            first = true;
            for (var e : brandYear.entrySet()) {
                String[] k = e.getKey().split("\\|");
                UUID brand = UUID.fromString(k[0]);
                UUID program = samples.get("brand|" + brand).brand().programId;
                year.append(first ? "(" : ", (").param(brand, "uuid").append(", ").param(program, "uuid").append(", ")
                        .param(Integer.parseInt(k[1]), "int").append(", ").param(e.getValue(), "numeric").append(")");
                first = false;
            }
            year.append(" on conflict (brand_id, year) do update set amount = brand_year_sales.amount + excluded.amount");

            NativeSql cell = new NativeSql().append(
                    "insert into sales_cell (program_id, period, township, platform, enterprise_code, amount, orders, units, poor_amount) values ");
            first = true;
            for (var e : cellMoney.entrySet()) {
                String[] k = e.getKey().split("\\|", 5);
                long[] c = cellCounts.get(e.getKey());
                cell.append(first ? "(" : ", (").param(UUID.fromString(k[0]), "uuid").append(", ").param(LocalDate.parse(k[1]), "date")
                        .append(", ").param(k[2], "text").append(", ").param(k[3], "text").append(", ").param(k[4], "text").append(", ")
                        .param(e.getValue()[0], "numeric").append(", ").param(c[0], "bigint").append(", ").param(c[1], "bigint").append(", ")
                        .param(e.getValue()[1], "numeric").append(")");
                first = false;
            }
            cell.append("""
                     on conflict (program_id, period, township, platform, enterprise_code) do update set
                      amount = sales_cell.amount + excluded.amount, orders = sales_cell.orders + excluded.orders,
                      units = sales_cell.units + excluded.units, poor_amount = sales_cell.poor_amount + excluded.poor_amount""");
            return month.update().chain(year::update).chain(cell::update).replaceWithVoid();
        }
    }
}
