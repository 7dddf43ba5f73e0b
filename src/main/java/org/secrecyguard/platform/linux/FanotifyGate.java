package org.secrecyguard.platform.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.secrecyguard.platform.FileAccessGate;
import org.secrecyguard.platform.Limitation;
import org.secrecyguard.platform.PlatformUnavailableException;

/**
 * Holds opens with fanotify permission events (FAN_CLASS_CONTENT, FAN_OPEN_PERM), whole filesystems
 * marked where the kernel has FAN_MARK_FILESYSTEM (4.20), mounts otherwise. Needs CAP_SYS_ADMIN.
 *
 * <p>The reading thread never waits on anything but the kernel: opens by this process are allowed
 * before anything else is looked at (the guard's own scans open the files it judges), every other
 * open goes to the decider, which answers now or from another thread later. It polls with a short
 * timeout so that its beat shows it is alive even when nothing is opened. Nothing here logs: a
 * logging call that blocks (a full pipe, journald) would hold every open on the machine.
 */
public final class FanotifyGate implements FileAccessGate {
    private static final int BEAT_MILLIS = 250;
    private static final int METADATA_LEN = 24;

    private final int ownPid = (int) ProcessHandle.current().pid();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long lastBeat = System.nanoTime();
    private volatile int fd = -1;
    private Thread reader;

    @Override
    public synchronized void start(List<Path> roots, Decider decider) {
        int f;
        try {
            f = LibcFanotify.fanotify_init(LibcFanotify.FAN_CLASS_CONTENT | LibcFanotify.FAN_CLOEXEC
                            | LibcFanotify.FAN_NONBLOCK,
                    LibcFanotify.O_RDONLY | LibcFanotify.O_LARGEFILE | LibcFanotify.O_CLOEXEC);
        } catch (UnsatisfiedLinkError | LastErrorException e) {
            throw new PlatformUnavailableException(Limitation.ON_ACCESS_UNAVAILABLE,
                    "fanotify unavailable: " + e.getMessage(), e);
        }
        if (f < 0) {
            throw new PlatformUnavailableException(Limitation.ON_ACCESS_UNAVAILABLE,
                    "fanotify_init failed (errno " + Native.getLastError() + "): needs root and a kernel with"
                            + " CONFIG_FANOTIFY_ACCESS_PERMISSIONS");
        }
        fd = f;
        for (Path root : roots) {
            mark(f, root);
        }
        reader = new Thread(() -> readLoop(decider), "on-access-gate");
        reader.setDaemon(true);
        reader.setPriority(Thread.MAX_PRIORITY);
        reader.start();
    }

    private void mark(int f, Path root) {
        String path = root.toAbsolutePath().toString();
        int r = LibcFanotify.fanotify_mark(f, LibcFanotify.FAN_MARK_ADD | LibcFanotify.FAN_MARK_FILESYSTEM,
                LibcFanotify.FAN_OPEN_PERM, LibcFanotify.AT_FDCWD, path);
        if (r != 0 && Native.getLastError() == LibcFanotify.EINVAL) {
            // Kernel before 4.20: the mount only (bind mounts of it are then not seen).
            r = LibcFanotify.fanotify_mark(f, LibcFanotify.FAN_MARK_ADD | LibcFanotify.FAN_MARK_MOUNT,
                    LibcFanotify.FAN_OPEN_PERM, LibcFanotify.AT_FDCWD, path);
        }
        if (r != 0) {
            int errno = Native.getLastError();
            close();
            throw new PlatformUnavailableException(Limitation.ON_ACCESS_UNAVAILABLE,
                    "cannot watch " + path + " (errno " + errno + ")");
        }
    }

