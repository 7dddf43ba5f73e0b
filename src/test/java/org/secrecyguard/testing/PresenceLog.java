package org.secrecyguard.testing;

import java.util.concurrent.CopyOnWriteArrayList;
import org.secrecyguard.onaccess.TrayLink;

/** What a tray link reports of its tray apps, as lines: "arrived alice", "left alice bye", "left alice killed". */
public final class PresenceLog extends CopyOnWriteArrayList<String> implements TrayLink.Presence {
    private static final long serialVersionUID = 1L;

    @Override
    public void arrived(String user) {
        add("arrived " + user);
    }

    @Override
    public void left(String user, boolean saidBye) {
        add("left " + user + (saidBye ? " bye" : " killed"));
    }
}
