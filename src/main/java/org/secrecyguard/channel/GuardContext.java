package org.secrecyguard.channel;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every channel shares: the scanner, the policy, the event log, the popups and the clock, plus
 * the observers of every judgement. A channel is its watcher and its {@link Enforcer}; the rest of
 * the path (decide, enforce, record, notify) is {@link GuardPipeline}'s and runs on this context.
 */
public final class GuardContext {
    private static final Logger LOG = Logger.getLogger(GuardContext.class.getName());

    private final ContentScanner scanner;
    private final TransferPolicy policy;
    private final EventSink events;
    private final UserNotifier notifier;
    private final Clock clock;
    private final List<Consumer<Judgement>> judgementListeners = new CopyOnWriteArrayList<>();

    public GuardContext(ContentScanner scanner, TransferPolicy policy, EventSink events, UserNotifier notifier,
                        Clock clock) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.events = Objects.requireNonNull(events, "events");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ContentScanner scanner() {
        return scanner;
    }

    public TransferPolicy policy() {
        return policy;
    }

    public EventSink events() {
        return events;
    }

    public UserNotifier notifier() {
        return notifier;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Observes every judgement of every channel on this context, once its action has been carried
     * out (tests wait on it instead of sleeping; a status view could count them). Called on the
     * channel's thread: listeners must return at once.
     */
    public void onJudged(Consumer<Judgement> listener) {
        judgementListeners.add(listener);
    }

    void judged(Judgement judgement) {
        for (Consumer<Judgement> l : judgementListeners) {
            try {
                l.accept(judgement);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "judgement listener failed", e);
            }
        }
    }
}
