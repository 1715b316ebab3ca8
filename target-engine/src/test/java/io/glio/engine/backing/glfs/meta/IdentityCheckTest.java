package io.glio.engine.backing.glfs.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.glio.engine.model.StorageObject.WwnOrigin;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentityCheckTest {

    private static final LuIdentity VOLUME = new LuIdentity("aaaa-volume", 1 << 20, 512);
    private static final LuIdentity OURS = new LuIdentity("bbbb-ours", 2 << 20, 512);

    @Test
    void theFirstGatewayRecordsItsOwnIdentity() {
        assertThat(IdentityCheck.decide(Optional.empty(), OURS, WwnOrigin.GIVEN, "/f"))
                .isEqualTo(new IdentityCheck.Write(OURS));
    }

    @Test
    void aGeneratedWwnGivesWayToTheRecordedOne() {
        assertThat(IdentityCheck.decide(Optional.of(VOLUME), OURS, WwnOrigin.GENERATED, "/f"))
                .isEqualTo(new IdentityCheck.Use(VOLUME, true));
    }

    @Test
    void anEqualWwnUsesTheRecordedSize() {
        LuIdentity same = new LuIdentity(VOLUME.wwn(), 4096, 512);
        assertThat(IdentityCheck.decide(Optional.of(VOLUME), same, WwnOrigin.SAVED, "/f"))
                .isEqualTo(new IdentityCheck.Use(VOLUME, false));
    }

    @Test
    void aGivenWwnThatDisagreesIsAConflictShowingBothValues() {
        IdentityCheck.Decision d = IdentityCheck.decide(Optional.of(VOLUME), OURS, WwnOrigin.GIVEN, "/f");
        assertThat(d).isInstanceOfSatisfying(IdentityCheck.Conflict.class, c -> assertThat(c.message())
                .isEqualTo("wwn conflict for /f: the volume records wwn aaaa-volume but wwn=bbbb-ours was given;"
                        + " leave wwn out to use the volume's, or add force=true to replace it"));
        assertThat(IdentityCheck.decide(Optional.of(VOLUME), OURS, WwnOrigin.SAVED, "/f"))
                .isInstanceOfSatisfying(IdentityCheck.Conflict.class,
                        c -> assertThat(c.message()).contains("aaaa-volume", "the saved wwn is bbbb-ours"));
    }

    @Test
    void aForcedWwnReplacesTheRecordedOneKeepingTheVolumesSize() {
        assertThat(IdentityCheck.decide(Optional.of(VOLUME), OURS, WwnOrigin.FORCED, "/f"))
                .isEqualTo(new IdentityCheck.Write(new LuIdentity("bbbb-ours", 1 << 20, 512)));
    }
}
