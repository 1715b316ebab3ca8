package io.glio.engine.iscsi;

import io.glio.engine.model.Fabric;
import io.glio.engine.model.TargetModel;
import io.glio.engine.model.Tpg;

/** Model set-ups the iSCSI tests share. */
public final class TestTargets {

    private TestTargets() {
    }

    /**
     * An enabled demo-mode TPG (any initiator, writable LUNs, no CHAP) of target {@code iqn}
     * (created if missing) with one portal on 127.0.0.1.
     */
    public static Tpg demo(TargetModel model, String iqn, int port) {
        return demo(model, iqn, "127.0.0.1", port);
    }

    /** The same with its portal on {@code address}. */
    public static Tpg demo(TargetModel model, String iqn, String address, int port) {
        Tpg tpg = model.createTpg(model.target(Fabric.ISCSI, iqn)
                .orElseGet(() -> model.createTarget(Fabric.ISCSI, iqn)), null);
        model.setTpgAttribute(tpg, "authentication", "0");
        model.setTpgAttribute(tpg, "generate_node_acls", "1");
        model.setTpgAttribute(tpg, "demo_mode_write_protect", "0");
        model.createPortal(tpg, address, port);
        model.setTpgEnabled(tpg, true);
        return tpg;
    }
}
