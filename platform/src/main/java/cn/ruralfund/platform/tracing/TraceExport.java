package cn.ruralfund.platform.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * Where finished spans go: {@code platform.tracing.export=otlp} sends them to the OTLP collector named by
 * {@code quarkus.otel.exporter.otlp.traces.endpoint} (each Kubernetes overlay sets both); anything else, and the
 * default, exports nothing. Spans are still made and the trace context still rides on every event: only the export is
 * off, so a service run without a collector neither connects to one nor logs export failures.
 * <p>
 * How: Quarkus builds its OTLP span processor only when no {@link SpanExporter} bean can be looked up. The discarding
 * exporter below can be looked up unless {@code platform.tracing.export=otlp}, a run-time property, so one packaged
 * image serves both (the Quarkus switch {@code quarkus.otel.exporter.otlp.enabled} is fixed at build time).
 */
@Singleton
public class TraceExport {

    @Produces
    @Singleton
    @Unremovable
    @LookupIfProperty(name = "platform.tracing.export", stringValue = "none", lookupIfMissing = true)
    SpanExporter discarding() {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }
}
