package org.secrecyguard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.secrecyguard.rules.BundleManifest;
import org.secrecyguard.rules.RuleBundle;
import org.secrecyguard.rules.RuleStore;
import org.secrecyguard.rules.SigningKeys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rules bundle}: sign the current rules as a bundle for agents. */
@Command(name = "bundle", description = {
        "Sign the rules as a bundle for agents (version higher than the last bundle's).",
        "Agents refuse older or equal versions. Write it straight to the share agents poll; it appears atomically."})
final class RulesBundleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesDbOption db;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "Ed25519 private key (from keys generate).")
    Path key;

    @Option(names = "--version", required = true, paramLabel = "N", description = "Rules version, higher than the last one.")
    long version;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Bundle file to write.")
    Path out;

    @Option(names = "--issuer", paramLabel = "NAME", description = "Who publishes it, e.g. the secrecy office's name.")
    String issuer;

    @Override
    public Integer call() throws Exception {
        var privateKey = SigningKeys.readPrivate(key);
        BundleManifest m;
        try (RuleStore store = db.open()) {
            String by = issuer != null ? issuer : store.info().issuer();
            m = RuleBundle.create(store, version, by, privateKey, out);
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out)));
        var pw = spec.commandLine().getOut();
        pw.println("wrote " + out + ": version " + m.version() + (m.issuer().isEmpty() ? "" : ", issuer " + m.issuer())
                + ", " + Files.size(out) + " bytes");
        pw.println("bundle SHA-256: " + sha);
        return ExitCodes.OK;
    }
}
