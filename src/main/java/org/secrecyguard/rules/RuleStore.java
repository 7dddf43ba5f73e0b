package org.secrecyguard.rules;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.fingerprint.RegisteredDocument;
import org.secrecyguard.engine.keyword.KeywordRule;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.policy.DayType;
import org.secrecyguard.policy.ExternalApp;
import org.secrecyguard.policy.ExternalApps;
import org.secrecyguard.policy.PolicyConfig;
import org.secrecyguard.policy.PolicyEntry;
import org.secrecyguard.policy.PolicyMatrix;
import org.secrecyguard.policy.UsbDeviceId;
import org.secrecyguard.policy.WeeklySchedule;
import org.secrecyguard.policy.WorkCalendar;
import org.secrecyguard.policy.WorkHours;

/**
 * The rules database (SQLite, one file): what every PC looks for and how it reacts. Opening an older
 * database upgrades it in place ({@code PRAGMA user_version} + {@link RuleSchema#MIGRATIONS}); a newer one
 * is refused rather than misread. Keywords and documents are stored only as keyed hashes under the
 * deployment key generated at initialisation, never as plain text.
 *
 * <p>One instance holds one connection and is not thread-safe: it is the admin tool's and the updater's
 * working object. Running agents use the immutable {@link RuleSnapshot} from {@link #loadSnapshot()}.
 *
 * <p>This class is the facade: each table has its own class ({@link MetaTable}, {@link KeywordTable},
 * {@link DocumentTable}, ...) and {@link RulesDatabase} holds the connection; here every call is put in a
 * read or a transaction, so that what one call does is all or nothing.
 */
public final class RuleStore implements AutoCloseable {
    /** Length of the random deployment key (HMAC-SHA256 key). */
    public static final int DEPLOYMENT_KEY_BYTES = 32;

    private final RulesDatabase db;
    private final MetaTable meta;
    private final MarkingLevelTable markingLevels;
    private final KeywordTable keywords;
    private final DocumentTable documents;
    private final PolicyRuleTable policy;
    private final ExternalAppTable apps;
    private final UsbDeviceTable devices;
    private final WorkCalendarTables calendar;
    private final PopupTextTable popups;

    private RuleStore(RulesDatabase db) {
        Connection c = db.connection();
        this.db = db;
        this.meta = new MetaTable(c);
        this.markingLevels = new MarkingLevelTable(c);
        this.keywords = new KeywordTable(c, meta);
        this.documents = new DocumentTable(c, meta);
        this.policy = new PolicyRuleTable(c);
        this.apps = new ExternalAppTable(c);
        this.devices = new UsbDeviceTable(c);
        this.calendar = new WorkCalendarTables(c);
        this.popups = new PopupTextTable(c);
    }

    /** Creates and initialises a new rules database; refuses to touch an existing file. */
    public static RuleStore create(Path db) {
        return new RuleStore(RulesDatabase.create(db));
    }

    /**
     * Opens an existing rules database, upgrading an older schema in place.
     *
     * @throws RulesException when the file is missing, not a rules database, damaged, or newer than this program
     */
    public static RuleStore open(Path db) {
        return new RuleStore(RulesDatabase.open(db));
    }

    /** The schema version this program writes. */
    public static int currentSchemaVersion() {
        return RuleSchema.CURRENT;
    }

    public Path path() {
        return db.path();
    }

    // ---------------------------------------------------------------- metadata

    public RulesInfo info() {
        return db.query(meta::info);
    }

    /** The deployment key under which keywords and fingerprints are hashed (a copy). */
    public byte[] deploymentKey() {
        return db.query(meta::deploymentKey);
    }

    /** Records the version and issuer of the rule set (done when a bundle is made). */
    public void setVersion(long version, String issuer) {
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
        db.tx(() -> meta.setVersion(version, issuer));
    }

    // ---------------------------------------------------------------- marking levels

    public Set<Level> markingLevels() {
        return db.query(markingLevels::read);
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
        db.tx(() -> markingLevels.replace(levels));
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
        return db.txResult(() -> keywords.add(builds));
    }

    /** Removes a keyword rule by id ("kw:17" or "17"); false when there was none. */
    public boolean removeKeyword(String id) {
        String full = id.startsWith("kw:") ? id : "kw:" + id;
        return db.txResult(() -> keywords.remove(full));
    }

    public List<KeywordRule> keywords() {
        return db.query(keywords::read);
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
        return db.query(() -> Optional.ofNullable(meta.fingerprintScheme()));
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
        return db.txResult(() -> this.documents.add(scheme, documents));
    }

    /**
     * Registers many documents in one transaction (their {@code id} fields are ignored) without
     * recording their fingerprint scheme; {@link #addDocuments(String, List)} records it and is what
     * registration should use.
     *
     * @return the stored documents with their new ids, in order
     */
    public List<RegisteredDocument> addDocuments(List<RegisteredDocument> documents) {
        return db.txResult(() -> this.documents.insert(documents));
    }

