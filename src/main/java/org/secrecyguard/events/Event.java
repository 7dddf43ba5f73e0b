package org.secrecyguard.events;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Evidence;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Verdict;

/**
 * One decision or state change of the guard, as the secrecy office will read it. Events are evidence:
 * they say who, where, when, through which channel, what was found (rule ids and masked evidence) and
 * what the guard did, but never the text that was caught.
 *
 * <p>The record guards that promise where it can: evidence items longer than
 * {@link #MAX_EVIDENCE_CHARS} are masked again (markings are short, caught prose is not), keyword and
 * fingerprint evidence without a mask is masked when built from findings, a file name that itself
 * matched a keyword or fingerprint rule is masked, and every free-text field is capped so a row has a
 * bounded size. Fields the user types (the override reason) cannot be checked and are only capped.
 *
 * <p>{@code channel} is a {@code policy.Channel} id ("clipboard") or a word such as "rules" or
 * "system"; {@code action} is a {@code policy.Action} name ("BLOCK") or a word for system events.
 * They are strings because this package depends on the engine only.
 *
 * @param id               unique id; the uploader and the collector de-duplicate by it
 * @param epochMillis      when it happened
 * @param zone             the PC's time zone then (night and holiday context)
 * @param kind             what kind of event
 * @param user             the OS user
 * @param host             the PC's name
 * @param channel          the channel id, or "rules" / "system"
 * @param action           what the guard did
 * @param level            the highest level found, null when nothing was found
 * @param ruleIds          ids of the rules that fired, e.g. "marking.header", "kw:17"
 * @param detector         the detectors that fired, comma-separated ids, e.g. "marking,keyword"
 * @param evidence         masked evidence, one item per finding
 * @param file             the file involved, or null
 * @param destination      the application and window it was going to, or null
 * @param device           the removable drive it was going to, or null
 * @param overrideReason   what the user typed to continue past a block, or null
 * @param rulesVersion     the rule bundle version in force
 * @param detail           a short non-secret note for system events (e.g. why a channel is down)
 * @param uploadedAtMillis when the collector acknowledged it, null while pending
 * @param refusedReason    why the collector refused it for good (it is then kept here, not resent), or null
 */
