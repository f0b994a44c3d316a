package io.campaignkit.store.jdbc.cluster;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A file with one line per message handed to a channel, written straight through to the operating
 * system (no buffer in the JVM), so the lines of a process killed with SIGKILL are all there.
 */
final class SendLog implements Consumer<String>, AutoCloseable {

    private final FileOutputStream out;

    SendLog(Path file) {
        try {
            this.out = new FileOutputStream(file.toFile(), true);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Override
    public synchronized void accept(String phone) {
        try {
            out.write((phone + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    static List<String> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.US_ASCII);
    }
}
