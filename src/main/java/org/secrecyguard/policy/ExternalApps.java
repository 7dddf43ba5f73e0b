package org.secrecyguard.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Per channel, the applications that count as "leaving the PC". A paste into Word is not a leak; a paste
 * into WeChat is. Channels with an empty list treat every destination as external, and so does an
 * unknown destination (null): when the guard cannot tell, it assumes the worst.
 */
public final class ExternalApps {
    private final Map<Channel, List<ExternalApp>> byChannel;

    private ExternalApps(Map<Channel, List<ExternalApp>> byChannel) {
        this.byChannel = byChannel;
    }

    public static ExternalApps of(Map<Channel, List<ExternalApp>> byChannel) {
        Map<Channel, List<ExternalApp>> copy = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            copy.put(c, List.copyOf(byChannel.getOrDefault(c, List.of())));
        }
        return new ExternalApps(copy);
    }

    /** The applications listed for one channel, in the order IT entered them. */
    public List<ExternalApp> forChannel(Channel channel) {
        return byChannel.get(channel);
    }

    /** True when sending to {@code destinationApp} over {@code channel} takes material off the PC. */
    public boolean isExternal(Channel channel, String destinationApp) {
        List<ExternalApp> apps = byChannel.get(channel);
        if (destinationApp == null || destinationApp.isBlank() || apps.isEmpty()) {
            return true;
        }
        for (ExternalApp app : apps) {
            if (app.matches(destinationApp)) {
                return true;
            }
        }
        return false;
    }

    /** The well-known chat, browser and cloud-drive programs on Windows and the Linux desktops. */
    public static ExternalApps defaults() {
        List<ExternalApp> chat = new ArrayList<>();
        add(chat, "WeChat", "WeChat.exe", "Weixin.exe", "wechat", "WeChatAppEx.exe");
        add(chat, "QQ", "QQ.exe", "qq", "TIM.exe");
        add(chat, "DingTalk", "DingTalk.exe", "dingtalk");
        add(chat, "WeCom", "WXWork.exe", "wxwork");
        add(chat, "Feishu", "Feishu.exe", "Lark.exe");
        List<ExternalApp> browsers = new ArrayList<>();
        add(browsers, "browser", "chrome.exe", "msedge.exe", "firefox.exe", "360se.exe", "360chrome.exe",
                "QQBrowser.exe", "SogouExplorer.exe", "2345Explorer.exe", "opera.exe", "brave.exe", "iexplore.exe",
                "chrome", "chromium", "chromium-browser", "google-chrome", "firefox", "firefox-esr", "browser360",
                "microsoft-edge");
        List<ExternalApp> drives = new ArrayList<>();
        add(drives, "cloud drive", "BaiduNetdisk.exe", "baidunetdisk", "aDrive.exe", "Nutstore.exe",
                "OneDrive.exe");
        List<ExternalApp> all = new ArrayList<>(chat);
        all.addAll(browsers);
        all.addAll(drives);
        Map<Channel, List<ExternalApp>> map = new EnumMap<>(Channel.class);
        map.put(Channel.CLIPBOARD, all);
        map.put(Channel.SCREENSHOT, all);
        map.put(Channel.UPLOAD_DIALOG, all);
        map.put(Channel.CHAT_FILE_STORE, chat);
        return of(map);
    }

    private static void add(List<ExternalApp> list, String family, String... names) {
        for (String n : names) {
            list.add(new ExternalApp(n, family));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExternalApps other && other.byChannel.equals(byChannel);
    }

    @Override
    public int hashCode() {
        return byChannel.hashCode();
    }
}
