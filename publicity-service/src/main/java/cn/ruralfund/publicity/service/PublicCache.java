package cn.ruralfund.publicity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The rendered public responses (JSON lists and details, feeds, pages) of this instance, keyed by path and query.
 * Every change made here invalidates it; a change made by another replica is seen after at most
 * {@link #MAX_AGE_MILLIS}. Readers on the portal get the same {@code ETag} until something changes.
 */
@ApplicationScoped
public class PublicCache {

    /** How long another replica's change may stay unseen. */
    public static final long MAX_AGE_MILLIS = 2_000;
    private static final int MAX_ENTRIES = 10_000;

    public record Entry(byte[] body, String contentType, String etag, long storedAt, long generation) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentHashMap<String, Uni<Entry>> loading = new ConcurrentHashMap<>();

    public Entry get(String key) {
        Entry e = entries.get(key);
        if (e == null || e.generation() != generation.get() || System.currentTimeMillis() - e.storedAt() > MAX_AGE_MILLIS) {
            return null;
        }
        return e;
    }

    /** The generation to pass to {@link #put}: read it before computing an entry, so that a change meanwhile discards it. */
    public long generation() {
        return generation.get();
    }

    public Entry put(String key, long generationRead, byte[] body, String contentType, Supplier<String> etag) {
        Entry e = new Entry(body, contentType, etag.get(), System.currentTimeMillis(), generationRead);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        if (generationRead == generation.get()) {
            entries.put(key, e);
        }
        return e;
    }

    /**
     * The load of {@code key} in flight, or {@code loader}'s started now and shared until it completes. A load started
     * before a change is never shared with a request that comes after it (the generation is part of the key).
     */
    public Uni<Entry> load(String key, Supplier<Uni<Entry>> loader) {
        return loading.computeIfAbsent(generation.get() + "@" + key, k -> Uni.createFrom().<Entry>deferred(() -> loader.get())
                .onTermination().invoke(() -> loading.remove(k))
                .memoize().indefinitely());
    }

    public void invalidate() {
        generation.incrementAndGet();
        entries.clear();
    }
}
