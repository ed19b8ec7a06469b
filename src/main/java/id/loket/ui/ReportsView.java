package id.loket.ui;

import id.loket.core.Money;
import id.loket.reconcile.DailyRecap;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/**
 * Controller of {@code fxml/reports.fxml}: the owner's dashboard of one business day from the
 * {@link ReportsViewModel}: tiles with the day's totals, a bar chart of what was paid per biller, a pie chart per
 * payment method, and the same figures in tables per biller, method and clerk; the daily recap printed or saved.
 *
 * <p>Keyboard: the date picker takes a typed date (dd/MM/yyyy); Page Up and Page Down move a day back and forward;
 * Enter presses the focused button; Ctrl+P prints the recap.
 *
 * <p>Lifecycle: the view binds to the longer-lived view model while its page is in a scene; showing the page reads
 * the day again.
 */
public final class ReportsView {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final KeyCombination PRINT = new KeyCodeCombination(KeyCode.P, KeyCombination.CONTROL_DOWN);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Table rows are this tall, so a table can be exactly as high as its lines inside the scrolling page. */
    private static final double ROW_HEIGHT = 30;
    private static final String INITIAL_FOCUS = "initial-focus";

    private final ReportsViewModel viewModel;
    private final ViewTies ties = new ViewTies();

    @FXML
    private ResourceBundle resources;

    @FXML
    private BorderPane page;

    @FXML
    private ProgressIndicator loading;

    @FXML
    private Label dayLabel;

    @FXML
    private DatePicker dayPicker;

    @FXML
    private Label loadMessage;

    @FXML
    private Label reportMessage;

    @FXML
    private Label countValue;

    @FXML
    private Label totalValue;

    @FXML
    private Label shopFeesValue;

    @FXML
    private Label failedValue;

    @FXML
    private Label suspectValue;

    @FXML
    private Label refundsNote;

    @FXML
    private Label emptyNote;

    @FXML
    private HBox chartsRow;

    @FXML
    private BarChart<Number, String> billerChart;

    @FXML
    private NumberAxis amountAxis;

    @FXML
    private PieChart methodChart;

    @FXML
    private TableView<DailyRecap.Line> billerTable;

    @FXML
    private TableColumn<DailyRecap.Line, String> billerNameColumn;

    @FXML
    private TableColumn<DailyRecap.Line, String> billerCountColumn;

    @FXML
    private TableColumn<DailyRecap.Line, String> billerBillColumn;

    @FXML
    private TableColumn<DailyRecap.Line, String> billerGatewayFeeColumn;

    @FXML
    private TableColumn<DailyRecap.Line, String> billerShopFeeColumn;

    @FXML
    private TableColumn<DailyRecap.Line, String> billerTotalColumn;

    @FXML
    private TableView<DailyRecap.Line> methodTable;

    @FXML
    private TableColumn<DailyRecap.Line, String> methodNameColumn;

    @FXML
    private TableColumn<DailyRecap.Line, String> methodCountColumn;

    @FXML
    private TableColumn<DailyRecap.Line, String> methodTotalColumn;

    @FXML
    private TableView<DailyRecap.Line> clerkTable;

    @FXML
    private TableColumn<DailyRecap.Line, String> clerkNameColumn;

    @FXML
    private TableColumn<DailyRecap.Line, String> clerkCountColumn;

    @FXML
    private TableColumn<DailyRecap.Line, String> clerkShopFeeColumn;

    @FXML
    private TableColumn<DailyRecap.Line, String> clerkTotalColumn;

