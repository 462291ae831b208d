package cn.ruralfund.acceptance.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Materials in an S3-compatible object store (MinIO, or a government cloud's OSS/OBS/COS in S3 mode), path-style
 * addressing, SigV4-signed, through the Vert.x HTTP client (non-blocking, no SDK). Selected with
 * {@code acceptance.storage=s3} and configured by {@code acceptance.s3.endpoint|region|bucket|access-key|secret-key}.
 * An object store is not part of the database transaction: an object is written before its row and deleted again
 * if the row is not written (see {@link #transactional()}).
 */
@ApplicationScoped
public class S3MaterialStore implements MaterialStore {

    public static final String NAME = "s3";

    public record Settings(URI endpoint, String region, String bucket, String accessKey, String secretKey) {
    }

    private final Vertx vertx;
    private final Optional<Settings> settings;
    private volatile HttpClient client;

    @Inject
    S3MaterialStore(Vertx vertx,
                    @ConfigProperty(name = "acceptance.s3.endpoint") Optional<URI> endpoint,
                    @ConfigProperty(name = "acceptance.s3.region", defaultValue = "us-east-1") String region,
                    @ConfigProperty(name = "acceptance.s3.bucket") Optional<String> bucket,
                    @ConfigProperty(name = "acceptance.s3.access-key") Optional<String> accessKey,
                    @ConfigProperty(name = "acceptance.s3.secret-key") Optional<String> secretKey) {
        this(vertx, endpoint.isPresent() && bucket.isPresent() && accessKey.isPresent() && secretKey.isPresent()
                ? new Settings(endpoint.get(), region, bucket.get(), accessKey.get(), secretKey.get()) : null);
    }

    public S3MaterialStore(Vertx vertx, Settings settings) {
        this.vertx = vertx;
        this.settings = Optional.ofNullable(settings);
    }

    /** Whether endpoint, bucket and keys are set. */
    public boolean configured() {
        return settings.isPresent();
    }

    public Settings settings() {
        return settings.orElseThrow();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean transactional() {
        return false;
    }

    @Override
    public Uni<Void> put(String key, byte[] content) {
        return send(HttpMethod.PUT, key, null, content).map(r -> expect(r, "PUT " + key, 200)).replaceWithVoid();
    }

    @Override
    public Uni<byte[]> get(String key) {
        return send(HttpMethod.GET, key, null, null).map(r -> expect(r, "GET " + key, 200).body().getBytes());
    }

    @Override
    public Uni<Void> delete(String key) {
        return send(HttpMethod.DELETE, key, null, null).map(r -> expect(r, "DELETE " + key, 204, 200)).replaceWithVoid();
    }

    /** Creates the bucket (for a local or test store; a government cloud's bucket is provisioned with the tenancy). */
    public Uni<Void> createBucket() {
        return send(HttpMethod.PUT, null, null, null).map(r -> expect(r, "PUT bucket", 200, 409)).replaceWithVoid();
    }

    /** An object in the bucket, as listed. */
    public record StoredObject(String key, Instant lastModified) {
    }

    /** One page of the objects whose key starts with {@code prefix} (ListObjectsV2), and the token of the next, or null. */
    public record Page(List<StoredObject> objects, String next) {
    }

    /**
     * The bucket is this service's own, so the whole bucket is listed and filtered here: a {@code prefix} parameter
     * holds a '/', which S3 and MinIO sign percent-encoded and moto decoded, so no one signature suits both.
     */
    public Uni<Page> list(String prefix, String continuation) {
        Map<String, String> query = new TreeMap<>();
        query.put("list-type", "2");
        if (continuation != null) {
            query.put("continuation-token", continuation);
        }
        String canonical = query.entrySet().stream().map(e -> SigV4.encodeSegment(e.getKey()) + "=" + SigV4.encodeSegment(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpMethod.GET, null, canonical, null).map(r -> {
            Page page = page(expect(r, "LIST", 200).body().toString());
            return new Page(page.objects().stream().filter(o -> o.key().startsWith(prefix)).toList(), page.next());
        });
    }

    private static final Pattern CONTENTS = Pattern.compile("<Contents>(.*?)</Contents>", Pattern.DOTALL);
    private static final Pattern KEY = Pattern.compile("<Key>(.*?)</Key>", Pattern.DOTALL);
    private static final Pattern MODIFIED = Pattern.compile("<LastModified>(.*?)</LastModified>");
    private static final Pattern NEXT = Pattern.compile("<NextContinuationToken>(.*?)</NextContinuationToken>", Pattern.DOTALL);

    private static Page page(String xml) {
        List<StoredObject> objects = new ArrayList<>();
        Matcher contents = CONTENTS.matcher(xml);
        while (contents.find()) {
            Matcher key = KEY.matcher(contents.group(1));
            Matcher modified = MODIFIED.matcher(contents.group(1));
            if (key.find() && modified.find()) {
                objects.add(new StoredObject(unescape(key.group(1)), Instant.parse(modified.group(1))));
            }
        }
        Matcher next = NEXT.matcher(xml);
        return new Page(objects, xml.contains("<IsTruncated>true</IsTruncated>") && next.find() ? unescape(next.group(1)) : null);
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }

    private record Answer(int status, Buffer body) {
    }

    private Uni<Answer> send(HttpMethod method, String key, String query, byte[] content) {
        Settings s = settings.orElseThrow(() -> new IllegalStateException(
                "acceptance.storage=s3 needs acceptance.s3.endpoint, bucket, access-key and secret-key"));
        String path = "/" + SigV4.encodeSegment(s.bucket())
                + (key == null ? "" : "/" + Arrays.stream(key.split("/")).map(SigV4::encodeSegment).collect(Collectors.joining("/")));
        URI e = s.endpoint();
        boolean tls = "https".equals(e.getScheme());
        int port = e.getPort() != -1 ? e.getPort() : tls ? 443 : 80;
        String host = e.getHost() + (e.getPort() == -1 ? "" : ":" + e.getPort());
        String payloadSha = content == null ? SigV4.EMPTY_SHA256 : SigV4.hex(SigV4.sha256(content));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", host);
        headers.put("x-amz-content-sha256", payloadSha);
        headers.put("x-amz-date", SigV4.amzDate(Instant.now()));
        String authorization = new SigV4(s.accessKey(), s.secretKey(), s.region())
                .authorization(method.name(), path, query == null ? "" : query, headers, payloadSha);
        RequestOptions options = new RequestOptions().setMethod(method).setHost(e.getHost()).setPort(port).setSsl(tls)
                .setURI(query == null ? path : path + "?" + query);
        headers.forEach(options::putHeader);
        options.putHeader("authorization", authorization);
        return client().request(options)
                .chain(request -> content == null ? request.send() : request.send(Buffer.buffer(content)))
                .chain((HttpClientResponse response) -> response.body().map(body -> new Answer(response.statusCode(), body)));
    }

    private static Answer expect(Answer answer, String what, int... ok) {
        for (int status : ok) {
            if (answer.status() == status) {
                return answer;
            }
        }
        throw new IllegalStateException("object store refused " + what + ": HTTP " + answer.status() + " " + answer.body());
    }

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient();
                }
            }
        }
        return client;
    }
}
