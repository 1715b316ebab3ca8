package io.glio.shell;

import io.glio.engine.model.DeviceProbe;
import io.glio.engine.model.ModelEnvironment;
import io.glio.engine.model.TargetModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Runs glio's shell the way the oracle recordings were made (commands piped on stdin, host name
 * storage1.example.com, backing files under {@link #FILES}) and normalises both sides: random
 * serials, generated WWNs and aliases, and the state folders differ between runs.
 */
final class OracleRun {

    /** Fixed folder for backing files, the same one record.sh used, so ls widths match. */
    static final Path FILES = Path.of("/tmp/glio-shell-difftest");
    static final String HOST = "storage1.example.com";

    final String stdout;
    final String stderr;
    final String savedJson;
    final int exitCode;
    final Path configDir;

    private OracleRun(String stdout, String stderr, String savedJson, int exitCode, Path configDir) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.savedJson = savedJson;
        this.exitCode = exitCode;
        this.configDir = configDir;
    }

    /** An engine that serves and has no session yet: what the oracle's kernel looks like. */
    static final EngineAttacher SERVING_NOTHING = (model, runDir) -> new EngineAttacher.Attached() {
        @Override
        public SessionSource sessions() {
            return new SessionSource() {
                @Override
                public boolean serving() {
                    return true;
                }

                @Override
                public java.util.List<SessionInfo> sessions() {
                    return java.util.List.of();
                }
            };
        }

        @Override
        public void close() {
        }
    };

    static TargetModel testModel() {
        return new TargetModel(new ModelEnvironment(HOST, "x86_64", UUID::randomUUID, DeviceProbe.system()));
    }

    /**
     * Runs {@code script} piped, in fresh preference and configuration folders, with
     * {@code input} (if not null) at {@code FILES/input.json}.
     */
    static OracleRun piped(String script, String input) throws IOException {
        resetFiles();
        if (input != null) {
            Files.writeString(FILES.resolve("input.json"), input);
        }
        Path home = Files.createTempDirectory("glio-shell-home");
        Path configDir = Files.createTempDirectory("glio-shell-config");
        try {
            return run(script, home, configDir);
        } finally {
            deleteTree(home);
        }
    }

    static OracleRun run(String script, Path home, Path configDir, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path config = configDir.resolve("saveconfig.json");
        int rc = Main.run(args, SERVING_NOTHING, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ShellTestEnv.of(home, config),
                OracleRun::testModel);
        String json = Files.exists(config) ? Files.readString(config) : null;
        return new OracleRun(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), json, rc,
                configDir);
    }

    static void resetFiles() throws IOException {
        deleteTree(FILES);
        Files.createDirectories(FILES.resolve("img"));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Replaces what legitimately differs between two runs with placeholders of the same meaning. */
    static String normalize(String text, Path configDir) {
        return text
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "@UUID@")
                .replaceAll("sn\\.[0-9a-f]{12}", "sn.@SN@")
                .replaceAll("\"alias\": \"[0-9a-f]{10}\"", "\"alias\": \"@ALIAS@\"")
                .replaceAll("naa\\.5001405[0-9a-f]{9}", "naa.5001405@HEX@")
                .replaceAll("alias: [0-9a-f]{10}", "alias: @ALIAS@")
                .replace("@ORACLE_BASE@/cfs/target", "/sys/kernel/config/target")
                // glio's deliberate difference: it names the objects instead of a configfs path it does not have.
                .replaceAll("No such MappedLUN in configfs: /sys/kernel/config/target/\\w+/([^/]+)/tpgt_(\\d+)/acls/([^/]+)/lun_(\\d+)",
                        "No mapped LUN $4 in node ACL $3 (target $1, TPG $2)")
                .replace("@ORACLE_BASE@/etc", "@CONFIG_DIR@")
                .replace(configDir.toString(), "@CONFIG_DIR@");
    }
}
