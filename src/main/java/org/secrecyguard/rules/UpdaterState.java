package org.secrecyguard.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the {@link RuleUpdater} remembers across restarts ({@value #FILE_NAME} next to the bundles): the
 * highest rules version ever applied on this PC (so an older signed bundle put back into the folder is
 * refused), the SHA-256 of the bundles it installed itself (binding the record to them, so a swapped bundle
 * is evident), and the last tag (HTTP ETag) per source, so an unchanged bundle costs one 304 after a
 * restart too. Written atomically: temp file, fsync, rename.
 *
 * @param highestVersion highest version ever applied; 0 when none
 * @param currentSha256  lower-case hex SHA-256 of {@code current.bundle} as installed by the updater, or null
 * @param previousSha256 the same for {@code previous.bundle}, or null
 * @param tags           per source description, the tag to send on the next fetch
 */
@JsonPropertyOrder({"format", "highestVersion", "currentSha256", "previousSha256", "tags"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record UpdaterState(String format, long highestVersion, String currentSha256, String previousSha256,
                    Map<String, String> tags) {
    static final String FILE_NAME = "updater-state.json";
    static final String FORMAT = "secrecy-guard-updater-state/1";
    static final UpdaterState EMPTY = new UpdaterState(FORMAT, 0, null, null, Map.of());
    private static final long MAX_BYTES = 1 << 20;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    UpdaterState {
        tags = tags == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    }

    /** Thrown when the file exists but cannot be trusted as written by the updater. */
    static final class Unreadable extends IOException {
        private static final long serialVersionUID = 1L;

        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @return the state, or null when the file does not exist
     * @throws Unreadable when it exists but is damaged, too large or of another format
     */
    static UpdaterState read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new Unreadable(file + " is larger than " + MAX_BYTES + " bytes", null);
            }
            UpdaterState s = JSON.readValue(Files.readAllBytes(file), UpdaterState.class);
            if (s == null || !FORMAT.equals(s.format()) || s.highestVersion() < 0) {
                throw new Unreadable(file + " is not an updater state file of format " + FORMAT, null);
            }
            return s;
        } catch (Unreadable e) {
            throw e;
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new Unreadable(file + " cannot be parsed: " + msg, e);
        }
    }

    /** Writes to a temp file in the same folder, fsyncs it, and renames it over {@code file}. */
    void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "state-", ".tmp");
        try {
            ByteBuffer bytes = ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    UpdaterState withTag(String source, String tag) {
        Map<String, String> t = new TreeMap<>(tags);
        if (tag == null) {
            t.remove(source);
        } else {
            t.put(source, tag);
        }
        return new UpdaterState(FORMAT, highestVersion, currentSha256, previousSha256, t);
    }

    UpdaterState installed(long version, String currentHash, String previousHash) {
        return new UpdaterState(FORMAT, Math.max(highestVersion, version), currentHash, previousHash, tags);
    }
}
