package cn.ruralfund.reporting.service;

import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * A CSV upload of sales records. Policy: <b>good rows are kept</b>. Each line is checked on its own; a bad line is
 * reported with its number and reason and the others are recorded, {@value SalesLedger#CHUNK} lines per transaction.
 * Why not all-or-nothing: a 200 MB file would be one huge transaction holding locks on every aggregate row it
 * touches, and since a record that is sent again unchanged changes nothing, the remedy for bad lines is simply to fix
 * them and upload the same file again (or only the fixed lines). A file that cannot be read at all (encoding, header)
 * is refused whole before anything is recorded.
 */
@ApplicationScoped
public class CsvImport {

    /** At most this many bad lines and duplicates are listed; all are counted. */
    public static final int LISTED = 1000;

    public record LineProblem(long line, String reason) {
    }

    public static final class Report {
        public String charset;
        public long lines;
        public long created;
        public long corrected;
        public long unchanged;
        public long rejected;
        public final List<LineProblem> problems = new ArrayList<>();
        public final List<Long> duplicateLines = new ArrayList<>();
        public final String policy = "good rows kept: each bad line is listed and not recorded; the other lines are recorded."
                + " Fix the listed lines and upload again: lines already recorded change nothing.";
    }

    private final Register register;
    private final SalesLedger ledger;
    private final PlatformClock clock;
    private final MeterRegistry metrics;

    CsvImport(Register register, SalesLedger ledger, PlatformClock clock, MeterRegistry metrics) {
        this.register = register;
        this.ledger = ledger;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Reads the uploaded file from disk chunk by chunk (on a worker thread) and records each chunk (on the request's context). */
    public Uni<Report> importFile(Path file, Reporter reporter) {
        Context context = Vertx.currentContext();
        Executor onContext = context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
        Report report = new Report();
        LocalDate today = clock.today();
        return Uni.createFrom().item(() -> open(file, report))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).emitOn(onContext)
                .chain(reader -> Panache.withSession(register::snapshot)
                        .chain(snapshot -> loop(reader, snapshot, reporter, today, report, onContext))
                        .eventually(() -> close(reader)))
                .replaceWith(report);
    }

    private static CsvSalesReader open(Path file, Report report) {
        try {
            InputStream in = Files.newInputStream(file);
            try {
                CsvSalesReader reader = new CsvSalesReader(in);
                report.charset = reader.charset();
                return reader;
            } catch (CsvSalesReader.Unreadable e) {
                in.close();
                throw ProblemException.invalid("csv-unreadable", e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(CsvSalesReader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // the upload is deleted at the end of the request anyway
        }
    }

    private Uni<Void> loop(CsvSalesReader reader, RegisterSnapshot snapshot, Reporter reporter, LocalDate today, Report report, Executor onContext) {
        return Uni.createFrom().item(() -> read(reader))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).emitOn(onContext)
                .chain(lines -> {
                    if (lines.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    List<SalesRow> rows = new ArrayList<>();
                    List<Long> rowLines = new ArrayList<>();
                    for (CsvSalesReader.Line line : lines) {
                        report.lines++;
                        String reason = line.error();
                        if (reason == null) {
                            try {
                                rows.add(SalesCheck.check(line.input(), snapshot, reporter, today));
                                rowLines.add(line.number());
                                continue;
                            } catch (RowRejected e) {
                                reason = e.getMessage();
                            }
                        }
                        reject(report, line.number(), reason);
                    }
                    if (rows.isEmpty()) {
                        return loop(reader, snapshot, reporter, today, report, onContext);
                    }
                    return Panache.withTransaction(() -> ledger.apply(rows, "CSV", reporter.name()))
                            .invoke(outcomes -> {
                                for (int i = 0; i < outcomes.size(); i++) {
                                    switch (outcomes.get(i).outcome()) {
                                        case CREATED -> report.created++;
                                        case CORRECTED -> report.corrected++;
                                        case UNCHANGED -> {
                                            report.unchanged++;
                                            if (report.duplicateLines.size() < LISTED) {
                                                report.duplicateLines.add(rowLines.get(i));
                                            }
                                        }
                                    }
                                }
                            })
                            .onFailure().recoverWithItem(e -> {
                                rowLines.forEach(n -> reject(report, n, "could not be recorded: " + e.getMessage()));
                                return null;
                            })
                            .chain(() -> loop(reader, snapshot, reporter, today, report, onContext));
                });
    }

    private void reject(Report report, long line, String reason) {
        report.rejected++;
        metrics.counter("ruralfund.reporting.csv.lines.rejected").increment();
        if (report.problems.size() < LISTED) {
            report.problems.add(new LineProblem(line, reason));
        }
    }

    private static List<CsvSalesReader.Line> read(CsvSalesReader reader) {
        List<CsvSalesReader.Line> lines = new ArrayList<>(SalesLedger.CHUNK);
        try {
            CsvSalesReader.Line line;
            while (lines.size() < SalesLedger.CHUNK && (line = reader.next()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
