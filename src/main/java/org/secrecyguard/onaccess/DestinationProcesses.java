package org.secrecyguard.onaccess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.secrecyguard.channel.DaemonThreads;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.policy.ExternalApp;
import org.secrecyguard.policy.ExternalApps;

/**
 * Which processes are destinations: programs through which a file leaves the PC (chat clients,
 * browsers, cloud drives, OCR tools). Judged from the executable's path ({@code /proc/PID/exe}), never
 * from a window title: by the name IT's rules list for the upload channel, and by the folder the
 * program's package installs to, so that renaming the binary inside a chat client's package does not
 * make it something else. A copy of a destination's binary taken out of its package and renamed is
 * still known by its bytes ({@link ExecutableIdentity}): the identities of the installed packages'
 * programs are learned at start and whenever a destination runs. Every other process is answered at
 * once, without a scan.
 *
 * <p>Judgements are remembered per executable path, size, modification time and rules, so the open of
 * an ordinary program costs one {@code stat}. Reading a program's bytes is never done on the gate's
 * thread (its own open would wait on itself): {@link #known} says when that is still needed and
 * {@link #resolve} does it on the caller's worker.
 */
public final class DestinationProcesses implements AutoCloseable {
    /** Install folders of the destination programs on UOS/Kylin (app store layout) and Debian/Ubuntu. */
    static final Map<String, String> PACKAGE_FOLDERS = Map.ofEntries(
            Map.entry("/opt/apps/com.tencent.wechat/", "WeChat"),
            Map.entry("/opt/apps/com.qq.weixin/", "WeChat"),
            Map.entry("/opt/wechat/", "WeChat"),
            Map.entry("/opt/apps/com.qq.im.light/", "QQ"),
            Map.entry("/opt/apps/com.tencent.qq/", "QQ"),
            Map.entry("/opt/QQ/", "QQ"),
            Map.entry("/opt/apps/com.qq.weixin.work.deepin/", "WeCom"),
            Map.entry("/opt/apps/com.alibabainc.dingtalk/", "DingTalk"),
            Map.entry("/opt/apps/com.dingtalk.deepin/", "DingTalk"),
            Map.entry("/opt/apps/com.bytedance.feishu/", "Feishu"),
            Map.entry("/opt/bytedance/feishu/", "Feishu"),
            Map.entry("/opt/apps/com.baidu.baidunetdisk/", "cloud drive"),
            Map.entry("/opt/baidunetdisk/", "cloud drive"),
            Map.entry("/opt/google/chrome/", "browser"),
            Map.entry("/usr/lib/chromium/", "browser"),
            Map.entry("/usr/lib/firefox/", "browser"),
            Map.entry("/usr/lib/firefox-esr/", "browser"),
            Map.entry("/opt/apps/com.360.browser-stable/", "browser"),
            Map.entry("/opt/apps/cn.qq.qqbrowser/", "browser"),
            Map.entry("/opt/microsoft/msedge/", "browser"),
            // Windows (default install folders; the path is compared with '/' for '\\', without case)
            Map.entry("/tencent/wechat/", "WeChat"),
            Map.entry("/tencent/weixin/", "WeChat"),
            Map.entry("/tencent/wxwork/", "WeCom"),
            Map.entry("/tencent/qqnt/", "QQ"),
            Map.entry("/tencent/qq/bin/", "QQ"),
            Map.entry("/dingding/main/", "DingTalk"),
            Map.entry("/feishu/app/", "Feishu"),
            Map.entry("/baidunetdisk/", "cloud drive"),
            Map.entry("/google/chrome/application/", "browser"),
            Map.entry("/microsoft/edge/application/", "browser"),
            Map.entry("/mozilla firefox/", "browser"),
            Map.entry("/360chrome/", "browser"),
            Map.entry("/qqbrowser/", "browser"));

    private static final int REMEMBERED = 2048;
    private static final int LEARNED = 10_000;
    private static final int PACKAGE_DEPTH = 4;

