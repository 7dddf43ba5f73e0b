package org.secrecyguard.cli;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.secrecyguard.events.TlsContexts;
import org.secrecyguard.events.collect.AgentTokens;
import org.secrecyguard.events.collect.EventCollector;
import org.secrecyguard.events.collect.JdbcCollectorStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code secrecy-guard collect}: runs the reference event collector until stopped (Ctrl-C or a service
 * stop), storing in SQLite or PostgreSQL.
 */
@Command(name = "collect", description = "Run the reference event collector (POST /events, NDJSON).")
final class CollectCommand implements Callable<Integer> {
    static final String PASSWORD_ENV = "SECRECYGUARD_TLS_PASSWORD";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT",
            description = "Address to listen on, e.g. 0.0.0.0:8443 or 127.0.0.1:8080.")
    String listen;

    @Option(names = "--db", required = true, paramLabel = "JDBC_URL_OR_FILE",
            description = "A SQLite file, or jdbc:postgresql://host:5432/db?user=…&password=…")
    String db;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "PKCS12 or JKS key store: serve HTTPS.")
    Path keyStore;

    @Option(names = "--tls-password", paramLabel = "PASSWORD",
            description = "Key store password (or set " + PASSWORD_ENV + " to keep it out of the process list).")
    String password;

    @Option(names = "--tokens", paramLabel = "FILE", description = {
            "Agent tokens, one per line (\"LABEL TOKEN\" or \"TOKEN\"; make them with: keys token).",
            "Without it any client that reaches the collector may add events."})
    Path tokensFile;

    @Option(names = "--max-body-mb", paramLabel = "MB", defaultValue = "16",
            description = "Largest request body accepted (default ${DEFAULT-VALUE}).")
    int maxBodyMb;

    /** Released to stop the collector (shutdown hook; tests). */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        InetSocketAddress address = parseListen(listen);
        String pw = password != null ? password : System.getenv(PASSWORD_ENV);
        if (keyStore != null && pw == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--tls-keystore needs --tls-password or " + PASSWORD_ENV);
        }
        if (maxBodyMb < 1 || maxBodyMb > 1024) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-body-mb must be 1..1024");
        }
        EventCollector.Limits defaults = EventCollector.Limits.defaults();
        EventCollector.Limits limits = new EventCollector.Limits((long) maxBodyMb << 20, defaults.maxLineBytes(),
                defaults.maxEvents());
        AgentTokens tokens = null;
        if (tokensFile != null) {
            try {
                tokens = AgentTokens.read(tokensFile);
            } catch (IllegalArgumentException | java.io.IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--tokens: " + e.getMessage());
            }
        }
        try (JdbcCollectorStore store = JdbcCollectorStore.open(db);
             EventCollector collector = EventCollector.start(address, store,
                     keyStore == null ? null : TlsContexts.serving(keyStore, pw.toCharArray()), limits, tokens)) {
            Thread hook = new Thread(stop::countDown, "collector-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            spec.commandLine().getOut().printf("collector listening on %s, storing in %s%n", collector.eventsUri(),
                    store);
            spec.commandLine().getOut().println(tokens == null
                    ? "no --tokens: events are taken from any client (use it outside a test bench)"
                    : "taking events from agents with one of " + tokens.size() + " tokens");
            spec.commandLine().getOut().flush();
            stop.await();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook has run
            }
        }
        return ExitCodes.OK;
    }

    /** "HOST:PORT", "[::1]:PORT" or ":PORT" (all interfaces). */
    static InetSocketAddress parseListen(String value) {
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--listen needs HOST:PORT, got " + value);
        }
        String host = value.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--listen: port is not a number in " + value);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--listen: port out of range in " + value);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }
}
