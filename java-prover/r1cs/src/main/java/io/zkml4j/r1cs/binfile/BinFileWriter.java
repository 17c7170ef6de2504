package io.zkml4j.r1cs.binfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes an iden3 section file atomically: bytes go to a temporary file next to the target, and
 * only {@link #commit()} moves it into place (an atomic rename where the file system supports it).
 * Closing without committing deletes the temporary file, so a failure never leaves a half-written
 * output and never damages an existing file at the target path.
 *
 * <p>Usage: {@code create}, then for each section {@link #beginSection}, the payload writes and
 * {@link #endSection}, then {@code commit}, inside try-with-resources. Section sizes are patched in
 * when each section ends. Not thread-safe.
 */
public final class BinFileWriter implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private final String fileName;
    private final FileChannel channel;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private final long declaredSections;
    /** File position of {@code buf}'s first byte. */
    private long flushed;
    private long sectionsWritten;
    /** File position of the open section's size field, or -1. */
    private long sizeFieldPos = -1;
    private int openType;
    private boolean done;

    private BinFileWriter(Path target, Path temp, FileChannel channel, long declaredSections) {
        this.target = target;
        this.temp = temp;
        this.fileName = BinFileReader.displayName(target);
        this.channel = channel;
        this.declaredSections = declaredSections;
    }

    /**
     * Starts a file with the given magic, version and number of sections (all of which must then
     * be written).
     *
     * @throws BinFileException if the temporary file cannot be created
     */
    public static BinFileWriter create(Path target, String magic, int version, int sections) {
        Objects.requireNonNull(target, "target");
        byte[] magicBytes = new BinFileFormat(magic, version, version, Map.of(), Set.of())
                .magicBytes();
        if (sections < 0) {
            throw new IllegalArgumentException("Expected a non-negative section count but got " + sections);
        }
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        String name = BinFileReader.displayName(abs);
        FileChannel channel = null;
        Path temp = null;
        for (int attempt = 0; channel == null; attempt++) {
            byte[] salt = new byte[6];
            ThreadLocalRandom.current().nextBytes(salt);
            temp = dir.resolve("." + name + "." + HexFormat.of().formatHex(salt) + ".tmp");
            try {
                channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 8) {
                    throw new BinFileException(name + ": cannot create a temporary file in " + dir + ": " + e, e);
                }
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                throw new BinFileException(name + ": cannot create a temporary file in " + dir + ": " + e, e);
            }
        }
        BinFileWriter w = new BinFileWriter(abs, temp, channel, sections);
        w.put(magicBytes);
        w.u32(version);
        w.u32(sections);
        return w;
    }

    /** Opens a section of the given type; its size is filled in by {@link #endSection()}. */
    public void beginSection(int type) {
        checkOpen();
        if (sizeFieldPos >= 0) {
            throw new IllegalStateException("Section " + openType + " is still open");
        }
        if (sectionsWritten == declaredSections) {
            throw new IllegalStateException("The file declares " + declaredSections + " sections; all are written");
        }
        u32(type);
        sizeFieldPos = position();
        openType = type;
        u64(0);
    }

    /** Closes the open section, recording its payload size. */
    public void endSection() {
        checkOpen();
        if (sizeFieldPos < 0) {
            throw new IllegalStateException("No section is open");
        }
        long size = position() - sizeFieldPos - 8;
        flush();
        ByteBuffer sz = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(size).flip();
        try {
            while (sz.hasRemaining()) {
                channel.write(sz, sizeFieldPos + sz.position());
            }
        } catch (IOException e) {
            throw ioError(e);
        }
        sizeFieldPos = -1;
        sectionsWritten++;
    }

    /** Writes an unsigned 32-bit value given as its bit pattern. */
    public void u32(int v) {
        ensure(4);
        buf.putInt(v);
    }

    /**
     * Writes an unsigned 32-bit value.
     *
     * @throws IllegalArgumentException unless {@code 0 <= v < 2^32}
     */
    public void u32(long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("Expected a uint32 but got " + v);
        }
        u32((int) v);
    }

    /** Writes a non-negative 64-bit value. */
    public void u64(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("Expected a non-negative uint64 but got " + v);
        }
        ensure(8);
        buf.putLong(v);
    }

    /** Writes {@code n} little-endian 64-bit words from {@code src[off..off+n)}: a field element's plain limbs. */
    public void words(long[] src, int off, int n) {
        int piece = buf.capacity() / 8;
        for (int done = 0; done < n; done += piece) {
            int m = Math.min(piece, n - done);
            ensure(8 * m);
            buf.asLongBuffer().put(src, off + done, m);
            buf.position(buf.position() + 8 * m);
        }
    }

    /** Writes raw bytes. */
    public void put(byte[] bytes) {
        int done = 0;
        while (done < bytes.length) {
            if (!buf.hasRemaining()) {
                flush();
            }
            int n = Math.min(buf.remaining(), bytes.length - done);
            buf.put(bytes, done, n);
            done += n;
        }
    }

    /**
     * Flushes, syncs and moves the finished file to the target path, replacing any file there.
     *
     * @throws IllegalStateException if a section is open or fewer sections were written than declared
     * @throws BinFileException      if writing or moving fails (the target is then left untouched)
     */
    public void commit() {
        checkOpen();
        if (sizeFieldPos >= 0) {
            throw new IllegalStateException("Section " + openType + " is still open");
        }
        if (sectionsWritten != declaredSections) {
            throw new IllegalStateException("The file declares " + declaredSections + " sections but "
                    + sectionsWritten + " were written");
        }
        flush();
        try {
            channel.force(true);
            channel.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw ioError(e);
        }
        done = true;
    }

    /** Discards the temporary file unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // The temporary file is deleted below either way.
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new BinFileException(fileName + ": cannot delete the temporary file " + temp + ": " + e, e);
        }
    }

    // ---- Buffer management ------------------------------------------------------------------

    private long position() {
        return flushed + buf.position();
    }

    private void ensure(int n) {
        checkOpen();
        if (buf.remaining() < n) {
            flush();
        }
    }

    private void flush() {
        buf.flip();
        try {
            while (buf.hasRemaining()) {
                flushed += channel.write(buf, flushed);
            }
        } catch (IOException e) {
            throw ioError(e);
        }
        buf.clear();
    }

    private void checkOpen() {
        if (done) {
            throw new IllegalStateException(fileName + ": writer is already committed or closed");
        }
    }

    private BinFileException ioError(IOException e) {
        return new BinFileException(fileName + ": cannot write: " + e, e);
    }
}
