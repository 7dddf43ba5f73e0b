package org.secrecyguard.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The signed table of contents of a bundle ({@code manifest.json}). The signature covers its exact bytes,
 * so the manifest is parsed only after the signature has been verified.
 *
 * @param format  {@link #FORMAT}; a different value is refused
 * @param version rules version, strictly increasing from bundle to bundle
 * @param created when the bundle was made (ISO-8601 instant)
 * @param issuer  who made it, e.g. the secrecy office's name
 * @param entries for each entry other than the manifest and its signature: its size and SHA-256
 */
@JsonPropertyOrder({"format", "version", "created", "issuer", "entries"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BundleManifest(String format, long version, String created, String issuer,
                             Map<String, EntryDigest> entries) {
    public static final String FORMAT = "secrecy-guard-rules/1";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public BundleManifest {
        entries = entries == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    /** Size in bytes and lower-case hex SHA-256 of one entry. */
    @JsonPropertyOrder({"size", "sha256"})
    public record EntryDigest(long size, String sha256) {
    }

    byte[] toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static BundleManifest parse(byte[] json) {
        try {
            BundleManifest m = JSON.readValue(json, BundleManifest.class);
            if (!FORMAT.equals(m.format())) {
                throw new BundleRejectedException(RejectReason.MALFORMED, "unknown bundle format: " + m.format());
            }
            if (m.version() < 1) {
                throw new BundleRejectedException(RejectReason.MALFORMED, "bundle version must be 1 or more");
            }
            return m;
        } catch (IOException e) {
            throw new BundleRejectedException(RejectReason.MALFORMED, "manifest is not valid: " + firstLine(e.getMessage()), e);
        }
    }
}
