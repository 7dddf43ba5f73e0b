package org.secrecyguard.channel.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.channel.ChannelHealth;
import org.secrecyguard.channel.ContentScanner;
import org.secrecyguard.channel.DaemonThreads;
import org.secrecyguard.channel.Enforcer;
import org.secrecyguard.channel.FolderWatch;
import org.secrecyguard.channel.GuardChannel;
import org.secrecyguard.channel.GuardContext;
import org.secrecyguard.channel.GuardEvent;
import org.secrecyguard.channel.GuardPipeline;
import org.secrecyguard.channel.ScanOutcome;
import org.secrecyguard.channel.SettlingFiles;
import org.secrecyguard.channel.Transfer;
import org.secrecyguard.policy.Channel;

/**
 * Watches the folders where chat applications keep the files their user sent and received (WeChat
 * copies every file it sends or receives there) and checks each new file. By then the file has gone
 * through the chat, so the guard cannot stop it; it does what it can: the user is shown a warning for
 * any action above AUDIT (so that they recall or delete the message and tell the secrecy office), and
 * the event says which action the policy wanted and that it came too late. The file itself is left
 * alone: it is the application's copy.
 *
 * <p>A store folder that does not exist yet (the application not installed, or its user never logged
 * in) is looked for again every round. Files already there when watching starts are history and are
 * not checked. Threads: "chat-files" polls the stores and their watches, "chat-scan" checks files.
 */
public final class ChatFileGuard implements GuardChannel {
    private static final Logger LOG = Logger.getLogger(ChatFileGuard.class.getName());

    private final List<ChatStore> stores;
    private final ContentScanner scanner;
    private final GuardPipeline pipeline;
    private final Clock clock;
    private final Duration pollPeriod;
    private final Duration settle;

    private final Map<ChatStore, FolderWatch> watches = new HashMap<>();
    private SettlingFiles<ChatStore> settling;
    private ScheduledExecutorService loop;
    private ExecutorService scans;
    private volatile ChannelHealth health = ChannelHealth.stopped();

    private ChatFileGuard(Builder b) {
        this.stores = List.copyOf(b.stores);
        GuardContext context = Objects.requireNonNull(b.context, "context");
        this.scanner = context.scanner();
        this.pipeline = new GuardPipeline(context);
        this.clock = context.clock();
        this.pollPeriod = b.pollPeriod;
        this.settle = b.settle;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Channel kind() {
        return Channel.CHAT_FILE_STORE;
    }

    @Override
    public synchronized void start() {
        if (loop != null) {
            return;
        }
        settling = new SettlingFiles<>(settle);
        loop = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("chat-files"));
        scans = Executors.newSingleThreadExecutor(DaemonThreads.named("chat-scan"));
        health = ChannelHealth.up();
        loop.scheduleWithFixedDelay(this::tick, 0, pollPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (loop == null) {
            return;
        }
        loop.shutdownNow();
        scans.shutdownNow();
        try {
            loop.awaitTermination(5, TimeUnit.SECONDS);
            scans.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watches.values().forEach(FolderWatch::close);
        watches.clear();
        loop = null;
        scans = null;
        health = ChannelHealth.stopped();
    }

    @Override
    public ChannelHealth health() {
        return health;
    }

    /** The stores being watched now (their folders exist). */
    public synchronized List<ChatStore> watchedStores() {
        return new ArrayList<>(watches.keySet());
    }

    private void tick() {
        try {
            List<String> problems = new ArrayList<>();
            synchronized (this) {
                Instant now = clock.instant();
                for (ChatStore store : stores) {
                    FolderWatch w = follow(store, problems);
                    if (w == null) {
                        continue;
                    }
                    for (Path file : w.drain()) {
                        if (store.holds(file)) {
                            settling.touched(file, store, now);
                        }
                    }
                    if (w.truncated()) {
                        problems.add("chat-store-partly-watched");
                    }
                }
                for (SettlingFiles.Settled<ChatStore> s : settling.settled(now)) {
                    scans.execute(() -> check(s.file(), s.tag()));
                }
            }
            health = new ChannelHealth(problems.isEmpty() ? ChannelHealth.State.UP : ChannelHealth.State.DEGRADED,
                    problems.stream().distinct().toList());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "chat file round failed", e);
        }
    }

    /** The watch of a store, opened when its folder appears and closed when it goes; null when absent. */
    private FolderWatch follow(ChatStore store, List<String> problems) {
        FolderWatch w = watches.get(store);
        boolean exists = Files.isDirectory(store.root());
        if (w != null && !exists) {
            w.close();
            watches.remove(store);
            settling.forget(store::equals);
            return null;
        }
        if (w == null && exists) {
            try {
                w = FolderWatch.open(store.root());
                watches.put(store, w);
                LOG.info(() -> "watching the " + store.app() + " file store " + store.root());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "cannot watch " + store.root(), e);
                problems.add("chat-store-watch-failed");
                return null;
            }
        }
        return w;
    }

    private void check(Path file, ChatStore store) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        GuardEvent.MovedFile facts;
        try {
            facts = GuardEvent.MovedFile.of(file);
        } catch (IOException e) {
            return;
        }
        ScanOutcome outcome = scanner.scanFile(file);
        // The destination is the chat application itself; "" = unknown = external, which it is.
        String late = "already passed through " + store.app() + ": reported, could not be stopped";
        pipeline.decideAndCarryOut(Transfer.throughChat(facts, store.app()), outcome,
                outcome.note().isEmpty() ? late : outcome.note() + "; " + late, Enforcer.reportOnly(""));
    }

    /** Wiring for {@link ChatFileGuard}; the context is required. */
    public static final class Builder {
        private List<ChatStore> stores = List.of();
        private GuardContext context;
        private Duration pollPeriod = Duration.ofSeconds(2);
        private Duration settle = Duration.ofSeconds(2);

        public Builder stores(List<ChatStore> stores) {
            this.stores = stores;
            return this;
        }

        /** The scanner, policy, event log, popups and clock shared with the other channels. */
        public Builder context(GuardContext context) {
            this.context = context;
            return this;
        }

        public Builder pollPeriod(Duration period) {
            this.pollPeriod = period;
            return this;
        }

        public Builder settle(Duration settle) {
            this.settle = settle;
            return this;
        }

        public ChatFileGuard build() {
            return new ChatFileGuard(this);
        }
    }
}