    @Override
    public long lastBeatNanos() {
        return lastBeat;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            int f = fd;
            fd = -1;
            if (f >= 0) {
                LibcFanotify.close(f); // the kernel allows every open still waiting on us
            }
        }
    }

    private void readLoop(Decider decider) {
        // Native buffers reused for every event: no copying of a Java array in and out per read.
        Memory buffer = new Memory(METADATA_LEN * 256L);
        Memory pollfd = new Memory(8);
        while (!closed.get()) {
            lastBeat = System.nanoTime();
            int f = fd;
            if (f < 0) {
                return;
            }
            pollfd.setInt(0, f);
            pollfd.setShort(4, LibcFanotify.POLLIN);
            pollfd.setShort(6, (short) 0);
            int ready = LibcFanotify.poll(pollfd, 1, BEAT_MILLIS);
            if (ready <= 0) {
                continue; // timeout or EINTR: beat again
            }
            int n = LibcFanotify.read(f, buffer, buffer.size());
            if (n <= 0) {
                if (closed.get()) {
                    return;
                }
                continue; // EAGAIN: another wake-up took it
            }
            int at = 0;
            while (at + METADATA_LEN <= n) {
                int eventLen = buffer.getInt(at);
                int version = buffer.getByte(at + 4) & 0xff;
                int eventFd = buffer.getInt(at + 16);
                int pid = buffer.getInt(at + 20);
                if (eventLen < METADATA_LEN || version != LibcFanotify.FANOTIFY_METADATA_VERSION) {
                    return; // a kernel speaking another layout: stop, the watchdog sees no beat and restarts
                }
                if (eventFd >= 0) {
                    handle(decider, eventFd, pid);
                }
                at += eventLen;
            }
        }
    }

    private void handle(Decider decider, int eventFd, int pid) {
        HeldOpen request = new HeldOpen(eventFd, pid);
        if (pid == ownPid) {
            request.allow();
            return;
        }
        try {
            decider.decide(request);
        } catch (RuntimeException | Error e) {
            request.allow(); // a fault of ours never takes a user's file away
        }
    }

    /** One held open: answers once, then closes the event's descriptor. */
    private final class HeldOpen implements Request {
        private final int eventFd;
        private final int pid;
        private final AtomicBoolean answered = new AtomicBoolean();
        private String executable;
        private Path file;
        private FileIdentity identity;
        private String owner;

        HeldOpen(int eventFd, int pid) {
            this.eventFd = eventFd;
            this.pid = pid;
        }

        @Override
        public int pid() {
            return pid;
        }

        @Override
        public String executable() {
            if (executable == null) {
                try {
                    executable = Files.readSymbolicLink(Path.of("/proc", Integer.toString(pid), "exe")).toString();
                } catch (IOException | RuntimeException e) {
                    executable = "";
                }
            }
            return executable;
        }

        @Override
        public Path file() {
            if (file == null) {
                try {
                    file = Files.readSymbolicLink(Path.of("/proc/self/fd", Integer.toString(eventFd)));
                } catch (IOException | RuntimeException e) {
                    file = Path.of("");
                }
            }
            return file;
        }

        @Override
        public FileIdentity identity() {
            if (identity == null) {
                try {
                    // stat through the held descriptor: not an open, so no event of our own.
                    Map<String, Object> a = Files.readAttributes(Path.of("/proc/self/fd", Integer.toString(eventFd)),
                            "unix:dev,ino,size,ctime");
                    FileTime ctime = (FileTime) a.get("ctime");
                    identity = new FileIdentity((Long) a.get("dev"), (Long) a.get("ino"), (Long) a.get("size"),
                            ctime.to(java.util.concurrent.TimeUnit.NANOSECONDS));
                } catch (IOException | RuntimeException e) {
                    identity = new FileIdentity(-1, -1, -1, -1);
                }
            }
            return identity;
        }

        @Override
        public String owner() {
            if (owner == null) {
                try {
                    owner = Files.getOwner(Path.of("/proc", Integer.toString(pid))).getName();
                } catch (IOException | RuntimeException e) {
                    owner = "";
                }
            }
            return owner;
        }

        @Override
        public void allow() {
            answer(LibcFanotify.FAN_ALLOW);
        }

        @Override
        public void deny() {
            answer(LibcFanotify.FAN_DENY);
        }

        @Override
        public boolean answered() {
            return answered.get();
        }

        private void answer(int response) {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            int f = fd;
            if (f >= 0) {
                byte[] r = new byte[8];
                ByteBuffer.wrap(r).order(ByteOrder.nativeOrder()).putInt(0, eventFd).putInt(4, response);
                LibcFanotify.write(f, r, r.length);
            }
            LibcFanotify.close(eventFd);
        }
    }
}
