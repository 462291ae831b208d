package cn.ruralfund.acceptance.service;

import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.acceptance.domain.Material;
import cn.ruralfund.acceptance.storage.MaterialStore;
import cn.ruralfund.acceptance.storage.MaterialStores;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Supporting materials (证明材料): each upload is checked before anything is stored (not empty, within the size
 * limit, an allowed type detected from its content that agrees with the declared type, the declared SHA-256
 * matching), then its row and its bytes are written in one transaction.
 */
@ApplicationScoped
public class MaterialService {

    /** An uploaded file as the web layer received it (a temporary file). */
    public record Upload(String kind, String fileName, String declaredType, String declaredSha256, Path file, long size) {
    }

    public record Content(Material material, byte[] bytes) {
    }

    private final MaterialStores stores;
    private final AuditTrail audit;
    private final PlatformClock clock;
    private final Vertx vertx;
    private final long maxBytes;

    MaterialService(MaterialStores stores, AuditTrail audit, PlatformClock clock, Vertx vertx,
                    @ConfigProperty(name = "acceptance.material.max-bytes", defaultValue = "20971520") long maxBytes) {
        this.stores = stores;
        this.audit = audit;
        this.clock = clock;
        this.vertx = vertx;
        this.maxBytes = maxBytes;
    }

    @WithTransaction
    public Uni<Material> upload(UUID applicationId, Upload upload, Actor actor) {
        return ApplicationService.editable(applicationId, actor).chain(a -> {
            if (upload.kind() == null || !upload.kind().matches("[A-Z][A-Z0-9_]{1,39}")) {
                throw ProblemException.invalid("material-kind", "kind is an upper-case checklist code, e.g. CONTRACT");
            }
            if (upload.fileName() == null || upload.fileName().isBlank() || upload.fileName().length() > 255) {
                throw ProblemException.invalid("material-name", "the file needs a name of at most 255 characters");
            }
            if (upload.size() == 0) {
                throw ProblemException.invalid("material-empty", "the file " + upload.fileName() + " is empty");
            }
            if (upload.size() > maxBytes) {
                throw new ProblemException(413, "material-too-large", "Material too large",
                        "the file " + upload.fileName() + " has " + upload.size() + " bytes; at most " + maxBytes + " are accepted");
            }
            String declaredSha = upload.declaredSha256() == null || upload.declaredSha256().isBlank() ? null
                    : upload.declaredSha256().trim().toLowerCase(Locale.ROOT);
            if (declaredSha != null && !declaredSha.matches("[0-9a-f]{64}")) {
                throw ProblemException.invalid("material-checksum-format", "sha256 is 64 hexadecimal digits");
            }
            return vertx.fileSystem().readFile(upload.file().toString()).chain(buffer -> {
                byte[] bytes = buffer.getBytes();
                String detected = ContentTypes.detect(bytes);
                if (!ContentTypes.ALLOWED.contains(detected)) {
                    throw new ProblemException(415, "material-type-forbidden", "Material type not accepted",
                            "the content of " + upload.fileName() + " is " + detected + "; accepted: PDF, PNG, JPEG, ZIP/OOXML, OLE2 documents");
                }
                if (!ContentTypes.agree(upload.declaredType(), detected)) {
                    throw new ProblemException(415, "material-type-mismatch", "Declared type does not match the content",
                            upload.fileName() + " is declared " + upload.declaredType() + " but its content is " + detected);
                }
                String sha = sha256(bytes);
                if (declaredSha != null && !declaredSha.equals(sha)) {
                    throw ProblemException.rule("material-checksum-mismatch", "Checksum mismatch",
                            "the declared SHA-256 " + declaredSha + " does not match the received content (" + sha + ")");
                }
                MaterialStore store = stores.writer();
                Material m = new Material();
                m.id = UUID.randomUUID();
                m.applicationId = a.id;
                m.kind = upload.kind();
                m.name = upload.fileName();
                m.declaredType = upload.declaredType();
                m.detectedType = detected;
                m.size = bytes.length;
                m.sha256 = sha;
                m.storage = store.name();
                m.storeKey = "materials/" + a.id + "/" + m.id;
                m.addedIn = 0;
                m.uploadedBy = actor.name();
                m.uploadedAt = clock.now();
                Uni<Material> stored = store.put(m.storeKey, bytes)
                        .chain(() -> m.persist())
                        .chain(() -> audit.record(actor.name(), "material.uploaded", "application", a.id, null,
                                Map.of("material", m.id.toString(), "kind", m.kind, "name", m.name, "sha256", m.sha256, "size", m.size)))
                        .replaceWith(m);
                // an object store is outside the transaction: undo the put when the row is not written
                return store.transactional() ? stored
                        : stored.onFailure().call(() -> store.delete(m.storeKey).onFailure().recoverWithNull());
            });
        });
    }

    @WithSession
    public Uni<Content> content(UUID applicationId, UUID materialId, Actor actor) {
        return ApplicationService.visible(applicationId, actor).chain(a -> Material.<Material>findById(materialId).chain(m -> {
            if (m == null || !m.applicationId.equals(a.id)) {
                throw ProblemException.notFound("material", materialId);
            }
            return stores.byName(m.storage).get(m.storeKey).map(bytes -> new Content(m, bytes));
        }));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
