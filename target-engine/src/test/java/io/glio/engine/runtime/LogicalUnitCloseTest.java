package io.glio.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.glio.engine.backing.ram.RamdiskBackingStore;
import io.glio.engine.model.Plugin;
import io.glio.engine.scsi.DeviceSettings;
import io.glio.engine.scsi.LogicalUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Closing a unit (engine stop, object deleted) flushes its store before closing it. */
class LogicalUnitCloseTest {

    @Test
    void closeFlushesTheStoreThenClosesIt() {
        List<String> calls = new ArrayList<>();
        LogicalUnit unit = new LogicalUnit("wwn", "rd", Plugin.RAMDISK, SETTINGS);
        unit.attachStore(new ForwardingStore(new RamdiskBackingStore(1 << 20)) {
            @Override
            public CompletableFuture<Void> flush() {
                calls.add("flush");
                return super.flush();
            }

            @Override
            public void close() {
                calls.add("close");
                super.close();
            }
        });
        unit.close();
        assertThat(calls).containsExactly("flush", "close");
    }

    @Test
    void aFailedFlushStillClosesTheStore() {
        List<String> calls = new ArrayList<>();
        LogicalUnit unit = new LogicalUnit("wwn", "rd", Plugin.RAMDISK, SETTINGS);
        unit.attachStore(new ForwardingStore(new RamdiskBackingStore(1 << 20)) {
            @Override
            public CompletableFuture<Void> flush() {
                return CompletableFuture.failedFuture(new java.io.IOException("EIO"));
            }

            @Override
            public void close() {
                calls.add("close");
                super.close();
            }
        });
        unit.close();
        assertThat(calls).containsExactly("close");
    }

    private static final DeviceSettings SETTINGS = null;
}
