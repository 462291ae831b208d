package cn.ruralfund.reporting.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import cn.ruralfund.platform.time.PlatformClock;

import java.math.BigDecimal;
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

    /** Records per set of statements (each column is one array parameter, so the size is not bound by parameters). */
    public static final int CHUNK = 1000;

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

        List<Object> ids = new ArrayList<>(), periods = new ArrayList<>(), products = new ArrayList<>(), brands = new ArrayList<>(),
                programs = new ArrayList<>(), enterprises = new ArrayList<>(), platforms = new ArrayList<>(), townships = new ArrayList<>(),
                amounts = new ArrayList<>(), orders = new ArrayList<>(), units = new ArrayList<>(), poor = new ArrayList<>();
        for (int i : sorted) {
            SalesRow r = all.get(i);
            UUID id = UUID.randomUUID();
            freshIds.put(i, id);
            ids.add(id);
            periods.add(r.period());
            products.add(r.product().id);
            brands.add(r.brand().id);
            programs.add(r.brand().programId);
            enterprises.add(r.brand().enterpriseCode);
            platforms.add(r.platform());
            townships.add(r.township());
            amounts.add(r.amount().toPlainString());
            orders.add(r.orders());
            units.add(r.units());
            poor.add(r.poorHousehold());
        }
        NativeSql insert = new NativeSql().append("""
                insert into sales_record (id, period, product_id, brand_id, program_id, enterprise_code, platform, township,
                  amount, orders, units, poor_household, version, source, reported_by, reported_at)
                select t.*, 1, """).param(source, "text").append(", ").param(by, "text").append(", ").param(now, "timestamptz")
                .append(" from unnest(").array(ids, "uuid").append(", ").array(periods, "date").append(", ").array(products, "uuid")
                .append(", ").array(brands, "uuid").append(", ").array(programs, "uuid").append(", ").array(enterprises, "text")
                .append(", ").array(platforms, "text").append(", ").array(townships, "text").append(", ").array(amounts, "numeric")
                .append(", ").array(orders, "int").append(", ").array(units, "int").append(", ").array(poor, "boolean")
                .append(") as t(id, period, product_id, brand_id, program_id, enterprise_code, platform, township, amount, orders, units, poor)")
                .append(" on conflict (period, product_id, platform, township) do nothing");
        NativeSql lock = new NativeSql().append("""
                select r.id, cast(r.period as text), cast(r.product_id as text), r.platform, r.township, r.amount, r.orders, r.units,
                       r.poor_household, r.version
                from sales_record r join unnest(""").array(periods, "date").append(", ").array(products, "uuid").append(", ")
                .array(platforms, "text").append(", ").array(townships, "text").append("""
                ) as k(period, product_id, platform, township)
                  on r.period = k.period and r.product_id = k.product_id and r.platform = k.platform and r.township = k.township
                order by r.period, r.product_id, r.platform, r.township for update of r""");

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
        List<Object> ids = new ArrayList<>(), amounts = new ArrayList<>(), orders = new ArrayList<>(), units = new ArrayList<>(),
                poor = new ArrayList<>(), versions = new ArrayList<>();
        for (Object[] c : corrections) {
            SalesRow r = (SalesRow) c[2];
            ids.add(c[0]);
            amounts.add(r.amount().toPlainString());
            orders.add(r.orders());
            units.add(r.units());
            poor.add(r.poorHousehold());
            versions.add(c[1]);
        }
        NativeSql sql = new NativeSql().append("update sales_record r set amount = v.amount, orders = v.orders, units = v.units,"
                        + " poor_household = v.poor, version = v.version, source = ").param(source, "text")
                .append(", reported_by = ").param(by, "text").append(", reported_at = ").param(now, "timestamptz")
                .append(" from unnest(").array(ids, "uuid").append(", ").array(amounts, "numeric").append(", ").array(orders, "int")
                .append(", ").array(units, "int").append(", ").array(poor, "boolean").append(", ").array(versions, "int")
                .append(") as v(id, amount, orders, units, poor, version) where r.id = v.id");
        return sql.update().replaceWithVoid();
    }

    private static Uni<Void> versions(List<Object[]> versions, String source, String by, OffsetDateTime now) {
        if (versions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Object> ids = new ArrayList<>(), numbers = new ArrayList<>(), amounts = new ArrayList<>(), orders = new ArrayList<>(),
                units = new ArrayList<>(), poor = new ArrayList<>();
        for (Object[] v : versions) {
            SalesRow r = (SalesRow) v[2];
            ids.add(v[0]);
            numbers.add(v[1]);
            amounts.add(r.amount().toPlainString());
            orders.add(r.orders());
            units.add(r.units());
            poor.add(r.poorHousehold());
        }
        NativeSql sql = new NativeSql().append("""
                insert into sales_record_version (record_id, version, amount, orders, units, poor_household, source, reported_by, reported_at)
                select v.*, """).param(source, "text").append(", ").param(by, "text").append(", ").param(now, "timestamptz")
                .append(" from unnest(").array(ids, "uuid").append(", ").array(numbers, "int").append(", ").array(amounts, "numeric")
                .append(", ").array(orders, "int").append(", ").array(units, "int").append(", ").array(poor, "boolean")
                .append(") as v(id, version, amount, orders, units, poor)");
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
            List<Object> mBrand = new ArrayList<>(), mPeriod = new ArrayList<>(), mAmount = new ArrayList<>(), mOrders = new ArrayList<>(),
                    mUnits = new ArrayList<>();
            for (var e : brandMonth.entrySet()) {
                String[] k = e.getKey().split("\\|");
                long[] c = brandMonthCounts.get(e.getKey());
                mBrand.add(k[0]);
                mPeriod.add(k[1]);
                mAmount.add(e.getValue().toPlainString());
                mOrders.add(c[0]);
                mUnits.add(c[1]);
            }
            NativeSql month = new NativeSql().append("insert into brand_month_sales (brand_id, period, amount, orders, units) select * from unnest(")
                    .array(mBrand, "uuid").append(", ").array(mPeriod, "date").append(", ").array(mAmount, "numeric").append(", ")
                    .array(mOrders, "bigint").append(", ").array(mUnits, "bigint").append("""
                    ) on conflict (brand_id, period) do update set amount = brand_month_sales.amount + excluded.amount,
                      orders = brand_month_sales.orders + excluded.orders, units = brand_month_sales.units + excluded.units""");

            List<Object> yBrand = new ArrayList<>(), yProgram = new ArrayList<>(), yYear = new ArrayList<>(), yAmount = new ArrayList<>();
            for (var e : brandYear.entrySet()) {
                String[] k = e.getKey().split("\\|");
                yBrand.add(k[0]);
                yProgram.add(samples.get("brand|" + k[0]).brand().programId);
                yYear.add(k[1]);
                yAmount.add(e.getValue().toPlainString());
            }
            NativeSql year = new NativeSql().append("insert into brand_year_sales (brand_id, program_id, year, amount) select * from unnest(")
                    .array(yBrand, "uuid").append(", ").array(yProgram, "uuid").append(", ").array(yYear, "int").append(", ")
                    .array(yAmount, "numeric")
                    .append(") on conflict (brand_id, year) do update set amount = brand_year_sales.amount + excluded.amount");

            List<Object> cProgram = new ArrayList<>(), cPeriod = new ArrayList<>(), cTownship = new ArrayList<>(), cPlatform = new ArrayList<>(),
                    cEnterprise = new ArrayList<>(), cAmount = new ArrayList<>(), cOrders = new ArrayList<>(), cUnits = new ArrayList<>(),
                    cPoor = new ArrayList<>();
            for (var e : cellMoney.entrySet()) {
                String[] k = e.getKey().split("\\|", 5);
                long[] c = cellCounts.get(e.getKey());
                cProgram.add(k[0]);
                cPeriod.add(k[1]);
                cTownship.add(k[2]);
                cPlatform.add(k[3]);
                cEnterprise.add(k[4]);
                cAmount.add(e.getValue()[0].toPlainString());
                cOrders.add(c[0]);
                cUnits.add(c[1]);
                cPoor.add(e.getValue()[1].toPlainString());
            }
            NativeSql cell = new NativeSql().append(
                            "insert into sales_cell (program_id, period, township, platform, enterprise_code, amount, orders, units, poor_amount) select * from unnest(")
                    .array(cProgram, "uuid").append(", ").array(cPeriod, "date").append(", ").array(cTownship, "text").append(", ")
                    .array(cPlatform, "text").append(", ").array(cEnterprise, "text").append(", ").array(cAmount, "numeric").append(", ")
                    .array(cOrders, "bigint").append(", ").array(cUnits, "bigint").append(", ").array(cPoor, "numeric").append("""
                    ) on conflict (program_id, period, township, platform, enterprise_code) do update set
                      amount = sales_cell.amount + excluded.amount, orders = sales_cell.orders + excluded.orders,
                      units = sales_cell.units + excluded.units, poor_amount = sales_cell.poor_amount + excluded.poor_amount""");
            return month.update().chain(year::update).chain(cell::update).replaceWithVoid();
        }
    }
}
