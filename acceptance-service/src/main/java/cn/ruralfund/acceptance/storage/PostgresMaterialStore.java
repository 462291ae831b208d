package cn.ruralfund.acceptance.storage;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Materials as {@code bytea} rows in the service's own database, written in the same transaction as the
 * material row: a refused or failed upload leaves neither row nor blob behind. Good for the size of
 * acceptance files (limited by {@code acceptance.material.max-bytes}); an object store suits larger archives.
 */
@ApplicationScoped
public class PostgresMaterialStore implements MaterialStore {

    public static final String NAME = "postgres";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<Void> put(String key, byte[] content) {
        MaterialBlob blob = new MaterialBlob();
        blob.storeKey = key;
        blob.content = content;
        return blob.persist().replaceWithVoid();
    }

    @Override
    public Uni<Void> delete(String key) {
        return MaterialBlob.deleteById(key).replaceWithVoid();
    }

    @Override
    public Uni<byte[]> get(String key) {
        return MaterialBlob.<MaterialBlob>findById(key).map(b -> {
            if (b == null) {
                throw new IllegalStateException("no material content under " + key);
            }
            return b.content;
        });
    }
}
