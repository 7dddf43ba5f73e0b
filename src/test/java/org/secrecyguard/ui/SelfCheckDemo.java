package org.secrecyguard.ui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.platform.BackgroundPriority;
import org.secrecyguard.platform.LocalDisks;
import org.secrecyguard.selfcheck.BusySignal;
import org.secrecyguard.selfcheck.RulesKey;
import org.secrecyguard.selfcheck.SelfCheckJob;

/**
 * For docs/screenshot-selfcheck.png: the self-check window running a real check of a generated folder
 * standing for a user's home ({@code java ... SelfCheckDemo DIR} under xvfb-run, then {@code import}).
 */
public final class SelfCheckDemo {
    private SelfCheckDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path home = dir.resolve("home");
        String header = "000123\n%s\n特急\n某某市人民政府办公室文件\n某政办发〔2026〕%d号\n关于某项工作的通知\n";
        String[] levels = {"机密★1年", "秘密★6个月", "绝密★长期", "机密"};
        for (int i = 0; i < 400; i++) {
            Path f = home.resolve("文档/20" + (20 + i % 7) + "/材料" + i + ".txt");
            Files.createDirectories(f.getParent());
            String text = i % 97 == 5 ? String.format(header, levels[i % 4], i) : "会议纪要第" + i + "号，请各单位按时参加。\n";
            Files.writeString(f, text.repeat(i % 97 == 5 ? 1 : 200), StandardCharsets.UTF_8);
        }
        LocalDisks disks = new LocalDisks() {
            @Override
            public List<Path> dataRoots() {
                return List.of(home);
            }

            @Override
            public List<Path> removableRoots() {
                return List.of();
            }

            @Override
            public boolean isSystemFolder(Path folder) {
                return false;
            }
        };
        SelfCheckJob job = new SelfCheckJob(dir.resolve("selfcheck.db"), Baseline::engine,
                RulesKey.baseline("demo", false), "baseline", null, disks, List.of(), BusySignal.NEVER,
                BackgroundPriority.JAVA_ONLY, 1, false, null);
        Messages m = Messages.chinese();
        Fx.startToolkit();
        Fx.run(() -> {
            SelfCheckWindow w = new SelfCheckWindow(m, (full, resume, listener, cancel) -> {
                // Slowed down so the screenshot catches the check half-way with its progress.
                return job.run(job.defaultRoots(false), full, resume, new org.secrecyguard.selfcheck.CheckListener() {
                    @Override
                    public void progress(org.secrecyguard.selfcheck.CheckProgress p) {
                        listener.progress(p);
                        try {
                            Thread.sleep(40);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }

                    @Override
                    public void flagged(org.secrecyguard.selfcheck.FlaggedFile f) {
                        listener.flagged(f);
                    }
                }, cancel);
            });
            w.stage().setX(20);
            w.stage().setY(20);
            w.show();
            w.start(false, false);
        });
        Thread.sleep(Long.MAX_VALUE);
    }
}
