package org.secrecyguard.rules;

import static org.secrecyguard.rules.SqlSupport.exec;
import static org.secrecyguard.rules.SqlSupport.update;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.fingerprint.RegisteredDocument;
import org.secrecyguard.engine.keyword.KeywordRule;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.policy.DayType;
import org.secrecyguard.policy.ExternalApp;
import org.secrecyguard.policy.ExternalApps;
import org.secrecyguard.policy.PolicyConfig;
import org.secrecyguard.policy.PolicyEntry;
import org.secrecyguard.policy.PolicyMatrix;
import org.secrecyguard.policy.TimeRange;
import org.secrecyguard.policy.UsbDevice;
import org.secrecyguard.policy.WorkCalendar;
import org.secrecyguard.policy.WorkHours;
import org.sqlite.SQLiteConfig;

/**
 * The rules database (SQLite, one file): what every PC looks for and how it reacts. Opening an older
 * database upgrades it in place ({@code PRAGMA user_version} + {@link RuleSchema#MIGRATIONS}); a newer one
 * is refused rather than misread. Keywords and documents are stored only as keyed hashes under the
 * deployment key generated at initialisation, never as plain text.
 *
 * <p>One instance holds one connection and is not thread-safe: it is the admin tool's and the updater's
 * working object. Running agents use the immutable {@link RuleSnapshot} from {@link #loadSnapshot()}.
 */
public final class RuleStore implements AutoCloseable {
    /** Length of the random deployment key (HMAC-SHA256 key). */
    public static final int DEPLOYMENT_KEY_BYTES = 32;
    private static final String ANY_CHANNEL = "*";
    /** Meta key of the fingerprint scheme of the registered documents. */
    private static final String FINGERPRINT_SCHEME = "fingerprint_scheme";

    private final Path path;
    private final Connection c;

    private RuleStore(Path path, Connection c) {
        this.path = path;
        this.c = c;
    }

