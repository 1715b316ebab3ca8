package io.glio.engine.scsi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationTableTest {

    /** SPC-4 4.2.5.1: the group code (top three opcode bits) fixes the CDB length. */
    private static int lengthByGroup(int opcode) {
        return switch (opcode >>> 5) {
            case 0 -> 6;
            case 1, 2 -> 10;
            case 4 -> 16;
            case 5 -> 12;
            default -> -1;
        };
    }

    @Test
    void everyUsageMapIsAsLongAsItsOpcodesCdb() {
        assertThat(OperationTable.operations()).allSatisfy(op -> {
            assertThat(op.cdbLength()).as(op.name()).isEqualTo(lengthByGroup(op.opcode()));
            assertThat(op.usage()[0] & 0xff).as(op.name()).isEqualTo(op.opcode());
        });
    }

    @Test
    void serviceActionOperationsAreFoundByTheirServiceAction() {
        assertThat(OperationTable.find(new byte[] {(byte) 0x9e, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
                .info().name()).isEqualTo("READ CAPACITY(16)");
        assertThat(OperationTable.find(new byte[] {(byte) 0x9e, 0x11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}))
                .isNull();
    }
}
