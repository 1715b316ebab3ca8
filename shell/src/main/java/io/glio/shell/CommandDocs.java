package io.glio.shell;

import java.util.List;
import java.util.Map;

/**
 * What {@code help} and the man page say about each command parameter beyond the signature in
 * its {@link CommandSpec}: its type, a sample value for the generated examples and what it
 * does, in glio's words; plus each command's related commands. A parameter is looked up as
 * {@code command.parameter} first (the same name means different things to different commands),
 * then by its name alone. Names the signatures use and this catalog lacks show as undocumented,
 * which {@code HelpPagesTest} refuses.
 */
final class CommandDocs {

    /** One parameter: its type as help prints it, a value for examples, and its meaning. */
    record Param(String type, String sample, String text) {
    }

    static final Param UNDOCUMENTED = new Param("string", "value", "Undocumented.");

    private static final Map<String, Param> PARAMS = Map.ofEntries(
            Map.entry("path", new Param("path", "/backstores",
                    "The node to act on: an absolute path, a path relative to the current node, or @bookmark.")),
            Map.entry("depth", new Param("number", "2",
                    "How many levels of the tree to show below the path; 0 shows all of them; "
                            + "without it, the tree_max_depth preference decides.")),
            Map.entry("group", new Param("string", "attribute",
                    "The configuration group: global (the shell's preferences) or one of the node's groups "
                            + "(attribute, parameter, auth, alua); without it, every group is listed.")),
            Map.entry("get.parameter", new Param("names", "block_size",
                    "The parameters to show; without any, every parameter of the group.")),
            Map.entry("set.parameter", new Param("name=value pairs", "emulate_tpu=1",
                    "The parameters to set, each as name=value; the value is checked before anything changes.")),
            Map.entry("topic", new Param("command name", "ls",
                    "The command to describe; without it, the overview and the commands of the current node.")),
            Map.entry("action", new Param("add|del|go|show", "add",
                    "add stores the current path under the name, del forgets a bookmark, go changes to it, "
                            + "show lists them all.")),
            Map.entry("bookmark", new Param("string", "mytarget", "The bookmark's name (add, del, go).")),
            Map.entry("sessions.action", new Param("list|detail", "detail",
                    "list prints one line per session; detail adds its connections and mapped LUNs.")),
            Map.entry("sid", new Param("number", "1", "Only the session with this session id (TSIH).")),
            Map.entry("savefile", new Param("file path", "/root/backup.json",
                    "The configuration file (saveconfig.json format); ~ is the home directory, a relative path "
                            + "is taken from the shell's working directory.")),
            Map.entry("clear_existing", new Param("boolean", "true",
                    "Remove the whole current configuration first; without it the file's objects are added "
                            + "and existing ones are left alone.")),
            Map.entry("restoreconfig.target", new Param("WWN", "iqn.2003-01.org.linux-iscsi.gw1.x8664:sn.1234",
                    "Restore only this target from the file (with the storage objects it needs).")),
            Map.entry("restoreconfig.storage_object", new Param("string", "disk1",
                    "Restore only this storage object from the file.")),
            Map.entry("confirm", new Param("boolean", "true",
                    "Must be true: a safeguard, as clearconfig removes every backstore and target.")),
            Map.entry("name", new Param("string", "disk1",
                    "The storage object's name, unique within its backstore type.")),
            Map.entry("save", new Param("boolean", "false",
                    "Also delete the backing file (fileio) when true.")),
            Map.entry("size", new Param("size", "10G",
                    "The size in bytes, or with a unit: K, M, G or T (see SIZE SYNTAX).")),
            Map.entry("file_or_dev", new Param("file path", "/var/lib/glio/disk1.img",
                    "The backing file, created when missing (then size is required), or a block device.")),
            Map.entry("dev", new Param("device path", "/dev/sdb", "The block device to export.")),
            Map.entry("write_back", new Param("boolean", "true",
                    "Cache writes (write-back) instead of writing through to the file.")),
            Map.entry("sparse", new Param("boolean", "true",
                    "Create a new backing file sparse instead of writing all of it.")),
            Map.entry("readonly", new Param("boolean", "false", "Export the device read-only.")),
            Map.entry("nullio", new Param("boolean", "false",
                    "Keep no data: reads return zeros and writes are dropped (for tests).")),
            Map.entry("wwn", new Param("string", "6a3f1e5c-0d2b-4c9e-9f3a-2b7d8e1c4a5f",
                    "The unit serial number (a uuid); generated when not given.")),
            Map.entry("cfgstring", new Param("string", "glfs/volume@gluster1/disk1.img",
                    "The handler's configuration: for glfs, volume@host/path of the image on the volume.")),
            Map.entry("hw_max_sectors", new Param("number", "1024",
                    "The largest transfer the device takes, in 512-byte sectors.")),
            Map.entry("force", new Param("boolean", "false",
                    "user:glfs: replace the identity recorded with the file on the volume by this wwn "
                            + "(other gateways exporting the file take it up); without it a different wwn is refused.")),
            Map.entry("control", new Param("string", "max_data_area_mb=64",
                    "Comma-separated name=value settings for the user-space handler.")),
            Map.entry("tag", new Param("number", "2", "The TPG's tag (tpgt); the lowest unused one when not given.")),
            Map.entry("AluaGroupsNode.create.tag", new Param("number", "2", "The group's id (tg_pt_gp_id).")),
            Map.entry("AluaGroupsNode.create.name", new Param("string", "standby_group", "The ALUA group's name.")),
            Map.entry("AluaGroupsNode.delete.name", new Param("string", "standby_group",
                    "The ALUA group to delete.")),
            Map.entry("FabricNode.create.wwn", new Param("WWN", "iqn.2003-01.org.linux-iscsi.gw1.x8664:sn.1234",
                    "The target's name (an IQN for iSCSI); generated from the host name when not given.")),
            Map.entry("AclsNode.create.wwn", new Param("WWN", "iqn.1994-05.com.redhat:client1",
                    "The initiator's name (its IQN).")),
            Map.entry("delete.wwn", new Param("WWN", "iqn.1994-05.com.redhat:client1",
                    "The name of the target or node ACL to delete.")),
            Map.entry("add_mapped_luns", new Param("boolean", "true",
                    "Map the TPG's LUNs in every ACL (the new one, or all of them for a new LUN); "
                            + "the auto_add_mapped_luns preference when not given.")),
            Map.entry("storage_object", new Param("path", "/backstores/fileio/disk1",
                    "The storage object to export, by its path.")),
            Map.entry("lun", new Param("number", "0", "The LUN number; the lowest unused one when not given.")),
            Map.entry("mapped_lun", new Param("number", "0", "The LUN number the initiator sees.")),
            Map.entry("tpg_lun_or_backstore", new Param("number or path", "0",
                    "The TPG LUN to map (its number), or a storage object path, which is exported first.")),
            Map.entry("write_protect", new Param("boolean", "false", "Map the LUN read-only for this initiator.")),
            Map.entry("ip_address", new Param("IP address", "192.0.2.10",
                    "An address of this host (IPv6 without brackets), or 0.0.0.0 for all of them.")),
            Map.entry("ip_port", new Param("port number", "3260", "The TCP port, 3260 when not given.")),
            Map.entry("boolean", new Param("boolean", "true", "true to enable, false to disable.")),
            Map.entry("wwn_or_tag", new Param("WWN or tag", "iqn.1994-05.com.redhat:client1",
                    "The node ACL, by initiator name or by its tag.")),
            Map.entry("new_tag", new Param("string", "webservers", "The tag to give the ACL.")));

