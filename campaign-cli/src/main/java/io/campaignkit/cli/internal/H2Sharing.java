package io.campaignkit.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.h2.tools.Server;

/**
 * Several processes on one embedded H2 file. H2 lets one process open the file; a long-running
 * {@code run} or {@code serve} that holds it also serves it on a local TCP port (H2's mixed mode),
 * and writes the port next to the database, so {@code list}, {@code report}, {@code schedule} and
 * {@code unschedule} from another process connect through it instead of failing with "already in
 * use". (H2's own AUTO_SERVER does the same but cannot be combined with DB_CLOSE_ON_EXIT=FALSE,
 * which a run needs to record what is in flight when it is stopped.) The server accepts local
 * connections only, with the database's user and password.
 */
final class H2Sharing {

    private static final String SUFFIX = ".campaignkit-server";

    private H2Sharing() {}

    /** Serving, until closed. */
    interface Served extends AutoCloseable {
        @Override
        void close();
    }

    /** The database file's path of an embedded H2 file URL (without its settings), if it is one. */
    static Optional<Path> databasePath(String url) {
        String base = url.split(";")[0];
        if (!CliStore.isH2File(base)) {
            return Optional.empty();
        }
        String path = base.substring("jdbc:h2:".length());
        if (path.toLowerCase(Locale.ROOT).startsWith("file:")) {
            path = path.substring("file:".length());
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Optional.of(Path.of(path).toAbsolutePath().normalize());
    }

    /** Serves the open database at {@code url} to other local processes until closed; nothing for other URLs. */
    static Served serve(String url) {
        Optional<Path> database = databasePath(url);
        if (database.isEmpty()) {
            return () -> {};
        }
        try {
            Server server = Server.createTcpServer("-tcpPort", "0").start();
            Path portFile = Path.of(database.get() + SUFFIX);
            Files.writeString(portFile, Integer.toString(server.getPort()), StandardCharsets.UTF_8);
            return () -> {
                server.stop();
                try {
                    Files.deleteIfExists(portFile);
                } catch (IOException leftBehind) {
                    // a stale port file only sends other processes to a closed port, then to H2's own error
                }
            };
        } catch (SQLException | IOException cannotServe) {
            // the run goes on; other processes get H2's "already in use" as before
            return () -> {};
        }
    }

    /** The URL that reaches {@code url}'s database through the process holding it, when one serves it. */
    static Optional<String> servedUrl(String url) {
        Optional<Path> database = databasePath(url);
        if (database.isEmpty()) {
            return Optional.empty();
        }
        try {
            String port = Files.readString(Path.of(database.get() + SUFFIX), StandardCharsets.UTF_8)
                    .strip();
            int settings = url.indexOf(';');
            return Optional.of("jdbc:h2:tcp://localhost:" + Integer.parseInt(port) + "/file:" + database.get()
                    + (settings < 0 ? "" : url.substring(settings)));
        } catch (IOException | NumberFormatException noServer) {
            return Optional.empty();
        }
    }
}
