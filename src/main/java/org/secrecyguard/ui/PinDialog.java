package org.secrecyguard.ui;

import java.util.Arrays;
import java.util.function.Predicate;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * Asks for the admin PIN before an action that stops protection. The PIN is checked by the app
 * (against a PBKDF2 hash) and the typed characters are wiped after the check.
 */
final class PinDialog {
    private PinDialog() {
    }

    /** Shows the dialog (FX thread, blocks in a nested event loop); true when a correct PIN was entered. */
    static boolean ask(Messages m, String actionKey, Predicate<char[]> verifier) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(m.get("pin.title"));
        PasswordField pin = new PasswordField();
        pin.setId("pin-field");
        Label error = new Label();
        error.setId("pin-error");
        error.setStyle("-fx-text-fill: #c62828;");
        Label prompt = new Label(m.format("pin.prompt", m.get(actionKey)));
        prompt.setWrapText(true);
        VBox box = new VBox(8, prompt, pin, error);
        box.setPrefWidth(340);
        dialog.getDialogPane().setContent(box);
        ButtonType ok = new ButtonType(m.get("pin.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(m.get("pin.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, cancel);
        UiFonts.apply(dialog.getDialogPane());
        ((Stage) dialog.getDialogPane().getScene().getWindow()).setAlwaysOnTop(true);
        boolean[] verified = {false};
        dialog.getDialogPane().lookupButton(ok).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            char[] typed = pin.getText().toCharArray();
            try {
                verified[0] = verifier.test(typed);
            } finally {
                Arrays.fill(typed, '\0');
            }
            if (!verified[0]) {
                error.setText(m.get("pin.wrong"));
                pin.clear();
                e.consume();
            }
        });
        pin.requestFocus();
        dialog.showAndWait();
        pin.clear();
        return verified[0];
    }
}
