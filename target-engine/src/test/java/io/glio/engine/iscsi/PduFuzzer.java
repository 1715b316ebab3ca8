package io.glio.engine.iscsi;

import io.glio.engine.iscsi.pdu.Bhs;
import io.glio.engine.iscsi.pdu.DataOut;
import io.glio.engine.iscsi.pdu.LoginRequest;
import io.glio.engine.iscsi.pdu.LogoutRequest;
import io.glio.engine.iscsi.pdu.Lun;
import io.glio.engine.iscsi.pdu.NopOut;
import io.glio.engine.iscsi.pdu.Opcode;
import io.glio.engine.iscsi.pdu.PduEncoder;
import io.glio.engine.iscsi.pdu.RawPdu;
import io.glio.engine.iscsi.pdu.ScsiCommandRequest;
import io.glio.engine.iscsi.pdu.ScsiResponse;
import io.glio.engine.iscsi.pdu.TaskManagementRequest;
import io.glio.engine.iscsi.pdu.TextRequest;
import io.glio.engine.iscsi.session.ConnectionTimeouts;
import io.glio.engine.iscsi.session.SessionRegistry;
import io.glio.engine.model.TargetModel;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The one fuzz driver behind {@link PduFuzzTest} (a bounded run in the suite) and
 * {@code scripts/bench/fuzz} (a benchmark run of any length): a seeded random mutator over valid
 * login sequences and full-feature PDU streams, fed in random chunk sizes through the connection's
 * real pipeline (an {@link io.glio.engine.iscsi.session.IscsiConnection} on an EmbeddedChannel,
 * which rethrows anything that reaches the pipeline's end). After every fuzzed connection all its
 * buffers must be released; every {@code bystanderEvery} inputs an established bystander session
 * must still answer a command with GOOD.
 */
final class PduFuzzer {

    static final String TARGET = "iqn.2026-11.io.glio:fuzz";
    private static final String FUZZER = "iqn.2026-11.io.glio:fuzzer";
    private static final String BYSTANDER = "iqn.2026-11.io.glio:bystander";

    /** What one run did; {@link #clean()} is the acceptance condition. */
    record Result(long inputs, long loginInputs, long connections, long closedByTarget, long bystanderChecks,
                  long escapedExceptions, long leakedBuffers, String firstFinding, long nanos) {

        boolean clean() {
            return escapedExceptions == 0 && leakedBuffers == 0 && firstFinding == null;
        }

        double inputsPerSecond() {
            return inputs / (nanos / 1e9);
        }

        @Override
        public String toString() {
            return String.format("inputs %d (login %d), connections %d (%d closed by the target), "
                            + "bystander checks %d, exceptions escaped %d, leaked buffers %d, wall %.1f s, "
                            + "%.0f inputs/s%s", inputs, loginInputs, connections, closedByTarget, bystanderChecks,
                    escapedExceptions, leakedBuffers, nanos / 1e9, inputsPerSecond(),
                    firstFinding == null ? "" : ", first finding: " + firstFinding);
        }
    }

    private final TargetModel model = new TargetModel();
    private final RamDiskScsi scsi = new RamDiskScsi(256 * 1024, false);
    private final SessionRegistry registry = new SessionRegistry();
    private final TrackingAllocator allocator = new TrackingAllocator();
    private final PortalServices services;

    PduFuzzer(int port) {
        TestTargets.demo(model, TARGET, port);
        services = new PortalServices(model, new PortalAddress("127.0.0.1", port), scsi, registry,
                ConnectionTimeouts.LIO_DEFAULTS);
    }

    SessionRegistry registry() {
        return registry;
    }

    /** Valid full-feature PDUs of every kind an initiator sends (CmdSN from 1 on). */
    private static List<byte[]> fullFeatureSeeds(int itt) {
        List<RawPdu> pdus = new ArrayList<>();
        pdus.add(new ScsiCommandRequest(false, true, false, false, 1, 0, itt, 0, 1, 0, new byte[16],
                ByteBuffer.allocate(0)).encode());
        pdus.add(new ScsiCommandRequest(false, true, true, false, 1, 0, itt + 1, 4096, 2, 0,
                Arrays.copyOf(TestInitiator.read10(2, 8), 16), ByteBuffer.allocate(0)).encode());
        pdus.add(new ScsiCommandRequest(false, true, false, true, 1, 0, itt + 2, 2048, 3, 0,
                Arrays.copyOf(TestInitiator.write10(0, 4), 16), ByteBuffer.wrap(new byte[1024])).encode());
        pdus.add(new DataOut(true, 0, itt + 2, 1, 0, 0, 1024, ByteBuffer.wrap(new byte[1024])).encode());
        pdus.add(new DataOut(false, 0, itt + 2, Bhs.RESERVED_TAG, 0, 0, 1024, ByteBuffer.wrap(new byte[512]))
                .encode());
        pdus.add(new NopOut(false, 0, itt + 3, Bhs.RESERVED_TAG, 4, 0, new byte[]{1, 2, 3, 4, 5}).encode());
        pdus.add(new TaskManagementRequest(true, 1, Lun.encode(0), itt + 4, itt + 2, 5, 0, 3).encode());
        pdus.add(new TextRequest(false, true, false, itt + 5, Bhs.RESERVED_TAG, 5, 0,
                TestInitiator.text("SendTargets", "All")).encode());
        byte[] snack = Bhs.create(Opcode.SNACK_REQUEST, false);
        snack[1] = (byte) 0x80;
        pdus.add(RawPdu.of(snack, new byte[0]));
        // A login request in full feature phase is a protocol error.
        pdus.add(TestInitiator.loginRequest(1, "InitiatorName", FUZZER, "TargetName", TARGET).encode());
        pdus.add(new LogoutRequest(false, 0, itt + 6, 1, 6, 0).encode());
        return pdus.stream().map(p -> PduEncoder.toBytes(p, false, false)).toList();
    }

    /** Valid login sequences (each ends in full feature phase) for a connection with {@code isid}. */
    private static List<List<byte[]>> loginSeeds(long isid) {
        String[] names = {"InitiatorName", FUZZER, "TargetName", TARGET};
        LoginRequest direct = TestInitiator.loginRequest(isid, names);
        LoginRequest security = new LoginRequest(true, false, 0, 1, 0, 0, isid, 0, 1, 1, 1, 0,
                TestInitiator.text("InitiatorName", FUZZER, "TargetName", TARGET, "AuthMethod", "None"));
        LoginRequest operational = new LoginRequest(true, false, 1, 3, 0, 0, isid, 0, 1, 1, 1, 0,
                TestInitiator.text("HeaderDigest", "None", "DataDigest", "None", "MaxRecvDataSegmentLength",
                        "262144", "ImmediateData", "Yes", "InitialR2T", "No", "FirstBurstLength", "65536",
                        "MaxBurstLength", "262144", "MaxOutstandingR2T", "1", "ErrorRecoveryLevel", "0"));
        byte[] whole = TestInitiator.text("InitiatorName", FUZZER, "TargetName", TARGET, "MaxBurstLength", "262144");
        int cut = whole.length / 2;
        LoginRequest firstHalf = new LoginRequest(false, true, 1, 3, 0, 0, isid, 0, 1, 1, 1, 0,
                Arrays.copyOf(whole, cut));
        LoginRequest secondHalf = new LoginRequest(true, false, 1, 3, 0, 0, isid, 0, 1, 1, 1, 0,
                Arrays.copyOfRange(whole, cut, whole.length));
        LoginRequest discovery = TestInitiator.loginRequest(isid, "InitiatorName", FUZZER, "SessionType",
                "Discovery");
        // A CHAP exchange the demo TPG has no credentials for: it ends in an authentication failure.
        LoginRequest chapOffer = new LoginRequest(false, false, 0, 1, 0, 0, isid, 0, 1, 1, 1, 0,
                TestInitiator.text("InitiatorName", FUZZER, "TargetName", TARGET, "AuthMethod", "CHAP,None"));
        LoginRequest chapAlgorithm = new LoginRequest(false, false, 0, 1, 0, 0, isid, 0, 1, 1, 1, 0,
                TestInitiator.text("CHAP_A", "5"));
        LoginRequest chapResponse = new LoginRequest(true, false, 0, 1, 0, 0, isid, 0, 1, 1, 1, 0,
                TestInitiator.text("CHAP_N", FUZZER, "CHAP_R", "0x00112233445566778899aabbccddeeff"));
        return List.of(wire(direct), wire(security, operational), wire(firstHalf, secondHalf), wire(discovery),
                wire(chapOffer, chapAlgorithm, chapResponse));
    }

    private static List<byte[]> wire(LoginRequest... requests) {
        return Arrays.stream(requests).map(r -> PduEncoder.toBytes(r.encode(), false, false)).toList();
    }

    static byte[] mutate(byte[] in, Random r) {
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
                case 4 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1));
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
            fuzz.sendBytes(Arrays.copyOfRange(wire, at, at + len));
            at += len;
        }
        fuzz.received();
    }

    /**
     * Feeds {@code inputs} inputs (a login PDU or a full-feature PDU, mutated or not) from
     * {@code seed}; checks the bystander every {@code bystanderEvery} inputs and at the end.
     */
    Result run(long inputs, long seed, int bystanderEvery) {
        long start = System.nanoTime();
        Bystander bystander = new Bystander();
        Random random = new Random(seed);
        List<byte[]> seeds = fullFeatureSeeds(0x1000);
        long loginInputs = 0;
        long connections = 0;
        long closed = 0;
        long checks = 0;
        long escaped = 0;
        long leaked = 0;
        String finding = null;
        TestInitiator fuzz = null;
        for (long n = 0; n < inputs; ) {
            try {
                if (fuzz == null || !fuzz.channel.isOpen()) {
                    if (fuzz != null) {
                        closed++;
                        leaked += finish(fuzz);
                    }
                    fuzz = new TestInitiator(services, allocator);
                    connections++;
                    List<List<byte[]>> logins = loginSeeds(0x100000000000L + connections);
                    for (byte[] pdu : logins.get(random.nextInt(logins.size()))) {
                        feed(fuzz, random.nextInt(4) == 0 ? mutate(pdu, random) : pdu, random);
                        n++;
                        loginInputs++;
                    }
                } else {
                    byte[] pdu = seeds.get(random.nextInt(seeds.size()));
                    feed(fuzz, random.nextInt(4) == 0 ? pdu : mutate(pdu, random), random);
                    n++;
                }
            } catch (RuntimeException | AssertionError e) {
                escaped++;
                if (finding == null) {
                    finding = "input " + n + " (seed " + seed + "): " + e;
                }
                if (fuzz != null) {
                    fuzz.channel.close();
                }
            }
            if (bystanderEvery > 0 && n / bystanderEvery > checks) {
                String wrong = bystander.check();
                checks++;
                if (wrong != null && finding == null) {
                    finding = "bystander after input " + n + ": " + wrong;
                }
            }
        }
        if (fuzz != null) {
            leaked += finish(fuzz);
        }
        String wrong = bystander.check();
        checks++;
        if (wrong != null && finding == null) {
            finding = "bystander at the end: " + wrong;
        }
        if (!registry.all().stream().map(s -> s.initiatorName()).toList().contains(BYSTANDER) && finding == null) {
            finding = "the bystander's session left the registry";
        }
        leaked += bystander.close();
        return new Result(inputs, loginInputs, connections, closed, checks, escaped, leaked, finding,
                System.nanoTime() - start);
    }

    /** Closes a fuzzed connection and counts the buffers it left unreleased. */
    private int finish(TestInitiator fuzz) {
        fuzz.channel.finishAndReleaseAll();
        fuzz.received();
        int unreleased = allocator.unreleased().size();
        allocator.forgetReleased();
        return unreleased;
    }

    /** An established session on the same target that must keep working. */
    private final class Bystander {
        private final TestInitiator initiator = new TestInitiator(services, allocator);

        Bystander() {
            int status = initiator.login(0x7f0000000001L, "InitiatorName", BYSTANDER, "TargetName", TARGET)
                    .statusClass();
            if (status != 0) {
                throw new AssertionError("bystander login failed with status class " + status);
            }
        }

        /** Null when a TEST UNIT READY still completes GOOD, else what went wrong. */
        String check() {
            if (!initiator.channel.isOpen()) {
                return "connection closed";
            }
            ScsiCommandRequest tur = initiator.command(new byte[6], false, false, 0, null, true);
            initiator.send(tur.encode());
            List<RawPdu> out = initiator.received();
            if (out.size() != 1) {
                return out.size() + " PDUs in answer to TEST UNIT READY";
            }
            ScsiResponse r = ScsiResponse.decode(out.get(0));
            if (r.initiatorTaskTag() != tur.initiatorTaskTag() || r.status() != 0) {
                return "TEST UNIT READY answered ITT 0x" + Integer.toHexString(r.initiatorTaskTag())
                        + " status 0x" + Integer.toHexString(r.status());
            }
            return null;
        }

        int close() {
            return finish(initiator);
        }
    }
}
