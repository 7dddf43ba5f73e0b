package org.secrecyguard.rules;

import org.secrecyguard.engine.Level;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;

/**
 * Reads the enum names stored in the rules tables. A name this program does not know means the row
 * was damaged or written by a newer version, so it is refused with a message rather than mapped to a
 * default.
 */
final class StoredNames {
    private StoredNames() {
    }

    static Level level(String name) {
        try {
            return Level.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RulesException("rules database names an unknown level: " + name);
        }
    }

    static Channel channel(String name) {
        try {
            return Channel.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RulesException("rules database names an unknown channel: " + name);
        }
    }

    static Action action(String name) {
        try {
            return Action.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RulesException("rules database names an unknown action: " + name);
        }
    }
}
