package cn.ruralfund.publicity.service;

import cn.ruralfund.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code publicity.objections.per-address} objections per client address in a sliding window, so that a
 * flood from one address cannot bury the office's work (no CAPTCHA). Per instance, in memory: with N replicas an
 * address may file N times the limit, which still bounds a flood.
 */
@ApplicationScoped
public class ObjectionRateLimiter {

    private static final int MAX_ADDRESSES = 100_000;

    private final int limit;
    private final long windowNanos;
    private final ConcurrentHashMap<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    ObjectionRateLimiter(@ConfigProperty(name = "publicity.objections.per-address", defaultValue = "5") int limit,
                         @ConfigProperty(name = "publicity.objections.per-address-window", defaultValue = "PT10M") Duration window) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    /** Counts one attempt from {@code address}, or refuses it with 429. */
    public void acquire(String address) {
        long now = System.nanoTime();
        if (recent.size() > MAX_ADDRESSES) {
            recent.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || now - e.getValue().peekLast() > windowNanos;
                }
            });
        }
        Deque<Long> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() > windowNanos) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                throw new ProblemException(429, "objection-rate-limited", "Too many objections",
                        "at most " + limit + " objections per address in " + Duration.ofNanos(windowNanos).toMinutes()
                                + " minutes; please try again later");
            }
            times.addLast(now);
        }
    }
}
