package io.glio.engine.nbd;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded fuzz of the handshake and the request parser, in the style of PduFuzzTest: a valid
 * client stream (flags, options, GO, requests) is mutated (bit flips, overwritten ints, cuts,
 * junk) and fed in random slices; the only thing allowed to escape is {@link NbdException},
 * which closes that connection. {@code -Dglio.nbd.fuzz.inputs=N}, {@code -Dglio.nbd.fuzz.seed=S}.
 */
class NbdFuzzTest {

    private static final long INPUTS = Long.getLong("glio.nbd.fuzz.inputs", 20_000);
    private static final long SEED = Long.getLong("glio.nbd.fuzz.seed", 20261217L);

    @Test
    void mutatedStreamsEndInNbdExceptionOrDecodeNeverAnythingElse() {
        Random random = new Random(SEED);
        byte[] valid = validStream();
        int closed = 0;
        int requests = 0;
        int handshakes = 0;
        for (long i = 0; i < INPUTS; i++) {
            byte[] input = mutate(valid, random);
            try {
                Outcome o = run(input, random);
                requests += o.requests;
                handshakes += o.handshakeDone ? 1 : 0;
            } catch (NbdException e) {
                closed++;
            }
        }
        System.out.printf("NbdFuzzTest seed %d: %d inputs, %d closed, %d handshakes done, %d requests decoded%n",
                SEED, INPUTS, closed, handshakes, requests);
        assertThat(closed).as("some inputs must have been fatal").isPositive();
        assertThat(handshakes).as("some handshakes must survive the mutation").isPositive();
        assertThat(requests).as("requests decoded").isGreaterThan((int) (INPUTS / 10));
    }

    private record Outcome(boolean handshakeDone, int requests) {
    }

    private static Outcome run(byte[] input, Random random) throws NbdException {
        NbdOptionDecoder options = new NbdOptionDecoder();
        NbdHandshake handshake = new NbdHandshake(NbdCodecTest.EXPORTS, b -> { });
        NbdRequestDecoder requests = new NbdRequestDecoder();
        boolean done = false;
        int decoded = 0;
        int at = 0;
        while (at < input.length) {
            int n = Math.min(input.length - at, 1 + random.nextInt(64));
            ByteBuffer slice = ByteBuffer.wrap(input, at, n);
            while (slice.hasRemaining()) {
                if (!done) {
                    NbdOptionDecoder.Event e = options.decode(slice);
                    if (e == null) {
                        break;
                    }
                    NbdHandshake.Result r = handshake.onEvent(e);
                    if (r != null && r.aborted()) {
                        return new Outcome(false, 0);
                    }
                    done = r != null;
                } else if (requests.decode(slice) != null) {
                    decoded++;
                }
            }
            at += n;
        }
        return new Outcome(done, decoded);
    }

    private static byte[] validStream() {
        ByteBuffer b = ByteBuffer.allocate(1024);
        b.putInt(Nbd.FLAG_FIXED_NEWSTYLE | Nbd.FLAG_NO_ZEROES);
        b.put(NbdCodecTest.option(Nbd.OPT_STRUCTURED_REPLY, new byte[0]));
        b.put(NbdCodecTest.option(Nbd.OPT_LIST, new byte[0]));
        ByteBuffer meta = ByteBuffer.allocate(4 + 4 + 4 + 4 + 15).putInt(4).put("lun0".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)).putInt(1).putInt(15).put(Nbd.BASE_ALLOCATION.getBytes(
                java.nio.charset.StandardCharsets.US_ASCII));
        b.put(NbdCodecTest.option(Nbd.OPT_SET_META_CONTEXT, meta.array()));
        b.put(NbdCodecTest.option(Nbd.OPT_GO, NbdCodecTest.go("lun0", Nbd.INFO_BLOCK_SIZE)));
        b.put(NbdCodecTest.request(0, Nbd.CMD_READ, 1, 0, 4096));
        b.put(NbdCodecTest.request(Nbd.CMD_FLAG_FUA, Nbd.CMD_WRITE, 2, 512, 16)).put(new byte[16]);
        b.put(NbdCodecTest.request(0, Nbd.CMD_BLOCK_STATUS, 3, 0, 1 << 20));
        b.put(NbdCodecTest.request(0, Nbd.CMD_FLUSH, 4, 0, 0));
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] b = valid.clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(4)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> ByteBuffer.wrap(b).putInt(Math.min(at, b.length - 4), random.nextBoolean()
                        ? random.nextInt() : -1);
                case 2 -> b = java.util.Arrays.copyOf(b, at);
                default -> b[at] = (byte) random.nextInt(256);
            }
            if (b.length < 4) {
                break;
            }
        }
        return b;
    }
}
