package cn.ruralfund.acceptance.storage;

import io.quarkus.arc.All;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Chooses the store new materials go to ({@code acceptance.storage}: {@code postgres} by default, or {@code s3});
 * a material is always read from the store recorded on it, so switching keeps old materials readable.
 */
@ApplicationScoped
@Startup
public class MaterialStores {

    private final List<MaterialStore> stores;
    private final MaterialStore writer;

    MaterialStores(@All List<MaterialStore> stores, @ConfigProperty(name = "acceptance.storage", defaultValue = "postgres") String configured) {
        this.stores = stores;
        this.writer = byName(configured);
    }

    /** Where new materials are stored. */
    public MaterialStore writer() {
        return writer;
    }

    /** The store a material was written to. */
    public MaterialStore byName(String name) {
        return stores.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no material store named " + name + "; known: "
                        + stores.stream().map(MaterialStore::name).toList()));
    }
}
