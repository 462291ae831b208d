package cn.ruralfund.platform.tracing;

import cn.ruralfund.platform.events.CloudEvent;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace context on a CloudEvent: the distributed-tracing extension's {@code traceparent} and {@code tracestate}
 * attributes, in W3C Trace Context format. The outbox writes the context current when an event is published; the
 * inbox continues it when the event is applied, so one request that causes events in several services is one trace,
 * whatever the outbox relay and Kafka do in between.
 */
public final class EventTrace {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private EventTrace() {
    }

    /** {@code traceparent} (and {@code tracestate}) of the current span; empty outside any trace. */
    public static Map<String, String> current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier;
    }

    /**
     * The context the event was written in, as a remote parent; the root context when the event carries none or a
     * malformed one (an optional attribute never makes an event poison).
     */
    public static Context of(CloudEvent event) {
        if (event.traceparent() == null) {
            return Context.root();
        }
        Map<String, String> carrier = new HashMap<>(2);
        carrier.put(TRACEPARENT, event.traceparent());
        if (event.tracestate() != null) {
            carrier.put(TRACESTATE, event.tracestate());
        }
        return W3C.extract(Context.root(), carrier, FROM_MAP);
    }

    /** The attributes this platform adds beyond the CloudEvents 1.0 core: those of the distributed-tracing extension. */
    public static final List<String> EXTENSIONS = List.of(TRACEPARENT, TRACESTATE);
}
