package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.util.List;

/** Every event type published by the platform: the public contract other bureaus subscribe to. */
public final class EventCatalog {

    public static final List<EventType<?>> ALL = List.of(
            ProgramCreatedV1.TYPE);

    private EventCatalog() {
    }
}
