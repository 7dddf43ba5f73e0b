package org.secrecyguard.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.selfcheck.Cancel;
import org.secrecyguard.selfcheck.CheckListener;
import org.secrecyguard.selfcheck.CheckProgress;
import org.secrecyguard.selfcheck.CheckSummary;
import org.secrecyguard.selfcheck.FlaggedFile;

/**
 * The self-check window (保密自查): start or stop a check of this PC's disks, watch files, megabytes and
 * the time left, and see each flagged file with its level, what the rule means and the masked evidence.
 * The check runs on a background thread (at low priority, pausing while the user works); closing the
 * window does not stop it, the stop button does, and a stopped check continues where it was.
 */
final class SelfCheckWindow {
    private final Stage stage = new Stage();
    private final Messages m;
    private final SelfCheckControl control;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "self-check-ui");
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<FlaggedFile> flagged = FXCollections.observableArrayList();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final CheckBox full;
    private final Button start;
    private final Button stop;
    private Cancel running;   // FX thread

    SelfCheckWindow(Messages m, SelfCheckControl control) {
        this.m = m;
        this.control = control;
        stage.setTitle(m.get("selfcheck.title"));
        Label intro = new Label(m.get("selfcheck.intro"));
        intro.setWrapText(true);
        full = new CheckBox(m.get("selfcheck.full"));
        full.setId("selfcheck-full");
        start = new Button(m.get("selfcheck.start"));
        start.setId("selfcheck-start");
        start.setOnAction(e -> start(full.isSelected(), true));
        stop = new Button(m.get("selfcheck.stop"));
        stop.setId("selfcheck-stop");
        stop.setDisable(true);
        stop.setOnAction(e -> stopRunning());
        progress.setId("selfcheck-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox bar = new HBox(8, start, full, progress, stop);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        status.setId("selfcheck-status");
        status.setText(m.get("selfcheck.idle"));

        TableView<FlaggedFile> table = new TableView<>(flagged);
        table.setId("selfcheck-table");
        table.setPlaceholder(new Label(m.get("selfcheck.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(m.get("check.col.level"), 70, f -> m.level(f.level())));
        table.getColumns().add(column(m.get("check.col.file"), 360, FlaggedFile::path));
        table.getColumns().add(column(m.get("check.col.findings"), 300, this::findings));

        VBox top = new VBox(8, intro, bar, status);
        top.setStyle("-fx-padding: 10;");
        BorderPane root = new BorderPane(table);
        root.setTop(top);
        root.setPrefSize(860, 520);
        UiFonts.apply(root);
        stage.setScene(new Scene(root));
    }

    Stage stage() {
        return stage;
    }

    ObservableList<FlaggedFile> flagged() {
        return flagged;
    }

    Label status() {
        return status;
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    /** Starts a check (FX thread); a check already running is left to go on. */
    void start(boolean readAll, boolean resume) {
        if (running != null) {
            return;
        }
        Cancel cancel = new Cancel();
        running = cancel;
        flagged.clear();
        start.setDisable(true);
        stop.setDisable(false);
        status.setText(m.get("selfcheck.starting"));
        CheckListener listener = new CheckListener() {
            @Override
            public void progress(CheckProgress p) {
                Platform.runLater(() -> show(p));
            }

            @Override
            public void flagged(FlaggedFile file) {
                Platform.runLater(() -> flagged.add(file));
            }
        };
        worker.submit(() -> {
            try {
                CheckSummary s = control.run(readAll, resume, listener, cancel);
                Platform.runLater(() -> finished(s));
            } catch (RuntimeException e) {
                Platform.runLater(() -> failed(e));
            }
        });
    }

    private void show(CheckProgress p) {
        if (running == null) {
            return;
        }
        if (p.phase() == CheckProgress.Phase.WALKING) {
            progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
            status.setText(m.format("selfcheck.walking", p.filesSeen()));
        } else if (p.phase() == CheckProgress.Phase.READING) {
            progress.setProgress(p.filesToRead() == 0 ? 1 : (double) p.filesRead() / p.filesToRead());
            String text = m.format("selfcheck.reading", p.filesRead(), p.filesToRead(), mb(p.bytesRead()),
                    mb(p.bytesToRead()), p.flagged());
            if (p.etaMillis() >= 0) {
                text += m.format("selfcheck.eta", Math.max(1, (p.etaMillis() + 59_999) / 60_000));
            }
            status.setText(p.paused() ? text + m.get("selfcheck.paused") : text);
        }
    }

    private void finished(CheckSummary s) {
        running = null;
        start.setDisable(false);
        stop.setDisable(true);
        progress.setProgress(1);
        flagged.setAll(s.flagged());
        String key = s.completed() ? "selfcheck.done" : "selfcheck.stopped";
        status.setText(m.format(key, s.filesSeen(), s.filesRead(), s.flaggedCount(), s.errorCount()));
    }

    private void failed(RuntimeException e) {
        running = null;
        start.setDisable(false);
        stop.setDisable(true);
        progress.setProgress(0);
        status.setText(m.format("selfcheck.failed", String.valueOf(e.getMessage())));
    }

    /** Asks the running check to stop after the files it is reading; it continues on the next start. */
    void stopRunning() {
        if (running != null) {
            running.cancel();
            status.setText(m.get("selfcheck.stopping"));
        }
    }

    private String findings(FlaggedFile f) {
        String found = f.findings().stream().map(this::finding).distinct().collect(Collectors.joining("；"));
        return f.message().isEmpty() ? found : found + "（" + f.message() + "）";
    }

    private String finding(Finding f) {
        String meaning = RuleNames.meaning(m, f.rule());
        return f.evidence().isEmpty() ? meaning : m.format("check.finding", meaning, f.evidence());
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    private static TableColumn<FlaggedFile, String> column(String title, double width,
                                                          java.util.function.Function<FlaggedFile, String> f) {
        TableColumn<FlaggedFile, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        return c;
    }
}
