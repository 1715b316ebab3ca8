package io.glio.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The configuration tree glio serves: LIO's configfs and rtslib in one in-memory object.
 *
 * <p>Every mutation validates first and changes nothing when it throws a
 * {@link ModelException} (whose message is rtslib's or the kernel's text); after a successful
 * change the listeners receive one {@link ModelEvent} per changed object, in order.
 *
 * <p>Locking: the model's monitor is its writer lock. Mutations take it, one at a time, and
 * deliver their events under it; the read methods take it too, so a reader that walks several
 * live nodes and wants a consistent picture (the shell's {@code ls}) does so inside
 * {@code synchronized (model) { ... }}. The I/O path never takes it: after each completed
 * mutation, before its listeners run, the model publishes an immutable {@link ModelSnapshot}
 * ({@link #snapshot()}) that logins, SendTargets and LUN maps read instead. Saving dumps the
 * records under the lock and writes the file outside it.
 *
 * <p>Node objects ({@link StorageObject}, {@link Target}, {@link Tpg}, ...) are live read-only
 * views; lists are in creation order (configfs order), which is the order saveconfig.json
 * lists them.
 */
public final class TargetModel {

    private final ModelEnvironment env;
    final List<StorageObject> storageObjects = new ArrayList<>();
    final List<Target> targets = new ArrayList<>();
    DiscoveryAuth discoveryAuth = DiscoveryAuth.DISABLED;
    /** Unknown keys of the loaded iscsi {@code fabric_modules} entry and of the file's top level. */
    final java.util.Map<String, Object> fabricModuleExtras = new java.util.LinkedHashMap<>();
    final java.util.Map<String, Object> topLevelExtras = new java.util.LinkedHashMap<>();
    private final List<ModelListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ModelEvent> pending = new ArrayList<>();
    private boolean delivering;
    private volatile ModelSnapshot snapshot = ModelSnapshot.EMPTY;
    private volatile PartialRestore partialRestore;
    private volatile PortalGuard portalGuard = PortalGuard.LOCAL_ADDRESS;
    /** Orders saves: each writes the file with the records it dumped, in dump order. */
    private final Object saveOrder = new Object();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TargetModel.class);
    private final BackstoreOps backstores = new BackstoreOps(this);
    private final FabricOps fabrics = new FabricOps(this);
    private final ExportOps exports = new ExportOps(this);

    public TargetModel(ModelEnvironment env) {
        this.env = env;
    }

    /** A model of the running machine ({@link ModelEnvironment#system()}). */
    public TargetModel() {
        this(ModelEnvironment.system());
    }

    public ModelEnvironment environment() {
        return env;
    }

    // ---------------------------------------------------------------- listeners

    public void addListener(ModelListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ModelListener listener) {
        listeners.remove(listener);
    }

    /** Who decides whether a new portal can listen; {@link PortalGuard#LOCAL_ADDRESS} until an engine serves. */
    public void setPortalGuard(PortalGuard guard) {
        portalGuard = java.util.Objects.requireNonNull(guard, "guard");
    }

    PortalGuard portalGuard() {
        return portalGuard;
    }

    void emit(ModelEvent event) {
        pending.add(event);
    }

    /**
     * Runs a mutation; its events are delivered only if it completes. A mutation made by a
     * listener while events are being delivered has its events delivered after the current
     * ones, so every listener sees all events in the order the changes happened.
     */
    synchronized <T> T mutate(Supplier<T> change) {
        int mark = pending.size();
        T result;
        try {
            result = change.get();
        } catch (RuntimeException e) {
            pending.subList(mark, pending.size()).clear();
            throw e;
        }
        publish(pending.subList(mark, pending.size()));
        if (mark == 0 && !delivering) {
            deliver();
        }
        return result;
    }

    synchronized void mutateVoid(Runnable change) {
        mutate(() -> {
            change.run();
            return null;
        });
    }

    /** Publishes the snapshot after a mutation that emitted {@code events}. */
    private void publish(List<ModelEvent> events) {
        java.util.Set<Target> touched = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        boolean discovery = false;
        for (ModelEvent e : events) {
            discovery |= ModelSnapshot.collectTouched(e, touched);
        }
        if (!touched.isEmpty() || discovery) {
            snapshot = snapshot.next(this, touched, discovery);
        }
    }

    /**
     * The configuration as of the last completed mutation, immutable; reading it takes no lock
     * (this is what event loops read).
     */
    public ModelSnapshot snapshot() {
        return snapshot;
    }

    private void deliver() {
        delivering = true;
        try {
            while (!pending.isEmpty()) {
                List<ModelEvent> batch = new ArrayList<>(pending);
                pending.clear();
                for (ModelEvent e : batch) {
                    for (ModelListener l : listeners) {
                        try {
                            l.onEvent(e);
                        } catch (RuntimeException ex) {
                            // The change is made; a failing listener must not undo or hide it.
                            LOG.warn("model listener {} failed on {}", l, e, ex);
                        }
                    }
                }
            }
        } finally {
            delivering = false;
        }
    }

    // ---------------------------------------------------------------- reading

    /** All storage objects in creation order. */
    public synchronized List<StorageObject> storageObjects() {
        return Collections.unmodifiableList(new ArrayList<>(storageObjects));
    }

    /** The storage objects of one plugin in creation order. */
    public synchronized List<StorageObject> storageObjects(Plugin plugin) {
        List<StorageObject> out = new ArrayList<>();
        for (StorageObject so : storageObjects) {
            if (so.plugin() == plugin) {
                out.add(so);
            }
        }
        return Collections.unmodifiableList(out);
    }

    public synchronized Optional<StorageObject> storageObject(Plugin plugin, String name) {
        for (StorageObject so : storageObjects) {
            if (so.plugin() == plugin && so.name().equals(name)) {
                return Optional.of(so);
            }
        }
        return Optional.empty();
    }

    /** Looks up {@code /backstores/<plugin>/<name>} (saveconfig LUN paths; {@code rd_mcp}/{@code iblock} accepted). */
    public synchronized Optional<StorageObject> storageObjectByPath(String path) {
        String[] parts = path.split("/");
        if (parts.length != 4 || !parts[0].isEmpty() || !parts[1].equals("backstores")) {
            return Optional.empty();
        }
        return Plugin.fromSaveconfig(parts[2]).flatMap(p -> storageObject(p, parts[3]));
    }

    /** All targets of all fabrics in creation order. */
    public synchronized List<Target> targets() {
        return Collections.unmodifiableList(new ArrayList<>(targets));
    }

    public synchronized List<Target> targets(Fabric fabric) {
        List<Target> out = new ArrayList<>();
        for (Target t : targets) {
            if (t.fabric() == fabric) {
                out.add(t);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Looks a target up by its normalised WWN. */
    public synchronized Optional<Target> target(Fabric fabric, String wwn) {
        for (Target t : targets) {
            if (t.fabric() == fabric && t.wwn().equals(wwn)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** iSCSI discovery authentication. */
    public synchronized DiscoveryAuth discoveryAuth() {
        return discoveryAuth;
    }

    /** Whether nothing at all is configured (no storage object, target or discovery auth). */
    public synchronized boolean isEmpty() {
        return storageObjects.isEmpty() && targets.isEmpty() && !discoveryAuth.enabled()
                && discoveryAuth.credentials().isEmpty();
    }

    // ---------------------------------------------------------------- backstores

    /**
     * {@code /backstores/fileio create}: targetcli's steps with rtslib's checks. Uses an
     * existing regular file at its size, or a block device at the device's size; creates a
     * missing file of {@code size} (sparse unless {@code sparse} is false). {@code size} may be
     * null when the file exists; {@code wwn} null generates a uuid4.
     */
    public FileioCreation createFileio(String name, String fileOrDev, String size,
                                       boolean writeBack, boolean sparse, String wwn) {
        return mutate(() -> backstores.createFileio(name, fileOrDev, size, writeBack, sparse, wwn));
    }

    /**
     * {@code /backstores/block create}. {@code readonly} null detects the device's read-only
     * flag (and fails with {@code Could not open <dev>} when it cannot be opened).
     */
    public StorageObject createBlock(String name, String dev, Boolean readonly, String wwn) {
        return mutate(() -> backstores.createBlock(name, dev, readonly, wwn));
    }

    /** {@code /backstores/ramdisk create}: size rounded to 4096-byte pages (at least one). */
    public StorageObject createRamdisk(String name, long sizeBytes, boolean nullio, String wwn) {
        return mutate(() -> backstores.createRamdisk(name, sizeBytes, nullio, wwn));
    }

    /** {@code /backstores/pscsi create}: {@code dev} is a device path or {@code H:C:T:L}. */
    public StorageObject createPscsi(String name, String dev) {
        return mutate(() -> backstores.createPscsi(name, dev));
    }

    /**
     * {@code /backstores/user:<handler> create}: {@code config} is the full config string with
     * the handler prefix ({@code glfs/vol@host/file}); {@code hwMaxSectors} and {@code control}
     * are written raw (null for the kernel defaults). The handler's own check of the config
     * string ({@code cfgstring invalid: …}) is the caller's business ({@link UserHandlers}).
     */
    public StorageObject createUser(String name, long sizeBytes, String config, String wwn,
                                    String hwMaxSectors, String control) {
        return createUser(name, sizeBytes, config, wwn, false, hwMaxSectors, control);
    }

    /**
     * As {@link #createUser(String, long, String, String, String, String)}; {@code forceWwn}
     * makes the given wwn replace the one a shared volume records (user:glfs).
     */
    public StorageObject createUser(String name, long sizeBytes, String config, String wwn, boolean forceWwn,
                                    String hwMaxSectors, String control) {
        return mutate(() -> backstores.createUser(name, sizeBytes, config, wwn, forceWwn, hwMaxSectors, control));
    }

    /**
     * Takes the wwn and size another gateway recorded for a shared LU (user:glfs); the engine
     * calls it from its metadata threads. Emits {@link ModelEvent.StorageObjectAspect#IDENTITY}.
     */
    public void adoptSharedIdentity(StorageObject so, String wwn, long sizeBytes) {
        mutateVoid(() -> backstores.adoptSharedIdentity(so, wwn, sizeBytes));
    }

    /**
     * Deletes a storage object as rtslib does: its non-default ALUA groups, every LUN exporting
     * it (with the mapped LUNs pointing at those LUNs), then the object. Backing files are kept.
     */
    public void deleteStorageObject(StorageObject so) {
        mutateVoid(() -> backstores.delete(so));
    }

    /**
     * Deletes a storage object only if no LUN exports it: the kernel's own rule for removing
     * the configfs directory ({@code [Errno 16] Device or resource busy: '<path>'}), for
     * callers that must not drop LUNs as a side effect.
     */
    public void deleteUnusedStorageObject(StorageObject so) {
        mutateVoid(() -> backstores.deleteUnused(so));
    }

    /** Sets a writable attribute ({@code Cannot find attribute: x}, {@code Cannot set attribute x: …}). */
    public void setStorageObjectAttribute(StorageObject so, String name, String value) {
        mutateVoid(() -> backstores.setAttribute(so, name, value));
    }

    /** {@code alua create name tag}: tag 1..65535, unique per storage object. */
    public AluaGroup createAluaGroup(StorageObject so, String name, int tag) {
        return mutate(() -> backstores.createAluaGroup(so, name, tag));
    }

    /** Deletes an ALUA group; LUNs in it fall back to {@code default_tg_pt_gp}. */
    public void deleteAluaGroup(StorageObject so, String name) {
        mutateVoid(() -> backstores.deleteAluaGroup(so, name));
    }

    /** Sets one of the 14 writable ALUA parameters of a group. */
    public void setAluaParameter(AluaGroup group, String param, long value) {
        mutateVoid(() -> backstores.setAluaParameter(group, param, value));
    }

    /**
     * {@code changemedium name size cfgstring} of a user-backed object: new size and config
     * ({@code cfgstring} without the handler prefix).
     */
    public void changeMedium(StorageObject so, long sizeBytes, String cfgstring) {
        mutateVoid(() -> backstores.changeMedium(so, sizeBytes, cfgstring));
    }

    // ---------------------------------------------------------------- targets, TPGs, portals

    /**
     * {@code /<fabric> create [wwn]}: null generates a WWN of the fabric's first type. Fabrics
     * without TPG tags (loopback) get their single TPG 1 with a generated nexus; for the others
     * the caller creates TPGs ({@link #createTpg}).
     */
    public Target createTarget(Fabric fabric, String wwn) {
        return mutate(() -> fabrics.createTarget(fabric, wwn));
    }

    /** Deletes a target and everything under it. {@code wwn} is normalised first. */
    public void deleteTarget(Fabric fabric, String wwn) {
        mutateVoid(() -> fabrics.deleteTarget(fabric, wwn));
    }

    /** Creates a TPG; a null tag takes the lowest unused tag from 1. Starts disabled (iSCSI). */
    public Tpg createTpg(Target target, Integer tag) {
        return mutate(() -> fabrics.createTpg(target, tag));
    }

    public void deleteTpg(Target target, int tag) {
        mutateVoid(() -> fabrics.deleteTpg(target, tag));
    }

    /** Enables or disables a TPG; returns false when it already was in that state. */
    public boolean setTpgEnabled(Tpg tpg, boolean enabled) {
        return mutate(() -> fabrics.setEnabled(tpg, enabled));
    }

    public void setTpgAttribute(Tpg tpg, String name, String value) {
        mutateVoid(() -> fabrics.setTpgAttribute(tpg, name, value));
    }

    public void setTpgParameter(Tpg tpg, String name, String value) {
        mutateVoid(() -> fabrics.setTpgParameter(tpg, name, value));
    }

    /** Sets a TPG CHAP value; an empty value clears it. */
    public void setTpgAuth(Tpg tpg, AuthField field, String value) {
        mutateVoid(() -> fabrics.setTpgAuth(tpg, field, value));
    }

    /** Sets a target-level parameter (kernels with {@code cmd_completion_affinity}). */
    public void setTargetParameter(Target target, String name, String value) {
        mutateVoid(() -> fabrics.setTargetParameter(target, name, value));
    }

    /**
     * Creates a network portal. {@code ipAddress} as configfs names it (IPv6 in brackets,
     * which the shell adds). An ip:port may be used once per TPG and by one TPG per target.
     */
    public Portal createPortal(Tpg tpg, String ipAddress, int port) {
        return mutate(() -> fabrics.createPortal(tpg, ipAddress, port));
    }

    public void deletePortal(Tpg tpg, String ipAddress, int port) {
        mutateVoid(() -> fabrics.deletePortal(tpg, ipAddress, port));
    }

    public void setPortalIser(Portal portal, boolean iser) {
        mutateVoid(() -> fabrics.setPortalFlag(portal, true, iser));
    }

    public void setPortalOffload(Portal portal, boolean offload) {
        mutateVoid(() -> fabrics.setPortalFlag(portal, false, offload));
    }

    /** Enables or disables iSCSI discovery authentication. */
    public void setDiscoveryAuthEnabled(boolean enabled) {
        mutateVoid(() -> fabrics.setDiscoveryEnabled(enabled));
    }

    /** Sets a discovery CHAP value; an empty value clears it. */
    public void setDiscoveryAuth(AuthField field, String value) {
        mutateVoid(() -> fabrics.setDiscoveryAuth(field, value));
    }

    // ---------------------------------------------------------------- LUNs, ACLs, mapped LUNs

    /**
     * Creates a TPG LUN exporting {@code so}. A null index takes the lowest free one from 0;
     * a null alias generates one (10 hex characters). The LUN starts in {@code default_tg_pt_gp}
     * (no group when the backstore has no ALUA support).
     */
    public Lun createLun(Tpg tpg, Integer index, StorageObject so, String alias) {
        return mutate(() -> exports.createLun(tpg, index, so, alias));
    }

    /** Deletes a LUN and the mapped LUNs pointing at it. */
    public void deleteLun(Tpg tpg, int index) {
        mutateVoid(() -> exports.deleteLun(tpg, index));
    }

    /**
     * Moves a LUN to another ALUA group of its storage object. Returns false and changes
     * nothing when the group does not exist or the backstore has no ALUA (rtslib ignores it).
     */
    public boolean setLunAluaGroup(Lun lun, String groupName) {
        return mutate(() -> exports.setLunAluaGroup(lun, groupName));
    }

    /** Creates a node ACL; the WWN is validated and normalised for the fabric. */
    public NodeAcl createNodeAcl(Tpg tpg, String nodeWwn) {
        return mutate(() -> exports.createNodeAcl(tpg, nodeWwn));
    }

    public void deleteNodeAcl(Tpg tpg, String nodeWwn) {
        mutateVoid(() -> exports.deleteNodeAcl(tpg, nodeWwn));
    }

    public void setNodeAclAttribute(NodeAcl acl, String name, String value) {
        mutateVoid(() -> exports.setNodeAclAttribute(acl, name, value));
    }

    /** Sets an ACL CHAP value; an empty value clears it. */
    public void setNodeAclAuth(NodeAcl acl, AuthField field, String value) {
        mutateVoid(() -> exports.setNodeAclAuth(acl, field, value));
    }

    /** Tags an ACL (null untags); tag names may not contain {@code .}. */
    public void setNodeAclTag(NodeAcl acl, String tag) {
        mutateVoid(() -> exports.setNodeAclTag(acl, tag));
    }

    /**
     * Maps TPG LUN {@code tpgLun} as LUN {@code index} (0..255) for the ACL's initiator; a null
     * alias generates one.
     */
    public MappedLun createMappedLun(NodeAcl acl, int index, int tpgLun, boolean writeProtect,
                                     String alias) {
        return mutate(() -> exports.createMappedLun(acl, index, tpgLun, writeProtect, alias));
    }

    public void deleteMappedLun(NodeAcl acl, int index) {
        mutateVoid(() -> exports.deleteMappedLun(acl, index));
    }

    public void setMappedLunWriteProtect(MappedLun mappedLun, boolean writeProtect) {
        mutateVoid(() -> exports.setWriteProtect(mappedLun, writeProtect));
    }

    // ---------------------------------------------------------------- whole configuration

    /**
     * rtslib's {@code clear_existing}: with no filter deletes every target, resets discovery
     * auth and deletes every storage object; {@code target} deletes only that target,
     * {@code storageObject} only storage objects of that name (discovery auth is reset in all
     * cases). This is {@code clearconfig} with both null.
     */
    public void clearExisting(String target, String storageObject) {
        mutateVoid(() -> fabrics.clearExisting(target, storageObject));
    }

    /** {@code clearconfig confirm=true}. */
    public void clear() {
        clearExisting(null, null);
    }

    // ---------------------------------------------------------------- saveconfig.json

    /**
     * The configuration as saveconfig records, with the content rtslib's {@code dump()} would
     * give (creation order, numeric attributes as numbers, unknown keys of loaded files kept).
     */
    public synchronized io.glio.saveconfig.SaveConfig dump() {
        return SaveconfigExport.dump(this);
    }

    /** The exact saveconfig.json text rtslib would write for this configuration (serialized outside the lock). */
    public String toJson() {
        return io.glio.saveconfig.SaveConfigWriter.toJson(dump());
    }

    /**
     * Writes saveconfig.json atomically with mode 0600 (see {@code SaveConfigWriter}); an empty
     * configuration does not replace a non-empty file unless {@code force}. The records are
     * dumped under the lock (memory only); the file is written outside it, so a slow disk
     * delays only other saves, never readers or mutations. Do not call it from a listener.
     *
     * @throws ModelException with the writer's reason when the file cannot be written
     */
    public void saveToFile(java.nio.file.Path file, boolean force) {
        synchronized (saveOrder) {
            try {
                io.glio.saveconfig.SaveConfigWriter.write(dump(), file, force);
            } catch (java.io.IOException e) {
                throw new ModelException(e.getMessage());
            }
            PartialRestore partial = partialRestore;
            if (partial != null && partial.concerns(file)) {
                partialRestore = null; // the admin replaced the file
            }
        }
    }

    /**
     * What rtslib saves for a storage-object scoped save ({@code /backstores/fileio/disk1
     * saveconfig}, {@code delete disk1 save=true}): {@code saved} (the file's current content,
     * null when there is none) with only the object at {@code soPath}
     * ({@code /backstores/<plugin>/<name>}) and the first target exporting it brought up to
     * date, removed when gone, or appended.
     */
    public synchronized io.glio.saveconfig.SaveConfig dumpScoped(io.glio.saveconfig.SaveConfig saved,
                                                                  String soPath) {
        return ScopedSave.merge(dump(), saved, soPath);
    }

    /**
     * rtslib's {@code RTSRoot.restore}: returns the recoverable errors, each ending in
     * {@code , skipped}, in the order met. Throws {@link RestoreConflictException} (and changes
     * nothing) when, without clear, an object of the file is already configured.
     */
    public List<String> restore(io.glio.saveconfig.SaveConfig config, RestoreOptions options) {
        return mutate(() -> new SaveconfigRestore(this).restore(config, options));
    }

    /**
     * Reads a saveconfig.json file and restores it ({@link #restore}). Objects the file
     * describes inconsistently are skipped with rtslib's errors, and invalid entries (a value of
     * the wrong type or out of range) with one line naming their JSON path
     * ({@link SaveconfigFile}), rather than refusing the file; those lines come first. When
     * invalid entries were skipped, {@link #partialRestore()} says so until the file is saved.
     *
     * @throws ModelException when the file cannot be read or is not a saveconfig.json
     */
    public List<String> restoreFromFile(java.nio.file.Path file, RestoreOptions options) {
        SaveconfigFile.Read read = SaveconfigFile.read(file);
        List<String> errors = new ArrayList<>(read.skipped());
        errors.addAll(restore(read.config(), options));
        PartialRestore current = partialRestore;
        if (!read.skipped().isEmpty()) {
            partialRestore = new PartialRestore(file, read.skipped());
        } else if (current != null && current.concerns(file)) {
            partialRestore = null;
        }
        return List.copyOf(errors);
    }

    /**
     * The last file restored with invalid entries left out, until it is saved again
     * ({@link #saveToFile}); an automatic save must not replace it.
     */
    public Optional<PartialRestore> partialRestore() {
        return Optional.ofNullable(partialRestore);
    }

    // ---------------------------------------------------------------- internals shared by ops

    void checkAlive(StorageObject so) {
        if (!storageObjects.contains(so)) {
            throw new NotFoundException("This StorageObject does not exist in configFS");
        }
    }

    void checkAlive(Target target) {
        if (!targets.contains(target)) {
            throw new NotFoundException("This Target does not exist in configFS");
        }
    }

    void checkAlive(Tpg tpg) {
        checkAlive(tpg.target());
        if (!tpg.target().tpgs.contains(tpg)) {
            throw new NotFoundException("This TPG does not exist in configFS");
        }
    }
}
