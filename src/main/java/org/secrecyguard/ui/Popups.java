package org.secrecyguard.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * Shows alert popups: undecorated, always-on-top windows stacked upwards from the bottom-right
 * corner (where the tray is). A block stays until acknowledged; a warning closes by itself after a
 * few seconds (it stays in the history); an overridable block asks for a written reason. Every
 * method may be called from any thread and returns at once.
 */
public final class Popups {
    static final double MARGIN = 12;
    static final double GAP = 8;

    private final Messages messages;
    private final Duration warnDuration;
    private final List<Stage> open = new ArrayList<>(); // FX thread only
    private java.util.function.DoubleSupplier bottomReserve = () -> 0;

    public Popups(Messages messages, Duration warnDuration) {
        this.messages = messages;
        this.warnDuration = warnDuration;
    }

    /** A block: stays until the user presses the acknowledge button. */
    public void showBlock(AlertView alert) {
        Fx.run(() -> {
            Stage stage = newStage();
            AlertPane pane = AlertPane.block(messages, alert, () -> close(stage));
            show(stage, pane);
        });
    }

    /** A warning that closes itself after the configured time. */
    public void showWarn(AlertView alert) {
        Fx.run(() -> {
            Stage stage = newStage();
            AlertPane pane = AlertPane.warn(messages, alert, warnDuration, () -> close(stage));
            show(stage, pane);
            Timeline autoClose = new Timeline(new KeyFrame(javafx.util.Duration.millis(warnDuration.toMillis()),
                    e -> close(stage)));
            autoClose.play();
        });
    }

    /**
     * A block the user may override: completes with the typed reason (at least ten characters) when
     * they continue, or empty when they accept the block or close the popup.
     */
    public CompletableFuture<Optional<String>> askOverride(AlertView alert) {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Fx.run(() -> {
            Stage stage = newStage();
            AlertPane pane = AlertPane.override(messages, alert, reason -> {
                answer.complete(reason);
                close(stage);
            });
            stage.setOnHidden(e -> answer.complete(Optional.empty()));
            show(stage, pane);
        });
        return answer;
    }

    /** Space kept free at the bottom of the screen (the fallback status window sits there). FX thread. */
    void reserveBottom(java.util.function.DoubleSupplier height) {
        bottomReserve = height;
    }

    /** Number of popups on screen (FX thread). */
    int openCount() {
        return open.size();
    }

    private static Stage newStage() {
        Stage stage = new Stage(StageStyle.UNDECORATED);
        stage.setAlwaysOnTop(true);
        stage.setResizable(false);
        return stage;
    }

    private void show(Stage stage, AlertPane pane) {
        stage.setTitle(pane.title());
        Scene scene = new Scene(pane.root());
        UiFonts.apply(pane.root());
        stage.setScene(scene);
        stage.getIcons().add(Icons.fx(pane.state(), 32));
        open.add(stage);
        stage.setOnShown(e -> relayout());
        stage.show();
        relayout();
    }

    private void close(Stage stage) {
        open.remove(stage);
        stage.close();
        relayout();
    }

    /** Newest popup at the bottom, older ones pushed up. */
    private void relayout() {
        Rectangle2D bounds = Screen.getPrimary().getVisualBounds();
        double bottom = bounds.getMaxY() - MARGIN - bottomReserve.getAsDouble();
        for (int i = open.size() - 1; i >= 0; i--) {
            Stage s = open.get(i);
            double h = s.getHeight() > 0 ? s.getHeight() : s.getScene().getRoot().prefHeight(-1);
            double w = s.getWidth() > 0 ? s.getWidth() : s.getScene().getRoot().prefWidth(-1);
            s.setX(bounds.getMaxX() - w - MARGIN);
            s.setY(Math.max(bounds.getMinY(), bottom - h));
            bottom -= h + GAP;
        }
    }
}
