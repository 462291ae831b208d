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
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    /** True when the required attributes of CloudEvents 1.0 and ours (subject, time, data) are present. */
    @JsonIgnore // not an attribute: nothing outside the spec and the contract goes on the wire
    public boolean isComplete() {
        return SPEC_VERSION.equals(specversion) && notBlank(id) && notBlank(source) && notBlank(type)
                && notBlank(subject) && time != null && data != null && !data.isNull();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
