package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.glio.engine.backing.glfs.meta.AluaPreference;
import io.glio.engine.backing.glfs.meta.GatewayEntry;
import io.glio.engine.model.TargetModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shell's view of ALUA across gateways, over an engine stand-in whose registry lists two
 * gateways: the {@code alua} subtree shows every gateway's port group as targetcli shows ALUA
 * groups, and {@code set alua preferred_gateway} hands the value to the engine, whose refusal
 * is the command's error.
 */
class SharedAluaShellTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final TargetModel model = OracleRun.testModel();
    private final Shell shell = new Shell(model, Prefs.inMemory(),
            new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8),
                    Prefs.inMemory(), false, 0), Path.of("/nonexistent/saveconfig.json"));
    private final GatewayEntry mine = new GatewayEntry("gw-a", "iqn.2026-12.io.glio:a", 1, List.of("10.0.0.1:3260"), 1, 1, 7);
    private final GatewayEntry theirs = new GatewayEntry("gw-b", "iqn.2026-12.io.glio:b", 1, List.of("10.0.0.2:3260"), 2, 2, 9);
    private final SharedStores stores = new SharedStores(theirs, mine);

    private String run(String line) {
        out.reset();
        shell.run(line);
        return out.toString(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void sharedLu() {
        run("/backstores/user:glfs create lu 1M vol@host/f.img");
        shell.setStores(stores);
    }

    @Test
    void theAluaSubtreeShowsEveryGatewaysGroupAsTargetcliShowsGroups() {
        String ls = run("ls /backstores/user:glfs/lu/alua");

        assertThat(ls).contains("o- alua ", "[ALUA Groups: 3]", "o- default_tg_pt_gp ", "o- gateway_1 ", "o- gateway_2 ",
                "[ALUA state: Active/optimized]");
        assertThat(run("/backstores/user:glfs/lu/alua/gateway_2 get alua")).contains("tg_pt_gp_id=2",
                "alua_access_state=0", "gateway=gw-b", "members=['iscsi/iqn.2026-12.io.glio:b/tpgt_1']",
                "relative_target_port=2", "preferred=0");
    }

    @Test
    void aPreferredGatewayIsSetThroughTheEngineAndShownByEveryGroup() {
        assertThat(run("/backstores/user:glfs/lu get alua preferred_gateway")).contains("preferred_gateway=none");

        run("/backstores/user:glfs/lu set alua preferred_gateway=gw-b");

        assertThat(stores.asked).containsExactly("gw-b");
        assertThat(run("/backstores/user:glfs/lu get alua preferred_gateway")).contains("preferred_gateway=gw-b");
        assertThat(run("ls /backstores/user:glfs/lu/alua")).containsPattern("gateway_1 \\.+ \\[ALUA state: Active/non-optimized\\]")
                .containsPattern("gateway_2 \\.+ \\[ALUA state: Active/optimized\\]");
        assertThat(run("/backstores/user:glfs/lu/alua/gateway_2 get alua")).contains("preferred=1", "alua_access_status=2");
    }

    @Test
    void aBadGatewayIsRefusedWithTheEnginesMessage() {
        assertThat(run("/backstores/user:glfs/lu set alua preferred_gateway=gw-x"))
                .contains("preferred_gateway: 'gw-x' is no live gateway of this LU");
        assertThat(stores.recorded()).isEqualTo(AluaPreference.NONE);
    }
}
