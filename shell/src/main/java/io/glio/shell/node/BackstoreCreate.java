package io.glio.shell.node;

import io.glio.shell.CommandSpec;
import io.glio.shell.Shell;
import io.glio.shell.ShellException;
import io.glio.shell.ValueType;
import io.glio.engine.model.FileioCreation;
import io.glio.engine.model.ModelException;
import io.glio.engine.model.Plugin;
import io.glio.engine.model.Sizes;
import io.glio.engine.model.StorageObject;
import io.glio.engine.model.UserHandlers;

/** The {@code create} command of each backstore, with targetcli's steps and messages. */
final class BackstoreCreate {

    private static final String SIZE_SYNTAX = "\n\nSIZE SYNTAX\n===========\n"
            + "- If size is an int, it represents a number of bytes.\n"
            + "- If size is a string, the following units can be used:\n"
            + "    - B or no unit present for bytes\n"
            + "    - k, K, kB, KB for kB (kilobytes)\n"
            + "    - m, M, mB, MB for MB (megabytes)\n"
            + "    - g, G, gB, GB for GB (gigabytes)\n"
            + "    - t, T, tB, TB for TB (terabytes)";

    private final Shell shell;
    private final UiNode node;
    private final Plugin plugin;
    private final String handler;

    BackstoreCreate(Shell shell, UiNode node, Plugin plugin, String handler) {
        this.shell = shell;
        this.node = node;
        this.plugin = plugin;
        this.handler = handler;
    }

    CommandSpec spec() {
        return switch (plugin) {
            case FILEIO -> CommandSpec.of("create name file_or_dev size=None write_back=None sparse=None wwn=None",
                    "Creates a FileIO storage object. If \"file_or_dev\" is a path to a regular file to be used as"
                            + " backend, then the \"size\" parameter is mandatory." + SIZE_SYNTAX,
                    a -> fileio(a.get("name"), a.get("file_or_dev"), a.get("size"), a.get("write_back"),
                            a.get("sparse"), a.get("wwn")));
            case BLOCK -> CommandSpec.of("create name dev readonly=None wwn=None",
                    "Creates an Block Storage object. \"dev\" is the path to the TYPE_DISK block device to use.",
                    a -> block(a.get("name"), a.get("dev"), a.get("readonly"), a.get("wwn")));
            case RAMDISK -> CommandSpec.of("create name size nullio=None wwn=None",
                    "Creates an RDMCP storage object. \"size\" is the size of the ramdisk." + SIZE_SYNTAX,
                    a -> ramdisk(a.get("name"), a.get("size"), a.get("nullio"), a.get("wwn")));
            case PSCSI -> CommandSpec.of("create name dev",
                    "Creates a PSCSI storage object, with supplied name and SCSI device.",
                    a -> pscsi(a.get("name"), a.get("dev")));
            case USER -> CommandSpec.of("create name size cfgstring wwn=None hw_max_sectors=None control=None"
                            + " force=None",
                    "Creates a User-backed storage object. A user:glfs object shares its identity through the"
                            + " volume: without \"wwn\" it takes the wwn the volume records for the file (another"
                            + " gateway's), so every gateway reports one LU; a \"wwn\" that disagrees is refused"
                            + " showing both, unless \"force=true\", which replaces the volume's."
                            + SIZE_SYNTAX + "\n\nCFGSTRING FORMAT\n=================\n"
                            + UserHandlers.GLFS_CONFIG_DESCRIPTION,
                    a -> user(a.get("name"), a.get("size"), a.get("cfgstring"), a.get("wwn"),
                            a.get("hw_max_sectors"), a.get("control"), a.get("force")));
        };
    }

    private CommandSpec.Outcome fileio(String name, String file, String size, String writeBack, String sparse,
                                       String wwn) {
        boolean sp = bool(sparse, true);
        boolean wb = bool(writeBack, true);
        FileioCreation c = shell.model().createFileio(name, shell.file(file).toString(), emptyToNull(size),
                wb, sp, emptyToNull(wwn));
        c.notes().forEach(shell.console()::info);
        modelAlias(c.storageObject());
        shell.console().info("Created fileio " + name + " with size " + c.size());
        return created(c.storageObject());
    }

    private CommandSpec.Outcome block(String name, String dev, String readonly, String wwn) {
        Boolean ro = readonly == null ? null : bool(readonly, false);
        StorageObject so = shell.model().createBlock(name, dev, ro, emptyToNull(wwn));
        modelAlias(so);
        shell.console().info("Created block storage object " + name + " using " + dev + ".");
        return created(so);
    }

    private CommandSpec.Outcome ramdisk(String name, String size, String nullio, String wwn) {
        boolean nio = bool(nullio, false);
        StorageObject so = shell.model().createRamdisk(name, Sizes.humanToBytes(size), nio, emptyToNull(wwn));
        modelAlias(so);
        shell.console().info("Created ramdisk " + name + " with size " + size + ".");
        return created(so);
    }

    private CommandSpec.Outcome pscsi(String name, String dev) {
        if (shell.model().environment().devices().kind(dev) == io.glio.engine.model.DeviceProbe.Kind.BLOCK_DEVICE) {
            shell.console().info("Note: block backstore recommended for SCSI block devices");
        }
        StorageObject so = shell.model().createPscsi(name, dev);
        shell.console().info("Created pscsi storage object " + name + " using " + dev);
        return created(so);
    }

    private CommandSpec.Outcome user(String name, String size, String cfgstring, String wwn, String hwMaxSectors,
                                     String control, String force) {
        long bytes = Sizes.humanToBytes(size);
        String config = handler + "/" + cfgstring;
        UserHandlers.checkConfig(config).ifPresent(reason -> {
            throw new ShellException("cfgstring invalid: " + reason);
        });
        boolean forceWwn = bool(force, false);
        if (forceWwn && emptyToNull(wwn) == null) {
            throw new ShellException("force=" + force + " needs a wwn to force.");
        }
        StorageObject so;
        try {
            so = shell.model().createUser(name, bytes, config, emptyToNull(wwn), forceWwn, hwMaxSectors, control);
        } catch (ModelException e) {
            // targetcli masks every rtslib error of a user-backed creation with this one line.
            throw new ShellException("UserBackedStorageObject creation failed.");
        }
        new SharedIdentityWait(shell).refuseOnConflict(so);
        shell.console().info("Created user-backed storage object " + name + " size " + bytes + ".");
        return created(so);
    }

    void changeMedium(String name, String size, String cfgstring) {
        long bytes = Sizes.humanToBytes(size);
        StorageObject so = shell.model().storageObject(Plugin.USER, name)
                .orElseThrow(() -> new ShellException("ChangeMedium failed: No storage object named " + name));
        try {
            shell.model().changeMedium(so, bytes, cfgstring);
        } catch (ModelException e) {
            throw new ShellException("ChangeMedium failed: " + e.getMessage());
        }
        shell.console().info("Medium Changed.");
    }

    /** export_backstore_name_as_model: the backstore name becomes the INQUIRY model. */
    private void modelAlias(StorageObject so) {
        if (shell.prefs().bool("export_backstore_name_as_model")) {
            try {
                shell.model().setStorageObjectAttribute(so, "emulate_model_alias", "1");
            } catch (ModelException e) {
                throw new ShellException("'export_backstore_name_as_model' is set but emulate_model_alias\n"
                        + "  not supported by kernel.");
            }
        }
    }

    private CommandSpec.Outcome created(StorageObject so) {
        return shell.created(node.path() + "/" + so.name());
    }

    static boolean bool(String value, boolean fallback) {
        return value == null ? fallback : ValueType.BOOL.check(value).equals("true");
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
