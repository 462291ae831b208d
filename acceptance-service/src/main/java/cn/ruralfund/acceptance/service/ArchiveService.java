package cn.ruralfund.acceptance.service;

import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.acceptance.domain.Material;
import cn.ruralfund.acceptance.storage.MaterialStores;
import cn.ruralfund.platform.time.PlatformClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The archive (档案, R6) of an application for inspectors: one ZIP with every material, the whole file as JSON
 * (reviews, conclusion, audit, postponements, history) and {@code manifest.json} listing every other entry with
 * its size and SHA-256, so that an inspector can verify nothing was altered.
 */
@ApplicationScoped
public class ArchiveService {

    public static final String MANIFEST = "manifest.json";
    public static final String FILE = "application.json";

    private final DossierService dossiers;
    private final MaterialStores stores;
    private final PlatformClock clock;
    private final ObjectMapper mapper;

    ArchiveService(DossierService dossiers, MaterialStores stores, PlatformClock clock, ObjectMapper mapper) {
        this.dossiers = dossiers;
        this.stores = stores;
        this.clock = clock;
        this.mapper = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public record Archive(String fileName, byte[] zip) {
    }

    /** Reads the file and its materials in one session, then hashes and compresses off the event loop (CPU work). */
    public Uni<Archive> of(UUID applicationId, Actor actor) {
        return Panache.withSession(() -> dossiers.of(applicationId, actor).chain(d -> {
                    Map<String, byte[]> entries = new LinkedHashMap<>();
                    entries.put(FILE, json(d));
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Material m : d.materials()) {
                        String path = "materials/" + m.kind + "/" + m.id + "-" + m.name.replaceAll("[\\\\/:*?\"<>|]", "_");
                        chain = chain.chain(() -> stores.byName(m.storage).get(m.storeKey).invoke(bytes -> entries.put(path, bytes)).replaceWithVoid());
                    }
                    return chain.map(ignored -> new Gathered(d, entries));
                }))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(this::pack);
    }

    private record Gathered(Dossier dossier, Map<String, byte[]> entries) {
    }

    private Archive pack(Gathered g) {
        Dossier d = g.dossier();
        List<Map<String, Object>> files = new ArrayList<>();
        g.entries().forEach((path, bytes) -> files.add(Map.of("path", path, "size", bytes.length, "sha256", MaterialService.sha256(bytes))));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("applicationId", d.application().id);
        manifest.put("projectId", d.project().id);
        manifest.put("enterpriseCreditCode", d.project().enterpriseCode);
        manifest.put("status", d.application().status);
        manifest.put("conclusion", d.application().conclusion);
        manifest.put("generatedAt", clock.now());
        manifest.put("algorithm", "SHA-256");
        manifest.put("files", files);
        return new Archive("acceptance-" + d.application().id + ".zip", zip(g.entries(), json(manifest)));
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> entries, byte[] manifest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifest);
            zip.closeEntry();
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
