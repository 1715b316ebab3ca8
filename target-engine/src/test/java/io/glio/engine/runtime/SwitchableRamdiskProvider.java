package io.glio.engine.runtime;

import io.glio.engine.backing.BackingStore;
import io.glio.engine.backing.BackingStoreProvider;
import io.glio.engine.backing.StoreState;
import io.glio.engine.backing.ram.RamdiskBackingStore;
import io.glio.engine.model.Plugin;
import io.glio.engine.model.StorageObject;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real ramdisk whose readiness the test switches, standing in for a gluster store whose volume
 * goes away and comes back (the readiness callback path of {@link BackingStore#onStateChange}).
 */
final class SwitchableRamdiskProvider implements BackingStoreProvider {

    static final String NAME = "switchable";

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean ready = true;

    void setReady(boolean now) {
        ready = now;
        listeners.forEach(Runnable::run);
    }

    @Override
    public boolean handles(StorageObject so) {
        return so.plugin() == Plugin.RAMDISK && so.name().equals(NAME);
    }

    @Override
    public BackingStore open(StorageObject so) {
        return new ForwardingStore(new RamdiskBackingStore(so.size().orElseThrow())) {
            @Override
            public StoreState state() {
                return ready ? StoreState.CONNECTED_STATE : StoreState.notConnected("ENOTCONN");
            }

            @Override
            public void onStateChange(Runnable listener) {
                listeners.add(listener);
            }
        };
    }
}
