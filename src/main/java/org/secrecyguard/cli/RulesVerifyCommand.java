package org.secrecyguard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.secrecyguard.rules.BundleLimits;
import org.secrecyguard.rules.BundleRejectedException;
import org.secrecyguard.rules.RuleBundle;
import org.secrecyguard.rules.RuleSnapshot;
import org.secrecyguard.rules.SigningKeys;
import org.secrecyguard.rules.VerifiedBundle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rules verify --pub PUBKEY FILE}: the agent's checks, from the command line. Exit 0 only when valid. */
@Command(mixinStandardHelpOptions = true, name = "verify", description = {
        "Check a bundle exactly as agents do; exit 0 when valid, 1 when refused (with the reason).",
        "Checks: layout, signature against the public key, hashes, database integrity and schema."})
final class RulesVerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--pub", required = true, paramLabel = "PUBKEY", description = "Ed25519 public key (X.509 PEM).")
    Path pub;

    @Parameters(paramLabel = "FILE", arity = "1")
    Path bundle;

    @Override
    public Integer call() throws Exception {
        var key = SigningKeys.readPublic(pub);
        Path work = Files.createTempDirectory("secrecy-guard-verify-");
        var out = spec.commandLine().getOut();
        try {
            VerifiedBundle v = RuleBundle.verify(bundle, key, BundleLimits.DEFAULT, work);
            try {
                RuleSnapshot s = v.snapshot();
                out.println("VALID: version " + v.manifest().version()
                        + (v.manifest().issuer().isEmpty() ? "" : ", issuer " + v.manifest().issuer())
                        + ", created " + v.manifest().created() + ", " + s.keywords().size() + " keywords, "
                        + s.documents().size() + " registered documents");
            } finally {
                v.discard();
            }
            return ExitCodes.OK;
        } catch (BundleRejectedException e) {
            out.println("INVALID (" + e.reason() + "): " + e.getMessage());
            return ExitCodes.FLAGGED;
        } finally {
            try (var files = Files.list(work)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }
}
