package org.secrecyguard.platform.linux;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The libc calls the fanotify gate needs (jna-platform maps none of fanotify). Direct-mapped (static
 * natives bound by {@link Native#register}) rather than a {@code Library} proxy: every open on a watched
 * filesystem goes through read/write/close here, and a proxy's reflection would cost more than the calls.
 */
final class LibcFanotify {
    static {
        Native.register("c");
    }

    private LibcFanotify() {
    }

    static final int FAN_CLOEXEC = 0x1;
    static final int FAN_NONBLOCK = 0x2;
    static final int FAN_CLASS_CONTENT = 0x4;
    static final int FAN_MARK_ADD = 0x1;
    static final int FAN_MARK_MOUNT = 0x10;
    static final int FAN_MARK_FILESYSTEM = 0x100;
    static final long FAN_OPEN_PERM = 0x10000L;
    static final int FAN_ALLOW = 0x01;
    static final int FAN_DENY = 0x02;
    static final int FANOTIFY_METADATA_VERSION = 3;
    static final int AT_FDCWD = -100;
    static final int O_RDONLY = 0;
    static final int O_LARGEFILE = 0x8000;
    static final int O_CLOEXEC = 0x80000;
    static final short POLLIN = 0x1;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int EINVAL = 22;

    static native int fanotify_init(int flags, int eventFileFlags);

    static native int fanotify_mark(int fd, int flags, long mask, int dirFd, String path);

    static native int read(int fd, Pointer buffer, long count);

    static native int write(int fd, byte[] buffer, long count);

    static native int close(int fd);

    /** poll(2) on one descriptor: {@code pollfd} is {int fd; short events; short revents}. */
    static native int poll(Pointer pollfd, long count, int timeoutMillis);
}
