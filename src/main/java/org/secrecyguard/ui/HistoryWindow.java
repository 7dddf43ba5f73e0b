package org.secrecyguard.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.secrecyguard.engine.Level;
import org.secrecyguard.policy.Channel;

/**
 * The local events in a table, newest first, with filters for level, channel and time and a detail
 * pane for the selected event (findings with masked evidence, override reason, note).
 */
final class HistoryWindow {
    static final int LIMIT = 2000;

    /** Time filter choices. */
    enum Period { HOUR, TODAY, WEEK, ALL }

    private final Stage stage = new Stage();
    private final Messages m;
    private final HistorySource source;
    private final Clock clock;
    private final ObservableList<EventRow> rows = FXCollections.observableArrayList();
    private final FilteredList<EventRow> filtered = new FilteredList<>(rows);
    private final TableView<EventRow> table = new TableView<>(filtered);
    private final ComboBox<Level> level = new ComboBox<>();
    private final ComboBox<Channel> channel = new ComboBox<>();
    private final ComboBox<Period> period = new ComboBox<>();
    private final Label count = new Label();
    private final GridPane detail = new GridPane();

    HistoryWindow(Messages m, HistorySource source, Clock clock) {
        this.m = m;
        this.source = source;
        this.clock = clock;
        stage.setTitle(m.get("history.title"));

        level.setId("filter-level");
        level.getItems().add(null);
        level.getItems().addAll(Level.values());
        level.setConverter(converter(l -> l == null ? m.get("history.filter.all") : m.level(l)));
        level.setValue(null);
        channel.setId("filter-channel");
        channel.getItems().add(null);
        channel.getItems().addAll(Channel.values());
        channel.setConverter(converter(c -> c == null ? m.get("history.filter.all") : m.channel(c)));
        channel.setValue(null);
        period.setId("filter-time");
        period.getItems().addAll(Period.values());
        period.setConverter(converter(p -> m.get("history.time." + p.name().toLowerCase(java.util.Locale.ROOT))));
        period.setValue(Period.ALL);
        for (ComboBox<?> c : List.of(level, channel, period)) {
            c.valueProperty().addListener((o, a, b) -> applyFilter());
        }
        Button refresh = new Button(m.get("history.refresh"));
        refresh.setId("history-refresh");
        refresh.setOnAction(e -> reload());
        count.setId("history-count");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox filters = new HBox(new Label(m.get("history.filter.level")), level,
                new Label(m.get("history.filter.channel")), channel,
                new Label(m.get("history.filter.time")), period, spacer, count, refresh);
        filters.getStyleClass().add("filter-bar");

        table.setId("history-table");
        table.setPlaceholder(new Label(m.get("history.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(m.get("history.col.time"), 150, r -> StatusText.time(r.time())));
        table.getColumns().add(column(m.get("history.col.channel"), 90, r -> m.channel(r.channel())));
        table.getColumns().add(column(m.get("history.col.level"), 80, r -> m.level(r.level())));
        table.getColumns().add(column(m.get("history.col.outcome"), 130, r -> m.get("outcome." + r.outcome())));
        table.getColumns().add(column(m.get("history.col.app"), 110, r -> r.app().isEmpty() ? "—" : r.app()));
        TableColumn<EventRow, String> rule = column(m.get("history.col.rule"), 150,
                r -> RuleNames.meaning(m, r.mainRule()));
        rule.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                EventRow r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(r == null || r.mainRule().isEmpty() ? null
                        : new Tooltip(RuleNames.withId(m, r.mainRule())));
            }
        });
        table.getColumns().add(rule);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> showDetail(row));

        detail.setId("history-detail");
        detail.getStyleClass().add("detail");
        showDetail(null);
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);

        BorderPane root = new BorderPane(split);
        root.setTop(filters);
        root.setPrefSize(860, 540);
        UiFonts.apply(root);
        stage.setScene(new Scene(root));
        source.subscribe(() -> Fx.run(this::reload));
    }

    Stage stage() {
        return stage;
    }

    void show() {
        reload();
        stage.show();
        stage.toFront();
    }

    /** Reads the newest events again, keeping the filters. */
    void reload() {
        rows.setAll(source.recent(LIMIT));
        applyFilter();
    }

    private void applyFilter() {
        Level l = level.getValue();
        Channel c = channel.getValue();
        Instant since = since(period.getValue());
        Predicate<EventRow> p = r -> (l == null || r.level() == l) && (c == null || r.channel() == c)
                && (since == null || !r.time().isBefore(since));
        filtered.setPredicate(p);
        count.setText(m.format("history.count", filtered.size()));
    }

    private Instant since(Period p) {
        Instant now = clock.instant();
        return switch (p == null ? Period.ALL : p) {
            case HOUR -> now.minus(Duration.ofHours(1));
            case TODAY -> LocalDate.ofInstant(now, clock.getZone()).atStartOfDay(clock.getZone()).toInstant();
            case WEEK -> now.minus(Duration.ofDays(7));
            case ALL -> null;
        };
    }

    private void showDetail(EventRow r) {
        detail.getChildren().clear();
        if (r == null) {
            detail.add(new Label(m.get("history.detail.none")), 0, 0);
            return;
        }
        int row = 0;
        row = detailRow(row, m.get("history.col.time"), StatusText.time(r.time()), "detail-time");
        row = detailRow(row, m.get("history.col.channel"), m.channel(r.channel()), "detail-channel");
        if (!r.contentKind().isEmpty()) {
            row = detailRow(row, m.get("history.detail.kind"), m.get("kind." + r.contentKind()), "detail-kind");
        }
        row = detailRow(row, m.get("history.col.level"), m.level(r.level()), "detail-level");
        row = detailRow(row, m.get("history.col.outcome"), m.get("outcome." + r.outcome()), "detail-outcome");
        if (!r.app().isEmpty()) {
            row = detailRow(row, m.get("history.col.app"), r.app(), "detail-app");
        }
        row = detailRow(row, m.get("history.detail.findings"), 
                String.join("、", r.rules().stream().map(id -> RuleNames.withId(m, id)).toList()), "detail-rules");
        row = detailRow(row, m.get("history.detail.evidence"), String.join("、", r.evidence()), "detail-evidence");
        if (!r.reason().isEmpty()) {
            row = detailRow(row, m.get("history.detail.reason"), r.reason(), "detail-reason");
        }
        if (!r.note().isEmpty()) {
            detailRow(row, m.get("history.detail.note"), r.note(), "detail-note");
        }
    }

    private int detailRow(int row, String name, String value, String id) {
        Label n = new Label(name);
        n.getStyleClass().add("field-name");
        Label v = new Label(value);
        v.setId(id);
        v.setWrapText(true);
        detail.addRow(row, n, v);
        return row + 1;
    }

    private static TableColumn<EventRow, String> column(String title, double width,
                                                       java.util.function.Function<EventRow, String> value) {
        TableColumn<EventRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return f.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