    private static final Map<String, List<String>> SEE_ALSO = Map.ofEntries(
            Map.entry("ls", List.of("cd", "info", "status", "bookmarks")),
            Map.entry("cd", List.of("ls", "pwd", "bookmarks")),
            Map.entry("pwd", List.of("cd", "ls")),
            Map.entry("bookmarks", List.of("cd", "ls")),
            Map.entry("get", List.of("set", "info")),
            Map.entry("set", List.of("get")),
            Map.entry("help", List.of("ls", "cd")),
            Map.entry("create", List.of("delete", "ls", "info")),
            Map.entry("delete", List.of("create", "ls")),
            Map.entry("info", List.of("ls", "get", "status")),
            Map.entry("status", List.of("ls", "info")),
            Map.entry("sessions", List.of("ls", "status")),
            Map.entry("saveconfig", List.of("restoreconfig", "clearconfig")),
            Map.entry("restoreconfig", List.of("saveconfig", "clearconfig")),
            Map.entry("clearconfig", List.of("saveconfig", "restoreconfig")),
            Map.entry("enable", List.of("disable", "status")),
            Map.entry("disable", List.of("enable", "status")),
            Map.entry("tag", List.of("untag", "info")),
            Map.entry("untag", List.of("tag", "info")),
            Map.entry("enable_iser", List.of("enable_offload", "info")),
            Map.entry("enable_offload", List.of("enable_iser", "info")),
            Map.entry("changemedium", List.of("info", "ls")),
            Map.entry("refresh", List.of("ls")),
            Map.entry("version", List.of("info")),
            Map.entry("exit", List.of("saveconfig")));

    /**
     * Options the shell reads before the signature (not parameters of the command): name and
     * meaning.
     */
    private static final Map<String, Map<String, String>> FLAGS = Map.of(
            "ls", json("the tree"), "info", json("the values"), "get", json("the groups or parameters"),
            "status", json("the summary"), "sessions", json("the sessions"));

    private static Map<String, String> json(String what) {
        return Map.of(JsonOutput.FLAG, "Print " + what + " as JSON instead, with typed values (the schema is in "
                + "targetcli(8), JSON OUTPUT).");
    }

    private CommandDocs() {
    }

    /** The parameter {@code name} of {@code command} on a node of class {@code nodeKind}. */
    static Param param(String nodeKind, String command, String name) {
        Param p = PARAMS.get(nodeKind + "." + command + "." + name);
        if (p == null) {
            p = PARAMS.get(command + "." + name);
        }
        return p != null ? p : PARAMS.getOrDefault(name, UNDOCUMENTED);
    }

    static List<String> seeAlso(String command) {
        return SEE_ALSO.getOrDefault(command, List.of("help"));
    }

    static Map<String, String> flags(String command) {
        return FLAGS.getOrDefault(command, Map.of());
    }
}