    /** Creates and initialises a new rules database; refuses to touch an existing file. */
    public static RuleStore create(Path db) {
        if (Files.exists(db)) {
            throw new RulesException("rules database already exists: " + db);
        }
        Connection c = connect(db);
        try {
            RuleSchema.migrate(c);
            return new RuleStore(db, c);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            try {
                Files.deleteIfExists(db);
            } catch (IOException ignored) {
                // the half-made file stays; the error below says what failed
            }
            throw new RulesException("cannot initialise rules database " + db + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing rules database, upgrading an older schema in place.
     *
     * @throws RulesException when the file is missing, not a rules database, damaged, or newer than this program
     */
    public static RuleStore open(Path db) {
        if (!Files.isRegularFile(db)) {
            throw new RulesException("no rules database at " + db + " (create one with: rules init --db " + db + ")");
        }
        Connection c = connect(db);
        try {
            int appId = SqlSupport.intPragma(c, "application_id");
            int version = SqlSupport.intPragma(c, "user_version");
            if (appId != V1Initial.APPLICATION_ID || version < 1) {
                throw new RulesException("not a SecrecyGuard rules database: " + db);
            }
            if (version > RuleSchema.CURRENT) {
                throw new RulesException("rules database " + db + " has schema version " + version
                        + ", newer than this program supports (" + RuleSchema.CURRENT + "); update SecrecyGuard");
            }
            RuleSchema.migrate(c);
            RuleSchema.check(c);
            return new RuleStore(db, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new RulesException("cannot open rules database " + db + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** The schema version this program writes. */
    public static int currentSchemaVersion() {
        return RuleSchema.CURRENT;
    }

    private static Connection connect(Path db) {
        SQLiteConfig config = new SQLiteConfig();
        // A single file (no -wal/-shm beside it) so that a rules file can be copied and renamed atomically.
        config.setJournalMode(SQLiteConfig.JournalMode.DELETE);
        config.setBusyTimeout(5000);
        try {
            return config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
        } catch (SQLException e) {
            throw new RulesException("cannot open " + db + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    // ---------------------------------------------------------------- metadata

    public RulesInfo info() {
        return query(() -> {
            Map<String, String> meta = meta();
            return new RulesInfo(Long.parseLong(meta.get("rules_version")), Instant.parse(meta.get("created")),
                    meta.get("issuer"), SqlSupport.intPragma(c, "user_version"));
        });
    }

    /** The deployment key under which keywords and fingerprints are hashed (a copy). */
    public byte[] deploymentKey() {
        return query(() -> decodeKey(meta().get("deployment_key")));
    }

    /** Records the version and issuer of the rule set (done when a bundle is made). */
    public void setVersion(long version, String issuer) {
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
        tx(() -> {
            setMeta("rules_version", Long.toString(version));
            if (issuer != null) {
                setMeta("issuer", issuer);
            }
        });
    }

    private Map<String, String> meta() throws SQLException {
        Map<String, String> m = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT key, value FROM meta")) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getString(2));
            }
        }
        for (String required : List.of("rules_version", "created", "issuer", "deployment_key", "next_keyword")) {
            if (!m.containsKey(required)) {
                throw new RulesException("rules database metadata lacks " + required);
            }
        }
        return m;
    }

    private void setMeta(String key, String value) throws SQLException {
        update(c, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                key, value);
    }

    private static byte[] decodeKey(String b64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new RulesException("rules database deployment key is not valid base64");
        }
        if (key.length != DEPLOYMENT_KEY_BYTES) {
            throw new RulesException("rules database deployment key has " + key.length + " bytes, expected "
                    + DEPLOYMENT_KEY_BYTES);
        }
        return key;
    }

    // ---------------------------------------------------------------- marking levels

    public Set<Level> markingLevels() {
        return query(this::readMarkingLevels);
    }

    /**
     * Sets the levels whose markings are flagged.
     *
     * @throws IllegalArgumentException when a national-secret level is left out: on an internet-connected PC
     *                                  those are always reported (涉密不上网)
     */
    public void setMarkingLevels(Set<Level> levels) {
        for (Level l : Level.values()) {
            if (l.isNationalSecret() && !levels.contains(l)) {
                throw new IllegalArgumentException(l + " cannot be switched off (涉密不上网: always reported)");
            }
        }
        tx(() -> {
            exec(c, "DELETE FROM marking_level");
            for (Level level : levels) {
                update(c, "INSERT INTO marking_level (level) VALUES (?)", level.name());
            }
        });
    }

    private Set<Level> readMarkingLevels() throws SQLException {
        Set<Level> levels = EnumSet.noneOf(Level.class);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT level FROM marking_level")) {
            while (rs.next()) {
                levels.add(level(rs.getString(1)));
            }
        }
        return levels;
    }

    // ---------------------------------------------------------------- keywords

    /**
     * Adds keyword rules. The store allocates each id ("kw:N", never reused) and asks {@code build} for the
     * rule with that id; a term already present (same digest) keeps its id and, if the level differs, moves
     * to the new level. All are added in one transaction.
     *
     * @param builds one function per term: rule id → keyed rule (e.g. {@code id -> hasher.rule(id, level, term)})
     */
    public List<KeywordAddition> addKeywords(List<Function<String, KeywordRule>> builds) {
        return txResult(() -> {
            long next = Long.parseLong(meta().get("next_keyword"));
            List<KeywordAddition> results = new ArrayList<>();
            for (Function<String, KeywordRule> build : builds) {
                String id = "kw:" + next;
                KeywordRule rule = build.apply(id);
                if (!id.equals(rule.id())) {
                    throw new IllegalArgumentException("keyword rule has id " + rule.id() + ", expected " + id);
                }
                validate(rule);
                KeywordAddition existing = existingKeyword(rule);
                if (existing != null) {
                    results.add(existing);
                    continue;
                }
                update(c, "INSERT INTO keyword (id, level, length, prefilter, digest, prefilter_length,"
                                + " prefilter_offset) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        rule.id(), rule.level().name(), rule.length(), rule.prefilter(), rule.digest(),
                        rule.prefilterLength(), rule.prefilterOffset());
                results.add(new KeywordAddition(rule.id(), rule.level(), KeywordAddition.Outcome.ADDED));
                next++;
            }
            setMeta("next_keyword", Long.toString(next));
            return results;
        });
    }

    private KeywordAddition existingKeyword(KeywordRule rule) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, level, prefilter, prefilter_length, prefilter_offset FROM keyword WHERE digest = ?")) {
            ps.setBytes(1, rule.digest());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String id = rs.getString(1);
                if (rs.getLong(3) != rule.prefilter() || rs.getInt(4) != rule.prefilterLength()
                        || rs.getInt(5) != rule.prefilterOffset()) {
                    // The same term hashed under an older prefilter layout: take the new one.
                    update(c, "UPDATE keyword SET prefilter = ?, prefilter_length = ?, prefilter_offset = ?"
                            + " WHERE id = ?", rule.prefilter(), rule.prefilterLength(), rule.prefilterOffset(), id);
                }
                if (level(rs.getString(2)) == rule.level()) {
                    return new KeywordAddition(id, rule.level(), KeywordAddition.Outcome.ALREADY_PRESENT);
                }
                update(c, "UPDATE keyword SET level = ? WHERE id = ?", rule.level().name(), id);
                return new KeywordAddition(id, rule.level(), KeywordAddition.Outcome.LEVEL_CHANGED);
            }
        }
    }

    private static void validate(KeywordRule rule) {
        if (rule.length() <= 0 || rule.prefilterLength() <= 0 || rule.prefilterOffset() < 0
                || rule.prefilterOffset() + rule.prefilterLength() > rule.length()
                || rule.digest() == null || rule.digest().length == 0 || rule.level() == null) {
            throw new IllegalArgumentException("keyword rule " + rule.id() + " is incomplete");
        }
    }

    /** Removes a keyword rule by id ("kw:17" or "17"); false when there was none. */
    public boolean removeKeyword(String id) {
        String full = id.startsWith("kw:") ? id : "kw:" + id;
        return txResult(() -> update(c, "DELETE FROM keyword WHERE id = ?", full) > 0);
    }

    public List<KeywordRule> keywords() {
        return query(this::readKeywords);
    }

    private List<KeywordRule> readKeywords() throws SQLException {
        List<KeywordRule> list = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, level, length, prefilter, digest, prefilter_length, prefilter_offset FROM keyword"
                        + " ORDER BY rowid")) {
            while (rs.next()) {
                list.add(new KeywordRule(rs.getString(1), level(rs.getString(2)), rs.getInt(3), rs.getLong(4),
                        rs.getBytes(5), rs.getInt(6), rs.getInt(7)));
            }
        }
        return list;
    }

    // ---------------------------------------------------------------- registered documents

    /**
     * Registers a document by its keyed fingerprints (computed by the caller with {@link #deploymentKey()}).
     *
     * @return the stored document with its new id
     */
    public RegisteredDocument addDocument(String title, Level level, int textLength, long[] fingerprints) {
        return addDocuments(List.of(new RegisteredDocument(0, title, level, textLength, fingerprints))).get(0);
    }

    /**
     * The fingerprint scheme ({@code Fingerprinter.scheme()}) the registered documents were made with,
     * or empty when none was recorded (no document registered yet, or a database from before schemes
     * were recorded). Agents compare it with their own: fingerprints of another scheme never match.
     */
    public Optional<String> fingerprintScheme() {
        return query(() -> Optional.ofNullable(meta().get(FINGERPRINT_SCHEME)));
    }

    /**
     * Registers documents fingerprinted under {@code scheme} ({@code Fingerprinter.scheme()}) and
     * records the scheme, in one transaction. Refused when documents made under another scheme are
     * registered: mixed schemes would leave some documents silently unmatchable.
     *
     * @return the stored documents with their new ids, in order
     * @throws RulesException when the database holds documents of another scheme
     */
    public List<RegisteredDocument> addDocuments(String scheme, List<RegisteredDocument> documents) {
        if (scheme == null || scheme.isBlank()) {
            throw new IllegalArgumentException("fingerprint scheme is empty");
        }
        return txResult(() -> {
            String stored = meta().get(FINGERPRINT_SCHEME);
            if (stored != null && !stored.equals(scheme) && countDocuments() > 0) {
                throw new RulesException("the registered documents were fingerprinted with scheme " + stored
                        + ", this program uses " + scheme + ": unregister them and register them again"
                        + " with this version before adding more");
            }
            setMeta(FINGERPRINT_SCHEME, scheme);
            return insertDocuments(documents);
        });
    }

    private long countDocuments() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM document")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Registers many documents in one transaction (their {@code id} fields are ignored) without
     * recording their fingerprint scheme; {@link #addDocuments(String, List)} records it and is what
     * registration should use.
     *
     * @return the stored documents with their new ids, in order
     */
    public List<RegisteredDocument> addDocuments(List<RegisteredDocument> documents) {
        return txResult(() -> insertDocuments(documents));
    }

    private List<RegisteredDocument> insertDocuments(List<RegisteredDocument> documents) throws SQLException {
        for (RegisteredDocument d : documents) {
            if (d.title() == null || d.title().isBlank()) {
                throw new IllegalArgumentException("document title is empty");
            }
            if (d.textLength() < 0 || d.level() == null || d.fingerprints() == null) {
                throw new IllegalArgumentException("document " + d.title() + " is incomplete");
            }
        }
        List<RegisteredDocument> stored = new ArrayList<>(documents.size());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO document (title, level, text_length, fingerprints) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            for (RegisteredDocument d : documents) {
                String title = d.title().strip();
                SqlSupport.bind(ps, title, d.level().name(), d.textLength(), toBytes(d.fingerprints()));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    stored.add(new RegisteredDocument(keys.getLong(1), title, d.level(), d.textLength(),
                            d.fingerprints().clone()));
                }
            }
        }
        return stored;
    }

