package io.glio.engine.iscsi;

import io.glio.engine.scsi.ItNexus;
import io.glio.engine.scsi.NexusOpener;
import io.glio.engine.scsi.ScsiCommand;
import io.glio.engine.scsi.ScsiCompletion;
import io.glio.engine.scsi.ScsiTaskExecutor;
import io.glio.engine.scsi.TaskManagementFunction;
import io.glio.engine.scsi.TaskManagementResponse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only SCSI layer: one LUN 0 over a byte array with TEST UNIT READY, INQUIRY (standard,
 * VPD 0x00/0x80/0x83), READ CAPACITY 10/16, READ/WRITE 10/16, SYNCHRONIZE CACHE, MODE SENSE 6
 * and REPORT LUNS. Completes on its own thread when {@code async}, to exercise the hop back onto
 * the event loop.
 */
final class RamDiskScsi implements NexusOpener, AutoCloseable {

    static final int BLOCK = 512;

    private final byte[] disk;
    private final ExecutorService pool;
    final List<ItNexus> opened = new CopyOnWriteArrayList<>();
    final AtomicInteger nexusLost = new AtomicInteger();
    final AtomicInteger commands = new AtomicInteger();

    RamDiskScsi(int bytes, boolean async) {
        this.disk = new byte[bytes];
        this.pool = async ? Executors.newFixedThreadPool(2) : null;
    }

    byte[] disk() {
        return disk;
    }

    @Override
    public ScsiTaskExecutor open(ItNexus nexus) {
        opened.add(nexus);
        return new ScsiTaskExecutor() {
            @Override
            public CompletionStage<ScsiCompletion> execute(ScsiCommand command) {
                commands.incrementAndGet();
                if (pool == null) {
                    return CompletableFuture.completedFuture(run(command));
                }
                return CompletableFuture.supplyAsync(() -> run(command), pool);
            }

            @Override
            public CompletionStage<TaskManagementResponse> manage(TaskManagementFunction function, long lun,
                                                                  long referencedTaskTag) {
                if (lun != 0) {
                    return CompletableFuture.completedFuture(TaskManagementResponse.LUN_DOES_NOT_EXIST);
                }
                // Commands complete as they are executed, so no task is left to abort
                // (ScsiTaskExecutor#manage: an aborted task would complete TASK ABORTED).
                return CompletableFuture.completedFuture(function == TaskManagementFunction.ABORT_TASK
                        ? TaskManagementResponse.TASK_DOES_NOT_EXIST : TaskManagementResponse.FUNCTION_COMPLETE);
            }

            @Override
            public void nexusLost() {
                nexusLost.incrementAndGet();
            }
        };
    }

    private ScsiCompletion run(ScsiCommand c) {
        byte[] cdb = c.cdb();
        if (c.lun() != 0 && c.opcode() != 0xa0 && c.opcode() != 0x12) {
            return ScsiCompletion.checkCondition(sense(0x05, 0x25, 0x00)); // LOGICAL UNIT NOT SUPPORTED
        }
        long blocks = disk.length / BLOCK;
        switch (c.opcode()) {
            case 0x00, 0x35, 0x91:
                return ScsiCompletion.good(0, 0);
            case 0x12:
                return inquiry(c);
            case 0x1a: {
                byte[] header = {3, 0, 0, 0};
                return reply(c, header, u8(cdb[4]));
            }
            case 0x25: {
                byte[] d = new byte[8];
                ByteBuffer.wrap(d).putInt((int) (blocks - 1)).putInt(BLOCK);
                return reply(c, d, 8);
            }
            case 0x9e: {
                if ((cdb[1] & 0x1f) != 0x10) {
                    return invalidOpcode();
                }
                byte[] d = new byte[32];
                ByteBuffer.wrap(d).putLong(blocks - 1).putInt(BLOCK);
                return reply(c, d, ByteBuffer.wrap(cdb, 10, 4).getInt());
            }
            case 0xa0: {
                byte[] d = new byte[16];
                d[3] = 8;
                return reply(c, d, ByteBuffer.wrap(cdb, 6, 4).getInt());
            }
            case 0x28, 0x2a:
                return readWrite(c, ByteBuffer.wrap(cdb, 2, 4).getInt() & 0xffffffffL,
                        ByteBuffer.wrap(cdb, 7, 2).getShort() & 0xffff);
            case 0x88, 0x8a:
                return readWrite(c, ByteBuffer.wrap(cdb, 2, 8).getLong(),
                        ByteBuffer.wrap(cdb, 10, 4).getInt() & 0xffffffffL);
            default:
                return invalidOpcode();
        }
    }

