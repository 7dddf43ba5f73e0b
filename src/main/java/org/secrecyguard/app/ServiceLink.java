package org.secrecyguard.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.channel.ChannelHealth;
import org.secrecyguard.channel.GuardAlert;
import org.secrecyguard.channel.GuardChannel;
import org.secrecyguard.channel.UserNotifier;
import org.secrecyguard.onaccess.AlertWire;
import org.secrecyguard.platform.LocalChannel;
import org.secrecyguard.platform.Platforms;
import org.secrecyguard.platform.ServiceChannels;
import org.secrecyguard.policy.Channel;

/**
 * The tray app's end of the system service's link (a Unix socket on Linux, a named pipe on Windows:
 * {@link ServiceChannels}): the on-access guard runs in the service (it needs root), this shows its
 * popups to the user ("微信无法读取该文件…") and sends back an override reason. It says hello every few
 * seconds, which is how the service knows the tray app is alive. Without the service the upload channel
 * is not protected, and the status says so.
 */
final class ServiceLink implements GuardChannel {
    private static final Logger LOG = Logger.getLogger(ServiceLink.class.getName());
    static final Duration HELLO = Duration.ofSeconds(5);
    static final String MISSING = "on-access-service-missing";

    private final String address;
    private final ServiceChannels channels;
    private final UserNotifier notifier;
    private volatile Thread thread;
    private volatile boolean connected;
    private volatile LocalChannel channel;
    private volatile OutputStream out;
    /** The first connect attempt is over: the health asked right after start is then already true. */
    private final java.util.concurrent.CountDownLatch firstAttempt = new java.util.concurrent.CountDownLatch(1);

    /** The link to the service at {@code address} over this OS's channels. */
    ServiceLink(String address, UserNotifier notifier) {
        this(address, Platforms.serviceChannels(), notifier);
    }

    ServiceLink(Path socket, UserNotifier notifier) {
        this(socket.toString(), notifier);
    }

    ServiceLink(String address, ServiceChannels channels, UserNotifier notifier) {
        this.address = address;
        this.channels = channels;
        this.notifier = notifier;
    }

    @Override
    public Channel kind() {
        return Channel.UPLOAD_DIALOG;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        Thread t = new Thread(this::run, "service-link");
        t.setDaemon(true);
        thread = t;
        t.start();
        try {
            // A local socket answers in microseconds; without this wait the tray would show
            // "service missing" until the next status refresh, seconds after a normal start.
            firstAttempt.await(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void stop() {
        OutputStream o = out;
        if (o != null) {
            write(o, AlertWire.bye()); // an end on purpose: the service does not report it as a kill
        }
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
        }
        closeChannel();
    }

    @Override
    public ChannelHealth health() {
        if (thread == null) {
            return ChannelHealth.stopped();
        }
        return connected ? ChannelHealth.up() : new ChannelHealth(ChannelHealth.State.DEGRADED, List.of(MISSING));
    }

    boolean connected() {
        return connected;
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            try (LocalChannel ch = channels.connect(address)) {
                channel = ch;
                connected = true;
                firstAttempt.countDown();
                LOG.info(() -> "connected to the guard service at " + address);
                serve(ch);
            } catch (IOException | UnsupportedOperationException e) {
                // no service (not installed, restarting): try again shortly
            } finally {
                connected = false;
                channel = null;
                out = null;
                firstAttempt.countDown();
            }
            try {
                Thread.sleep(HELLO.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void serve(LocalChannel ch) throws IOException {
        // The channel's output never waits for its reader (LocalChannel's promise).
        OutputStream out = ch.output();
        this.out = out;
        Thread hello = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (!write(out, AlertWire.hello())) {
                    return;
                }
                try {
                    Thread.sleep(HELLO.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "service-link-hello");
        hello.setDaemon(true);
        hello.start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(ch.input(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                try {
                    show(AlertWire.parse(line), out);
                } catch (RuntimeException bad) {
                    LOG.log(Level.WARNING, "unreadable message from the guard service", bad);
                }
            }
        } finally {
            hello.interrupt();
        }
    }

    private void show(JsonNode m, OutputStream out) {
        if (!"alert".equals(m.path("type").asText())) {
            return;
        }
        long id = m.path("id").asLong();
        GuardAlert alert = AlertWire.alertOf(m);
        switch (m.path("ask").asText()) {
            case "warn" -> notifier.warn(alert);
            case "block" -> notifier.blocked(alert);
            case "override" -> notifier.askOverride(alert).whenComplete((reason, error) -> write(out,
                    AlertWire.answer(id, error == null ? reason.orElse(null) : null)));
            default -> { }
        }
    }

    private static synchronized boolean write(OutputStream out, String line) {
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void closeChannel() {
        LocalChannel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }
}