    public boolean removeDocument(long id) {
        return txResult(() -> update(c, "DELETE FROM document WHERE id = ?", id) > 0);
    }

    /** Registered documents without their fingerprints, by id. */
    public List<DocumentSummary> documentSummaries() {
        return query(() -> {
            List<DocumentSummary> list = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT id, title, level, text_length, length(fingerprints) FROM document ORDER BY id")) {
                while (rs.next()) {
                    list.add(new DocumentSummary(rs.getLong(1), rs.getString(2), level(rs.getString(3)),
                            rs.getInt(4), rs.getInt(5) / Long.BYTES));
                }
            }
            return list;
        });
    }

    public List<RegisteredDocument> documents() {
        return query(this::readDocuments);
    }

    private List<RegisteredDocument> readDocuments() throws SQLException {
        List<RegisteredDocument> list = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, title, level, text_length, fingerprints FROM document ORDER BY id")) {
            while (rs.next()) {
                list.add(new RegisteredDocument(rs.getLong(1), rs.getString(2), level(rs.getString(3)),
                        rs.getInt(4), toLongs(rs.getBytes(5), rs.getLong(1))));
            }
        }
        return list;
    }

    private static byte[] toBytes(long[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Long.BYTES);
        buf.asLongBuffer().put(values);
        return buf.array();
    }

    private static long[] toLongs(byte[] bytes, long docId) {
        if (bytes == null || bytes.length % Long.BYTES != 0) {
            throw new RulesException("fingerprints of document #" + docId + " are damaged");
        }
        long[] values = new long[bytes.length / Long.BYTES];
        ByteBuffer.wrap(bytes).asLongBuffer().get(values);
        return values;
    }

    // ---------------------------------------------------------------- policy matrix

    public void setPolicy(PolicyEntry entry) {
        tx(() -> update(c, "INSERT INTO policy_rule (level, channel, action, off_hours_action) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT(level, channel) DO UPDATE SET action = excluded.action,"
                        + " off_hours_action = excluded.off_hours_action",
                entry.level().name(), entry.channel().name(), entry.action().name(),
                entry.offHours() == null ? null : entry.offHours().name()));
    }

    public PolicyMatrix policyMatrix() {
        return query(this::readMatrix);
    }

    private PolicyMatrix readMatrix() throws SQLException {
        List<PolicyEntry> entries = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT level, channel, action, off_hours_action FROM policy_rule")) {
            while (rs.next()) {
                String off = rs.getString(4);
                entries.add(new PolicyEntry(level(rs.getString(1)), channel(rs.getString(2)), action(rs.getString(3)),
                        off == null ? null : action(off)));
            }
        }
        return PolicyMatrix.of(entries);
    }

    // ---------------------------------------------------------------- external applications

    /** Adds an application to a channel's external list; false when it was already there. */
    public boolean addApp(Channel channel, ExternalApp app) {
        return txResult(() -> update(c, "INSERT OR IGNORE INTO external_app (channel, name, family) VALUES (?, ?, ?)",
                channel.name(), app.name(), app.family()) > 0);
    }

    /** Removes an application (any case) from a channel's external list; false when it was not there. */
    public boolean removeApp(Channel channel, String name) {
        return txResult(() -> update(c, "DELETE FROM external_app WHERE channel = ? AND name = ?",
                channel.name(), name.trim()) > 0);
    }

    public ExternalApps externalApps() {
        return query(this::readApps);
    }

    private ExternalApps readApps() throws SQLException {
        Map<Channel, List<ExternalApp>> map = new EnumMap<>(Channel.class);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT channel, name, family FROM external_app ORDER BY rowid")) {
            while (rs.next()) {
                map.computeIfAbsent(channel(rs.getString(1)), k -> new ArrayList<>())
                        .add(new ExternalApp(rs.getString(2), rs.getString(3)));
            }
        }
        return ExternalApps.of(map);
    }

    // ---------------------------------------------------------------- USB devices

    /** Registers a device as allowed; an existing entry gets the new label. False when nothing changed. */
    public boolean allowDevice(UsbDevice device) {
        return txResult(() -> update(c, "INSERT INTO usb_device (vendor_id, product_id, serial, label) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT(vendor_id, product_id, serial) DO UPDATE SET label = excluded.label"
                        + " WHERE label <> excluded.label",
                device.vendorId(), device.productId(), device.serial(), device.label()) > 0);
    }

    public boolean revokeDevice(UsbDevice device) {
        return txResult(() -> update(c, "DELETE FROM usb_device WHERE vendor_id = ? AND product_id = ? AND serial = ?",
                device.vendorId(), device.productId(), device.serial()) > 0);
    }

    public List<UsbDevice> allowedDevices() {
        return query(this::readDevices);
    }

    private List<UsbDevice> readDevices() throws SQLException {
        List<UsbDevice> list = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT vendor_id, product_id, serial, label FROM usb_device ORDER BY rowid")) {
            while (rs.next()) {
                list.add(new UsbDevice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return list;
    }

    // ---------------------------------------------------------------- work hours and calendar

    public void setWorkHours(WorkHours hours) {
        tx(() -> update(c, "INSERT INTO work_hours (id, days, periods) VALUES (1, ?, ?)"
                        + " ON CONFLICT(id) DO UPDATE SET days = excluded.days, periods = excluded.periods",
                formatDays(hours.days()), formatPeriods(hours.periods())));
    }

    /**
     * Adds holidays and make-up working days (a date given again takes the new type).
     *
     * @param replace remove every existing entry first
     * @return how many dates were written
     */
    public int importCalendar(Map<LocalDate, DayType> days, boolean replace) {
        return txResult(() -> {
            if (replace) {
                exec(c, "DELETE FROM calendar_day");
            }
            for (Map.Entry<LocalDate, DayType> e : new TreeMap<>(days).entrySet()) {
                update(c, "INSERT INTO calendar_day (day, type) VALUES (?, ?)"
                        + " ON CONFLICT(day) DO UPDATE SET type = excluded.type", e.getKey().toString(), e.getValue().id());
            }
            return days.size();
        });
    }

    public WorkCalendar calendar() {
        return query(this::readCalendar);
    }

    private WorkCalendar readCalendar() throws SQLException {
        WorkHours hours;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT days, periods FROM work_hours WHERE id = 1")) {
            if (!rs.next()) {
                throw new RulesException("rules database has no work hours");
            }
            try {
                hours = new WorkHours(WorkHours.parseDays(rs.getString(1)), WorkHours.parsePeriods(rs.getString(2)));
            } catch (IllegalArgumentException e) {
                throw new RulesException("rules database work hours are damaged: " + e.getMessage(), e);
            }
        }
        Map<LocalDate, DayType> days = new TreeMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT day, type FROM calendar_day")) {
            while (rs.next()) {
                try {
                    days.put(LocalDate.parse(rs.getString(1)), DayType.parse(rs.getString(2)));
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    throw new RulesException("rules database calendar entry is damaged: " + rs.getString(1), e);
                }
            }
        }
        return new WorkCalendar(hours, days);
    }

    static String formatDays(Set<DayOfWeek> days) {
        return days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
    }

    static String formatPeriods(List<TimeRange> periods) {
        return periods.stream().map(TimeRange::toString).collect(Collectors.joining(","));
    }

    // ---------------------------------------------------------------- popup texts

    public void setPopupText(PopupText text) {
        tx(() -> update(c, "INSERT INTO popup_text (level, channel, locale, explanation, advice) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT(level, channel, locale) DO UPDATE SET explanation = excluded.explanation,"
                        + " advice = excluded.advice",
                text.level().name(), text.channel() == null ? ANY_CHANNEL : text.channel().name(), text.locale(),
                text.explanation(), text.advice()));
    }

    public PopupTexts popupTexts() {
        return query(this::readPopups);
    }

    private PopupTexts readPopups() throws SQLException {
        List<PopupText> list = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT level, channel, locale, explanation, advice FROM popup_text ORDER BY rowid")) {
            while (rs.next()) {
                String ch = rs.getString(2);
                list.add(new PopupText(level(rs.getString(1)), ANY_CHANNEL.equals(ch) ? null : channel(ch),
                        rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return new PopupTexts(list);
    }

    // ---------------------------------------------------------------- snapshot and copies

    /**
     * Reads the whole rule set in one read transaction, so that a concurrent writer (another admin
     * command) cannot produce a snapshot that mixes two states.
     *
     * @throws RulesException when any row is damaged or names an unknown level, channel or action
     */
    public RuleSnapshot loadSnapshot() {
        return txResult(() -> {
            Map<String, String> meta = meta();
            RulesInfo info = new RulesInfo(Long.parseLong(meta.get("rules_version")), Instant.parse(meta.get("created")),
                    meta.get("issuer"), SqlSupport.intPragma(c, "user_version"));
            PolicyConfig policy = new PolicyConfig(readMatrix(), readApps(), readDevices(), readCalendar());
            return new RuleSnapshot(info, decodeKey(meta.get("deployment_key")), readMarkingLevels(), readKeywords(),
                    readDocuments(), meta.get(FINGERPRINT_SCHEME), policy, readPopups());
        });
    }

    /**
     * Writes a consistent, compacted copy of the database to a new file ({@code VACUUM INTO}); the target
     * must not exist.
     */
    public void copyTo(Path target) {
        if (Files.exists(target)) {
            throw new RulesException("copy target already exists: " + target);
        }
        String literal = target.toAbsolutePath().toString().replace("'", "''");
        query(() -> {
            exec(c, "VACUUM INTO '" + literal + "'");
            return null;
        });
    }

    /** Runs {@code PRAGMA integrity_check}; returns "ok" or SQLite's first complaint. */
    public String integrityCheck() {
        return query(() -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check(1)")) {
                return rs.next() ? rs.getString(1) : "no answer";
            }
        });
    }

    @Override
    public void close() {
        closeQuietly(c);
    }

    // ---------------------------------------------------------------- plumbing

    private static Level level(String name) {
        try {
            return Level.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RulesException("rules database names an unknown level: " + name);
        }
    }

    private static Channel channel(String name) {
        try {
            return Channel.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RulesException("rules database names an unknown channel: " + name);
        }
    }

    private static Action action(String name) {
        try {
            return Action.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RulesException("rules database names an unknown action: " + name);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    private <T> T query(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new RulesException("rules database " + path + ": " + e.getMessage(), e);
        }
    }

    private void tx(SqlAction action) {
        txResult(() -> {
            action.run();
            return null;
        });
    }

    private <T> T txResult(SqlWork<T> work) {
        try {
            c.setAutoCommit(false);
            try {
                T result = work.run();
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new RulesException("rules database " + path + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing useful to do: the connection is going away
        }
    }

    @Override
    public String toString() {
        return "RuleStore[" + path + "]";
    }
}
