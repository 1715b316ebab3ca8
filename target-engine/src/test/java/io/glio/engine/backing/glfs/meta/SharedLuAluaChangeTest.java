package io.glio.engine.backing.glfs.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glio.engine.model.StorageObject.WwnOrigin;
import io.glio.gfapi.GlfsException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** An ALUA change asked for while the volume cannot be reached fails at the tick, naming why, and is not kept. */
class SharedLuAluaChangeTest {

    private static final class Host implements SharedLu.Host {
        @Override
        public LuIdentity local() {
            return new LuIdentity("5453bd76-a1e1-42aa-a90e-e685e349ed91", 1 << 20, 512);
        }

        @Override
        public WwnOrigin origin() {
            return WwnOrigin.GENERATED;
        }

        @Override
        public List<LuExport> exports() {
            return List.of();
        }

        @Override
        public void adopt(LuIdentity identity) {
            throw new AssertionError("nothing to adopt from an unreachable volume");
        }
    }

    @Test
    void aChangeFailsWithTheTickThatCannotReachTheVolume() {
        SharedLu lu = new SharedLu("/lu.img", "gw-a", new Host(), () -> {
            throw new GlfsException("glfs_init", 107, "volume 'v' on 'h'");
        }, Duration.ofMillis(100), System::nanoTime);

        CompletableFuture<AluaPreference> change = lu.changeAlua(new AluaPreference("gw-a", AluaPreference.IMPLICIT), null);
        assertThat(change).isNotDone();
        lu.tick();

        assertThatThrownBy(change::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(GlfsException.class).hasMessageContaining("glfs_init");
        assertThat(lu.sharing().registry().alua()).isEqualTo(AluaPreference.NONE);
    }
}
