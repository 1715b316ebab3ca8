package io.glio.shell;

import java.util.List;

/**
 * A shell in this process (embedded mode): it serves the model with its own engine and holds
 * the configuration's lock for its whole life, so no other process edits the file under it.
 */
final class LocalSession implements ShellSession {

    private final Shell shell;
    private final EngineAttacher.Attached engine;
    private final boolean restored;
    private final AutoCloseable lock;

    private LocalSession(Shell shell, EngineAttacher.Attached engine, boolean restored, AutoCloseable lock) {
        this.shell = shell;
        this.engine = engine;
        this.restored = restored;
        this.lock = lock;
    }

    /**
     * Attaches the engine (first, so it learns the restored configuration from the model's
     * events), restores the file and resumes the last path.
     */
    static LocalSession open(Shell shell, EngineAttacher attacher, java.nio.file.Path runDir, AutoCloseable lock) {
        EngineAttacher.Attached engine = Main.attach(attacher, shell, runDir);
        boolean restored = Main.restore(shell);
        shell.resetChanged();
        shell.resumeLastPath();
        return new LocalSession(shell, engine, restored, lock);
    }

    @Override
    public boolean run(String line) {
        return shell.run(line);
    }

    @Override
    public boolean exitRequested() {
        return shell.exitRequested();
    }

    @Override
    public String prompt() {
        return shell.prompt();
    }

    @Override
    public List<Completions.Item> complete(String before) {
        return new Completions(shell).complete(before);
    }

    @Override
    public boolean finish() {
        Main.exitSave(shell, restored);
        return true;
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            PidLock.release(lock);
        }
    }
}
