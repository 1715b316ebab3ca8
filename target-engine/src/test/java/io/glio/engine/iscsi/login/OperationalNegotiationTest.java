package io.glio.engine.iscsi.login;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OperationalNegotiationTest {

    /** LIO's TPG parameter defaults (KernelDefaults). */
    private static final Map<String, String> LIO = Map.ofEntries(
            Map.entry("HeaderDigest", "CRC32C,None"), Map.entry("DataDigest", "CRC32C,None"),
            Map.entry("MaxConnections", "1"), Map.entry("InitialR2T", "Yes"), Map.entry("ImmediateData", "Yes"),
            Map.entry("MaxRecvDataSegmentLength", "8192"), Map.entry("MaxXmitDataSegmentLength", "262144"),
            Map.entry("MaxBurstLength", "262144"), Map.entry("FirstBurstLength", "65536"),
            Map.entry("DefaultTime2Wait", "2"), Map.entry("DefaultTime2Retain", "20"),
            Map.entry("MaxOutstandingR2T", "1"), Map.entry("DataPDUInOrder", "Yes"),
            Map.entry("DataSequenceInOrder", "Yes"), Map.entry("ErrorRecoveryLevel", "0"),
            Map.entry("IFMarker", "No"), Map.entry("OFMarker", "No"));

    private static OperationalNegotiation lio() {
        return new OperationalNegotiation(LIO::get, false);
    }

    @Test
    void numericKeysTakeTheMinimumOrMaximumByTheirRule() {
        OperationalNegotiation n = lio();
        assertThat(n.offer("MaxBurstLength", "16776192")).isEqualTo("262144");
        assertThat(n.offer("FirstBurstLength", "4096")).isEqualTo("4096");
        assertThat(n.offer("DefaultTime2Wait", "0")).isEqualTo("2");
        assertThat(n.offer("DefaultTime2Retain", "0")).isEqualTo("0");
        assertThat(n.offer("MaxOutstandingR2T", "8")).isEqualTo("1");
        assertThat(n.offer("ErrorRecoveryLevel", "2")).isEqualTo("0");
        assertThat(n.offer("MaxConnections", "4")).isEqualTo("1");
    }

    @Test
    void booleanKeysCombineWithOrAndAnd() {
        OperationalNegotiation n = lio();
        assertThat(n.offer("InitialR2T", "No")).isEqualTo("Yes");
        assertThat(n.offer("ImmediateData", "No")).isEqualTo("No");
        assertThat(n.offer("DataPDUInOrder", "No")).isEqualTo("Yes");
        assertThat(n.offer("IFMarker", "Yes")).isEqualTo("No");
    }

    @Test
    void tpgParametersOverrideTheDefaults() {
        Map<String, String> tpg = new java.util.HashMap<>(LIO);
        tpg.put("InitialR2T", "No");
        tpg.put("ImmediateData", "No");
        tpg.put("MaxBurstLength", "65536");
        tpg.put("MaxXmitDataSegmentLength", "65536");
        OperationalNegotiation n = new OperationalNegotiation(tpg::get, false);

        assertThat(n.offer("InitialR2T", "No")).isEqualTo("No");
        assertThat(n.offer("ImmediateData", "Yes")).isEqualTo("No");
        assertThat(n.offer("MaxBurstLength", "262144")).isEqualTo("65536");
        assertThat(n.offer("MaxRecvDataSegmentLength", "131072")).isEqualTo("65536");
        SessionParameters p = n.finish();
        assertThat(p.initialR2T()).isFalse();
        assertThat(p.immediateData()).isFalse();
        assertThat(p.targetMaxRecvDataSegment()).isEqualTo(65536);
        assertThat(p.initiatorMaxRecvDataSegment()).isEqualTo(131072);
    }

    @Test
    void valuesOutOfRangeOrMalformedAreRejected() {
        OperationalNegotiation n = lio();
        assertThat(n.offer("MaxBurstLength", "511")).isEqualTo("Reject");
        assertThat(n.offer("MaxRecvDataSegmentLength", "16777216")).isEqualTo("Reject");
        assertThat(n.offer("DefaultTime2Wait", "3601")).isEqualTo("Reject");
        assertThat(n.offer("InitialR2T", "yes")).isEqualTo("Reject");
        assertThat(n.offer("MaxOutstandingR2T", "0x10")).isEqualTo("Reject");
        assertThat(n.finish().maxBurstLength()).isEqualTo(262144);
    }

    @Test
    void unknownAndRepeatedKeysAreNotUnderstood() {
        OperationalNegotiation n = lio();
        assertThat(n.offer("X-com.example.Foo", "1")).isEqualTo("NotUnderstood");
        assertThat(n.offer("iSCSIProtocolLevel", "1")).isEqualTo("NotUnderstood");
        assertThat(n.offer("MaxBurstLength", "4096")).isEqualTo("4096");
        assertThat(n.offer("MaxBurstLength", "8192")).isEqualTo("NotUnderstood");
        assertThat(n.finish().maxBurstLength()).isEqualTo(4096);
    }

    @Test
    void digestListsPickTheInitiatorsFirstSupportedChoice() {
        OperationalNegotiation n = lio();
        assertThat(n.offer("HeaderDigest", "CRC32C,None")).isEqualTo("CRC32C");
        assertThat(n.offer("DataDigest", "None,CRC32C")).isEqualTo("None");
        SessionParameters p = n.finish();
        assertThat(p.headerDigest()).isTrue();
        assertThat(p.dataDigest()).isFalse();

        Map<String, String> noDigest = new java.util.HashMap<>(LIO);
        noDigest.put("HeaderDigest", "None");
        assertThat(new OperationalNegotiation(noDigest::get, false).offer("HeaderDigest", "CRC32C")).isEqualTo("Reject");
    }

    @Test
    void firstBurstLengthIsClampedToMaxBurstLength() {
        OperationalNegotiation n = lio();
        n.offer("MaxBurstLength", "16384");
        n.offer("FirstBurstLength", "65536");
        SessionParameters p = n.finish();
        assertThat(p.firstBurstLength()).isEqualTo(16384);
        assertThat(p.negotiated()).containsEntry("FirstBurstLength", "16384");
    }

    @Test
    void keysNotOfferedKeepTheirRfcDefaults() {
        SessionParameters p = lio().finish();
        assertThat(p.maxBurstLength()).isEqualTo(262144);
        assertThat(p.firstBurstLength()).isEqualTo(65536);
        assertThat(p.initiatorMaxRecvDataSegment()).isEqualTo(8192);
        assertThat(p.initialR2T()).isTrue();
        assertThat(p.immediateData()).isTrue();
        assertThat(p.headerDigest()).isFalse();
        assertThat(p.maxOutstandingR2T()).isEqualTo(1);
    }

    @Test
    void tpgOverridesOfKeysTheInitiatorLeftOutAreDeclaredAndApplied() {
        Map<String, String> tpg = new java.util.HashMap<>(LIO);
        tpg.put("ImmediateData", "No");
        tpg.put("MaxBurstLength", "65536");
        tpg.put("DefaultTime2Wait", "5");
        tpg.put("FirstBurstLength", "1048576");
        OperationalNegotiation n = new OperationalNegotiation(tpg::get, false);
        n.offer("DefaultTime2Wait", "1");

        Map<String, String> declared = n.declareUnoffered();

        assertThat(declared).containsExactly(Map.entry("ImmediateData", "No"), Map.entry("MaxBurstLength", "65536"));
        SessionParameters p = n.finish();
        assertThat(p.immediateData()).isFalse();
        assertThat(p.maxBurstLength()).isEqualTo(65536);
        assertThat(p.defaultTime2Wait()).isEqualTo(5);
        assertThat(p.firstBurstLength()).isEqualTo(65536);
        assertThat(lio().declareUnoffered()).as("LIO defaults equal the RFC defaults").isEmpty();
    }

    @Test
    void sessionKeysAreIrrelevantInDiscoverySessions() {
        OperationalNegotiation n = new OperationalNegotiation(LIO::get, true);
        assertThat(n.offer("MaxBurstLength", "4096")).isEqualTo("Irrelevant");
        assertThat(n.offer("InitialR2T", "No")).isEqualTo("Irrelevant");
        assertThat(n.offer("HeaderDigest", "CRC32C")).isEqualTo("CRC32C");
        assertThat(n.offer("MaxRecvDataSegmentLength", "32768")).isEqualTo("262144");
        assertThat(n.offer("IFMarkInt", "2048")).isEqualTo("Irrelevant");
    }
}
