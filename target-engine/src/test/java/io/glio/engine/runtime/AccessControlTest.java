package io.glio.engine.runtime;

import io.glio.engine.model.AluaGroup;
import io.glio.engine.model.MappedLun;
import io.glio.engine.scsi.ScsiCompletion;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class AccessControlTest extends FixtureTest {


    @Test
    void writeProtectedMappedLunRejectsWritesWithDataProtect() {
        Initiator i = fx.first();
        MappedLun mapped = fx.acl1.mappedLun(0).orElseThrow();

        fx.model.setMappedLunWriteProtect(mapped, true);

        assertThat(i.write(0, Initiator.write16(0, 1), new byte[512]).sense()).isEqualTo("7/27/00");
        assertThat(i.run(0, Initiator.read16(0, 1), 512).status()).isEqualTo(ScsiCompletion.GOOD);
        byte[] sense6 = {0x1a, 0x08, 0x3f, 0, (byte) 255, 0};
        assertThat(i.run(0, sense6, 255).data()[2] & 0x80).isEqualTo(0x80);
        Initiator other = fx.second();
        assertThat(other.write(0, Initiator.write16(0, 1), new byte[512]).status()).isEqualTo(ScsiCompletion.GOOD);
    }

    @Test
    void unmappedInitiatorReachesNoLun() {
        Initiator stranger = fx.login("iqn.1994-05.com.example:stranger", "000000000009");

        assertThat(stranger.run(0, new byte[6], 0).sense()).isEqualTo("5/25/00");
        assertThat(stranger.run(0, Initiator.inquiry(false, 0, 96), 96).data()[0]).isEqualTo((byte) 0x7f);
    }

    @Test
    void standbyTargetPortGroupAnswersNotReadyExceptForDiscoveryCommands() {
        Initiator i = fx.first();
        AluaGroup group = fx.ramdisk.aluaGroup(AluaGroup.DEFAULT_NAME).orElseThrow();

        fx.model.setAluaParameter(group, "alua_access_state", 2);

        assertThat(i.run(0, new byte[6], 0).sense()).isEqualTo("6/2a/06");
        assertThat(i.run(0, Initiator.read16(0, 1), 512).sense()).isEqualTo("2/04/0b");
        assertThat(i.run(0, Initiator.inquiry(false, 0, 96), 96).status()).isEqualTo(ScsiCompletion.GOOD);
        byte[] rtpg = {(byte) 0xa3, 0x0a, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0};
        byte[] groups = i.run(0, rtpg, 256).data();
        assertThat(groups[4] & 0x0f).isEqualTo(2);
        assertThat(i.run(1, Initiator.read16(0, 1), 512).status()).isEqualTo(ScsiCompletion.GOOD);
    }

    @Test
    void cdbShorterThanItsOpcodeIsRefusedBeforeAnyFieldIsRead() {
        Initiator i = fx.first();

        assertThat(i.run(0, new byte[] {(byte) 0x88, 0, 0, 0, 0, 0}, 512).sense()).isEqualTo("5/24/00");
    }

    @Test
    void unsupportedOpcodeIsInvalidCommandOperationCode() {
        Initiator i = fx.first();

        assertThat(i.run(0, new byte[] {(byte) 0xc1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0).sense()).isEqualTo("5/20/00");
    }
}
