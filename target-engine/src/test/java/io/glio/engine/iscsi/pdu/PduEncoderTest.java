package io.glio.engine.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PduEncoderTest {

    private static DataIn dataIn(ByteBuffer data) {
        return new DataIn(true, true, false, true, 0, 0, 0x1234, 7, 8, 9, 3, 4096, 12, data);
    }

    @ParameterizedTest
    @CsvSource({"1000, false, false", "1000, true, true", "1023, true, true", "1021, false, true", "1024, true, false"})
    void aSliceOfTheReadBufferEncodesToTheSameBytesAsACopy(int length, boolean headerDigest, boolean dataDigest) {
        byte[] bytes = new byte[8192];
        new Random(length).nextBytes(bytes);
        ByteBuf readBuffer = PooledByteBufAllocator.DEFAULT.directBuffer(8192).writeBytes(bytes);

        ByteBuf sliced = PduEncoder.encode(PooledByteBufAllocator.DEFAULT, dataIn(null).encode(),
                readBuffer.retainedSlice(4096, length), headerDigest, dataDigest);
        ByteBuf copied = PduEncoder.encode(UnpooledByteBufAllocator.DEFAULT,
                dataIn(ByteBuffer.wrap(bytes, 4096, length)).encode(), headerDigest, dataDigest);
        try {
            assertThat(ByteBufUtil.getBytes(sliced)).isEqualTo(ByteBufUtil.getBytes(copied));
            assertThat(readBuffer.refCnt()).as("the PDU holds its own reference").isEqualTo(2);
        } finally {
            sliced.release();
            copied.release();
        }
        assertThat(readBuffer.refCnt()).as("released with the PDU").isEqualTo(1);
        readBuffer.release();
    }

    @Test
    void aHeaderThatAlreadyHasDataIsRefusedAndTheSliceReleased() {
        ByteBuf readBuffer = PooledByteBufAllocator.DEFAULT.directBuffer(16).writeZero(16);
        RawPdu withData = dataIn(ByteBuffer.allocate(4)).encode();

        assertThatThrownBy(() -> PduEncoder.encode(PooledByteBufAllocator.DEFAULT, withData,
                readBuffer.retainedSlice(0, 8), false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 bytes");
        assertThat(readBuffer.refCnt()).isEqualTo(1);
        readBuffer.release();
    }
}
