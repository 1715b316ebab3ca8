package io.glio.target.iscsi;

import io.glio.target.iscsi.pdu.Bhs;
import io.glio.target.iscsi.pdu.DataOut;
import io.glio.target.iscsi.pdu.LogoutRequest;
import io.glio.target.iscsi.pdu.Lun;
import io.glio.target.iscsi.pdu.NopOut;
import io.glio.target.iscsi.pdu.Opcode;
import io.glio.target.iscsi.pdu.PduEncoder;
import io.glio.target.iscsi.pdu.RawPdu;
import io.glio.target.iscsi.pdu.ScsiResponse;
import io.glio.target.iscsi.pdu.TaskManagementRequest;
import io.glio.target.iscsi.pdu.TextRequest;
import io.glio.target.iscsi.session.ConnectionTimeouts;
import io.glio.target.iscsi.session.SessionRegistry;
import io.glio.target.model.TargetModel;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded random mutator over valid PDU streams: whatever arrives, no exception escapes the
 * connection (EmbeddedChannel rethrows anything that reaches the pipeline's end), every buffer
 * is released, and a bystander session keeps working.
 */
class PduFuzzTest {

    private static final int INPUTS = 20_000;
    private static final String TARGET = "iqn.2026-11.io.glio:fuzz";

    private final TargetModel model = new TargetModel();
    private final RamDiskScsi scsi = new RamDiskScsi(256 * 1024, false);
    private final SessionRegistry registry = new SessionRegistry();
    private final TrackingAllocator allocator = new TrackingAllocator();
    private final PortalServices services;

    PduFuzzTest() {
        TestTargets.demo(model, TARGET, 13271);
        services = new PortalServices(model, new PortalAddress("127.0.0.1", 13271), scsi, registry,
                ConnectionTimeouts.LIO_DEFAULTS);
    }

    /** Valid full-feature PDUs of every kind an initiator sends (CmdSN from 1 on). */
    private static List<byte[]> seeds(int itt) {
        List<RawPdu> pdus = new ArrayList<>();
        byte[] tur = new byte[16];
        pdus.add(new io.glio.target.iscsi.pdu.ScsiCommandRequest(false, true, false, false, 1, 0, itt, 0, 1, 0, tur,
                ByteBuffer.allocate(0)).encode());
        pdus.add(new io.glio.target.iscsi.pdu.ScsiCommandRequest(false, true, true, false, 1, 0, itt + 1, 4096, 2, 0,
                java.util.Arrays.copyOf(TestInitiator.read10(2, 8), 16), ByteBuffer.allocate(0)).encode());
        pdus.add(new io.glio.target.iscsi.pdu.ScsiCommandRequest(false, true, false, true, 1, 0, itt + 2, 2048, 3, 0,
                java.util.Arrays.copyOf(TestInitiator.write10(0, 4), 16), ByteBuffer.wrap(new byte[1024])).encode());
        pdus.add(new DataOut(true, 0, itt + 2, 1, 0, 0, 1024, ByteBuffer.wrap(new byte[1024])).encode());
        pdus.add(new NopOut(false, 0, itt + 3, Bhs.RESERVED_TAG, 4, 0, new byte[]{1, 2, 3, 4, 5}).encode());
        pdus.add(new TaskManagementRequest(true, 1, Lun.encode(0), itt + 4, itt + 2, 5, 0, 3).encode());
        pdus.add(new TextRequest(false, true, false, itt + 5, Bhs.RESERVED_TAG, 5, 0,
                TestInitiator.text("SendTargets", "All")).encode());
        byte[] snack = Bhs.create(Opcode.SNACK_REQUEST, false);
        snack[1] = (byte) 0x80;
        pdus.add(RawPdu.of(snack, new byte[0]));
        pdus.add(new LogoutRequest(false, 0, itt + 6, 1, 6, 0).encode());
        List<byte[]> out = new ArrayList<>();
        for (RawPdu p : pdus) {
            out.add(PduEncoder.toBytes(p, false, false));
        }
        return out;
    }

    private static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            switch (r.nextInt(7)) {
                case 0 -> b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                case 2 -> b[r.nextInt(Math.min(b.length, 48))] = (byte) (r.nextBoolean() ? 0xff : 0x00);
                case 3 -> {
                    // Length fields: TotalAHSLength and DataSegmentLength.
                    int at = 4 + r.nextInt(4);
                    if (at < b.length) {
                        b[at] = (byte) r.nextInt(256);
                    }
                }
                case 4 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
                case 5 -> {
                    byte[] junk = new byte[r.nextInt(64)];
                    r.nextBytes(junk);
                    ByteArrayOutputStream o = new ByteArrayOutputStream();
                    int at = r.nextInt(b.length + 1);
                    o.write(b, 0, at);
                    o.writeBytes(junk);
                    o.write(b, at, b.length - at);
                    b = o.toByteArray();
                }
                default -> {
                    // Opcode byte, immediate bit included.
                    b[0] = (byte) r.nextInt(256);
                }
            }
        }
        return b;
    }

    private static void feed(TestInitiator fuzz, byte[] wire, Random random) {
        for (int at = 0; at < wire.length && fuzz.channel.isOpen(); ) {
            int chunk = 1 + random.nextInt(random.nextBoolean() ? 8 : 512);
            int len = Math.min(chunk, wire.length - at);
            fuzz.sendBytes(java.util.Arrays.copyOfRange(wire, at, at + len));
            at += len;
        }
        fuzz.received();
    }

    private void finish(TestInitiator fuzz, int input) {
        fuzz.channel.finishAndReleaseAll();
        fuzz.received();
        assertThat(allocator.unreleased()).as("unreleased buffers after input %d", input).isEmpty();
        allocator.forgetReleased();
    }

    @Test
    void mutatedPduStreamsNeverEscapeLeakOrDisturbAnotherSession() {
        TestInitiator bystander = new TestInitiator(services, allocator);
        assertThat(bystander.login(0x7f0000000001L, "InitiatorName", "iqn.2026-11.io.glio:bystander",
                "TargetName", TARGET).statusClass()).isZero();

        Random random = new Random(20261130L);
        List<byte[]> seeds = seeds(0x1000);
        int closed = 0;
        int sessions = 0;
        TestInitiator fuzz = null;
        for (int n = 0; n < INPUTS; n++) {
            if (fuzz == null || !fuzz.channel.isOpen()) {
                if (fuzz != null) {
                    closed++;
                    finish(fuzz, n);
                }
                fuzz = new TestInitiator(services, allocator);
                byte[] loginWire = PduEncoder.toBytes(TestInitiator.loginRequest(0x100000000000L + sessions++,
                        "InitiatorName", "iqn.2026-11.io.glio:fuzzer", "TargetName", TARGET).encode(), false, false);
                if (random.nextInt(10) == 0) {
                    loginWire = mutate(loginWire, random);
                    n++;
                }
                feed(fuzz, loginWire, random);
            }
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            feed(fuzz, random.nextInt(4) == 0 ? seed : mutate(seed, random), random);
        }
        finish(fuzz, INPUTS);

        assertThat(closed).as("some inputs must have been fatal").isPositive();
        assertThat(bystander.channel.isOpen()).isTrue();
        bystander.send(bystander.command(new byte[6], false, false, 0, null, true).encode());
        List<RawPdu> out = bystander.received();
        assertThat(out).hasSize(1);
        assertThat(ScsiResponse.decode(out.get(0)).status()).isZero();
        assertThat(registry.all()).extracting(s -> s.initiatorName()).contains("iqn.2026-11.io.glio:bystander");
        bystander.channel.finishAndReleaseAll();
        assertThat(allocator.unreleased()).isEmpty();
    }
}
