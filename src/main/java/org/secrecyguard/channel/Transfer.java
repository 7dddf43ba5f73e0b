package org.secrecyguard.channel;

import org.secrecyguard.platform.ContentKind;
import org.secrecyguard.platform.RemovableVolume;
import org.secrecyguard.policy.Channel;

/**
 * Content on its way out of the PC, as the policy and the event log see it: never the content itself.
 *
 * @param channel        the path it is taking
 * @param contentKind    text, picture or files
 * @param destinationApp the application it is heading to as the policy should judge it (executable path
 *                       or name), "" when unknown: the policy then assumes the worst (external)
 * @param shownAs        how the destination is named in popups and events ("" = none)
 * @param file           the file that is moving (name without folders, size, SHA-256), or null
 * @param device         the removable device it is going to, or null
 */
public record Transfer(Channel channel, ContentKind contentKind, String destinationApp, String shownAs,
                       GuardEvent.MovedFile file, RemovableVolume device) {
    public Transfer {
        destinationApp = destinationApp == null ? "" : destinationApp;
        shownAs = shownAs == null ? "" : shownAs;
    }

    /** Content going to an application in front (or to an unknown one: ""). */
    public static Transfer toApp(Channel channel, ContentKind kind, String app) {
        return new Transfer(channel, kind, app, app, null, null);
    }

    /** A file written to a removable drive. */
    public static Transfer toDrive(GuardEvent.MovedFile file, RemovableVolume device) {
        return new Transfer(Channel.REMOVABLE_DRIVE, ContentKind.FILES, "", device.describe(), file, device);
    }

    /** A file a chat application already holds: judged as going to an unknown (external) destination. */
    public static Transfer throughChat(GuardEvent.MovedFile file, String chatApp) {
        return new Transfer(Channel.CHAT_FILE_STORE, ContentKind.FILES, "", chatApp, file, null);
    }
}
