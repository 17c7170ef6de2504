package io.zkml4j.cli;

import java.security.SecureRandom;
import java.util.HexFormat;
import picocli.CommandLine.Option;

/**
 * The options of a ceremony contribution ({@code ptau contribute}, {@code zkey contribute}): the
 * contributor's name and extra entropy text, as snarkjs takes them. A picocli mixin.
 */
final class ContributorOptions {

    @Option(names = {"-n", "--name"}, paramLabel = "TEXT", description = "Contributor name recorded in the output.")
    String name;

    @Option(names = {"-e", "--entropy"}, paramLabel = "TEXT",
            description = "Extra entropy text (default: 32 more random bytes).")
    String entropy;

    /** Refuses an empty {@code --entropy} (call before any work). */
    void validate() {
        if (entropy != null && entropy.isEmpty()) {
            throw new CliException("--entropy must not be empty (leave it out to use random bytes only)");
        }
    }

    /** {@code --entropy}, or 32 random bytes as hex text when it was not given. */
    String entropyText(SecureRandom random) {
        if (entropy != null) {
            return entropy;
        }
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
