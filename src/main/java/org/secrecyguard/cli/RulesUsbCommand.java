package org.secrecyguard.cli;

import java.util.concurrent.Callable;
import org.secrecyguard.policy.UsbDeviceId;
import org.secrecyguard.rules.RuleStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rules usb allow|revoke}: USB storage devices registered to receive work secrets and internal files. */
@Command(mixinStandardHelpOptions = true, name = "usb", description = {
        "Register USB storage devices that may receive work secrets and internal material.",
        "National secrets are never allowed on them."},
        subcommands = {RulesUsbCommand.Allow.class, RulesUsbCommand.Revoke.class, CommandLine.HelpCommand.class})
final class RulesUsbCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    abstract static class Device implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        RulesDbOption db;

        @Option(names = "--vid", required = true, paramLabel = "HEX", description = "USB vendor id, e.g. 0781.")
        String vid;

        @Option(names = "--pid", required = true, paramLabel = "HEX", description = "USB product id, e.g. 5581.")
        String pid;

        @Option(names = "--serial", required = true, paramLabel = "SERIAL")
        String serial;

        UsbDeviceId device(String label) {
            return new UsbDeviceId(vid, pid, serial, label);
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "allow", description = "Register a device.")
    static final class Allow extends Device {
        @Option(names = "--label", paramLabel = "TEXT", description = "A note for people, e.g. 办公室 3 号 U 盘.")
        String label;

        @Override
        public Integer call() {
            UsbDeviceId d = device(label);
            try (RuleStore store = db.open()) {
                boolean changed = store.allowDevice(d);
                spec.commandLine().getOut().println((changed ? "allowed " : "already allowed ") + describe(d));
            }
            return ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "revoke", description = "Remove a device from the allowed list.")
    static final class Revoke extends Device {
        @Override
        public Integer call() {
            UsbDeviceId d = device("");
            try (RuleStore store = db.open()) {
                boolean removed = store.revokeDevice(d);
                spec.commandLine().getOut().println((removed ? "revoked " : "was not allowed: ") + describe(d));
                return removed ? ExitCodes.OK : ExitCodes.ERROR;
            }
        }
    }

    static String describe(UsbDeviceId d) {
        return d.vendorId() + ":" + d.productId() + " serial " + d.serial() + (d.label().isEmpty() ? "" : " (" + d.label() + ")");
    }
}
