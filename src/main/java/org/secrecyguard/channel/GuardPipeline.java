package org.secrecyguard.channel;

import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.OverrideRule;

/**
 * The path every judged piece of content takes, whichever channel saw it: decide (the policy) →
 * enforce (the channel's {@link Enforcer}) → record (the event log) → notify (the popup). Recording
 * comes before the popup: the log is what the secrecy office sees, and it must not wait on a user.
 *
 * <ul>
 *   <li>ALLOW: nothing; AUDIT: logged; WARN: logged and a warning shown.</li>
 *   <li>BLOCK: stopped, logged, the block shown. BLOCK_OVERRIDABLE: the same, and a user who gives a
 *       reason ({@link OverrideRule}) has the transfer let through again, logged with the reason.</li>
 *   <li>A transfer that cannot be stopped (a key press, a file the chat already holds, a drive that
 *       refuses the move) is logged as warned with the action the policy wanted, and shown as a warning:
 *       the popup never claims a block that did not happen.</li>
 *   <li>Clean content that could not be checked whole is logged for IT when it is a file.</li>
 * </ul>
 * Losing the log never stops protection: a failing event sink is reported in the app log only.
 */
public final class GuardPipeline {
    private static final Logger LOG = Logger.getLogger(GuardPipeline.class.getName());

    private final GuardContext context;

    public GuardPipeline(GuardContext context) {
        this.context = context;
    }

    public GuardContext context() {
        return context;
    }

    /** Asks the policy, then carries its action out; returns the action. */
    public Action decideAndCarryOut(Transfer transfer, ScanOutcome outcome, String note, Enforcer enforcer) {
        Instant time = context.clock().instant();
        Action action = outcome.verdict().isClean() ? Action.ALLOW
                : context.policy().decide(outcome.verdict(), transfer,
                ZonedDateTime.ofInstant(time, context.clock().getZone()));
        carryOut(transfer, outcome, note, action, time, enforcer);
        return action;
    }

    /** Carries out an action the channel chose itself (e.g. the fixed rule for a drive's inventory). */
    public void carryOut(Transfer transfer, ScanOutcome outcome, String note, Action action, Enforcer enforcer) {
        carryOut(transfer, outcome, note, action, context.clock().instant(), enforcer);
    }

    /** Reports a judgement whose action waits for something (see {@link Judgement#action()}). */
    public void waiting(Transfer transfer, ScanOutcome outcome) {
        context.judged(new Judgement(transfer, outcome.verdict(), outcome.complete(), null));
    }

    private void carryOut(Transfer t, ScanOutcome outcome, String note, Action action, Instant time,
                          Enforcer enforcer) {
        Verdict v = outcome.verdict();
        if (v.isClean()) {
            if (!outcome.complete() && t.file() != null) {
                record(t, time, Action.AUDIT, GuardEvent.Outcome.AUDITED, v, "", "not fully checked: " + outcome.note());
            }
            context.judged(new Judgement(t, v, outcome.complete(), Action.ALLOW));
            return;
        }
        GuardAlert alert = new GuardAlert(action, t.channel(), t.contentKind(), v, t.shownAs(), time);
        switch (action) {
            case ALLOW -> { }
            case AUDIT -> record(t, time, action, GuardEvent.Outcome.AUDITED, v, "", note);
            case WARN -> {
                record(t, time, action, GuardEvent.Outcome.WARNED, v, "", note);
                context.notifier().warn(alert);
            }
            case BLOCK, BLOCK_OVERRIDABLE -> block(t, alert, note, enforcer);
            default -> throw new IllegalStateException("unknown action " + action);
        }
        context.judged(new Judgement(t, v, outcome.complete(), action));
    }

    private void block(Transfer t, GuardAlert alert, String note, Enforcer enforcer) {
        String stopped;
        try {
            stopped = enforcer.stop();
        } catch (Enforcer.CannotStop e) {
            record(t, alert.time(), alert.action(), GuardEvent.Outcome.WARNED, alert.verdict(), "",
                    join(note, e.getMessage()));
            context.notifier().warn(new GuardAlert(Action.WARN, alert.channel(), alert.contentKind(),
                    alert.verdict(), alert.destinationApp(), alert.time()));
            return;
        }
        record(t, alert.time(), alert.action(), GuardEvent.Outcome.BLOCKED, alert.verdict(), "", join(note, stopped));
        if (alert.action() == Action.BLOCK) {
            context.notifier().blocked(alert);
            return;
        }
        context.notifier().askOverride(alert).whenComplete((reason, error) -> {
            if (error != null || reason == null || reason.isEmpty()) {
                return;
            }
            try {
                enforcer.releaseThread().execute(() -> overridden(t, alert, reason, enforcer));
            } catch (RejectedExecutionException stoppedMeanwhile) {
                LOG.info("override answered after the channel stopped: the transfer stays stopped");
            }
        });
    }

    private void overridden(Transfer t, GuardAlert alert, Optional<String> answer, Enforcer enforcer) {
        String reason = answer.orElse("").strip();
        if (!OverrideRule.isAcceptableReason(reason)) {
            LOG.warning("override reason shorter than " + OverrideRule.MIN_REASON_CHARS + " characters ignored");
            return;
        }
        Instant time = context.clock().instant();
        try {
            String released = enforcer.release();
            record(t, time, alert.action(), GuardEvent.Outcome.OVERRIDDEN, alert.verdict(), reason, released);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not let an overridden " + t.channel().id() + " transfer through", e);
            record(t, time, alert.action(), GuardEvent.Outcome.BLOCKED, alert.verdict(), reason, e.getMessage());
        }
    }

    private void record(Transfer t, Instant time, Action action, GuardEvent.Outcome outcome, Verdict verdict,
                        String reason, String note) {
        try {
            context.events().record(new GuardEvent(time, t.channel(), action, outcome, t.contentKind(), verdict,
                    t.shownAs(), reason, note, t.file(), t.device()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "event log failed", e);
        }
    }

    static String join(String a, String b) {
        if (b == null || b.isEmpty()) {
            return a;
        }
        return a.isEmpty() ? b : a + "; " + b;
    }
}
