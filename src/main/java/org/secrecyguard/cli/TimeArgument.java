package org.secrecyguard.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Parses the times IT staff type: a date ({@code 2026-10-01}, start of that day on this PC), a local date
 * and time ({@code 2026-10-01T08:30} or with a space), an ISO instant or offset time, or a span back from
 * now ({@code 30m}, {@code 12h}, {@code 7d}).
 */
final class TimeArgument implements CommandLine.ITypeConverter<Instant> {
    private static final Pattern AGO = Pattern.compile("(\\d{1,6})([mhd])");
    private final Clock clock;

    TimeArgument() {
        this(Clock.systemDefaultZone());
    }

    TimeArgument(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant convert(String value) {
        String v = value.trim();
        Matcher m = AGO.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return clock.instant().minus(d);
        }
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(clock.getZone()).toInstant();
            }
            String iso = v.replace(' ', 'T');
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(iso.endsWith("Z") ? iso.substring(0, iso.length() - 1) + "+00:00" : iso)
                        .toInstant();
            }
            return LocalDateTime.parse(iso).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a time (use 2026-10-01, 2026-10-01T08:30, 2026-10-01T08:30+08:00 or 7d / 12h / 30m)");
        }
    }
}
