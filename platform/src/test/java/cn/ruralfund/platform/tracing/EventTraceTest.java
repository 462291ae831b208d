package cn.ruralfund.platform.tracing;

import cn.ruralfund.platform.events.CloudEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trace context as the CloudEvents distributed-tracing extension: written from the current span, read back as the
 * remote parent, omitted when there is none, and accepted by the official CloudEvents SDK as an extension attribute.
 */
class EventTraceTest {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN_ID = "00f067aa0ba902b7";
    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void theCurrentSpanBecomesTheEventsTraceparentAndTracestate() {
        SpanContext span = SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(),
                TraceState.builder().put("ruralfund", "jinghong").build());
        try (Scope ignored = Context.root().with(Span.wrap(span)).makeCurrent()) {
            assertThat(EventTrace.current()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-01",
                    "tracestate", "ruralfund=jinghong"));
        }
    }

    @Test
    void outsideAnyTraceTheEventCarriesNoTraceContext() throws Exception {
        assertThat(EventTrace.current()).isEmpty();
        String json = MAPPER.writeValueAsString(event(null, null));
        assertThat(MAPPER.readTree(json).has("traceparent")).as(json).isFalse();
        assertThat(MAPPER.readTree(json).has("tracestate")).as(json).isFalse();
        assertThat(Span.fromContext(EventTrace.of(event(null, null))).getSpanContext().isValid()).isFalse();
    }

    @Test
    void theEventsTraceparentIsTheRemoteParentOfItsConsumer() {
        SpanContext parent = Span.fromContext(EventTrace.of(event("00-" + TRACE_ID + "-" + SPAN_ID + "-01", "ruralfund=jinghong"))).getSpanContext();
        assertThat(parent.isRemote()).isTrue();
        assertThat(parent.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(parent.getSpanId()).isEqualTo(SPAN_ID);
        assertThat(parent.isSampled()).isTrue();
        assertThat(parent.getTraceState().get("ruralfund")).isEqualTo("jinghong");
    }

    @Test
    void aMalformedTraceparentStartsANewTraceAndIsNoPoison() {
        assertThat(Span.fromContext(EventTrace.of(event("00-not-a-trace-01", null))).getSpanContext().isValid()).isFalse();
    }

    @Test
    void theOfficialCloudEventsSdkReadsTheTraceparentAsTheDistributedTracingExtension() throws Exception {
        byte[] json = MAPPER.writeValueAsString(event("00-" + TRACE_ID + "-" + SPAN_ID + "-01", null)).getBytes(StandardCharsets.UTF_8);
        EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        io.cloudevents.CloudEvent parsed = format.deserialize(json);
        assertThat(parsed.getExtensionNames()).containsExactly("traceparent");
        assertThat(parsed.getExtension("traceparent")).isEqualTo("00-" + TRACE_ID + "-" + SPAN_ID + "-01");
        assertThat(parsed.getSubject()).isEqualTo("program-1");
        // and our own envelope reads it back unchanged
        assertThat(MAPPER.readValue(json, CloudEvent.class).traceparent()).isEqualTo("00-" + TRACE_ID + "-" + SPAN_ID + "-01");
    }

    private static CloudEvent event(String traceparent, String tracestate) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, "7d7a4c1e-0000-4000-8000-000000000001", "/ruralfund/budget-service",
                "cn.ruralfund.budget.program-created.v1", "program-1", OffsetDateTime.parse("2021-07-05T10:00:00+08:00"),
                "application/json", "https://ruralfund.cn/events/budget.program-created.v1.schema.json",
                MAPPER.createObjectNode().put("total", "5000000.00"), traceparent, tracestate);
    }
}
