package org.secrecyguard.platform.linux;

import java.util.Locale;
import java.util.logging.Logger;
import org.secrecyguard.platform.BackgroundPriority;

/**
 * Lowers a thread as {@code nice -n 19 ionice -c 3} would lower a process: on Linux both the nice value
 * and the I/O priority belong to the thread (its tid), so the self-check's workers yield the CPU and
 * the disk without slowing the rest of the guard. The idle I/O class needs no privilege since 2.6.25.
 */
public final class LinuxBackgroundPriority implements BackgroundPriority {
    private static final Logger LOG = Logger.getLogger(LinuxBackgroundPriority.class.getName());
    static final int NICE = 19;
    private final long gettid;
    private final long ioprioSet;
    private final long ioprioGet;

    private LinuxBackgroundPriority(long gettid, long ioprioSet, long ioprioGet) {
        this.gettid = gettid;
        this.ioprioSet = ioprioSet;
        this.ioprioGet = ioprioGet;
    }

    /** For an architecture as {@code os.arch} names it; null where its system call numbers are not known here. */
    public static BackgroundPriority forArch(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            return new LinuxBackgroundPriority(186, 251, 252);
        }
        if (arch.equals("aarch64") || arch.equals("arm64")) {
            return new LinuxBackgroundPriority(178, 30, 31);
        }
        return null;
    }

    @Override
    public boolean lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        try {
            int tid = currentTid();
            boolean niced = LibcPriority.C.setpriority(LibcPriority.PRIO_PROCESS, tid, NICE) == 0;
            int idle = LibcPriority.IOPRIO_CLASS_IDLE << LibcPriority.IOPRIO_CLASS_SHIFT;
            boolean ioIdle = LibcPriority.C.syscall(ioprioSet, (long) LibcPriority.IOPRIO_WHO_PROCESS, (long) tid, (long) idle) == 0;
            if (!niced || !ioIdle) {
                LOG.fine(() -> "background priority partly applied: nice " + niced + ", idle I/O " + ioIdle);
            }
            return niced && ioIdle;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.fine(() -> "background priority unavailable: " + e);
            return false;
        }
    }

    /** The kernel's id of the calling thread. */
    public int currentTid() {
        return (int) LibcPriority.C.syscall(gettid);
    }

    /** The thread's nice value (what {@code ps -L -o nice} shows). */
    public int niceOf(int tid) {
        return LibcPriority.C.getpriority(LibcPriority.PRIO_PROCESS, tid);
    }

    /** The thread's I/O priority class (0 none, 1 realtime, 2 best effort, 3 idle), or -1. */
    public int ioClassOf(int tid) {
        long v = LibcPriority.C.syscall(ioprioGet, (long) LibcPriority.IOPRIO_WHO_PROCESS, (long) tid);
        return v < 0 ? -1 : (int) (v >> LibcPriority.IOPRIO_CLASS_SHIFT);
    }
}
