package cn.ruralfund.acceptance.storage;

import io.smallrye.mutiny.Uni;

/**
 * Where the bytes of supporting materials lie. The row describing a material (name, types, size, SHA-256) is
 * always in PostgreSQL; the store keeps the content under a key. Implementations: {@link PostgresMaterialStore}
 * (the default, {@code acceptance.storage=postgres}) and {@link S3MaterialStore} ({@code acceptance.storage=s3}).
 */
public interface MaterialStore {

    /** The name recorded on each material, so a later change of store still finds old content. */
    String name();

    /** Stores the content; called inside the transaction that writes the material row. */
    Uni<Void> put(String key, byte[] content);

    /** The content, or a failed Uni when the key is unknown. */
    Uni<byte[]> get(String key);

    /** Removes the content (to undo a put whose row was not written). */
    Uni<Void> delete(String key);

    /** True when put and delete take part in the database transaction of the caller (nothing to undo on a rollback). */
    default boolean transactional() {
        return true;
    }
}
