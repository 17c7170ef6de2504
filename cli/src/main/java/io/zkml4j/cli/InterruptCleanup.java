package io.zkml4j.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Deletes the temporary files of a command's outputs when the JVM is stopped in the middle of the
 * command (Ctrl-C, SIGTERM): the atomic writers delete their temporaries on every failure they see,
 * but a signal ends the JVM without running {@code finally} blocks, only shutdown hooks. A long
 * {@code ptau prepare} interrupted by Ctrl-C would otherwise leave a hidden file as large as its
 * output.
 *
 * <p>{@link Main} installs it as a shutdown hook for the duration of one command and removes it when
 * the command returns, so it only ever runs for an interrupted command. It deletes, in each watched
 * output's directory, the files named like our writers' temporaries for that output
 * ({@code .<name>.<random>.tmp}, and {@code .<name>.<random>.points} for ptau contributions) that were
 * modified since the command started; the target itself is never touched.
 */
final class InterruptCleanup implements Runnable {

    private final List<Path> outputs = new CopyOnWriteArrayList<>();
    /** With a second of slack for file systems with coarse timestamps. */
    private final long sinceMillis = System.currentTimeMillis() - 1000;

    /** Watches the temporaries of {@code output}. */
    void watch(Path output) {
        outputs.add(output.toAbsolutePath());
    }

    @Override
    public void run() {
        for (Path output : outputs) {
            Path dir = output.getParent();
            Path fileName = output.getFileName();
            if (dir == null || fileName == null) {
                continue;
            }
            String prefix = "." + fileName + ".";
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> isTemporary(p, prefix))) {
                for (Path temp : entries) {
                    if (Files.getLastModifiedTime(temp).toMillis() >= sinceMillis) {
                        Files.deleteIfExists(temp);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // best effort while the JVM is going down
            }
        }
    }

    private static boolean isTemporary(Path p, String prefix) {
        String n = p.getFileName().toString();
        String stem = n.endsWith(".tmp") ? n.substring(0, n.length() - 4)
                : n.endsWith(".points") ? n.substring(0, n.length() - 7) : null;
        // prefix, a non-empty random part, suffix
        return stem != null && stem.startsWith(prefix) && stem.length() > prefix.length() && Files.isRegularFile(p);
    }
}
