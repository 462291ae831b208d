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
import java.util.Arrays;
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
        return send(HttpMethod.PUT, key, content).map(r -> expect(r, "PUT " + key, 200)).replaceWithVoid();
    }

    @Override
    public Uni<byte[]> get(String key) {
        return send(HttpMethod.GET, key, null).map(r -> expect(r, "GET " + key, 200).body().getBytes());
    }

    @Override
    public Uni<Void> delete(String key) {
        return send(HttpMethod.DELETE, key, null).map(r -> expect(r, "DELETE " + key, 204, 200)).replaceWithVoid();
    }

    /** Creates the bucket (for a local or test store; a government cloud's bucket is provisioned with the tenancy). */
    public Uni<Void> createBucket() {
        return send(HttpMethod.PUT, null, null).map(r -> expect(r, "PUT bucket", 200, 409)).replaceWithVoid();
    }

    private record Answer(int status, Buffer body) {
    }

    private Uni<Answer> send(HttpMethod method, String key, byte[] content) {
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
        String authorization = new SigV4(s.accessKey(), s.secretKey(), s.region()).authorization(method.name(), path, headers, payloadSha);
        RequestOptions options = new RequestOptions().setMethod(method).setHost(e.getHost()).setPort(port).setSsl(tls).setURI(path);
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
