package org.secrecyguard.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Structure;

/**
 * CPU time used by this process's finished child processes (getrusage RUSAGE_CHILDREN on Linux), so
 * that a benchmark on a shared machine can compare CPU time of a command with its own, not only wall
 * time. Returns -1 where unsupported.
 */
final class ChildCpuTime {
    private static final int RUSAGE_CHILDREN = -1;

    private ChildCpuTime() {
    }

    /** struct rusage on 64-bit Linux: two timevals and fourteen longs. */
    @Structure.FieldOrder({"utimeSec", "utimeUsec", "stimeSec", "stimeUsec", "rest"})
    public static final class Rusage extends Structure {
        public NativeLong utimeSec;
        public NativeLong utimeUsec;
        public NativeLong stimeSec;
        public NativeLong stimeUsec;
        public NativeLong[] rest = new NativeLong[14];
    }

    interface LibC extends Library {
        int getrusage(int who, Rusage usage);
    }

    /** User plus system CPU milliseconds of all reaped children so far, or -1. */
    static long millis() {
        if (!Platform.isLinux() || !Platform.is64Bit()) {
            return -1;
        }
        try {
            Rusage r = new Rusage();
            if (Native.load("c", LibC.class).getrusage(RUSAGE_CHILDREN, r) != 0) {
                return -1;
            }
            return (r.utimeSec.longValue() + r.stimeSec.longValue()) * 1000
                    + (r.utimeUsec.longValue() + r.stimeUsec.longValue()) / 1000;
        } catch (Throwable e) { // LinkageError from JNA: no figure rather than no benchmark
            return -1;
        }
    }
}