    public boolean removeDocument(long id) {
        return db.txResult(() -> documents.remove(id));
    }

    /** Registered documents without their fingerprints, by id. */
    public List<DocumentSummary> documentSummaries() {
        return db.query(documents::summaries);
    }

    public List<RegisteredDocument> documents() {
        return db.query(documents::read);
    }

    // ---------------------------------------------------------------- policy matrix

    public void setPolicy(PolicyEntry entry) {
        db.tx(() -> policy.set(entry));
    }

    public PolicyMatrix policyMatrix() {
        return db.query(policy::read);
    }

    // ---------------------------------------------------------------- external applications

    /** Adds an application to a channel's external list; false when it was already there. */
    public boolean addApp(Channel channel, ExternalApp app) {
        return db.txResult(() -> apps.add(channel, app));
    }

    /** Removes an application (any case) from a channel's external list; false when it was not there. */
    public boolean removeApp(Channel channel, String name) {
        return db.txResult(() -> apps.remove(channel, name));
    }

    public ExternalApps externalApps() {
        return db.query(apps::read);
    }

    // ---------------------------------------------------------------- USB devices

    /** Registers a device as allowed; an existing entry gets the new label. False when nothing changed. */
    public boolean allowDevice(UsbDeviceId device) {
        return db.txResult(() -> devices.allow(device));
    }

    public boolean revokeDevice(UsbDeviceId device) {
        return db.txResult(() -> devices.revoke(device));
    }

    public List<UsbDeviceId> allowedDevices() {
        return db.query(devices::read);
    }

    // ---------------------------------------------------------------- work hours and calendar

    public void setWorkHours(WorkHours hours) {
        db.tx(() -> calendar.setHours(hours));
    }

    /**
     * Adds holidays and make-up working days (a date given again takes the new type).
     *
     * @param replace remove every existing entry first
     * @return how many dates were written
     */
    public int importCalendar(Map<LocalDate, DayType> days, boolean replace) {
        return db.txResult(() -> calendar.importDays(days, replace));
    }

    public WorkCalendar calendar() {
        return db.query(calendar::read);
    }

    // ---------------------------------------------------------------- popup texts

    public void setPopupText(PopupText text) {
        db.tx(() -> popups.set(text));
    }

    public PopupTexts popupTexts() {
        return db.query(popups::read);
    }

    // ---------------------------------------------------------------- self-check schedule

    /**
     * Sets the unit-wide weekly self-check slot every agent follows ("MON 12:30"; "off" = no scheduled
     * check, whatever the sites say), stored in its canonical form.
     *
     * @return the stored value
     * @throws IllegalArgumentException when the slot cannot be read
     */
    public String setSelfCheckSchedule(String slot) {
        String canonical = canonicalSlot(slot);
        db.tx(() -> meta.setSelfCheckWeekly(canonical));
        return canonical;
    }

    /** Removes the slot: each site's own {@code selfcheck.weekly} applies again. */
    public void clearSelfCheckSchedule() {
        db.tx(() -> meta.setSelfCheckWeekly(null));
    }

    /** The slot as stored, or empty when the rules leave it to the sites. */
    public Optional<String> selfCheckSchedule() {
        return db.query(() -> Optional.ofNullable(MetaTable.selfCheckWeekly(meta.read())));
    }

    /** "MON 12:30" or "off"; throws for anything WeeklySchedule cannot read, or for blank. */
    static String canonicalSlot(String slot) {
        if (slot == null || slot.isBlank()) {
            throw new IllegalArgumentException("self-check schedule is empty (give e.g. \"MON 12:30\" or \"off\")");
        }
        return WeeklySchedule.parse(slot).map(WeeklySchedule::toString).orElse("off");
    }

    // ---------------------------------------------------------------- snapshot and copies

    /**
     * Reads the whole rule set in one read transaction, so that a concurrent writer (another admin
     * command) cannot produce a snapshot that mixes two states.
     *
     * @throws RulesException when any row is damaged or names an unknown level, channel or action
     */
    public RuleSnapshot loadSnapshot() {
        return db.txResult(() -> {
            Map<String, String> values = meta.read();
            RulesInfo info = meta.info(values);
            PolicyConfig config = new PolicyConfig(policy.read(), apps.read(), devices.read(), calendar.read());
            return new RuleSnapshot(info, MetaTable.deploymentKey(values), markingLevels.read(), keywords.read(),
                    documents.read(), MetaTable.fingerprintScheme(values), config, popups.read(),
                    MetaTable.selfCheckWeekly(values));
        });
    }

    /**
     * Writes a consistent, compacted copy of the database to a new file ({@code VACUUM INTO}); the target
     * must not exist.
     */
    public void copyTo(Path target) {
        db.copyTo(target);
    }

    /** Runs {@code PRAGMA integrity_check}; returns "ok" or SQLite's first complaint. */
    public String integrityCheck() {
        return db.integrityCheck();
    }

    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return "RuleStore[" + db.path() + "]";
    }
}
