package org.secrecyguard.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.secrecyguard.platform.Platforms;

/**
 * The resident app with a folder standing for a plugged-in USB stick, for screenshots of the drive
 * channel on a machine without USB devices (docs/make-screenshots.sh). Arguments: data folder, stick
 * folder. Runs until killed.
 */
public final class DriveDemo {
    private DriveDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path stick = Files.createDirectories(Path.of(args[1]));
        FolderDrives drives = new FolderDrives();
        drives.plugIn(stick, stick.getFileName().toString());
        GuardApp.start(AppConfig.load(data), Platforms.detect().withRemovableMedia(drives), Clock.systemDefaultZone(),
                () -> System.exit(0));
        new CountDownLatch(1).await();
    }
}
