package cn.ruralfund.platform.events;

/**
 * One versioned event type of the public catalog: its CloudEvents {@code type}, the topic it is
 * published on, and the Java record of its {@code data}. The JSON Schema of version N lies in this
 * module at {@code META-INF/resources/events/<family>.<name>.v<N>.schema.json}, served by every service
 * at {@code /events/...} beside the AsyncAPI catalog {@code /events/asyncapi.json}. A published version
 * never changes meaning: a new meaning is a new version.
 */
public record EventType<T>(String family, String name, int version, Class<T> dataClass) {

    public static final String TYPE_PREFIX = "cn.ruralfund.";

    /** e.g. {@code cn.ruralfund.budget.program-created.v1} */
    public String type() {
        return TYPE_PREFIX + family + "." + name + ".v" + version;
    }

    /** One topic per family, e.g. {@code ruralfund.budget.events}. */
    public String topic() {
        return Topics.of(family);
    }

    /** The path of the JSON Schema on any service (and under the public base URL: the CloudEvent {@code dataschema}). */
    public String schema() {
        return "/events/" + family + "." + name + ".v" + version + ".schema.json";
    }
}
