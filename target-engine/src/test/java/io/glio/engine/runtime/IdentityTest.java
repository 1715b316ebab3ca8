package io.glio.engine.runtime;

import io.glio.engine.model.StorageObject;
import io.glio.engine.scsi.ScsiCompletion;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityTest extends LoggedInFixtureTest {

    @Test
    void standardInquiryNamesLioOrgAndTheBackstoreProduct() {
        Initiator.Result r = init.run(0, Initiator.inquiry(false, 0, 255), 255);

        assertThat(r.status()).isEqualTo(ScsiCompletion.GOOD);
        assertThat(r.data()).hasSize(96);
        assertThat(r.data()[2]).isEqualTo((byte) 0x06);
        assertThat(r.data()[4] & 0xff).isEqualTo(91);
        assertThat(ascii(r.data(), 8, 8)).isEqualTo("LIO-ORG ");
        assertThat(ascii(r.data(), 16, 16)).isEqualTo("RAMDISK-MCP     ");
        assertThat(ascii(r.data(), 32, 4)).isEqualTo("4.0 ");
        assertThat(ascii(init.run(1, Initiator.inquiry(false, 0, 96), 96).data(), 16, 16))
                .isEqualTo("FILEIO          ");
    }

    @Test
    void modelAliasReplacesTheProductWithTheObjectName() {
        fx.model.setStorageObjectAttribute(fx.ramdisk, "emulate_model_alias", "1");

        assertThat(ascii(init.run(0, Initiator.inquiry(false, 0, 96), 96).data(), 16, 16))
                .isEqualTo("rd0             ");
    }

    @Test
    void inquiryIsCutToTheAllocationLengthAndReportsWhatWasAsked() {
        Initiator.Result r = init.run(0, Initiator.inquiry(false, 0, 36), 255);

        assertThat(r.data()).hasSize(36);
        assertThat(r.completion().transferLength()).isEqualTo(36);
    }

    @Test
    void unitSerialIsTheStorageObjectWwn() {
        byte[] d = init.run(0, Initiator.inquiry(true, 0x80, 255), 255).data();

        assertThat(d[1]).isEqualTo((byte) 0x80);
        assertThat(ascii(d, 4, d.length - 5)).isEqualTo(ScsiFixture.RD_WWN);
    }

    @Test
    void deviceIdentificationIsLiosDesignatorListByteForByte() {
        String naa = "6001405653e40728aad4e9d900e4059f";
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(new byte[] {0x00, (byte) 0x83, 0, 0}); // length patched below
        expected.writeBytes(new byte[] {0x01, 0x03, 0x00, 0x10});
        expected.writeBytes(HexFormat.of().parseHex(naa));
        byte[] t10 = ("LIO-ORG RAMDISK-MCP:" + ScsiFixture.RD_WWN + "\0").getBytes(StandardCharsets.US_ASCII);
        expected.writeBytes(new byte[] {0x02, 0x01, 0x00, (byte) t10.length});
        expected.writeBytes(t10);
        expected.writeBytes(new byte[] {0x51, (byte) 0x94, 0, 4, 0, 0, 0, 1});
        expected.writeBytes(new byte[] {0x51, (byte) 0x95, 0, 4, 0, 0, 0, 0});
        byte[] port = Arrays.copyOf((ScsiFixture.TARGET + ",t,0x0001").getBytes(StandardCharsets.UTF_8), 48);
        expected.writeBytes(new byte[] {0x53, (byte) 0x98, 0, 48});
        expected.writeBytes(port);
        byte[] device = Arrays.copyOf(ScsiFixture.TARGET.getBytes(StandardCharsets.UTF_8), 40);
        expected.writeBytes(new byte[] {0x53, (byte) 0xa8, 0, 40});
        expected.writeBytes(device);
        byte[] e = expected.toByteArray();
        e[3] = (byte) (e.length - 4);

        byte[] d = init.run(0, Initiator.inquiry(true, 0x83, 1024), 1024).data();

        assertThat(HexFormat.of().formatHex(d)).isEqualTo(HexFormat.of().formatHex(e));
        assertThat(HexFormat.of().formatHex(d, 8, 24)).isEqualTo(naa);
    }

    @Test
    void userBackstoreListsItsConfigStringAndIsNotReadyWithoutAStore() {
        StorageObject user = fx.model.createUser("mytest", 1L << 20, "glfs/iscsi-pool@host/mytest.img",
                "11111111-2222-4333-8444-555555555555", null, null);
        fx.model.createLun(fx.tpg, 2, user, null);
        fx.model.createMappedLun(fx.acl1, 2, 2, false, null);
        init.ready(2);

        byte[] d = init.run(2, Initiator.inquiry(true, 0x83, 1024), 1024).data();
        Initiator.Result tur = init.run(2, new byte[6], 0);

        byte[] config = "glfs/iscsi-pool@host/mytest.img\0".getBytes(StandardCharsets.US_ASCII);
        assertThat(HexFormat.of().formatHex(d)).contains(HexFormat.of().formatHex(config));
        assertThat(ascii(d, 8, 8)).isEqualTo("LIO-ORG ");
        assertThat(ascii(init.run(2, Initiator.inquiry(false, 0, 96), 96).data(), 16, 16))
                .isEqualTo("TCMU device     ");
        assertThat(tur.sense()).isEqualTo("2/04/0b");
    }

    @Test
    void supportedVpdPagesAreAscendingAndEachCanBeRead() {
        byte[] list = init.run(0, Initiator.inquiry(true, 0, 255), 255).data();
        int n = list[3];
        for (int i = 0; i < n; i++) {
            int page = list[4 + i] & 0xff;
            if (i > 0) {
                assertThat(page).isGreaterThan(list[3 + i] & 0xff);
            }
            assertThat(init.run(0, Initiator.inquiry(true, page, 255), 255).status())
                    .as("page %02x", page).isEqualTo(ScsiCompletion.GOOD);
        }
        assertThat(n).isEqualTo(7);
    }

    @Test
    void unknownVpdPageIsInvalidFieldInCdb() {
        assertThat(init.run(0, Initiator.inquiry(true, 0xc7, 255), 255).sense()).isEqualTo("5/24/00");
        assertThat(init.run(0, Initiator.inquiry(false, 0x80, 255), 255).sense()).isEqualTo("5/24/00");
    }

    @Test
    void blockLimitsFollowTheAttributes() {
        fx.model.setStorageObjectAttribute(fx.fileio, "emulate_tpu", "1");
        fx.model.setStorageObjectAttribute(fx.fileio, "max_unmap_lba_count", "2048");

        byte[] b0 = init.run(1, Initiator.inquiry(true, 0xb0, 255), 255).data();
        byte[] b2 = init.run(1, Initiator.inquiry(true, 0xb2, 255), 255).data();

        assertThat(b0[3] & 0xff).isEqualTo(0x3c);
        assertThat(b0[4]).isEqualTo((byte) 1);
        assertThat(((b0[20] & 0xff) << 24) | ((b0[21] & 0xff) << 16) | ((b0[22] & 0xff) << 8) | (b0[23] & 0xff))
                .isEqualTo(2048);
        assertThat(b2[5] & 0x80).isEqualTo(0x80);
    }

    private static String ascii(byte[] d, int from, int len) {
        return new String(d, from, len, StandardCharsets.US_ASCII);
    }
}