    private final Supplier<ExternalApps> rulesApps;
    private final Map<ExecutableIdentity, String> learned = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor learner = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(16), DaemonThreads.named("on-access-learn"), new ThreadPoolExecutor.AbortPolicy());
    private final Map<String, Judged> judged = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Judged> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** @param rulesApps the external applications of the rules in force (they change with rule updates) */
    public DestinationProcesses(Supplier<ExternalApps> rulesApps) {
        this.rulesApps = rulesApps;
    }

    /**
     * Learns the programs of the destination packages installed under {@code root} ("/" on a PC), so
     * that copies of them are known wherever they are run from. Reads files: call before the gate starts.
     */
    public void learnInstalled(Path root) {
        for (Map.Entry<String, String> e : PACKAGE_FOLDERS.entrySet()) {
            Path folder = root.resolve(e.getKey().substring(1));
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder, PACKAGE_DEPTH)) {
                files.filter(DestinationProcesses::isProgram).limit(LEARNED)
                        .forEach(f -> learn(f, e.getValue()));
            } catch (IOException | RuntimeException unreadable) {
                // a package folder that cannot be walked is judged by path only
            }
        }
    }

    /**
     * The destination an executable belongs to when it can be told without reading the program's
     * bytes: {@code Optional.of(destination or empty)}; {@code Optional.empty()} when only
     * {@link #resolve} can tell. Costs a {@code stat}; safe on the gate's thread.
     */
    public Optional<Optional<String>> known(String executable) {
        if (executable == null || executable.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        ExternalApps apps = rulesApps.get();
        Stamp stamp = Stamp.of(executable);
        synchronized (judged) {
            Judged j = judged.get(executable);
            if (j != null && j.stamp.equals(stamp) && j.apps == apps) {
                return Optional.of(j.destination);
            }
        }
        Optional<String> byPath = byPath(executable, apps);
        if (byPath.isPresent()) {
            remember(executable, stamp, apps, byPath);
            learnLater(executable, byPath.get());
            return Optional.of(byPath);
        }
        if (learned.isEmpty() || stamp == Stamp.NONE) {
            remember(executable, stamp, apps, byPath);
            return Optional.of(byPath);
        }
        return Optional.empty(); // maybe a renamed copy of a destination: only its bytes can tell
    }

    /** The destination of an executable, reading its bytes where needed; never call on the gate's thread. */
    public Optional<String> resolve(String executable) {
        Optional<Optional<String>> quick = known(executable);
        if (quick.isPresent()) {
            return quick.get();
        }
        ExternalApps apps = rulesApps.get();
        Stamp stamp = Stamp.of(executable);
        Optional<String> destination = ExecutableIdentity.of(Path.of(executable)).map(learned::get);
        remember(executable, stamp, apps, destination);
        return destination;
    }

    /** {@link #resolve} for callers off any gate's thread (the Windows upload channel). */
    public Optional<String> destinationOf(String executable) {
        return resolve(executable);
    }

    /** Learns a running destination's program off the gate's thread; dropped when the learner is busy. */
    private void learnLater(String executable, String destination) {
        try {
            learner.execute(() -> learn(Path.of(executable), destination));
        } catch (RejectedExecutionException busyOrClosed) {
            // learned the next time it runs
        }
    }

    @Override
    public void close() {
        learner.shutdownNow();
    }

    private void learn(Path program, String destination) {
        if (learned.size() < LEARNED) {
            ExecutableIdentity.of(program).ifPresent(id -> learned.putIfAbsent(id, destination));
        }
    }

    private void remember(String executable, Stamp stamp, ExternalApps apps, Optional<String> destination) {
        synchronized (judged) {
            judged.put(executable, new Judged(stamp, apps, destination));
        }
    }

    private static Optional<String> byPath(String executable, ExternalApps apps) {
        String lower = executable.replace('\\', '/').toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : PACKAGE_FOLDERS.entrySet()) {
            if (lower.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                return Optional.of(e.getValue());
            }
        }
        List<ExternalApp> listed = apps.forChannel(Channel.UPLOAD_DIALOG);
        if (listed != null) {
            for (ExternalApp app : listed) {
                if (app.matches(executable)) {
                    return Optional.of(app.family());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isProgram(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.isExecutable(file)
                && !name.contains(".so") && !name.endsWith(".sh");
    }

    private record Judged(Stamp stamp, ExternalApps apps, Optional<String> destination) {
    }

    /** Size and modification time of a program file: a file replaced at the same path is judged again. */
    private record Stamp(long size, long modifiedMillis) {
        static final Stamp NONE = new Stamp(-1, -1);

        static Stamp of(String executable) {
            try {
                BasicFileAttributes a = Files.readAttributes(Path.of(executable), BasicFileAttributes.class);
                return a.isRegularFile() ? new Stamp(a.size(), a.lastModifiedTime().toMillis()) : NONE;
            } catch (IOException | RuntimeException gone) {
                return NONE; // gone, deleted while running (" (deleted)"), or a kernel thread
            }
        }
    }
}
