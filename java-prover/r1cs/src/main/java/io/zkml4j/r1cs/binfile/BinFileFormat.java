package io.zkml4j.r1cs.binfile;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a reader expects of one kind of section file: its 4-byte magic, the accepted version range,
 * a human name per known section type (used in messages, and to reject duplicates), and the section
 * types that must be present. Section types not in {@code sectionNames} are skipped, as the iden3
 * format description requires.
 *
 * @param magic        four ASCII characters, e.g. {@code "r1cs"}
 * @param minVersion   lowest accepted version
 * @param maxVersion   highest accepted version
 * @param sectionNames meaning of each known section type
 * @param required     known section types that must occur exactly once
 */
public record BinFileFormat(String magic, int minVersion, int maxVersion, Map<Integer, String> sectionNames,
                            Set<Integer> required) {

    public BinFileFormat {
        Objects.requireNonNull(magic, "magic");
        if (magic.getBytes(StandardCharsets.US_ASCII).length != 4 || !StandardCharsets.US_ASCII.newEncoder()
                .canEncode(magic)) {
            throw new IllegalArgumentException("Expected a 4-character ASCII magic but got '" + magic + "'");
        }
        if (minVersion > maxVersion) {
            throw new IllegalArgumentException("Expected minVersion <= maxVersion but got " + minVersion + " > "
                    + maxVersion);
        }
        sectionNames = Map.copyOf(sectionNames);
        required = Set.copyOf(required);
        for (Integer type : required) {
            if (!sectionNames.containsKey(type)) {
                throw new IllegalArgumentException("Required section " + type + " has no name");
            }
        }
    }

    /** The magic as the four bytes that open the file. */
    public byte[] magicBytes() {
        return magic.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code "section 2 (constraints)"}, or {@code "section 9"} for an unknown type. */
    public String describe(int type) {
        String name = sectionNames.get(type);
        String number = Integer.toUnsignedString(type);
        return name == null ? "section " + number : "section " + number + " (" + name + ")";
    }
}
