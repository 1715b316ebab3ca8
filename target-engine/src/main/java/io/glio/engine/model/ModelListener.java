package io.glio.engine.model;

/**
 * Receives {@link ModelEvent}s. Called synchronously, in order, on the thread that made the
 * change, while the model's lock is held and after {@link TargetModel#snapshot()} shows the
 * change: a listener may read the model and may make quick changes (their events follow the
 * current ones), but must not block (hand slow work such as connecting to a gluster volume to
 * another thread). An exception thrown by a listener is logged and does not undo the change.
 */
@FunctionalInterface
public interface ModelListener {

    void onEvent(ModelEvent event);
}
