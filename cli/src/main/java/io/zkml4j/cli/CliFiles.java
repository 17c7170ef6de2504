package io.zkml4j.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * File checks done before any expensive work, so a run fails in milliseconds with a clear message
 * instead of after minutes of proving, and the atomic writer for the CLI's own text outputs.
 */
final class CliFiles {

    private CliFiles() {
    }

    /**
     * Checks that {@code path} is an existing, readable regular file.
     *
     * @param what what the file should be, for the message ("the proving key")
     * @throws CliException otherwise
     */
    static void checkInput(Path path, String what) {
        if (!Files.exists(path)) {
            throw new CliException(path + ": no such file (" + what + ")");
        }
        if (Files.isDirectory(path)) {
            throw new CliException(path + ": is a directory, expected " + what);
        }
        if (!Files.isReadable(path)) {
            throw new CliException(path + ": permission denied (cannot read " + what + ")");
        }
    }

    /**
     * Checks that {@code path} can be created or replaced: its directory exists and it is not itself a
     * directory.
     *
     * @throws CliException otherwise
     */
    static void checkOutput(Path path, String what) {
        Path abs = path.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CliException(path + ": cannot write " + what + ": directory " + dir + " does not exist");
        }
        if (Files.isDirectory(abs)) {
            throw new CliException(path + ": is a directory, cannot write " + what + " there");
        }
        if (!Files.isWritable(dir)) {
            throw new CliException(path + ": cannot write " + what + ": directory " + dir + " is not writable");
        }
    }

    /** Checks, before any work, that the output directory {@code dir} is not an existing file. */
    static void checkOutputDirectory(Path dir, String option, String what) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new CliException(dir + ": exists and is not a directory (" + option + " names " + what + ")");
        }
    }

    /**
     * Creates the output directory {@code dir} (and its parents) unless it exists.
     *
     * @param what what the directory is for, for the message ("the model directory")
     * @throws CliException if it exists as a file or cannot be created
     */
    static Path createOutputDirectory(Path dir, String option, String what) {
        checkOutputDirectory(dir, option, what);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CliException(dir + ": cannot create " + what + ": " + describe(e), e);
        }
    }

    /** Fails unless the given outputs are all different files. */
    static void checkDistinct(Path... outputs) {
        for (int i = 0; i < outputs.length; i++) {
            for (int j = i + 1; j < outputs.length; j++) {
                if (outputs[i].toAbsolutePath().normalize().equals(outputs[j].toAbsolutePath().normalize())) {
                    throw new CliException(outputs[i] + " is given for two different outputs");
                }
            }
        }
    }

    /**
     * Writes each text (UTF-8) to a temporary file next to its target, and only when all are written
     * moves them into place (an atomic rename each). A failure while writing touches no target; no
     * temporary file is left either way. (Only a failing rename, after the earlier ones succeeded,
     * could leave the earlier targets new and the later ones old; the temporaries live in the
     * targets' directories, so renames fail only if the directory changes underneath.)
     *
     * @throws CliException naming the file that could not be written
     */
    static void writeTextFiles(Map<Path, String> files) {
        Map<Path, Path> temps = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, String> e : files.entrySet()) {
                Path target = e.getKey().toAbsolutePath();
                Path temp = createTemp(target, e.getKey());
                temps.put(e.getKey(), temp);
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ch.write(StandardCharsets.UTF_8.encode(e.getValue()));
                    ch.force(true);
                } catch (IOException ex) {
                    throw new CliException(e.getKey() + ": cannot write: " + describe(ex), ex);
                }
            }
            for (Map.Entry<Path, Path> e : temps.entrySet()) {
                move(e.getValue(), e.getKey().toAbsolutePath(), e.getKey());
            }
            temps.clear();
        } finally {
            for (Path temp : temps.values()) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort; the name starts with a dot and ends in .tmp
                }
            }
        }
    }

    /**
     * A new empty file {@code .<name>.<random>.tmp} next to {@code target}. Created with
     * {@code CREATE_NEW} and default attributes, so the finished file gets the permissions the user's
     * umask gives any new file (Files.createTempFile would make it private, 0600).
     */
    private static Path createTemp(Path target, Path shown) {
        for (int attempt = 0; ; attempt++) {
            byte[] salt = new byte[6];
            ThreadLocalRandom.current().nextBytes(salt);
            Path temp = target.resolveSibling("." + target.getFileName() + "." + HexFormat.of().formatHex(salt)
                    + ".tmp");
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 8) {
                    throw new CliException(shown + ": cannot create a temporary file: " + describe(e), e);
                }
            } catch (IOException e) {
                throw new CliException(shown + ": cannot create a temporary file: " + describe(e), e);
            }
        }
    }

    private static void move(Path temp, Path target, Path shown) {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CliException(shown + ": cannot move the finished file into place: " + describe(e), e);
        }
    }

    /** An IOException as a short phrase: "no such file: /x/y", "permission denied: /x/y", or its message. */
    static String describe(IOException e) {
        String file = e instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile() : null;
        String what;
        if (e instanceof java.nio.file.NoSuchFileException) {
            what = "no such file";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            what = "permission denied";
        } else if (e instanceof java.nio.file.FileAlreadyExistsException) {
            what = "file already exists";
        } else if (e instanceof java.nio.file.NotDirectoryException) {
            what = "not a directory";
        } else if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            what = f.getReason();
        } else {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return file == null ? what : what + ": " + file;
    }
}
