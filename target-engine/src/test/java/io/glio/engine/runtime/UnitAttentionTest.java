package io.glio.engine.runtime;

import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.TaskManagementFunction;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

class UnitAttentionTest extends FixtureTest {


    @Test
    void aNewNexusFirstSeesPowerOnResetThenGood() {
        Initiator i = fx.login(ScsiFixture.INITIATOR_1, "000000000001");

        assertThat(i.run(0, Initiator.inquiry(false, 0, 96), 96).status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(i.run(0, new byte[6], 0).sense()).isEqualTo("6/29/00");
        assertThat(i.run(0, new byte[6], 0).status()).isEqualTo(ScsiCompletion.GOOD);
    }

    @Test
    void requestSenseReturnsAndClearsThePendingUnitAttention() {
        Initiator i = fx.login(ScsiFixture.INITIATOR_1, "000000000001");

        Initiator.Result sense = i.run(0, new byte[] {0x03, 0, 0, 0, (byte) 252, 0}, 252);

        assertThat(sense.data()[2]).isEqualTo((byte) 6);
        assertThat(sense.data()[12]).isEqualTo((byte) 0x29);
        assertThat(i.run(0, new byte[6], 0).status()).isEqualTo(ScsiCompletion.GOOD);
    }

    @Test
    void mappingANewLunRaisesReportedLunsDataHasChangedAndReportLunsShowsIt() {
        Initiator i = fx.first();
        fx.model.deleteMappedLun(fx.acl1, 1);

        assertThat(i.run(0, new byte[6], 0).sense()).isEqualTo("6/3f/0e");
        byte[] reportLuns = {(byte) 0xa0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0};
        ByteBuffer luns = ByteBuffer.wrap(i.run(0, reportLuns, 256).data());
        assertThat(luns.getInt(0)).isEqualTo(8);
        assertThat(luns.getLong(8)).isZero();
        assertThat(i.run(1, new byte[6], 0).sense()).isEqualTo("5/25/00");
    }

    @Test
    void logicalUnitResetRaisesResetOccurredForEveryNexusIncludingTheOneThatAsked() throws Exception {
        Initiator one = fx.first();
        Initiator two = fx.second();

        assertThat(one.executor.manage(TaskManagementFunction.LOGICAL_UNIT_RESET, 0, 0)
                .toCompletableFuture().get()).hasToString("FUNCTION_COMPLETE");

        assertThat(one.run(0, new byte[6], 0).sense()).isEqualTo("6/29/03");
        assertThat(one.run(0, new byte[6], 0).status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(two.run(0, new byte[6], 0).sense()).isEqualTo("6/29/03");
    }

    @Test
    void changingTheWriteCacheRaisesModeParametersChanged() {
        Initiator i = fx.first();

        fx.model.setStorageObjectAttribute(fx.fileio, "emulate_write_cache", "1");

        assertThat(i.run(1, new byte[6], 0).sense()).isEqualTo("6/2a/01");
        byte[] sense6 = {0x1a, 0x08, 0x08, 0, (byte) 255, 0};
        byte[] caching = i.run(1, sense6, 255).data();
        assertThat(caching[4 + 2] & 0x04).isEqualTo(0x04);
    }

    @Test
    void changingTheBlockSizeRaisesCapacityDataHasChanged() {
        Initiator i = fx.first();

        fx.model.setStorageObjectAttribute(fx.ramdisk, "block_size", "4096");

        assertThat(i.run(0, new byte[6], 0).sense()).isEqualTo("6/2a/09");
        byte[] rc10 = {0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        ByteBuffer cap = ByteBuffer.wrap(i.run(0, rc10, 8).data());
        assertThat(cap.getInt(0)).isEqualTo((int) (ScsiFixture.RD_SIZE / 4096 - 1));
        assertThat(cap.getInt(4)).isEqualTo(4096);
    }
}