    private ScsiCompletion readWrite(ScsiCommand c, long lba, long count) {
        long blocks = disk.length / BLOCK;
        if (lba + count > blocks) {
            return ScsiCompletion.checkCondition(sense(0x05, 0x21, 0x00));
        }
        int bytes = (int) (count * BLOCK);
        int offset = (int) (lba * BLOCK);
        boolean write = c.opcode() == 0x2a || c.opcode() == 0x8a;
        if (write) {
            ByteBuffer out = c.dataOut();
            int n = out == null ? 0 : Math.min(bytes, out.remaining());
            if (n > 0) {
                out.duplicate().get(disk, offset, n);
            }
            return ScsiCompletion.good(0, bytes);
        }
        ByteBuffer in = c.dataIn();
        int n = in == null ? 0 : Math.min(bytes, in.capacity());
        if (n > 0) {
            in.duplicate().put(disk, offset, n);
        }
        return ScsiCompletion.good(n, bytes);
    }

    private ScsiCompletion inquiry(ScsiCommand c) {
        byte[] cdb = c.cdb();
        int alloc = ((cdb[3] & 0xff) << 8) | (cdb[4] & 0xff);
        boolean evpd = (cdb[1] & 1) != 0;
        byte[] d;
        if (!evpd) {
            if (cdb[2] != 0) {
                return invalidField();
            }
            d = new byte[36];
            d[0] = (byte) (c.lun() == 0 ? 0x00 : 0x7f);
            d[2] = 0x06;
            d[3] = 0x02;
            d[4] = 31;
            d[7] = 0x02;
            put(d, 8, "GLIOTEST");
            put(d, 16, "RAMDISK         ");
            put(d, 32, "0001");
        } else {
            switch (cdb[2] & 0xff) {
                case 0x00 -> d = new byte[]{0, 0, 0, 3, 0x00, (byte) 0x80, (byte) 0x83};
                case 0x80 -> {
                    d = new byte[4 + 12];
                    d[1] = (byte) 0x80;
                    d[3] = 12;
                    put(d, 4, "glio00000001");
                }
                case 0x83 -> {
                    d = new byte[4 + 4 + 16];
                    d[1] = (byte) 0x83;
                    d[3] = 20;
                    d[4] = 0x01;
                    d[5] = 0x03;
                    d[7] = 16;
                    d[8] = 0x60;
                    d[9] = 0x01;
                    d[10] = 0x40;
                    d[11] = 0x05;
                }
                default -> {
                    return invalidField();
                }
            }
        }
        return reply(c, d, alloc);
    }

    private static void put(byte[] d, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, d, off, b.length);
    }

    /** Sends min(data, allocation length, buffer) bytes; transfer length = what was available. */
    private static ScsiCompletion reply(ScsiCommand c, byte[] data, int allocation) {
        int n = Math.min(data.length, Math.max(0, allocation));
        ByteBuffer in = c.dataIn();
        int written = in == null ? 0 : Math.min(n, in.capacity());
        if (written > 0) {
            in.duplicate().put(data, 0, written);
        }
        return ScsiCompletion.good(written, n);
    }

    private static int u8(byte b) {
        return b & 0xff;
    }

    private static ScsiCompletion invalidOpcode() {
        return ScsiCompletion.checkCondition(sense(0x05, 0x20, 0x00));
    }

    private static ScsiCompletion invalidField() {
        return ScsiCompletion.checkCondition(sense(0x05, 0x24, 0x00));
    }

    static byte[] sense(int key, int asc, int ascq) {
        return io.glio.engine.iscsi.session.Sense.fixed(key, asc, ascq);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
