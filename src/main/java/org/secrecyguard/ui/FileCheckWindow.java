package org.secrecyguard.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.secrecyguard.scan.FolderWalk;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * Checks files on request: drop files or folders onto the window (or choose them), watch the progress
 * and see each verdict. The check runs on a background thread, one file at a time, and can be
 * cancelled between files; folders are walked within {@link FolderWalk}'s limits.
 */
final class FileCheckWindow {

    private final Stage stage = new Stage();
    private final Messages m;
    private final FileChecker checker;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "file-check");
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<FileCheckResult> results = FXCollections.observableArrayList();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Button cancel;
    private Task<Void> running;

    FileCheckWindow(Messages m, FileChecker checker) {
        this.m = m;
        this.checker = checker;
        stage.setTitle(m.get("check.title"));

        Label dropLabel = new Label(m.get("check.drop"));
        Button pickFiles = new Button(m.get("check.pickFiles"));
        pickFiles.setId("check-pick-files");
        pickFiles.setOnAction(e -> pickFiles());
        Button pickFolder = new Button(m.get("check.pickFolder"));
        pickFolder.setId("check-pick-folder");
        pickFolder.setOnAction(e -> pickFolder());
        HBox pickers = new HBox(8, pickFiles, pickFolder);
        pickers.setAlignment(javafx.geometry.Pos.CENTER);
        VBox drop = new VBox(10, dropLabel, pickers);
        drop.setId("check-drop");
        drop.getStyleClass().add("drop-zone");
        drop.setOnDragOver(this::dragOver);
        drop.setOnDragExited(e -> drop.getStyleClass().remove("drag-over"));
        drop.setOnDragDropped(this::dropped);

        progress.setId("check-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        status.setId("check-status");
        cancel = new Button(m.get("check.cancel"));
        cancel.setId("check-cancel");
        cancel.setDisable(true);
        cancel.setOnAction(e -> cancelRunning());
        Button clear = new Button(m.get("check.clear"));
        clear.setId("check-clear");
        clear.setOnAction(e -> results.clear());
        HBox bar = new HBox(8, progress, cancel, clear);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        TableView<FileCheckResult> table = new TableView<>(results);
        table.setId("check-table");
        table.setPlaceholder(new Label(m.get("check.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(m.get("check.col.file"), 330, r -> r.path().toString()));
        TableColumn<FileCheckResult, String> verdict = column(m.get("check.col.verdict"), 90,
                r -> m.get("check.verdict." + r.verdict()));
        verdict.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("verdict-block", "verdict-warn", "verdict-error");
                setText(empty ? null : item);
                FileCheckResult r = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (r != null && !r.verdict().equals("allow")) {
                    getStyleClass().add("verdict-" + r.verdict());
                }
            }
        });
        table.getColumns().add(verdict);
        table.getColumns().add(column(m.get("check.col.level"), 70, r -> r.level() == null ? "" : m.level(r.level())));
        TableColumn<FileCheckResult, String> findings = column(m.get("check.col.findings"), 260, this::findings);
        findings.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                FileCheckResult r = empty || getTableRow() == null ? null : getTableRow().getItem();
                String ids = r == null || r.verdict().equals("error") ? "" : r.findings().stream()
                        .map(f -> RuleNames.withId(m, f.rule())).distinct().collect(Collectors.joining("\n"));
                setTooltip(ids.isEmpty() ? null : new Tooltip(ids));
            }
        });
        table.getColumns().add(findings);

        VBox top = new VBox(8, drop, bar, status);
        top.setStyle("-fx-padding: 10;");
        BorderPane root = new BorderPane(table);
        root.setTop(top);
        root.setPrefSize(820, 520);
        UiFonts.apply(root);
        stage.setScene(new Scene(root));
        stage.setOnHidden(e -> cancelRunning());
    }

    Stage stage() {
        return stage;
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    ObservableList<FileCheckResult> results() {
        return results;
    }

    private String findings(FileCheckResult r) {
        if (r.verdict().equals("error")) {
            return r.message();
        }
        return r.findings().stream().map(this::finding).distinct().collect(Collectors.joining("；"));
    }

    /** What the finding's rule means and its masked evidence ("文件名中的密级标志：机密"); ids are in the tooltip. */
    String finding(org.secrecyguard.engine.Finding f) {
        String meaning = RuleNames.meaning(m, f.rule());
        return f.evidence().isEmpty() ? meaning : m.format("check.finding", meaning, f.evidence());
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
            ((javafx.scene.Node) e.getSource()).getStyleClass().add("drag-over");
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles();
        if (ok) {
            check(e.getDragboard().getFiles().stream().map(File::toPath).toList());
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    private void pickFiles() {
        List<File> files = new FileChooser().showOpenMultipleDialog(stage);
        if (files != null) {
            check(files.stream().map(File::toPath).toList());
        }
    }

    private void pickFolder() {
        File dir = new DirectoryChooser().showDialog(stage);
        if (dir != null) {
            check(List.of(dir.toPath()));
        }
    }

    /** Starts checking the given files and folders (FX thread); a running check is cancelled first. */
    void check(List<Path> roots) {
        cancelRunning();
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                updateMessage("…");
                FolderWalk.Listing listing = FolderWalk.of(roots);
                List<Path> files = listing.files();
                boolean truncated = listing.truncated();
                int total = files.size();
                int flagged = 0;
                for (int i = 0; i < total; i++) {
                    if (isCancelled()) {
                        updateMessage(m.format("check.cancelled", i, total));
                        return null;
                    }
                    FileCheckResult r = checkOne(files.get(i));
                    if (r.verdict().equals("block") || r.verdict().equals("warn")) {
                        flagged++;
                    }
                    Platform.runLater(() -> results.add(r));
                    updateProgress(i + 1, total);
                    updateMessage(m.format("check.progress", i + 1, total));
                }
                updateMessage(m.format("check.done", total, flagged)
                        + (truncated ? "；" + m.format("check.tooMany", FolderWalk.MAX_FILES) : ""));
                return null;
            }
        };
        progress.progressProperty().bind(task.progressProperty());
        status.textProperty().bind(task.messageProperty());
        cancel.disableProperty().bind(task.runningProperty().not());
        running = task;
        worker.submit(task);
    }

    private FileCheckResult checkOne(Path file) {
        try {
            return checker.check(file);
        } catch (RuntimeException e) {
            // The checker promised not to throw; if it does, the row says the file was not checked.
            return new FileCheckResult(file, "error", null, List.of(), e.getClass().getSimpleName(), 0);
        }
    }

    private void cancelRunning() {
        if (running != null && running.isRunning()) {
            running.cancel(true);
        }
    }

    private static TableColumn<FileCheckResult, String> column(String title, double width,
                                                              java.util.function.Function<FileCheckResult, String> f) {
        TableColumn<FileCheckResult, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        return c;
    }
}
