package org.secrecyguard.rules;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The rules in force and what the app built from them (typically an {@code Engine}), swapped as one
 * reference: a reader that calls {@link #current()} once sees one consistent pair, never a mix of two
 * rule sets, and never waits for an update.
 *
 * <p>Updates are two-phase: {@link #prepare} builds the app's object from a snapshot without making it
 * visible (so a rule set that cannot be built is refused while the old one stays); {@link Prepared#publish()}
 * then makes it current.
 *
 * @param <T> what the app builds from a snapshot
 */
public final class ActiveRules<T> {
    /**
     * One consistent state.
     *
     * @param snapshot the rules, or null while the built-in baseline is in force
     * @param value    what the app built from them (the baseline value when snapshot is null)
     */
    public record Active<T>(RuleSnapshot snapshot, T value) {
        /** Rules version in force; 0 for the baseline. */
        public long version() {
            return snapshot == null ? 0 : snapshot.info().version();
        }
    }

    private final Function<RuleSnapshot, T> build;
    private final AtomicReference<Active<T>> current;

    /**
     * @param build    turns a snapshot into the app's object; may throw to refuse the rule set
     * @param baseline in force until the first rules are applied
     */
    public ActiveRules(Function<RuleSnapshot, T> build, T baseline) {
        this.build = Objects.requireNonNull(build, "build");
        this.current = new AtomicReference<>(new Active<>(null, baseline));
    }

    /** A holder whose value is the snapshot itself (for apps that build their engine in a listener). */
    public static ActiveRules<Optional<RuleSnapshot>> ofSnapshots() {
        return new ActiveRules<>(Optional::of, Optional.empty());
    }

    public Active<T> current() {
        return current.get();
    }

    public T value() {
        return current.get().value();
    }

    public long version() {
        return current.get().version();
    }

    /** Builds the app's object from a snapshot; nothing becomes visible until {@link Prepared#publish()}. */
    public Prepared prepare(RuleSnapshot snapshot) {
        T value = build.apply(snapshot);
        return new Prepared(new Active<>(snapshot, Objects.requireNonNull(value, "build returned null")));
    }

    /** A built, not yet visible state. */
    public final class Prepared {
        private final Active<T> state;

        private Prepared(Active<T> state) {
            this.state = state;
        }

        public void publish() {
            current.set(state);
        }

        public Active<T> state() {
            return state;
        }
    }
}
