package org.secrecyguard.platform.linux;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** The libc calls the fanotify gate needs (jna-platform maps none of fanotify). */
interface LibcFanotify extends Library {
    LibcFanotify C = Native.load("c", LibcFanotify.class);

    int FAN_CLOEXEC = 0x1;
    int FAN_NONBLOCK = 0x2;
    int FAN_CLASS_CONTENT = 0x4;
    int FAN_MARK_ADD = 0x1;
    int FAN_MARK_MOUNT = 0x10;
    int FAN_MARK_FILESYSTEM = 0x100;
    long FAN_OPEN_PERM = 0x10000L;
    int FAN_ALLOW = 0x01;
    int FAN_DENY = 0x02;
    int FANOTIFY_METADATA_VERSION = 3;
    int AT_FDCWD = -100;
    int O_RDONLY = 0;
    int O_LARGEFILE = 0x8000;
    int O_CLOEXEC = 0x80000;
    short POLLIN = 0x1;
    int EINTR = 4;
    int EAGAIN = 11;
    int EINVAL = 22;

    int fanotify_init(int flags, int eventFileFlags);

    int fanotify_mark(int fd, int flags, long mask, int dirFd, String path);

    int read(int fd, byte[] buffer, long count);

    int write(int fd, byte[] buffer, long count);

    int close(int fd);

    /** poll(2) on one descriptor: {@code pollfd} is {int fd; short events; short revents}. */
    int poll(byte[] pollfd, long count, int timeoutMillis);
}
