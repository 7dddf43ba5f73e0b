package org.secrecyguard.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.secrecyguard.engine.Level;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.policy.DayType;
import org.secrecyguard.policy.ExternalApp;
import org.secrecyguard.policy.PolicyEntry;
import org.secrecyguard.policy.PolicyMatrix;
import org.secrecyguard.policy.UsbDeviceId;
import org.secrecyguard.policy.WorkHours;
import org.secrecyguard.rules.RuleSnapshot;
import org.secrecyguard.rules.RuleStore;
import org.secrecyguard.rules.RulesInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rules show --db DB}: a readable summary of a rules database (never the terms themselves). */
@Command(mixinStandardHelpOptions = true, name = "show", description = "Summarise a rules database: version, counts, policy matrix, applications, devices, calendar.")
final class RulesShowCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesDbOption db;

    @Override
    public Integer call() {
        RuleSnapshot s;
        try (RuleStore store = db.open()) {
            s = store.loadSnapshot();
        }
        print(s, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    static void print(RuleSnapshot s, PrintWriter out) {
        RulesInfo info = s.info();
        out.println("version " + info.version() + (info.issuer().isEmpty() ? "" : ", issuer " + info.issuer())
                + ", created " + info.created() + ", schema " + info.schemaVersion());
        out.println("marking levels: " + s.markingLevels().stream().sorted().map(Level::name)
                .collect(Collectors.joining(", ")));
        out.println("keywords: " + s.keywords().size() + "   registered documents: " + s.documents().size()
                + " (" + s.fingerprintCount() + " fingerprints)");
        out.println();
        out.println("policy (action, or action/off-hours action):");
        printMatrix(s.policy().matrix(), out);
        out.println();
        out.println("external applications:");
        for (Channel ch : Channel.values()) {
            List<ExternalApp> apps = s.policy().externalApps().forChannel(ch);
            if (!apps.isEmpty()) {
                out.println("  " + ch + " (" + apps.size() + "): "
                        + apps.stream().map(ExternalApp::name).collect(Collectors.joining(", ")));
            }
        }
        out.println();
        List<UsbDeviceId> devices = s.policy().allowedDevices();
        out.println("allowed USB devices: " + devices.size());
        for (UsbDeviceId d : devices) {
            out.println("  " + RulesUsbCommand.describe(d));
        }
        WorkHours hours = s.policy().calendar().hours();
        out.println("work hours: " + days(hours) + " " + periods(hours));
        out.println("self-check schedule: " + (s.selfCheckWeekly() == null ? "left to each site" : s.selfCheckWeekly()));
        NavigableMap<LocalDate, DayType> cal = s.policy().calendar().exceptions();
        if (cal.isEmpty()) {
            out.println("calendar: no holidays or make-up days");
        } else {
            long holidays = cal.values().stream().filter(t -> t == DayType.HOLIDAY).count();
            out.println("calendar: " + holidays + " holidays, " + (cal.size() - holidays) + " make-up working days, "
                    + cal.firstKey() + " .. " + cal.lastKey());
        }
    }

    private static void printMatrix(PolicyMatrix m, PrintWriter out) {
        Channel[] channels = Channel.values();
        int[] width = new int[channels.length];
        for (int i = 0; i < channels.length; i++) {
            width[i] = channels[i].name().length();
            for (Level level : Level.values()) {
                width[i] = Math.max(width[i], cell(m.entry(level, channels[i])).length());
            }
        }
        StringBuilder head = new StringBuilder(String.format("  %-13s", "LEVEL"));
        for (int i = 0; i < channels.length; i++) {
            head.append("  ").append(pad(channels[i].name(), width[i]));
        }
        out.println(head.toString().stripTrailing());
        for (Level level : Level.values()) {
            StringBuilder row = new StringBuilder(String.format("  %-13s", level.name()));
            for (int i = 0; i < channels.length; i++) {
                row.append("  ").append(pad(cell(m.entry(level, channels[i])), width[i]));
            }
            out.println(row.toString().stripTrailing());
        }
    }

    private static String cell(PolicyEntry e) {
        Action off = e.offHours();
        return off == null ? e.action().name() : e.action().name() + "/" + off.name();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    static String days(WorkHours h) {
        return h.days().stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
    }

    static String periods(WorkHours h) {
        return h.periods().stream().map(Object::toString).collect(Collectors.joining(","));
    }

}
