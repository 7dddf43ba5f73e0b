package org.secrecyguard.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;

/** Parsing of the words IT types on the rules command line, with messages that list the valid choices. */
final class RulesArgs {
    private RulesArgs() {
    }

    static Channel channel(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Channel c : Channel.values()) {
            if (c.name().equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown channel: " + text + " (use " + names(Channel.values()) + ")");
    }

    /** A channel, or "all" for every channel that has an application list. */
    static List<Channel> channels(String text) {
        if (text.trim().equalsIgnoreCase("all")) {
            return List.of(Channel.CLIPBOARD, Channel.SCREENSHOT, Channel.UPLOAD_DIALOG, Channel.CHAT_FILE_STORE);
        }
        return List.of(channel(text));
    }

    static Action action(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Action a : Action.values()) {
            if (a.name().equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown action: " + text + " (use " + names(Action.values()) + ")");
    }

    private static String names(Enum<?>[] values) {
        List<String> list = new ArrayList<>();
        for (Enum<?> v : values) {
            list.add(v.name());
        }
        return String.join(", ", list);
    }
}