public record Event(UUID id, long epochMillis, ZoneId zone, EventKind kind, String user, String host,
                    String channel, String action, Level level, List<String> ruleIds, String detector,
                    List<String> evidence, FileInfo file, Destination destination, DeviceInfo device,
                    String overrideReason, String rulesVersion, String detail, Long uploadedAtMillis,
                    String refusedReason) {

    /** Longest evidence item kept as given; longer items are masked again. */
    public static final int MAX_EVIDENCE_CHARS = 48;
    static final int MAX_EVIDENCE_ITEMS = 32;
    static final int MAX_RULES = 64;
    static final int MAX_SHORT = 128;
    static final int MAX_TITLE = 256;
    static final int MAX_REASON = 1000;
    static final int MAX_DETAIL = 300;

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(kind, "kind");
        user = TextCaps.cap(user, MAX_SHORT);
        host = TextCaps.cap(host, MAX_SHORT);
        channel = Objects.requireNonNullElse(TextCaps.cap(channel, 64), "system");
        action = Objects.requireNonNullElse(TextCaps.cap(action, 64), "NONE");
        ruleIds = capList(ruleIds, MAX_RULES, MAX_SHORT);
        detector = TextCaps.cap(detector, MAX_SHORT);
        evidence = guardEvidence(evidence);
        overrideReason = TextCaps.cap(overrideReason, MAX_REASON);
        rulesVersion = TextCaps.cap(rulesVersion, 64);
        detail = TextCaps.cap(detail, MAX_DETAIL);
        refusedReason = TextCaps.cap(refusedReason, MAX_DETAIL);
    }

    /** An event the collector has not refused (how events are made; only the log knows of refusals). */
    public Event(UUID id, long epochMillis, ZoneId zone, EventKind kind, String user, String host,
                 String channel, String action, Level level, List<String> ruleIds, String detector,
                 List<String> evidence, FileInfo file, Destination destination, DeviceInfo device,
                 String overrideReason, String rulesVersion, String detail, Long uploadedAtMillis) {
        this(id, epochMillis, zone, kind, user, host, channel, action, level, ruleIds, detector, evidence, file,
                destination, device, overrideReason, rulesVersion, detail, uploadedAtMillis, null);
    }

    /** True once the collector has acknowledged this event. */
    public boolean uploaded() {
        return uploadedAtMillis != null;
    }

    /** True for findings of 绝密, 机密 or 秘密: these are uploaded first. */
    public boolean isNationalSecret() {
        return level != null && level.isNationalSecret();
    }

    public Instant time() {
        return Instant.ofEpochMilli(epochMillis);
    }

    /** The time as it was on the PC's clock. */
    public ZonedDateTime localTime() {
        return time().atZone(zone);
    }

    /** This event marked as acknowledged at {@code millis} (null: pending). */
    public Event withUploadedAt(Long millis) {
        return new Event(id, epochMillis, zone, kind, user, host, channel, action, level, ruleIds, detector,
                evidence, file, destination, device, overrideReason, rulesVersion, detail, millis, refusedReason);
    }

    private static List<String> capList(List<String> items, int maxItems, int maxChars) {
        if (items == null || items.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : items) {
            String c = TextCaps.cap(s, maxChars);
            if (c != null && out.size() < maxItems) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    private static List<String> guardEvidence(List<String> items) {
        if (items == null || items.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : items) {
            if (s == null || s.isBlank() || out.size() >= MAX_EVIDENCE_ITEMS) {
                continue;
            }
            String t = s.strip();
            // Caught prose is long, markings are short: a long item is not evidence the engine masked.
            out.add(TextCaps.length(t) > MAX_EVIDENCE_CHARS ? Evidence.mask(t, 2) : t);
        }
        return List.copyOf(out);
    }

    /**
     * The file a transfer carried.
     *
     * @param name   file name without folders (folders may name projects; keep them out)
     * @param size   size in bytes, -1 when unknown
     * @param sha256 lower-case hex SHA-256 of the content, or null
     */
    public record FileInfo(String name, long size, String sha256) {
        private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

        public FileInfo {
            name = TextCaps.cap(name, 255);
            size = Math.max(-1, size);
            if (sha256 != null) {
                sha256 = sha256.strip().toLowerCase(Locale.ROOT);
                if (!HEX64.matcher(sha256).matches()) {
                    throw new IllegalArgumentException("sha256 must be 64 hex digits");
                }
            }
        }

        /** The same file with its name masked (keeps the extension, which says the type, not the content). */
        FileInfo masked() {
            if (name == null) {
                return this;
            }
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 8 ? name.substring(dot) : "";
            return new FileInfo(Evidence.mask(name.substring(0, name.length() - ext.length()), 1) + ext, size,
                    sha256);
        }
    }

    /**
     * Where the material was going.
     *
     * @param application the process or application, e.g. "WeChat.exe"
     * @param windowTitle the destination window's title, e.g. the chat's name
     */
    public record Destination(String application, String windowTitle) {
        public Destination {
            application = TextCaps.cap(application, MAX_SHORT);
            windowTitle = TextCaps.cap(windowTitle, MAX_TITLE);
        }
    }

    /** A removable drive or phone used as a drive, as its USB descriptors name it. */
    public record DeviceInfo(String vendor, String product, String serial) {
        public DeviceInfo {
            vendor = TextCaps.cap(vendor, MAX_SHORT);
            product = TextCaps.cap(product, MAX_SHORT);
            serial = TextCaps.cap(serial, MAX_SHORT);
        }
    }

    // ---------------------------------------------------------------- factories

    /**
     * A detection: the findings of {@code verdict} (rule ids, detectors, masked evidence, highest level)
     * and the action the policy chose. Add file, destination, device and rules version on the builder.
     *
     * @param channel a {@code policy.Channel} id, e.g. "clipboard"
     * @param action  a {@code policy.Action} name, e.g. "BLOCK"
     */
    public static Builder detection(String channel, String action, Verdict verdict) {
        return builder(EventKind.DETECTION).channel(channel).action(action).findings(verdict.findings());
    }

    /** The user continued past a block on {@code channel} with {@code reason}. */
    public static Builder override(String channel, Verdict verdict, String reason) {
        return builder(EventKind.OVERRIDE).channel(channel).action("OVERRIDDEN").findings(verdict.findings())
                .overrideReason(reason);
    }

    /** A rule bundle applied ({@link EventKind#RULES_UPDATED}) or refused ({@link EventKind#RULES_REJECTED}). */
    public static Builder rules(EventKind kind, String rulesVersion, String detail) {
        return builder(kind).channel("rules").action(kind == EventKind.RULES_REJECTED ? "KEPT_PREVIOUS" : "APPLIED")
                .rulesVersion(rulesVersion).detail(detail);
    }

    /** The guard reporting on itself (channel down, log cap...). */
    public static Builder system(EventKind kind, String detail) {
        return builder(kind).channel("system").action("NONE").detail(detail);
    }

    public static Builder builder(EventKind kind) {
        return new Builder(kind);
    }

    /** Fills in id, time, zone, user and host from the running PC; everything else is optional. */
    public static final class Builder {
        private final EventKind kind;
        private UUID id = UUID.randomUUID();
        private Clock clock = Clock.systemDefaultZone();
        private Long epochMillis;
        private ZoneId zone;
        private String user = LocalIdentity.user();
        private String host = LocalIdentity.host();
        private String channel = "system";
        private String action = "NONE";
        private Level level;
        private final Set<String> rules = new LinkedHashSet<>();
        private final Set<String> detectors = new LinkedHashSet<>();
        private final Set<String> evidence = new LinkedHashSet<>();
        private boolean fileNameMatched;
        private FileInfo file;
        private Destination destination;
        private DeviceInfo device;
        private String overrideReason;
        private String rulesVersion;
        private String detail;

        private Builder(EventKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        public Builder id(UUID id) {
            this.id = Objects.requireNonNull(id);
            return this;
        }

        /** Takes time and zone from {@code clock} (tests pass a fixed one). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder time(Instant time) {
            this.epochMillis = time.toEpochMilli();
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        public Builder action(String action) {
            this.action = action;
            return this;
        }

        public Builder level(Level level) {
            this.level = level;
            return this;
        }

        /**
         * Adds the findings: their rule ids, detector ids and masked evidence, and raises the level.
         * Keyword and fingerprint evidence must be masked by the engine; an unmasked item is masked here.
         */
        public Builder findings(List<Finding> findings) {
            for (Finding f : findings) {
                rules.add(f.rule());
                detectors.add(f.detector().id());
                level = Level.max(level, f.level());
                boolean hidden = f.detector() == DetectorType.KEYWORD || f.detector() == DetectorType.FINGERPRINT;
                String ev = f.evidence().strip();
                if (!ev.isEmpty()) {
                    evidence.add(hidden && ev.indexOf('*') < 0 ? Evidence.mask(ev, 1) : ev);
                }
                if (hidden && namesFile(f.where())) {
                    fileNameMatched = true;
                }
            }
            return this;
        }

        /**
         * The file involved. When a keyword or fingerprint rule matched the file name itself, the name is
         * stored masked (it is the caught text).
         */
        public Builder file(String name, long size, String sha256) {
            this.file = new FileInfo(name, size, sha256);
            return this;
        }

        public Builder destination(String application, String windowTitle) {
            this.destination = new Destination(application, windowTitle);
            return this;
        }

        public Builder device(String vendor, String product, String serial) {
            this.device = new DeviceInfo(vendor, product, serial);
            return this;
        }

        public Builder overrideReason(String reason) {
            this.overrideReason = reason;
            return this;
        }

        public Builder rulesVersion(String rulesVersion) {
            this.rulesVersion = rulesVersion;
            return this;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        public Event build() {
            long millis = epochMillis != null ? epochMillis : clock.millis();
            ZoneId z = zone != null ? zone : clock.getZone();
            FileInfo f = file != null && fileNameMatched ? file.masked() : file;
            return new Event(id, millis, z, kind, user, host, channel, action, level, List.copyOf(rules),
                    detectors.isEmpty() ? null : String.join(",", detectors), List.copyOf(evidence), f,
                    destination, device, overrideReason, rulesVersion, detail, null);
        }

        private static boolean namesFile(String where) {
            String w = where.toLowerCase(Locale.ROOT);
            return w.contains("file name") || w.contains("filename") || w.contains("文件名");
        }
    }
}
