package io.glio.engine.runtime;

import io.glio.engine.scsi.ScsiCompletion;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SpcCommandsTest extends LoggedInFixtureTest {

    @Test
    void modeSenseAllPagesListsTheFourPagesAfterTheBlockDescriptor() {
        Initiator.Result r = init.run(0, new byte[] {0x1a, 0, 0x3f, 0, (byte) 255, 0}, 255);
        byte[] d = r.data();

        assertThat(d[0] & 0xff).isEqualTo(d.length - 1);
        assertThat(d[3]).isEqualTo((byte) 8);
        assertThat(ByteBuffer.wrap(d).getInt(4)).isEqualTo((int) (ScsiFixture.RD_SIZE / 512));
        int at = 12;
        StringBuilder codes = new StringBuilder();
        while (at < d.length) {
            codes.append(String.format("%02x ", d[at]));
            at += (d[at + 1] & 0xff) + 2;
        }
        assertThat(codes.toString().trim()).isEqualTo("01 08 0a 1c");
        assertThat(r.completion().transferLength()).isEqualTo(d.length);
    }

    @Test
    void modeSenseCutToFourBytesTransfersFourWithoutOverflow() {
        Initiator.Result r = init.run(0, new byte[] {0x1a, 0, 0x3f, 0, 4, 0}, 4);

        assertThat(r.data()).hasSize(4);
        assertThat(r.completion().transferLength()).isEqualTo(4);
    }

    @Test
    void modeSelectAcceptsTheCurrentPageAndRejectsAChangedOne() {
        byte[] sense = init.run(0, new byte[] {0x1a, 0x08, 0x0a, 0, (byte) 255, 0}, 255).data();
        byte[] list = Arrays.copyOf(sense, sense.length);
        list[0] = 0;
        byte[] select = {0x15, 0x10, 0, 0, (byte) list.length, 0};

        assertThat(init.write(0, select, list).status()).isEqualTo(ScsiCompletion.GOOD);
        list[4 + 5] ^= 0x40; // TAS
        assertThat(init.write(0, select, list).sense()).isEqualTo("5/26/00");
        assertThat(init.run(0, new byte[] {0x1a, 0, 0x2e, 0, (byte) 255, 0}, 255).sense()).isEqualTo("5/24/00");
    }

    @Test
    void reportSupportedOperationCodesListsEveryOperationAndDescribesOne() {
        byte[] all = {(byte) 0xa3, 0x0c, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};
        ByteBuffer list = ByteBuffer.wrap(init.run(0, all, 65535).data());
        int entries = list.getInt(0) / 8;
        boolean read16 = false;
        for (int i = 0; i < entries; i++) {
            read16 |= (list.get(4 + 8 * i) & 0xff) == 0x88 && list.getShort(4 + 8 * i + 6) == 16;
        }
        byte[] one = {(byte) 0xa3, 0x0c, 1, (byte) 0x88, 0, 0, 0, 0, 1, 0, 0, 0};
        byte[] d = init.run(0, one, 256).data();
        byte[] rc16ByOpcodeOnly = {(byte) 0xa3, 0x0c, 1, (byte) 0x9e, 0, 0x10, 0, 0, 1, 0, 0, 0};

        assertThat(entries).isGreaterThan(40);
        assertThat(read16).isTrue();
        assertThat(d[1] & 0x07).isEqualTo(3);
        assertThat(d[3]).isEqualTo((byte) 16);
        assertThat(d[4] & 0xff).isEqualTo(0x88);
        assertThat(init.run(0, rc16ByOpcodeOnly, 256).sense()).isEqualTo("5/24/00");
    }

    @Test
    void aLuThatIsNotSharedOffersImplicitAluaOnly() {
        byte[] stpg = {(byte) 0xa4, 0x0a, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0};
        byte[] rsocStpg = {(byte) 0xa3, 0x0c, 0x02, (byte) 0xa4, 0, 0x0a, 0, 0, 0, 64, 0, 0};
        byte[] all = {(byte) 0xa3, 0x0c, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};
        ByteBuffer list = ByteBuffer.wrap(init.run(0, all, 65535).data());
        boolean listed = false;
        for (int i = 0; i < list.getInt(0) / 8; i++) {
            listed |= (list.get(4 + 8 * i) & 0xff) == 0xa4;
        }

        assertThat(init.run(0, Initiator.inquiry(false, 0, 96), 96).data()[5] & 0x30).as("TPGS").isEqualTo(0x10);
        assertThat(init.write(0, stpg, new byte[] {0, 0, 0, 0, 0, 0, 0, 1}).sense()).isEqualTo("5/20/00");
        assertThat(init.run(0, rsocStpg, 64).data()[1] & 0x07).as("STPG SUPPORT").isEqualTo(1);
        assertThat(listed).isFalse();
    }

    @Test
    void readCapacity10WithLbaButWithoutPmiIsInvalid() {
        byte[] rc10 = {0x25, 0, 0, 0, 0, 1, 0, 0, 0, 0};

        assertThat(init.run(0, rc10, 8).sense()).isEqualTo("5/24/00");
        rc10[5] = 0;
        assertThat(ByteBuffer.wrap(init.run(0, rc10, 8).data()).getInt(0))
                .isEqualTo((int) (ScsiFixture.RD_SIZE / 512 - 1));
    }

    @Test
    void ejectingTheNonRemovableMediumIsInvalidButStartIsGood() {
        assertThat(init.run(0, new byte[] {0x1b, 1, 0, 0, 0x02, 0}, 0).sense()).isEqualTo("5/24/00");
        assertThat(init.run(0, new byte[] {0x1b, 1, 0, 0, 0x01, 0}, 0).status()).isEqualTo(ScsiCompletion.GOOD);
    }

    @Test
    void synchronizeCacheFlushesAndChecksTheRange() {
        byte[] sync = {0x35, 0, 0, 0, 0, 0, 0, 0, 0, 0};

        assertThat(init.run(1, sync, 0).status()).isEqualTo(ScsiCompletion.GOOD);
        sync[2] = 0x7f;
        assertThat(init.run(1, sync, 0).sense()).isEqualTo("5/21/00");
    }

    @Test
    void transfersAboveTheMaximumTransferLengthAreInvalidFieldInCdb() {
        byte[] b0 = init.run(0, Initiator.inquiry(true, 0xb0, 64), 64).data();
        long max = ByteBuffer.wrap(b0).getInt(8) & 0xffffffffL;

        assertThat(max).isEqualTo((1L << 30) / 512);
        assertThat(init.run(0, Initiator.read16(0, (int) max + 1), 0).sense()).isEqualTo("5/24/00");
    }
}
