package org.secrecyguard.ui;

import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * The small always-on-top window in the bottom-right corner that shows the guard's status and the
 * tray menu. It replaces the tray icon where the desktop has no system tray (stock GNOME, Xvfb) and
 * says so; where a tray exists it is what the "status" menu item opens.
 */
final class StatusWindow {
    static final double WIDTH = 320;

    private final Stage stage = new Stage(StageStyle.UTILITY);
    private final Messages messages;
    private final boolean replacesTray;
    private final ImageView icon = new ImageView();
    private final Label state = new Label();
    private final VBox details = new VBox(4);
    private final MenuButton menu;

    StatusWindow(Messages messages, boolean replacesTray) {
        this.messages = messages;
        this.replacesTray = replacesTray;
        icon.setFitWidth(32);
        icon.setFitHeight(32);
        state.setId("status-state");
        state.getStyleClass().add("status-state");
        state.setWrapText(true);
        Label name = new Label(messages.get("app.name"));
        name.setStyle("-fx-font-weight: bold;");
        VBox titles = new VBox(2, name, state);
        HBox head = new HBox(10, icon, titles);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        menu = new MenuButton(messages.get("menu.button"));
        menu.setId("status-menu");
        // Open beside the window, not over it: over an always-on-top window the items that overlap it
        // lose their clicks on X11 without a window manager (seen under Xvfb; keyboard still worked).
        menu.setPopupSide(javafx.geometry.Side.LEFT);
        Button hide = new Button(messages.get("menu.hide"));
        hide.setId("status-hide");
        hide.setOnAction(e -> stage.hide());
        hide.setVisible(!replacesTray);
        hide.setManaged(!replacesTray);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, menu, spacer, hide);

        VBox root = new VBox(head, details, bar);
        root.getStyleClass().add("status-window");
        if (replacesTray) {
            Label note = new Label(messages.get("status.noTray"));
            note.setId("status-no-tray");
            note.getStyleClass().add("status-note");
            root.getChildren().add(1, note);
        }
        root.setPrefWidth(WIDTH);
        UiFonts.apply(root);
        stage.setScene(new Scene(root));
        stage.setTitle(messages.get("status.title"));
        stage.setAlwaysOnTop(true);
        stage.setResizable(false);
        // The fallback window is the app's face: closing it only hides it until the next alert or start.
        stage.setOnCloseRequest(e -> {
            if (replacesTray) {
                e.consume();
                stage.setIconified(true);
            }
        });
    }

    Stage stage() {
        return stage;
    }

    void update(StatusSnapshot s, List<MenuEntry> entries) {
        icon.setImage(Icons.fx(s.state(), 32));
        state.setText(StatusText.headline(messages, s));
        state.getStyleClass().removeAll("protected", "degraded", "alert");
        state.getStyleClass().add(s.state().iconName());
        details.getChildren().clear();
        if (s.problems().isEmpty()) {
            details.getChildren().add(note(messages.get("status.allGood"), "status-all-good"));
        } else {
            details.getChildren().add(note(messages.get("status.problems"), "status-problems-title"));
            int i = 0;
            for (String code : s.problems()) {
                Label p = new Label("• " + messages.problem(code));
                p.setId("status-problem-" + i++);
                p.getStyleClass().add("status-problem");
                p.setMaxWidth(WIDTH - 20);
                details.getChildren().add(p);
            }
        }
        details.getChildren().add(note(messages.format("status.rules", s.rulesVersion()), "status-rules"));
        if (s.lastAlert() != null) {
            details.getChildren().add(note(messages.format("status.lastAlert", StatusText.time(s.lastAlert())),
                    "status-last-alert"));
        }
        menu.getItems().clear();
        for (MenuEntry e : entries) {
            if (e.isSeparator()) {
                menu.getItems().add(new SeparatorMenuItem());
                continue;
            }
            MenuItem item = new MenuItem(e.label());
            item.setId(e.id());
            item.setDisable(!e.enabled());
            if (e.action() != null) {
                item.setOnAction(ev -> e.action().run());
            }
            menu.getItems().add(item);
        }
        if (stage.isShowing()) {
            stage.sizeToScene();
            place();
        }
    }

    private Label note(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.getStyleClass().add("status-note");
        l.setMaxWidth(WIDTH - 20);
        return l;
    }

    void show() {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
        place();
    }

    boolean replacesTray() {
        return replacesTray;
    }

    private void place() {
        Rectangle2D b = Screen.getPrimary().getVisualBounds();
        stage.setX(b.getMaxX() - stage.getWidth() - Popups.MARGIN);
        stage.setY(b.getMaxY() - stage.getHeight() - Popups.MARGIN);
    }
}