    public ReportsView(ReportsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    ReportsViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        dayLabel.setLabelFor(dayPicker);
        ViewTies.collapseWhenHidden(loading, loadMessage, reportMessage, refundsNote, emptyNote, chartsRow);
        dayPicker.setConverter(new DayText());
        dayPicker.setPromptText(resources.getString("dashboard.day.prompt"));
        // No day after today: the future has no payments.
        dayPicker.setDayCellFactory(p -> new javafx.scene.control.DateCell() {
            @Override
            public void updateItem(LocalDate item, boolean empty) {
                super.updateItem(item, empty);
                setDisable(empty || item.isAfter(viewModel.today()));
            }
        });
        dayPicker.getStyleClass().add(INITIAL_FOCUS);
        amountAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return NumberFormat.getIntegerInstance(locale()).format(value.longValue());
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("axis labels are never typed");
            }
        });
        amountAxis.setLabel(resources.getString("dashboard.chart.axis"));

        column(billerNameColumn, DailyRecap.Line::label);
        column(billerCountColumn, l -> number(l.count()));
        column(billerBillColumn, l -> money(l.billAmount()));
        column(billerGatewayFeeColumn, l -> money(l.gatewayFees()));
        column(billerShopFeeColumn, l -> money(l.shopFees()));
        column(billerTotalColumn, l -> money(l.total()));
        column(methodNameColumn, l -> methodName(l.key()));
        column(methodCountColumn, l -> number(l.count()));
        column(methodTotalColumn, l -> money(l.total()));
        column(clerkNameColumn, DailyRecap.Line::label);
        column(clerkCountColumn, l -> number(l.count()));
        column(clerkShopFeeColumn, l -> money(l.shopFees()));
        column(clerkTotalColumn, l -> money(l.total()));
        for (TableView<DailyRecap.Line> table : java.util.List.of(billerTable, methodTable, clerkTable)) {
            table.setFixedCellSize(ROW_HEIGHT);
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        }

        page.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        ties.whileInScene(page, this::show);
    }

    // ---- actions ------------------------------------------------------------------------------------------------

    @FXML
    private void previousDay() {
        viewModel.moveDay(-1);
    }

    @FXML
    private void nextDay() {
        viewModel.moveDay(1);
    }

    @FXML
    private void print() {
        viewModel.print();
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    private void onKey(KeyEvent event) {
        if (PRINT.match(event)) {
            viewModel.print();
            event.consume();
        } else if (event.getCode() == KeyCode.PAGE_UP && !event.isControlDown()) {
            viewModel.moveDay(-1);
            event.consume();
        } else if (event.getCode() == KeyCode.PAGE_DOWN && !event.isControlDown()) {
            viewModel.moveDay(1);
            event.consume();
        } else if (event.getCode() == KeyCode.ENTER && !event.isControlDown() && !event.isAltDown()
                && event.getTarget() instanceof ButtonBase button && !button.isDisabled()) {
            // JavaFX presses a focused button with the space bar only.
            button.fire();
            event.consume();
        }
    }

    // ---- showing ------------------------------------------------------------------------------------------------

    private void show() {
        ties.bind(dayPicker.valueProperty(), viewModel.day());
        items(billerTable, viewModel.byBiller());
        items(methodTable, viewModel.byMethod());
        items(clerkTable, viewModel.byClerk());
        ties.listen(this::showRecap, viewModel.recap());
        ties.listen(this::showLoad, viewModel.loadStatus().busy(), viewModel.loadStatus().message(),
                viewModel.loadStatus().isError());
        ties.listen(this::showReport, viewModel.reportStatus().busy(), viewModel.reportStatus().message(),
                viewModel.reportStatus().isError());
        ties.onUndo(viewModel::deactivate);

        viewModel.activate();
        showRecap();
        showLoad();
        showReport();
        page.applyCss();
    }

    private void showRecap() {
        DailyRecap recap = viewModel.recap().get();
        if (recap == null) {
            for (Label value : new Label[] {countValue, totalValue, shopFeesValue, failedValue, suspectValue}) {
                value.setText("—");
            }
            refundsNote.setVisible(false);
            emptyNote.setVisible(false);
            chartsRow.setVisible(false);
            return;
        }
        DailyRecap.Line total = recap.total();
        countValue.setText(number(total.count()));
        totalValue.setText(money(total.total()));
        shopFeesValue.setText(money(total.shopFees()));
        failedValue.setText(number(recap.failed()));
        suspectValue.setText(number(recap.suspect()));
        refundsNote.setText(Message.of("dashboard.refundsDue", recap.refundsDue()).in(resources));
        refundsNote.setVisible(recap.refundsDue() > 0);
        boolean empty = total.count() == 0;
        emptyNote.setText(Message.of("dashboard.empty", DAY.format(recap.day())).in(resources));
        emptyNote.setVisible(empty);
        chartsRow.setVisible(!empty);

        XYChart.Series<Number, String> series = new XYChart.Series<>();
        series.setName(resources.getString("dashboard.chart.byBiller"));
        for (DailyRecap.Line line : recap.byBiller()) {
            XYChart.Data<Number, String> bar = new XYChart.Data<>(line.total().rupiah(), line.label());
            series.getData().add(bar);
        }
        billerChart.getData().setAll(java.util.List.of(series));
        for (int i = 0; i < series.getData().size(); i++) {
            DailyRecap.Line line = recap.byBiller().get(i);
            XYChart.Data<Number, String> bar = series.getData().get(i);
            if (bar.getNode() != null) {
                Tooltip.install(bar.getNode(), new Tooltip(Message.of("dashboard.chart.tooltip", line.label(),
                        line.count(), money(line.total())).in(resources)));
            }
        }

        // A pie chart needs a double: fine for drawing a share, never used for money arithmetic.
        ObservableList<PieChart.Data> slices = FXCollections.observableArrayList();
        for (DailyRecap.Line line : recap.byMethod()) {
            slices.add(new PieChart.Data(Message.of("dashboard.chart.slice", methodName(line.key()), line.count())
                    .in(resources), line.total().rupiah()));
        }
        methodChart.setData(slices);
        billerTable.setPrefHeight(tableHeight(recap.byBiller().size()));
        methodTable.setPrefHeight(tableHeight(recap.byMethod().size()));
        clerkTable.setPrefHeight(tableHeight(recap.byClerk().size()));
    }

    private void showLoad() {
        loading.setVisible(viewModel.loadStatus().busy().get());
        showStatus(loadMessage, viewModel.loadStatus());
    }

    /** The buttons stay enabled while the recap is on its way (a disabled button would drop the focus). */
    private void showReport() {
        showStatus(reportMessage, viewModel.reportStatus());
    }

    // ---- common -------------------------------------------------------------------------------------------------

    private static double tableHeight(int rows) {
        // The header, the rows (at least one, for the placeholder) and a little slack for the border.
        return ROW_HEIGHT * (Math.max(1, rows) + 1) + 8;
    }

    private void items(TableView<DailyRecap.Line> table, ObservableList<DailyRecap.Line> list) {
        table.setItems(list);
        ties.onUndo(() -> table.setItems(FXCollections.observableArrayList()));
    }

    private static void column(TableColumn<DailyRecap.Line, String> column, Function<DailyRecap.Line, String> text) {
        column.setCellValueFactory(c -> constant(text.apply(c.getValue())));
    }

    private static ObservableValue<String> constant(String value) {
        return new ReadOnlyObjectWrapper<>(value);
    }

    private void showStatus(Label label, ActionStatus status) {
        Message text = status.message().get();
        label.setText(text.in(resources));
        label.setVisible(!text.isEmpty());
        label.pseudoClassStateChanged(ERROR, status.isError().get());
    }

    private String methodName(String method) {
        String key = "dashboard.method." + method;
        return resources.containsKey(key) ? resources.getString(key) : method;
    }

    private String money(Money amount) {
        return amount.format(locale());
    }

    private String number(long n) {
        return Bundles.format(resources, locale(), "dashboard.number", n);
    }

    private Locale locale() {
        return resources.getLocale();
    }

    /** Dates as dd/MM/yyyy; a date that cannot be read keeps the day shown. */
    private final class DayText extends StringConverter<LocalDate> {

        @Override
        public String toString(LocalDate day) {
            return day == null ? "" : DAY.format(day);
        }

        @Override
        public LocalDate fromString(String text) {
            if (text == null || text.isBlank()) {
                return viewModel.day().get();
            }
            try {
                return LocalDate.parse(text.strip(), DAY);
            } catch (DateTimeParseException e) {
                return viewModel.day().get();
            }
        }
    }
}
