package io.glio.engine.model;

import io.glio.saveconfig.SaveConfig;
import io.glio.saveconfig.SaveConfigException;
import io.glio.saveconfig.SaveConfigProblem;
import io.glio.saveconfig.SaveConfigReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a saveconfig.json for a restore the way rtslib restores one: whatever can be used is
 * used. Entries lacking required keys are marked for rtslib's texts ({@link MissingKeys});
 * entries of the wrong shape (a value of the wrong type or out of range) are left out, each
 * with one line naming its JSON path:
 * {@code storage_objects[3].size: expected an integer, got string "abc", skipped}; entries
 * rtslib itself skips (unknown plugin, a LUN or mapped LUN pointing at nothing, a duplicate)
 * get rtslib's texts from the restore, as targetcli prints them. Only a file that is not
 * JSON, or whose top level is unusable, is refused. The file is only read.
 */
final class SaveconfigFile {

    /** The usable records and the lines of the entries left out (file order). */
    record Read(SaveConfig config, List<String> skipped) {
    }

    private SaveconfigFile() {
    }

    /** @throws ModelException with the reader's located message when nothing can be used */
    static Read read(Path file) {
        String text;
        try {
            text = SaveConfigReader.readText(file);
        } catch (IOException e) {
            throw new ModelException(e.getMessage());
        }
        String marked = MissingKeys.mark(text);
        SaveConfigReader.Result result;
        try {
            result = SaveConfigReader.parseSkippingInvalid(marked == null ? text : marked, file.toString());
        } catch (SaveConfigException e) {
            throw new ModelException(locatedInOriginal(text, file, e).getMessage());
        }
        return new Read(result.config(), result.problems().stream().map(SaveconfigFile::line).toList());
    }

    /** The marked text is re-serialized on one line: report a fatal problem where the file has it. */
    private static SaveConfigException locatedInOriginal(String text, Path file, SaveConfigException marked) {
        try {
            SaveConfigReader.parseSkippingInvalid(text, file.toString());
        } catch (SaveConfigException original) {
            return original;
        }
        return marked;
    }

    private static String line(SaveConfigProblem p) {
        String path = p.path().startsWith("$.") ? p.path().substring(2) : p.path();
        return path + ": " + p.message() + ", skipped";
    }
}
