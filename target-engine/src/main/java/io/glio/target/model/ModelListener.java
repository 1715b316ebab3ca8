package io.glio.target.model;

/**
 * Receives {@link ModelEvent}s. Called synchronously, in order, on the thread that made the
 * change, while the model's lock is held: a listener may read the model but must not block or
 * change it (hand slow work to another thread).
 */
@FunctionalInterface
public interface ModelListener {

    void onEvent(ModelEvent event);
}
