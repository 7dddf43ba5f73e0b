package org.secrecyguard.channel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.secrecyguard.testing.Await;

/**
 * Records every judgement of a {@link GuardContext} so tests can wait for the judgement they assert on,
 * including the ones that flag nothing: "no event" is only checked once the content was judged.
 */
public final class Judgements implements Consumer<Judgement> {
    private final List<Judgement> seen = Collections.synchronizedList(new ArrayList<>());

    public static Judgements on(GuardContext context) {
        Judgements j = new Judgements();
        context.onJudged(j);
        return j;
    }

    @Override
    public void accept(Judgement judgement) {
        seen.add(judgement);
    }

    public int count() {
        return seen.size();
    }

    public List<Judgement> snapshot() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** Waits until {@code n} judgements in all were carried out (waiting ones not counted) and returns the n-th. */
    public Judgement awaitCarriedOut(int n) {
        Await.until(() -> carriedOut().size() >= n, n + " judgement(s) carried out, saw " + snapshot());
        return carriedOut().get(n - 1);
    }

    /** Waits for a judgement that matches and returns the first such. */
    public Judgement await(Predicate<Judgement> what, String description) {
        Await.until(() -> snapshot().stream().anyMatch(what), description + ", saw " + snapshot());
        return snapshot().stream().filter(what).findFirst().orElseThrow();
    }

    private List<Judgement> carriedOut() {
        return snapshot().stream().filter(j -> !j.waiting()).toList();
    }
}
