package org.secrecyguard.ui;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.secrecyguard.policy.Channel;

/**
 * The content of one alert popup: a coloured header saying what happened, the facts (what was stopped,
 * channel, level, rule, masked evidence, destination), what to do instead, the rule that applies, and
 * the buttons of its kind. Node ids ("popup-level", "override-reason"...) are stable for tests.
 */
final class AlertPane {
    static final double WIDTH = 460;

    private final VBox root;
    private final String title;
    private final GuardState state;

    private AlertPane(VBox root, String title, GuardState state) {
        this.root = root;
        this.title = title;
        this.state = state;
    }

    Parent root() {
        return root;
    }

    String title() {
        return title;
    }

    GuardState state() {
        return state;
    }

    static AlertPane block(Messages m, AlertView a, Runnable acknowledged) {
        String title = title(m, a, "block");
        Button ack = new Button(m.get("popup.ack"));
        ack.setId("popup-ack");
        ack.setDefaultButton(true);
        ack.setOnAction(e -> acknowledged.run());
        VBox root = frame(m, a, title, "block", GuardState.ALERT);
        root.getChildren().add(buttons(ack));
        return new AlertPane(root, title, GuardState.ALERT);
    }

    static AlertPane warn(Messages m, AlertView a, Duration shownFor, Runnable close) {
        String title = title(m, a, "warn");
        Label auto = new Label(m.format("popup.warn.autoclose", shownFor.toSeconds()));
        auto.getStyleClass().add("autoclose");
        Button ok = new Button(m.get("popup.close"));
        ok.setId("popup-close");
        ok.setOnAction(e -> close.run());
        VBox root = frame(m, a, title, "warn", GuardState.DEGRADED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = buttons(auto, spacer, ok);
        root.getChildren().add(bar);
        return new AlertPane(root, title, GuardState.DEGRADED);
    }

    static AlertPane override(Messages m, AlertView a, Consumer<Optional<String>> answer) {
        String title = title(m, a, "override");
        VBox root = frame(m, a, title, "override", GuardState.ALERT);
        Label prompt = new Label(m.get("popup.reason.prompt"));
        prompt.setWrapText(true);
        TextArea reason = new TextArea();
        reason.setId("override-reason");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        Label count = new Label(m.format("popup.reason.count", 0));
        count.setId("override-count");
        count.getStyleClass().add("reason-count");
        Button cont = new Button(m.get("popup.reason.continue"));
        cont.setId("override-continue");
        cont.setDisable(true);
        Button cancel = new Button(m.get("popup.reason.cancel"));
        cancel.setId("override-cancel");
        cancel.setDefaultButton(true);
        reason.textProperty().addListener((obs, old, text) -> {
            int n = org.secrecyguard.policy.OverrideRule.reasonLength(text);
            count.setText(m.format("popup.reason.count", n));
            cont.setDisable(n < org.secrecyguard.policy.OverrideRule.MIN_REASON_CHARS);
        });
        cont.setOnAction(e -> {
            if (org.secrecyguard.policy.OverrideRule.isAcceptableReason(reason.getText())) {
                answer.accept(Optional.of(reason.getText().strip()));
            }
        });
        cancel.setOnAction(e -> answer.accept(Optional.empty()));
        VBox ask = new VBox(6, prompt, reason, count);
        ask.getStyleClass().add("explain");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root.getChildren().addAll(ask, buttons(spacer, cont, cancel));
        return new AlertPane(root, title, GuardState.ALERT);
    }

    private static String title(Messages m, AlertView a, String kind) {
        String key = "popup." + kind + (a.marking() ? ".title" : ".titleContent");
        if (a.channel() == Channel.UPLOAD_DIALOG && !a.destination().isEmpty()) {
            // The on-access guard stopped a program reading a file: say which program, in the user's words.
            return m.format(key + ".reading", m.channel(a.channel()), m.level(a.level()), appName(m, a.destination()));
        }
        return m.format(key, m.channel(a.channel()), m.level(a.level()));
    }

    /** A destination family ("WeChat", "cloud drive") as users call it (微信, 网盘); other names as they are. */
    static String appName(Messages m, String destination) {
        String key = "app.family." + destination.replace(' ', '-');
        return m.has(key) ? m.get(key) : destination;
    }

    private static VBox frame(Messages m, AlertView a, String title, String styleClass, GuardState icon) {
        ImageView shield = new ImageView(Icons.fx(icon, 32));
        Label heading = new Label(title);
        heading.setId("popup-title");
        heading.setWrapText(true);
        HBox header = new HBox(shield, heading);
        header.getStyleClass().add("popup-header");

        GridPane facts = new GridPane();
        facts.getStyleClass().add("popup-body");
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().addAll(names, values);
        int row = 0;
        // A warning stops nothing: its first line says what was checked, not what was stopped.
        row = fact(facts, row, m.get("warn".equals(styleClass) ? "popup.checked" : "popup.stopped"),
                m.format("popup.stopped.value", m.channel(a.channel()),
                m.get("kind." + a.contentKind())), "popup-stopped", null);
        row = fact(facts, row, m.get("popup.channel"), m.channel(a.channel()), "popup-channel", null);
        row = fact(facts, row, m.get("popup.level"), m.level(a.level()), "popup-level", "level-value");
        row = ruleFact(facts, row, m, a.rule());
        row = fact(facts, row, m.get("popup.evidence"), a.evidence(), "popup-evidence", "evidence");
        if (!a.destination().isEmpty()) {
            String name = a.channel() == Channel.REMOVABLE_DRIVE ? "popup.destination.device" : "popup.destination";
            fact(facts, row, m.get(name), appName(m, a.destination()), "popup-destination", null);
        }

        Label adviceName = new Label(m.get("popup.advice"));
        adviceName.getStyleClass().add("field-name");
        Label advice = new Label(a.advice());
        advice.setId("popup-advice");
        Label basis = new Label(m.get("popup.basis") + "：" + a.basis());
        basis.setId("popup-basis");
        basis.getStyleClass().add("basis");
        VBox explain = new VBox(adviceName, advice, basis);
        explain.getStyleClass().add("explain");
        for (Label l : new Label[] {advice, basis}) {
            l.setWrapText(true);
            l.setMaxWidth(WIDTH - 30);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }

        VBox root = new VBox(header, facts, explain);
        root.getStyleClass().addAll("popup", styleClass);
        root.setPrefWidth(WIDTH);
        root.setMaxWidth(WIDTH);
        heading.setMaxWidth(WIDTH - 70);
        return root;
    }

    private static int fact(GridPane grid, int row, String name, String value, String id, String valueStyle) {
        Label n = new Label(name);
        n.getStyleClass().add("field-name");
        Label v = new Label(value);
        v.setId(id);
        v.setWrapText(true);
        v.setMinHeight(Region.USE_PREF_SIZE);
        if (valueStyle != null) {
            v.getStyleClass().add(valueStyle);
        }
        grid.addRow(row, n, v);
        GridPane.setValignment(n, javafx.geometry.VPos.TOP);
        return row + 1;
    }

    /**
     * The rule row: what the rule means, then its id small and grey as a detail for IT ("公文首页的密级标志
     * marking.header"). A rule without a text shows just its id, once.
     */
    private static int ruleFact(GridPane grid, int row, Messages m, String rule) {
        Label n = new Label(m.get("popup.rule"));
        n.getStyleClass().add("field-name");
        Label meaning = new Label(RuleNames.meaning(m, rule));
        meaning.setId("popup-rule");
        meaning.setWrapText(true);
        meaning.setMinHeight(Region.USE_PREF_SIZE);
        HBox value = new HBox(meaning);
        value.getStyleClass().add("rule-value");
        value.setAlignment(Pos.BASELINE_LEFT);
        if (!meaning.getText().equals(rule)) {
            Label id = new Label(rule);
            id.setId("popup-rule-id");
            id.getStyleClass().add("rule-id");
            id.setMinWidth(Region.USE_PREF_SIZE);
            value.getChildren().add(id);
        }
        grid.addRow(row, n, value);
        GridPane.setValignment(n, javafx.geometry.VPos.TOP);
        return row + 1;
    }

    private static HBox buttons(javafx.scene.Node... nodes) {
        HBox bar = new HBox(nodes);
        bar.getStyleClass().add("popup-buttons");
        bar.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }
}
