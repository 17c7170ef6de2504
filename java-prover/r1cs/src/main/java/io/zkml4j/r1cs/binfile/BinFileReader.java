package io.zkml4j.r1cs.binfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An open iden3 section file: {@code magic[4] | uint32 version | uint32 nSections}, then
 * {@code nSections} times {@code uint32 type | uint64 size | payload[size]}, all little-endian.
 *
 * <p>{@link #open} validates the whole table of contents before anything is allocated in
 * proportion to a declared count or size: the magic, the version, that the section count fits the
 * file, that every section's size fits in what remains of the file, that no known section type
 * occurs twice and that every required one occurs. Sections may appear in any order; unknown types
 * are skipped. Payloads are then read through {@link SectionReader}s, which use positional reads of
 * bounded chunks and so work for files beyond 2 GiB without holding them in memory.
 *
 * <p>Not thread-safe. Every failure is a {@link BinFileException} naming the file.
 */
public final class BinFileReader implements AutoCloseable {

    /** {@code magic + version + nSections}. */
    static final int FILE_HEADER_BYTES = 12;

    /** {@code type + size} before each payload. */
    static final int SECTION_HEADER_BYTES = 12;

    private final String fileName;
    private final BinFileFormat format;
    private final FileChannel channel;
    private final long fileSize;
    private final int version;
    private final List<Section> sections;
    private final Map<Integer, Section> known;

    private BinFileReader(String fileName, BinFileFormat format, FileChannel channel, long fileSize, int version,
                          List<Section> sections, Map<Integer, Section> known) {
        this.fileName = fileName;
        this.format = format;
        this.channel = channel;
        this.fileSize = fileSize;
        this.version = version;
        this.sections = List.copyOf(sections);
        this.known = Map.copyOf(known);
    }

    /**
     * Opens {@code path} and validates its table of contents against {@code format}.
     *
     * @throws BinFileException if the file cannot be read or its table of contents is invalid
     */
    public static BinFileReader open(Path path, BinFileFormat format) {
        Objects.requireNonNull(format, "format");
        String name = displayName(path);
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new BinFileException(name + ": cannot open: " + e, e);
        }
        try {
            return scan(name, format, channel);
        } catch (RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    private static BinFileReader scan(String name, BinFileFormat format, FileChannel channel) {
        long size;
        try {
            size = channel.size();
        } catch (IOException e) {
            throw new BinFileException(name + ": cannot read: " + e, e);
        }
        if (size < FILE_HEADER_BYTES) {
            throw new BinFileException(name + ": " + size + " bytes is too short for a '" + format.magic()
                    + "' file, whose header alone takes " + FILE_HEADER_BYTES + " bytes");
        }
        ByteBuffer head = readFully(name, channel, 0, FILE_HEADER_BYTES);
        byte[] magic = new byte[4];
        head.get(magic);
        if (!Arrays.equals(magic, format.magicBytes())) {
            throw new BinFileException(name + ": not a '" + format.magic() + "' file: it starts with "
                    + printable(magic));
        }
        int version = head.getInt();
        if (Integer.compareUnsigned(version, format.minVersion()) < 0
                || Integer.compareUnsigned(version, format.maxVersion()) > 0) {
            String expected = format.minVersion() == format.maxVersion() ? String.valueOf(format.minVersion())
                    : format.minVersion() + " to " + format.maxVersion();
            throw new BinFileException(name + ": '" + format.magic() + "' version "
                    + Integer.toUnsignedString(version) + " is not supported (expected " + expected + ")");
        }
        long nSections = Integer.toUnsignedLong(head.getInt());
        long room = (size - FILE_HEADER_BYTES) / SECTION_HEADER_BYTES;
        if (nSections > room) {
            throw new BinFileException(name + ": declares " + nSections + " sections but its " + size
                    + " bytes leave room for at most " + room);
        }
        List<Section> sections = new ArrayList<>((int) Math.min(nSections, 64));
        Map<Integer, Section> known = new HashMap<>();
        long pos = FILE_HEADER_BYTES;
        for (long i = 0; i < nSections; i++) {
            if (size - pos < SECTION_HEADER_BYTES) {
                throw new BinFileException(name + ": section header " + (i + 1) + " of " + nSections
                        + " would start at byte " + pos + " but only " + (size - pos) + " bytes remain");
            }
            ByteBuffer sh = readFully(name, channel, pos, SECTION_HEADER_BYTES);
            int type = sh.getInt();
            long declared = sh.getLong();
            pos += SECTION_HEADER_BYTES;
            long remaining = size - pos;
            if (declared < 0 || declared > remaining) {
                throw new BinFileException(name + ": " + format.describe(type) + " declares "
                        + Long.toUnsignedString(declared) + " bytes but only " + remaining + " remain");
            }
            Section s = new Section(type, pos, declared);
            sections.add(s);
            if (format.sectionNames().containsKey(type) && known.putIfAbsent(type, s) != null) {
                throw new BinFileException(name + ": " + format.describe(type) + " occurs more than once");
            }
            pos += declared;
        }
        for (Integer type : format.required()) {
            if (!known.containsKey(type)) {
                throw new BinFileException(name + ": required " + format.describe(type) + " is missing");
            }
        }
        if (pos != size) {
            throw new BinFileException(name + ": " + (size - pos) + " bytes after the last of its " + nSections
                    + " sections");
        }
        return new BinFileReader(name, format, channel, size, version, sections, known);
    }

    /** The file name used in messages. */
    public String fileName() {
        return fileName;
    }

    /** The format this file was validated against. */
    public BinFileFormat format() {
        return format;
    }

    /** The file's length in bytes. */
    public long fileSize() {
        return fileSize;
    }

    /** The version number read from the file (within the format's accepted range). */
    public int version() {
        return version;
    }

    /** All sections in file order, unknown types included. */
    public List<Section> sections() {
        return sections;
    }

    /** Whether a known section type is present. */
    public boolean has(int type) {
        return known.containsKey(type);
    }

    /**
     * The unique section of a known type.
     *
     * @throws BinFileException if it is absent
     */
    public Section section(int type) {
        Section s = known.get(type);
        if (s == null) {
            throw new BinFileException(fileName + ": " + format.describe(type) + " is missing");
        }
        return s;
    }

    /**
     * A cursor over the payload of the unique section of a known type.
     *
     * @throws BinFileException if it is absent
     */
    public SectionReader open(int type) {
        return new SectionReader(this, section(type));
    }

    /** A failure in this file, the message prefixed with the file name. */
    public BinFileException error(String problem) {
        return new BinFileException(fileName + ": " + problem);
    }

    FileChannel channel() {
        return channel;
    }

    String describe(int type) {
        return format.describe(type);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new BinFileException(fileName + ": cannot close: " + e, e);
        }
    }

    // ---- Helpers -----------------------------------------------------------------------------

    static String displayName(Path path) {
        Objects.requireNonNull(path, "path");
        Path fn = path.getFileName();
        return fn == null ? path.toString() : fn.toString();
    }

    private static ByteBuffer readFully(String name, FileChannel channel, long pos, int n) {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        try {
            while (b.hasRemaining()) {
                int r = channel.read(b, pos + b.position());
                if (r < 0) {
                    throw new BinFileException(name + ": ended at byte " + (pos + b.position()) + " while reading "
                            + n + " bytes at " + pos + " (was it truncated while being read?)");
                }
            }
        } catch (IOException e) {
            throw new BinFileException(name + ": cannot read: " + e, e);
        }
        return b.flip();
    }

    private static String printable(byte[] magic) {
        StringBuilder hex = new StringBuilder();
        boolean ascii = true;
        for (byte b : magic) {
            hex.append(String.format("%02x", b & 0xff));
            ascii &= b >= 0x20 && b < 0x7f;
        }
        return ascii ? "'" + new String(magic, StandardCharsets.US_ASCII) + "' (" + hex + ")" : hex.toString();
    }

    private static void closeQuietly(FileChannel channel, RuntimeException primary) {
        try {
            channel.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }
}
