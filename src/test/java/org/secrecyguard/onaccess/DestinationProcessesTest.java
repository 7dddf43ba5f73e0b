package org.secrecyguard.onaccess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.policy.ExternalApp;
import org.secrecyguard.policy.ExternalApps;
import org.secrecyguard.testing.Await;

/**
 * Which programs are destinations, on real program files: a chat client's binary laid out as the Linux
 * WeChat package is (a copy of {@code cat} with bytes of its own appended, as a different build would
 * have), renamed copies of it elsewhere, and ordinary programs.
 */
class DestinationProcessesTest {
    @TempDir
    Path root;
    Path weChat;
    final AtomicReference<ExternalApps> apps = new AtomicReference<>(ExternalApps.defaults());
    DestinationProcesses destinations;

    @BeforeEach
    void installAChatClient() throws Exception {
        Path pkg = Files.createDirectories(root.resolve("opt/wechat"));
        weChat = chatBinary(pkg.resolve("wechat"));
        Files.writeString(pkg.resolve("libwechat.so.1"), "not a program", StandardCharsets.UTF_8);
        destinations = new DestinationProcesses(apps::get);
    }

    @AfterEach
    void close() {
        destinations.close();
    }

    static Path chatBinary(Path at) throws Exception {
        Files.copy(Path.of("/bin/cat"), at);
        Files.write(at, "-- a chat client build of its own --".getBytes(StandardCharsets.US_ASCII),
                StandardOpenOption.APPEND);
        at.toFile().setExecutable(true);
        return at;
    }

    @Test
    void theInstalledChatClientIsADestinationByItsPackageFolderWhateverItsName() throws Exception {
        assertEquals(Optional.of(Optional.of("WeChat")), destinations.known(weChat.toString()));
        Path renamedInside = Files.copy(weChat, weChat.resolveSibling("helper-bin"));
        assertEquals(Optional.of(Optional.of("WeChat")), destinations.known(renamedInside.toString()),
                "renamed inside its package, it is still the chat client");
    }

    @Test
    void aRenamedCopyOutsideThePackageIsKnownByItsBytes() throws Exception {
        destinations.learnInstalled(root);
        Path copy = Files.copy(weChat, Files.createDirectories(root.resolve("home/u/tools")).resolve("notes"));
        assertEquals(Optional.empty(), destinations.known(copy.toString()),
                "only the program's bytes can tell, and they are not read on the gate's thread");
        assertEquals(Optional.of("WeChat"), destinations.resolve(copy.toString()));
        assertEquals(Optional.of(Optional.of("WeChat")), destinations.known(copy.toString()),
                "remembered: the next open costs a stat");
    }

    @Test
    void ordinaryProgramsAreNotDestinationsEvenAfterLearning() {
        destinations.learnInstalled(root);
        assertEquals(Optional.empty(), destinations.resolve("/bin/cat"),
                "cat shares the chat client's first bytes here, not its size and tail");
        assertEquals(Optional.of(Optional.empty()), destinations.known("/bin/cat"));
        assertEquals(Optional.of(Optional.empty()), destinations.known(""), "a kernel thread or a gone process");
    }

    @Test
    void withNothingLearnedAnUnknownProgramIsAnsweredAtOnce() {
        assertEquals(Optional.of(Optional.empty()), destinations.known("/bin/cat"));
    }

    @Test
    void aProgramReplacedAtTheSamePathIsJudgedAgain() throws Exception {
        destinations.learnInstalled(root);
        Path tool = Files.copy(Path.of("/bin/cat"), Files.createDirectories(root.resolve("bin")).resolve("notes"));
        assertEquals(Optional.empty(), destinations.resolve(tool.toString()));
        Files.delete(tool);
        chatBinary(tool);
        Files.setLastModifiedTime(tool, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertEquals(Optional.of("WeChat"), destinations.resolve(tool.toString()),
                "the chat client copied over an ordinary program's file");
    }

    @Test
    void aRulesUpdateChangesWhichNamesAreDestinations() {
        assertEquals(Optional.of(Optional.empty()), destinations.known("/usr/local/bin/uploader"));
        apps.set(ExternalApps.of(Map.of(Channel.UPLOAD_DIALOG, List.of(new ExternalApp("uploader", "cloud drive")))));
        assertEquals(Optional.of(Optional.of("cloud drive")), destinations.known("/usr/local/bin/uploader"));
    }

    @Test
    void aRunningDestinationIsLearnedSoItsCopiesAreKnown() throws Exception {
        Path elsewhere = chatBinary(Files.createDirectories(root.resolve("usr/bin")).resolve("wechat"));
        assertEquals(Optional.of(Optional.of("WeChat")), destinations.known(elsewhere.toString()), "by the rules' name");
        Path copy = Files.copy(elsewhere, root.resolve("usr/bin/renamed"));
        // Learned on the learner thread; each try touches the copy so that it is judged afresh.
        Await.until(() -> {
            try {
                Files.setLastModifiedTime(copy, FileTime.fromMillis(System.currentTimeMillis()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return destinations.resolve(copy.toString()).isPresent();
        }, "the copy of a running destination is known by its bytes");
    }
}
