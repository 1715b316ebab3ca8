package io.glio.shell.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glio.shell.Completions;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private final FrameDecoder decoder = new FrameDecoder();
    private final List<Frame> out = new ArrayList<>();

    private void feed(byte... bytes) {
        decoder.feed(ByteBuffer.wrap(bytes), out::add);
    }

    @Test
    void decodesAFrameFedOneByteAtATime() {
        byte[] wire = {
            4,                 // LINE
            0, 0, 0, 9,        // payload length
            0, 0, 0, 80,       // width 80
            0, 0, 0, 1, 'l'};  // text "l"
        for (int i = 0; i < wire.length - 1; i++) {
            feed(wire[i]);
            assertThat(out).as("nothing before the last byte").isEmpty();
        }
        feed(wire[wire.length - 1]);
        assertThat(out).hasSize(1);
        assertThat(Messages.Line.of(out.get(0))).isEqualTo(new Messages.Line(80, "l"));
        assertThat(decoder.idle()).isTrue();
        // Check the writer sends the same bytes.
        byte[] encoded = new byte[wire.length];
        new Messages.Line(80, "l").frame().encode().get(encoded);
        assertThat(encoded).isEqualTo(wire);
    }

    @Test
    void decodesSeveralFramesInOneBuffer() {
        ByteBuffer two = ByteBuffer.allocate(64);
        two.put(new Messages.Done(true, false, "/> ").frame().encode());
        two.put(Messages.text(Frame.Type.COMPLETE, "ls /ba").encode());
        decoder.feed(two.flip(), out::add);
        assertThat(out).extracting(Frame::type).containsExactly(Frame.Type.DONE, Frame.Type.COMPLETE);
        assertThat(Messages.Done.of(out.get(0))).isEqualTo(new Messages.Done(true, false, "/> "));
        assertThat(Messages.text(out.get(1))).isEqualTo("ls /ba");
    }

    @Test
    void rejectsALengthOverTheMaximumBeforeAllocating() {
        assertThatThrownBy(() -> feed((byte) 5, (byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff))
                .isInstanceOf(FrameException.class)
                .hasMessage("length: 2147483647 (expected: <= 1048576)");
        assertThatThrownBy(() -> feed((byte) 5, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff))
                .hasMessage("length: 4294967295 (expected: <= 1048576)");
    }

    @Test
    void rejectsAnUnknownType() {
        assertThatThrownBy(() -> feed((byte) 99)).isInstanceOf(FrameException.class)
                .hasMessage("type: 99 (expected: 1..10)");
    }

    @Test
    void rejectsAStringLongerThanItsPayload() {
        Frame bad = new Frame(Frame.Type.COMPLETE, new byte[] {0, 0, 0, 50, 'x'});
        assertThatThrownBy(() -> Messages.text(bad)).hasMessage("COMPLETE string length: 50 (expected: <= 1)");
    }

    @Test
    void rejectsACandidateCountThePayloadCannotHold() {
        Frame bad = new Frame(Frame.Type.CANDIDATES, new byte[] {0x7f, 0, 0, 0});
        assertThatThrownBy(() -> Messages.candidates(bad)).hasMessage("CANDIDATES count: 2130706432 (expected: <= 0)");
    }

    @Test
    void helloOfAnotherVersionIsRefused() {
        Frame hello = new Messages.Hello(1, "/h", "/", false, 0, true).frame();
        assertThatThrownBy(() -> Messages.Hello.of(hello)).hasMessage("version: 1 (expected: 2)");
    }

    @Test
    void helloWithARelativeWorkingDirectoryIsRefused() {
        Frame hello = new Messages.Hello(Messages.VERSION, "/h", "img", false, 0, true).frame();
        assertThatThrownBy(() -> Messages.Hello.of(hello)).hasMessage("cwd: 'img' (expected: an absolute path)");
    }

    @Test
    void messagesSurviveTheRoundTrip() {
        Messages.Hello hello = new Messages.Hello(Messages.VERSION, "/root/.targetcli", "/srv/images", true, 132,
                false);
        assertThat(Messages.Hello.of(hello.frame())).isEqualTo(hello);
        Messages.Welcome welcome = new Messages.Welcome(1234, "/etc/target/saveconfig.json", "/iscsi> ");
        assertThat(Messages.Welcome.of(welcome.frame())).isEqualTo(welcome);
        List<Completions.Item> items = List.of(new Completions.Item("ramdisk/", "ramdisk/", false),
                new Completions.Item("ls", "ls", true));
        assertThat(Messages.candidates(Messages.candidates(items))).isEqualTo(items);
    }

    /** Random bytes, split at random: only FrameExceptions, never another exception or a huge allocation. */
    @Test
    void randomInputOnlyEverFailsWithAFrameException() {
        Random random = new Random(11);
        for (int round = 0; round < 2000; round++) {
            FrameDecoder d = new FrameDecoder();
            byte[] junk = new byte[random.nextInt(64)];
            random.nextBytes(junk);
            if (junk.length > 0) {
                junk[0] = (byte) (1 + random.nextInt(10));
            }
            try {
                int at = 0;
                while (at < junk.length) {
                    int n = 1 + random.nextInt(junk.length - at);
                    d.feed(ByteBuffer.wrap(junk, at, n), f -> decodeAny(f));
                    at += n;
                }
            } catch (FrameException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }

    private static void decodeAny(Frame f) {
        switch (f.type()) {
            case HELLO -> Messages.Hello.of(f);
            case WELCOME -> Messages.Welcome.of(f);
            case LINE -> Messages.Line.of(f);
            case DONE -> Messages.Done.of(f);
            case CANDIDATES -> Messages.candidates(f);
            case REFUSED, COMPLETE -> Messages.text(f);
            default -> assertThat(f.payload().length).isLessThanOrEqualTo(Frame.MAX_PAYLOAD);
        }
    }
}
