package org.secrecyguard.events.collect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The secrets agents must present to the collector ({@code Authorization: Bearer …}), one per line of a
 * file, each optionally after a label naming where it is deployed ("县委办 3f9c…"). Without them anyone
 * who can reach the collector could fill the secrecy office's records with forged events.
 *
 * <p>What a token does not do: every PC of a site holds its site's token, so someone with a PC can
 * still forge events under that site's name; per-PC certificates (mutual TLS) would be the next step.
 * Only SHA-256 digests are kept in memory and compared in constant time.
 */
public final class AgentTokens {
    /** Shortest token accepted: 128 bits as hex would be 32 chars; 24 leaves room for base64. */
    static final int MIN_CHARS = 24;

    private record Entry(String label, byte[] digest) {
    }

    private final List<Entry> entries;

    private AgentTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads a tokens file: blank lines and lines starting with '#' are skipped; a line is "TOKEN" or
     * "LABEL TOKEN".
     *
     * @throws IllegalArgumentException naming the line when a token is too short, or when there is none
     */
    public static AgentTokens read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String label = space < 0 ? "line " + (i + 1) : line.substring(0, space).strip();
            String token = space < 0 ? line : line.substring(space + 1);
            if (token.length() < MIN_CHARS) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": a token needs at least "
                        + MIN_CHARS + " characters (make one with: secrecy-guard keys token)");
            }
            entries.add(new Entry(label, sha256(token)));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no token");
        }
        return new AgentTokens(entries);
    }

    /** A new random token: 32 bytes as hex. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The label of the token an {@code Authorization} header carries, or empty when it carries none we know. */
    public Optional<String> check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        byte[] presented = sha256(authorization.substring(7).strip());
        String match = null;
        for (Entry e : entries) { // every entry is compared, so the time says nothing about which matched
            if (MessageDigest.isEqual(presented, e.digest()) && match == null) {
                match = e.label();
            }
        }
        return Optional.ofNullable(match);
    }

    public int size() {
        return entries.size();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
