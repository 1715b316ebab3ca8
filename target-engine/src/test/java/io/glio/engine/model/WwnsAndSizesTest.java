package io.glio.engine.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WwnsAndSizesTest {

    private static final List<WwnType> ISCSI = Fabric.ISCSI.wwnTypes();

    @Test
    void iqnNeedsDateAndTwoDotsAndNoSpaceOrUnderscore() {
        assertThat(Wwns.normalize(ISCSI, "iqn.1994-05.com.redhat:client1").type()).isEqualTo(WwnType.IQN);
        assertThat(Wwns.normalize(ISCSI, "iqn.2016-12.suse.com.target1").wwn()).isEqualTo("iqn.2016-12.suse.com.target1");
        // rtslib's month check is [0-1][0-9]: month 13 passes.
        assertThat(Wwns.normalize(ISCSI, "iqn.1994-13.com.x:y").type()).isEqualTo(WwnType.IQN);
        for (String bad : new String[] {"iqn.94-05.com.x:y", "iqn.1994-23.com.x:y", "iqn.1994-05.comx",
                "iqn.1994-05.com.x:a_b", "iqn.1994-05.com.x:a b"}) {
            assertThatThrownBy(() -> Wwns.normalize(ISCSI, bad)).hasMessage("WWN not valid as: iqn, naa, eui");
        }
    }

    @Test
    void naaAndEuiAcceptTheirAlternativeSpellings() {
        assertThat(Wwns.normalize(ISCSI, "naa.5001405ABCDEF012").wwn()).isEqualTo("naa.5001405abcdef012");
        assertThat(Wwns.normalize(ISCSI, "50:01:40:5a:bc:de:f0:12").wwn()).isEqualTo("naa.5001405abcdef012");
        assertThat(Wwns.normalize(ISCSI, "eui.0123-4567-89ab-cdef").wwn()).isEqualTo("eui.0123456789abcdef");
        assertThat(Wwns.normalize(List.of(WwnType.NAA), "naa.2000000000000001").type()).isEqualTo(WwnType.NAA);
        assertThatThrownBy(() -> Wwns.normalize(List.of(WwnType.NAA), "naa.3001405abcdef012"))
                .hasMessage("WWN not valid as: naa");
        assertThatThrownBy(() -> Wwns.normalize(List.of(WwnType.NAA), "naa.5001405abcdef0123"))
                .hasMessage("WWN not valid as: naa");
    }

    @Test
    void generatedWwnsHaveRtslibsShapes() {
        ModelEnvironment env = TestEnv.env(new FakeDevices());
        assertThat(Wwns.generate(WwnType.NAA, env)).matches("naa\\.5001405[0-9a-f]{9}");
        assertThat(Wwns.generate(WwnType.EUI, env)).matches("eui\\.001405[0-9a-f]{10}");
        assertThat(Wwns.generate(WwnType.UNIT_SERIAL, env)).matches("[0-9a-f-]{36}");
        assertThat(Wwns.generateAlias(env)).matches("[0-9a-f]{10}");
    }

    @Test
    void sizesUseBinaryUnits() {
        assertThat(Sizes.humanToBytes("1024")).isEqualTo(1024);
        assertThat(Sizes.humanToBytes("512b")).isEqualTo(512);
        assertThat(Sizes.humanToBytes("2k")).isEqualTo(2048);
        assertThat(Sizes.humanToBytes("1KiB")).isEqualTo(1024);
        assertThat(Sizes.humanToBytes("10M")).isEqualTo(10L << 20);
        assertThat(Sizes.humanToBytes("100G")).isEqualTo(100L << 30);
        assertThat(Sizes.humanToBytes("100GB")).isEqualTo(100L << 30);
        assertThat(Sizes.humanToBytes("1tb")).isEqualTo(1L << 40);
        assertThat(Sizes.humanToBytes("0")).isZero();
    }

    @Test
    void sizesWithDecimalsUnknownUnitsSpacesOrSignsAreRefused() {
        for (String bad : new String[] {"1.5T", "1P", "100 G", "1x", "-1", "1|", "", "G"}) {
            assertThatThrownBy(() -> Sizes.humanToBytes(bad))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("Cannot interpret size, wrong format: " + bad);
        }
    }

    @Test
    void sizesArePrintedLikeLs() {
        assertThat(Sizes.bytesToHuman(512)).isEqualTo("512 bytes");
        assertThat(Sizes.bytesToHuman(1024)).isEqualTo("1.0KiB");
        assertThat(Sizes.bytesToHuman(2048)).isEqualTo("2.0KiB");
        assertThat(Sizes.bytesToHuman(512L << 20)).isEqualTo("512.0MiB");
        assertThat(Sizes.bytesToHuman(100L << 30)).isEqualTo("100.0GiB");
        assertThat(Sizes.bytesToHuman(3L << 39)).isEqualTo("1.5TiB");
        // 1.25 KiB is exactly representable: Python's %3.1f rounds it half to even.
        assertThat(Sizes.bytesToHuman(1280)).isEqualTo("1.2KiB");
    }

    @Test
    void glfsConfigNeedsVolumeHostAndPath() {
        assertThat(UserHandlers.checkConfig("glfs/gv0@gluster1/vm1.img")).isEmpty();
        assertThat(UserHandlers.checkConfig("glfs/badcfg")).hasValue("hostaddr, volname, or path missing");
        assertThat(UserHandlers.checkConfig("glfs/@h/f")).hasValue("hostaddr, volname, or path missing");
        assertThat(UserHandlers.checkConfig("glfs/v@/f")).hasValue("hostaddr, volname, or path missing");
        assertThat(UserHandlers.GlfsConfig.parse("iscsi-pool@iscsi-3/dir/mytest.img"))
                .hasValue(new UserHandlers.GlfsConfig("iscsi-pool", "iscsi-3", "dir/mytest.img"));
    }
}
