package org.secrecyguard.platform.linux;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** The libc calls that lower one thread's CPU and I/O priority (Linux nice and ioprio are per thread). */
interface LibcPriority extends Library {
    LibcPriority C = Native.load("c", LibcPriority.class);

    int PRIO_PROCESS = 0;
    int IOPRIO_WHO_PROCESS = 1;
    int IOPRIO_CLASS_IDLE = 3;
    int IOPRIO_CLASS_SHIFT = 13;

    /** syscall(2): gettid and ioprio_set have no libc wrapper in older glibc. */
    long syscall(long number, Object... args);

    int setpriority(int which, int who, int prio);

    int getpriority(int which, int who);
}
