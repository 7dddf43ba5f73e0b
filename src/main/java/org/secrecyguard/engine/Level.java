package org.secrecyguard.engine;

/**
 * Classification levels, highest first. National-secret levels (绝密, 机密, 秘密) may never be on an
 * internet-connected PC; work secrets and internal material may be, but must not leave it.
 */
public enum Level {
    TOP_SECRET("绝密", 30),
    SECRET("机密", 20),
    CONFIDENTIAL("秘密", 10),
    WORK_SECRET("工作秘密", 0),
    INTERNAL("内部", 0);

    private final String chinese;
    private final int statutoryYears;

    Level(String chinese, int statutoryYears) {
        this.chinese = chinese;
        this.statutoryYears = statutoryYears;
    }

    /** The marking word as printed on documents, e.g. "机密". */
    public String chinese() {
        return chinese;
    }

    /** Longest protection period in years when a marking gives none (保密法); 0 for non-state secrets. */
    public int statutoryYears() {
        return statutoryYears;
    }

    /** True for 绝密, 机密 and 秘密: state secrets, always reported on an internet-connected PC. */
    public boolean isNationalSecret() {
        return this == TOP_SECRET || this == SECRET || this == CONFIDENTIAL;
    }

    /** True when this level is strictly more sensitive than {@code other} (null counts as lowest). */
    public boolean isHigherThan(Level other) {
        return other == null || ordinal() < other.ordinal();
    }

    /** The more sensitive of two levels; either may be null. */
    public static Level max(Level a, Level b) {
        if (a == null) {
            return b;
        }
        return a.isHigherThan(b) ? a : b;
    }

    /** Parses a level given by name ("SECRET", "secret") or by its Chinese word ("机密"). */
    public static Level parse(String text) {
        String trimmed = text.trim();
        for (Level level : values()) {
            if (level.name().equalsIgnoreCase(trimmed) || level.chinese.equals(trimmed)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown level: " + text
                + " (use TOP_SECRET, SECRET, CONFIDENTIAL, WORK_SECRET, INTERNAL)");
    }
}
