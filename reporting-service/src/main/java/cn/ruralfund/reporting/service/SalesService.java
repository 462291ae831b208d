package cn.ruralfund.reporting.service;

import cn.ruralfund.platform.problem.Problem;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Sales records through the API: one, or a batch that is applied whole or not at all; reading them, scoped to the reader. */
@ApplicationScoped
public class SalesService {

    public static final int MAX_BATCH = 5_000;

    private final Register register;
    private final SalesLedger ledger;
    private final PlatformClock clock;

    SalesService(Register register, SalesLedger ledger, PlatformClock clock) {
        this.register = register;
        this.ledger = ledger;
        this.clock = clock;
    }

    public Uni<SalesOutcome> submit(SalesInput input, Reporter reporter, String source) {
        return submitAll(List.of(input), reporter, source).map(list -> list.get(0));
    }

    /** All or nothing: any refused row refuses the batch, listing every refused row by its index. */
    public Uni<List<SalesOutcome>> submitAll(List<SalesInput> inputs, Reporter reporter, String source) {
        if (inputs.isEmpty() || inputs.size() > MAX_BATCH) {
            return Uni.createFrom().failure(ProblemException.invalid("batch-size", "a batch holds 1 to " + MAX_BATCH + " records"));
        }
        LocalDate today = clock.today();
        return Panache.withTransaction(() -> register.snapshot().chain(snapshot -> {
            List<SalesRow> rows = new ArrayList<>();
            List<Problem.FieldError> errors = new ArrayList<>();
            boolean forbidden = false;
            for (int i = 0; i < inputs.size(); i++) {
                try {
                    rows.add(SalesCheck.check(inputs.get(i), snapshot, reporter, today));
                } catch (RowRejected e) {
                    forbidden |= e.forbidden();
                    errors.add(new Problem.FieldError(inputs.size() == 1 ? "record" : "records[" + i + "]", e.getMessage()));
                }
            }
            if (!errors.isEmpty()) {
                throw new RowProblems(forbidden ? 403 : 422, forbidden ? "forbidden" : "sales-record-refused",
                        forbidden ? "Forbidden" : "Sales record refused", errors.size() + " of " + inputs.size()
                        + " records refused; nothing was recorded", errors);
            }
            return ledger.apply(rows, source, reporter.name());
        }));
    }

    public record RecordView(UUID id, String period, String brand, String product, String platform, String township,
                             BigDecimal amount, int orders, int units, boolean poorHousehold, int version, String source,
                             String reportedBy, OffsetDateTime reportedAt) {
    }

    public record VersionView(int version, BigDecimal amount, int orders, int units, boolean poorHousehold, String source,
                              String reportedBy, OffsetDateTime reportedAt) {
    }

    private static final String RECORD_COLUMNS = """
            select r.id, to_char(r.period, 'YYYY-MM'), b.name, p.name, r.platform, r.township, r.amount, r.orders, r.units,
                   r.poor_household, r.version, r.source, r.reported_by, r.reported_at, r.enterprise_code
            from sales_record r join brand b on b.id = r.brand_id join product p on p.id = r.product_id""";

    /** Records of a month, as far as the reader may see: an enterprise its brands, an assistant its township (R18). */
    @WithSession
    public Uni<List<RecordView>> list(String period, String township, Reporter reader) {
        YearMonth month = SalesCheck.periodOrProblem(period, clock.today());
        if (reader.isAssistant() && township != null && !township.equals(reader.township())) {
            return Uni.createFrom().failure(ProblemException.forbidden("a township assistant reads " + reader.township() + " only (R18)"));
        }
        NativeSql sql = new NativeSql().append(RECORD_COLUMNS).append(" where r.period = ").param(month.atDay(1), "date");
        String town = reader.isAssistant() ? reader.township() : township;
        if (town != null) {
            sql.append(" and r.township = ").param(town, "text");
        }
        if (reader.isEnterprise()) {
            sql.append(" and r.enterprise_code = ").param(reader.enterprise(), "text");
        }
        sql.append(" order by b.name, p.name, r.platform, r.township");
        return sql.rows().map(rows -> rows.stream().map(SalesService::view).toList());
    }

    @WithSession
    public Uni<RecordView> get(UUID id, Reporter reader) {
        return record(id, reader);
    }

    @WithSession
    public Uni<List<VersionView>> versions(UUID id, Reporter reader) {
        return record(id, reader).chain(r -> new NativeSql().append("""
                        select version, amount, orders, units, poor_household, source, reported_by, reported_at
                        from sales_record_version where record_id = """).param(id, "uuid").append(" order by version").rows())
                .map(rows -> rows.stream().map(v -> new VersionView((Integer) v[0], (BigDecimal) v[1], (Integer) v[2], (Integer) v[3],
                        (Boolean) v[4], (String) v[5], (String) v[6], offset(v[7]))).toList());
    }

    private Uni<RecordView> record(UUID id, Reporter reader) {
        return new NativeSql().append(RECORD_COLUMNS).append(" where r.id = ").param(id, "uuid").rows().map(rows -> {
            if (rows.isEmpty()) {
                throw ProblemException.notFound("sales record", id);
            }
            Object[] r = rows.get(0);
            if (reader.isEnterprise() && !reader.enterprise().equals(r[14])) {
                throw ProblemException.forbidden("an enterprise reads its own brands' sales only");
            }
            if (reader.isAssistant() && !reader.township().equals(r[5])) {
                throw ProblemException.forbidden("a township assistant reads " + reader.township() + " only (R18)");
            }
            return view(r);
        });
    }

    private static RecordView view(Object[] r) {
        return new RecordView((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                (BigDecimal) r[6], (Integer) r[7], (Integer) r[8], (Boolean) r[9], (Integer) r[10], (String) r[11], (String) r[12],
                offset(r[13]));
    }

    static OffsetDateTime offset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return value == null ? null : OffsetDateTime.parse(value.toString());
    }
}
