package io.glio.engine.iscsi.session;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandWindowTest {

    private final List<Integer> delivered = new ArrayList<>();

    private CommandWindow.Admission offer(CommandWindow w, int cmdSn) {
        return w.admit(cmdSn, () -> delivered.add(cmdSn));
    }

    @Test
    void commandsArrivingOutOfOrderAreDeliveredInCmdSnOrder() {
        CommandWindow w = new CommandWindow(10, 8);

        assertThat(offer(w, 12)).isEqualTo(CommandWindow.Admission.QUEUED);
        assertThat(offer(w, 11)).isEqualTo(CommandWindow.Admission.QUEUED);
        assertThat(delivered).isEmpty();
        assertThat(offer(w, 10)).isEqualTo(CommandWindow.Admission.DELIVERED);

        assertThat(delivered).containsExactly(10, 11, 12);
        assertThat(w.expCmdSn()).isEqualTo(13);
        assertThat(w.waiting()).isZero();
    }

    @Test
    void commandsOutsideTheWindowAreDroppedWithoutDelivery() {
        CommandWindow w = new CommandWindow(10, 4);

        assertThat(offer(w, 9)).isEqualTo(CommandWindow.Admission.OUT_OF_WINDOW);
        assertThat(offer(w, 14)).isEqualTo(CommandWindow.Admission.OUT_OF_WINDOW);
        assertThat(offer(w, 13)).isEqualTo(CommandWindow.Admission.QUEUED);
        assertThat(offer(w, 13)).as("duplicate").isEqualTo(CommandWindow.Admission.OUT_OF_WINDOW);
        assertThat(delivered).isEmpty();
    }

    @Test
    void maxCmdSnGrowsOnlyWithResponses() {
        CommandWindow w = new CommandWindow(1, 2);
        assertThat(w.maxCmdSn()).isEqualTo(2);
        offer(w, 1);
        offer(w, 2);
        assertThat(offer(w, 3)).isEqualTo(CommandWindow.Admission.OUT_OF_WINDOW);

        w.responded();

        assertThat(w.maxCmdSn()).isEqualTo(3);
        assertThat(offer(w, 3)).isEqualTo(CommandWindow.Admission.DELIVERED);
    }

    @Test
    void theWindowWrapsAroundTheSerialNumberSpace() {
        CommandWindow w = new CommandWindow(0xfffffffe, 4);
        offer(w, 0x00000000);
        offer(w, 0xffffffff);
        offer(w, 0xfffffffe);
        assertThat(delivered).containsExactly(0xfffffffe, 0xffffffff, 0);
        assertThat(w.expCmdSn()).isEqualTo(1);
    }

    @Test
    void aWindowOfZeroIsRefused() {
        assertThatThrownBy(() -> new CommandWindow(1, 0)).hasMessageContaining("depth 0");
    }
}
