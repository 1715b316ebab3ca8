package io.glio.shell;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** Lets tests in other packages run the shell on given streams and environment. */
public final class MainAccess {

    private MainAccess() {
    }

    public static int run(EngineAttacher attacher, InputStream in, PrintStream out, PrintStream err,
                          Map<String, String> env) {
        return Main.run(new String[0], attacher, in, out, err, env);
    }
}
