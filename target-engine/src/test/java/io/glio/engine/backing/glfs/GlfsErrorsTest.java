package io.glio.engine.backing.glfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.glio.gfapi.GlfsException;
import io.glio.engine.backing.BackingStoreException;
import io.glio.engine.backing.BackingStoreException.Condition;
import org.junit.jupiter.api.Test;

class GlfsErrorsTest {

    private static Condition conditionOf(int errno) {
        return GlfsErrors.condition(new GlfsException("glfs_pwrite", errno, "'f' on volume 'v'"));
    }

    @Test
    void spaceErrorsAreSpaceAllocationFailures() {
        assertThat(conditionOf(28)).isEqualTo(Condition.SPACE_ALLOCATION_FAILED); // ENOSPC
        assertThat(conditionOf(122)).isEqualTo(Condition.SPACE_ALLOCATION_FAILED); // EDQUOT
    }

    @Test
    void ioErrorsAreMediumErrorsAndReadOnlyIsWriteProtected() {
        assertThat(conditionOf(5)).isEqualTo(Condition.MEDIUM_ERROR);
        assertThat(conditionOf(30)).isEqualTo(Condition.WRITE_PROTECTED);
        assertThat(conditionOf(95)).isEqualTo(Condition.UNSUPPORTED);
        assertThat(conditionOf(22)).isEqualTo(Condition.INTERNAL);
    }

    @Test
    void lostConnectionsAreNotReadyAndTriggerReconnects() {
        for (int errno : new int[] {107, 110, 108, 111, 77}) {
            GlfsException e = new GlfsException("glfs_pread", errno, "x");
            assertThat(GlfsErrors.condition(e)).as(e.errnoName()).isEqualTo(Condition.NOT_READY);
            assertThat(GlfsErrors.isConnectionLoss(e)).as(e.errnoName()).isTrue();
        }
        assertThat(GlfsErrors.isConnectionLoss(new GlfsException("glfs_pread", 5, "x"))).isFalse();
    }

    @Test
    void theExceptionKeepsTheGfapiMessageAndCause() {
        GlfsException cause = new GlfsException("glfs_pwrite", 28, "'f' on volume 'v'");
        BackingStoreException e = GlfsErrors.toBackingStoreException(cause);
        assertThat(e).hasMessage("glfs_pwrite 'f' on volume 'v': ENOSPC (No space left on device)").hasCause(cause);
    }
}
