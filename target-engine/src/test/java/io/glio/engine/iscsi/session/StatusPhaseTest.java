package io.glio.engine.iscsi.session;

import io.glio.engine.iscsi.login.OperationalNegotiation;
import io.glio.engine.iscsi.login.SessionParameters;
import io.glio.engine.iscsi.pdu.DataIn;
import io.glio.engine.iscsi.pdu.RawPdu;
import io.glio.engine.iscsi.pdu.ScsiResponse;
import io.glio.engine.scsi.ScsiCompletion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatusPhaseTest {

    private static SessionParameters params(String maxRecv, String maxBurst) {
        OperationalNegotiation n = new OperationalNegotiation(k -> null, false);
        n.offer("MaxRecvDataSegmentLength", maxRecv);
        n.offer("MaxBurstLength", maxBurst);
        return n.finish();
    }

    private static final StatusPhase.Numbers NUMBERS = new StatusPhase.Numbers(77, 10, 73);

    @Test
    void dataInEndsEverySequenceAtMaxBurstLengthAndCollapsesTheStatus() {
        List<StatusPhase.Frame> frames = StatusPhase.frames(5, 20000, 20000, 0,
                ScsiCompletion.good(20000, 20000), params("4096", "8192"), NUMBERS);
        List<RawPdu> pdus = frames.stream().map(StatusPhase.Frame::header).toList();

        assertThat(frames).extracting(StatusPhase.Frame::dataLength).containsExactly(4096, 4096, 4096, 4096, 3616);
        assertThat(frames).extracting(StatusPhase.Frame::dataOffset).containsExactly(0, 4096, 8192, 12288, 16384);
        assertThat(pdus).extracting(p -> DataIn.decode(p).bufferOffset()).containsExactly(0, 4096, 8192, 12288, 16384);
        assertThat(pdus).extracting(p -> DataIn.decode(p).fin()).containsExactly(false, true, false, true, true);
        assertThat(pdus).extracting(p -> DataIn.decode(p).dataSn()).containsExactly(0, 1, 2, 3, 4);
        assertThat(pdus).extracting(p -> DataIn.decode(p).statusPresent()).containsExactly(false, false, false, false, true);
        assertThat(DataIn.decode(pdus.get(4)).statSn()).isEqualTo(77);
    }

    @Test
    void checkConditionIsASeparateResponseWithSenseAndUnderflow() {
        byte[] sense = {0x70, 0, 5, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x24, 0};
        List<StatusPhase.Frame> frames = StatusPhase.frames(5, 512, 512, 2,
                ScsiCompletion.checkCondition(sense), params("8192", "262144"), NUMBERS);

        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).dataLength()).isZero();
        ScsiResponse r = ScsiResponse.decode(frames.get(0).header());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.senseData()).isEqualTo(sense);
        assertThat(r.underflow()).isTrue();
        assertThat(r.residualCount()).isEqualTo(512);
        assertThat(r.expDataSn()).isEqualTo(2);
    }

    @Test
    void aWriteThatMovedMoreThanExpectedReportsOverflow() {
        List<StatusPhase.Frame> frames = StatusPhase.frames(5, 512, 0, 1, ScsiCompletion.good(0, 1024),
                params("8192", "262144"), NUMBERS);
        ScsiResponse r = ScsiResponse.decode(frames.get(0).header());
        assertThat(r.overflow()).isTrue();
        assertThat(r.residualCount()).isEqualTo(512);
        assertThat(r.maxCmdSn()).isEqualTo(73);
    }
}
