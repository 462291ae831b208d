package cn.ruralfund.budget;

import cn.ruralfund.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A consumer whose handler fails a given number of times per subject (a passing fault), or until it is healed. */
@ApplicationScoped
public class FlakyConsumer {

    static final String TYPE = "cn.ruralfund.test.flaky.v1";
    /** subject → failures still to come (Integer.MAX_VALUE: until healed) */
    static final Map<String, Integer> FAILURES = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> APPLIED = new ConcurrentHashMap<>();

    private final Inbox inbox;

    FlakyConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("test-flaky")
    Uni<Void> on(String record) {
        return inbox.apply("test-flaky", record, event -> {
            if (!TYPE.equals(event.type())) {
                return Uni.createFrom().voidItem();
            }
            ATTEMPTS.computeIfAbsent(event.subject(), s -> new AtomicInteger()).incrementAndGet();
            int left = FAILURES.getOrDefault(event.subject(), 0);
            if (left > 0) {
                FAILURES.put(event.subject(), left == Integer.MAX_VALUE ? left : left - 1);
                return Uni.createFrom().failure(new IllegalStateException("passing fault in the handler of " + event.subject()));
            }
            APPLIED.computeIfAbsent(event.subject(), s -> new AtomicInteger()).incrementAndGet();
            return Uni.createFrom().voidItem();
        });
    }
}
