package cn.ruralfund.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode: the whole event, attributes and data, is the
 * Kafka record value ({@code content-type: application/cloudevents+json}); the record key is
 * {@link #subject()}, the aggregate id, so that one aggregate's events stay in order.
 *
 * @param type  reverse-DNS name ending in the schema version, e.g. {@code cn.ruralfund.budget.program-created.v1}
 * @param subject the aggregate id
 * @param dataschema the absolute URI of the JSON Schema of {@code data} in the public event catalog
 * @param traceparent the W3C trace context of the span that wrote the event (the CloudEvents distributed-tracing
 *                    extension, {@code 00-<trace id>-<span id>-<flags>}); absent when the event was written outside any
 *                    trace. Optional: it carries no business meaning and no consumer may require it.
 * @param tracestate  the W3C {@code tracestate} that went with it, when there was one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        String dataschema,
        JsonNode data,
        String traceparent,
        String tracestate) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    /** An event without trace context. */
    public CloudEvent(String specversion, String id, String source, String type, String subject, OffsetDateTime time,
                      String datacontenttype, String dataschema, JsonNode data) {
        this(specversion, id, source, type, subject, time, datacontenttype, dataschema, data, null, null);
    }

    /** True when the required attributes of CloudEvents 1.0 and ours (subject, time, data) are present. */
    @JsonIgnore // not an attribute: nothing outside the spec, its distributed-tracing extension and the contract goes on the wire
    public boolean isComplete() {
        return SPEC_VERSION.equals(specversion) && notBlank(id) && notBlank(source) && notBlank(type)
                && notBlank(subject) && time != null && data != null && !data.isNull();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
