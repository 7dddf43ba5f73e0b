package org.secrecyguard.channel.chat;

import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Objects;

/**
 * Where a chat application keeps the files its user sent and received: a root folder and the pattern,
 * relative to it, of those files (the rest of the tree, message databases and caches, is not looked
 * at). The layouts below are the ones the applications use by default on Windows and on UOS/Kylin;
 * a unit whose users moved them adds its own.
 *
 * @param app  the application, for people and events (e.g. "WeChat")
 * @param root the folder watched
 * @param glob files of interest, relative to {@code root}, in {@link java.nio.file.FileSystem#getPathMatcher}
 *             glob syntax with '/' between folders
 */
public record ChatStore(String app, Path root, String glob) {
    public ChatStore {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(glob, "glob");
    }

    /** The default stores under a user's Documents folder. */
    public static List<ChatStore> defaults(Path documents) {
        return List.of(
                // WeChat 3.x (Windows): Documents\WeChat Files\<wxid>\FileStorage\File\2026-11\…
                new ChatStore("WeChat", documents.resolve("WeChat Files"), "*/FileStorage/File/**"),
                // WeChat 4.x (Windows, and the native Linux client on UOS/Kylin): xwechat_files\<wxid>\msg\file\…
                new ChatStore("WeChat", documents.resolve("xwechat_files"), "*/msg/file/**"),
                // WeCom (企业微信): WXWork\<id>\Cache\File\2026-11\…
                new ChatStore("WeCom", documents.resolve("WXWork"), "*/Cache/File/**"),
                // QQ: Tencent Files\<qq>\FileRecv\…
                new ChatStore("QQ", documents.resolve("Tencent Files"), "*/FileRecv/**"));
    }

    /** True when {@code file}, somewhere under the root, is one of the files of interest. */
    boolean holds(Path file) {
        if (!file.startsWith(root)) {
            return false;
        }
        PathMatcher matcher = root.getFileSystem().getPathMatcher("glob:" + glob);
        return matcher.matches(root.relativize(file));
    }
}
