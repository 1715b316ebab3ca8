/**
 * The in-memory configuration tree glio serves: what LIO keeps in configfs and rtslib wraps,
 * held by one {@link io.glio.engine.model.TargetModel}.
 *
 * <h2>Tree</h2>
 * <pre>
 * TargetModel
 *  ├ StorageObject (plugin fileio | block | pscsi | ramdisk | user, name)   storageObjects()
 *  │   └ AluaGroup (default_tg_pt_gp, ...)                                  so.aluaGroups()
 *  ├ Target (fabric, wwn)                                                   targets(), target(f, wwn)
 *  │   └ Tpg (tag, enabled, attributes, parameters, chap, nexus)            target.tpgs(), tpg(tag)
 *  │       ├ Lun (index → StorageObject, alias, ALUA group)                 tpg.luns(), lun(i)
 *  │       ├ Portal (ip, port, iser, offload)                               tpg.portals()
 *  │       └ NodeAcl (node wwn, tag, attributes, chap)                      tpg.nodeAcls()
 *  │           └ MappedLun (index → Lun, write_protect)                     acl.mappedLuns()
 *  └ DiscoveryAuth (iscsi)                                                  discoveryAuth()
 * </pre>
 * Lists are in creation order (configfs order). The shell sorts children for {@code ls} itself
 * (targetcli sorts by name with numeric suffixes). The node objects are read-only views that
 * stay valid until their object is removed.
 *
 * <h2>How the shell uses it</h2>
 * <ul>
 *   <li>Every change goes through a {@code TargetModel} method ({@code createFileio},
 *   {@code createTarget}, {@code createTpg}, {@code createLun}, {@code setTpgAttribute}, ...).
 *   A method either succeeds completely or throws a {@link io.glio.engine.model.ModelException}
 *   and changes nothing; print {@code getMessage()} as the error line.</li>
 *   <li>Messages split as in targetcli: the model throws <em>rtslib/kernel</em> texts
 *   ({@code This NodeACL already exists in configFS}, {@code WWN not valid as: iqn, naa, eui},
 *   {@code LUN must be 0 to 65535}, {@code Storage object fileio/x exists},
 *   {@code No such TPG in configfs: /sys/kernel/config/target/iscsi/…/tpgt_2}). Texts that
 *   targetcli's UI layer makes up itself are the shell's: {@code No storage object named x.},
 *   {@code Invalid LUN}, {@code lun for storage object fileio/x already exists} (check with
 *   {@link io.glio.engine.model.Tpg#lunFor}), {@code Tag argument must be a number.},
 *   {@code storage object or path not valid}, {@code cfgstring invalid: …} (use
 *   {@link io.glio.engine.model.UserHandlers#checkConfig}), {@code UserBackedStorageObject
 *   creation failed.} (targetcli masks every rtslib error of user:* creation with it), all
 *   "Created …"/"Deleted …" success lines, and the preference-driven steps (auto-enable of a
 *   new TPG, {@code authentication=0} on new iSCSI TPGs, the default portal, auto mapped
 *   LUNs, {@code emulate_model_alias=1} after fileio/block/ramdisk create).</li>
 *   <li>Sizes: {@link io.glio.engine.model.Sizes#humanToBytes} parses like targetcli,
 *   {@link io.glio.engine.model.Sizes#bytesToHuman} prints like {@code ls}.
 *   {@link io.glio.engine.model.TargetModel#createFileio} takes the size text as typed (it is
 *   only parsed when a file must be created) and returns a
 *   {@link io.glio.engine.model.FileioCreation} whose {@code notes()} are the info lines
 *   targetcli prints before {@code Created fileio <name> with size <size()>}.</li>
 *   <li>Status shown by {@code ls}: {@link io.glio.engine.model.StorageObject#activated()}
 *   ({@code activated}/{@code deactivated}) and
 *   {@link io.glio.engine.model.StorageObject#runtimeStatus()} ({@code not available: …} for
 *   a file or device missing at restore; the engine's store state, e.g. {@code not connected:
 *   …}, is kept beside the model by the engine).</li>
 *   <li>Paths: {@code configfsPath()} on every node gives the configfs path rtslib messages
 *   and {@code info} use.</li>
 *   <li>Reading several nodes consistently while an engine thread may change status: do it
 *   inside {@code synchronized (model) {…}}; the model's monitor is its writer lock and all
 *   its methods take it. Node list getters return copies. Code on an event loop never takes
 *   it: it reads {@link io.glio.engine.model.TargetModel#snapshot()}, an immutable
 *   {@link io.glio.engine.model.ModelSnapshot} published after each completed mutation.</li>
 *   <li>Deleting: {@code deleteStorageObject} deletes the LUNs (and mapped LUNs) exporting the
 *   object first, as rtslib and {@code /backstores/* delete} do;
 *   {@code deleteUnusedStorageObject} is the kernel's strict rule (EBUSY while exported).
 *   {@code deleteTarget}/{@code deleteTpg}/{@code deleteNodeAcl}/{@code deleteLun} cascade
 *   like rtslib.</li>
 *   <li>Kernel rules rtslib relies on are enforced even where the oracle's fake configfs does
 *   not: two TPGs of one target cannot share an ip:port ({@code Could not create NetworkPortal
 *   in configFS}, which targetcli turns into {@code Default portal not created, TPGs within a
 *   target cannot share ip:port.}), ALUA group ids are unique per object, attribute and
 *   parameter values are range-checked ({@code Cannot set attribute x: [Errno 22] Invalid
 *   argument}).</li>
 * </ul>
 *
 * <h2>saveconfig.json</h2>
 * <ul>
 *   <li>{@code restoreFromFile(path, options)} / {@code restore(records, options)}: rtslib's
 *   restore; returns the recoverable errors (each ends in {@code , skipped}) for
 *   {@code Configuration restored, N recoverable errors:}; invalid entries of a file (a value
 *   of the wrong type or out of range) come first, one line each naming the JSON path,
 *   and {@code partialRestore()} then forbids automatic saves of that file until it is saved
 *   explicitly; throws
 *   {@link io.glio.engine.model.RestoreConflictException} for
 *   {@code storageobject 'fileio:b' exist not restoring}. The shell checks
 *   {@code Restore file … not found} and parses {@code clear_existing} itself.</li>
 *   <li>{@code toJson()} is the exact file text; {@code saveToFile(path, force)} writes it
 *   atomically with mode 0600; backups are the caller's ({@code SaveConfigBackups}).
 *   {@code dumpScoped(saved, "/backstores/fileio/x")} is the storage-object scoped save.</li>
 *   <li>A restored object keeps exactly the attribute files its entry lists (the file is this
 *   "kernel"'s state), so files from other kernel versions save back unchanged; an object
 *   created here gets the LIO defaults of {@code KernelDefaults}. Unknown keys ride along.
 *   Objects whose backing file or device is missing are kept with runtime status
 *   {@code not available: <path> not found}.</li>
 * </ul>
 *
 * <h2>How the engine uses it</h2>
 * Register a {@link io.glio.engine.model.ModelListener}; each successful change delivers
 * {@link io.glio.engine.model.ModelEvent}s in order (a cascading delete delivers one event per
 * removed object, children first). The listener runs under the model lock on the changing
 * thread, after {@code snapshot()} already shows the change: hand slow work (opening a gluster
 * volume) to another thread, which keeps what it finds to itself rather than writing it into
 * the model.
 */
package io.glio.engine.model;
