package cn.ruralfund.publicity.rest;

import cn.ruralfund.publicity.service.PublicCache;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Public responses: rendered once into the {@link PublicCache}, served with a strong {@code ETag} and
 * {@code Cache-Control: public, max-age=…}; a matching {@code If-None-Match} gets 304 with no body.
 */
@ApplicationScoped
public class PublicResponses {

    private final PublicCache cache;
    private final ObjectMapper mapper;
    private final String cacheControl;

    PublicResponses(PublicCache cache, ObjectMapper mapper, @ConfigProperty(name = "publicity.public.max-age", defaultValue = "30") int maxAge) {
        this.cache = cache;
        this.mapper = mapper;
        this.cacheControl = "public, max-age=" + maxAge;
    }

    /** JSON of what {@code load} finds (in a session of its own), cached under {@code key}. */
    public <T> Uni<Response> json(String key, String ifNoneMatch, Supplier<Uni<T>> load) {
        return respond(key, ifNoneMatch, "application/json", load, this::toJson);
    }

    /** Any rendering (a feed, a package) of what {@code load} finds. */
    public <T> Uni<Response> respond(String key, String ifNoneMatch, String contentType, Supplier<Uni<T>> load,
                                     Function<T, byte[]> render) {
        return respond(key, ifNoneMatch, contentType, load, render, cacheControl);
    }

    /**
     * A portal page: browsers revalidate it on every visit ({@code no-cache}; a 304 costs nothing), so that a citizen who
     * has just filed an objection sees it at once.
     */
    public <T> Uni<Response> page(String key, String ifNoneMatch, Supplier<Uni<T>> load, Function<T, byte[]> render) {
        return respond(key, ifNoneMatch, "text/html;charset=UTF-8", load, render, "public, no-cache");
    }

    private <T> Uni<Response> respond(String key, String ifNoneMatch, String contentType, Supplier<Uni<T>> load,
                                      Function<T, byte[]> render, String cacheControl) {
        PublicCache.Entry hit = cache.get(key);
        if (hit != null) {
            return Uni.createFrom().item(build(hit, ifNoneMatch, cacheControl));
        }
        // One load per key at a time: the requests that miss together share it (no stampede on the database).
        return cache.load(key, () -> {
            long generation = cache.generation();
            return Panache.withSession(load::get).map(value -> {
                byte[] body = render.apply(value);
                return cache.put(key, generation, body, contentType, () -> etag(body));
            });
        }).map(entry -> build(entry, ifNoneMatch, cacheControl));
    }

    private static Response build(PublicCache.Entry e, String ifNoneMatch, String cacheControl) {
        if (ifNoneMatch != null && (ifNoneMatch.contains(e.etag()) || "*".equals(ifNoneMatch.strip()))) {
            return Response.notModified().header("ETag", e.etag()).header("Cache-Control", cacheControl).build();
        }
        return Response.ok(e.body(), e.contentType()).header("ETag", e.etag()).header("Cache-Control", cacheControl).build();
    }

    private byte[] toJson(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException("cannot render " + value.getClass(), e);
        }
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
