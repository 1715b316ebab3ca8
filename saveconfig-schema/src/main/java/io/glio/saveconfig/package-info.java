/**
 * rtslib-fb's {@code saveconfig.json}: the records, a validating reader, a byte-exact
 * crash-safe writer and targetcli-style backups.
 *
 * <p>Typical use:
 * <pre>{@code
 * SaveConfig config = SaveConfigReader.read(Path.of("/etc/target/saveconfig.json"));    // strict
 * SaveConfigReader.Result r = SaveConfigReader.readLenient(path);  // r.problems(): what rtslib would skip
 *
 * if (new SaveConfigBackups().backup(path, SaveConfigBackups.DEFAULT_MAX_BACKUP_FILES)) {
 *     out.println("Last 10 configs saved in " + SaveConfigBackups.backupDir(path) + "/.");
 * }
 * SaveConfigWriter.write(config, path, false);   // refuses empty-over-non-empty unless force
 * }</pre>
 *
 * <p>Record conventions: {@code null} component = key absent (not written); lists and maps are
 * unmodifiable, in file order; {@code extra()} keeps unknown keys and explicit JSON nulls. The
 * shape is defined by {@code saveconfig.schema.json} (JSON Schema 2020-12) in this package's
 * resources; see targetcli-reference.md §8 for what rtslib writes.
 */
package io.glio.saveconfig;
