package io.glio.engine.model;

/**
 * Options of {@code restoreconfig} (rtslib {@code RTSRoot.restore}): whether to clear the
 * current configuration first, and filters restoring only the target with WWN {@code target}
 * or only the storage objects named {@code storageObject} (null = no filter). With only a
 * target filter no storage object is restored, and the other way round.
 */
public record RestoreOptions(boolean clearExisting, String target, String storageObject) {

    /** Restore everything on top of an empty (or non-conflicting) configuration. */
    public static final RestoreOptions ALL = new RestoreOptions(false, null, null);

    /** Clear everything, then restore everything (what a service does at start). */
    public static final RestoreOptions CLEAR_AND_RESTORE = new RestoreOptions(true, null, null);
}
